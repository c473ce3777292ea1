#include "kernels/tolerance.h"

#include <cmath>
#include <sstream>

#include "kernels/kernelerror.h"

namespace tokenroute::kernels {

ErrorCheck compareToReference(const float *got, const float *ref, std::size_t n, const Tolerance &tol)
{
    ErrorCheck c;
    double worstExcess = -1;
    for (std::size_t i = 0; i < n; ++i) {
        const double g = got[i];
        const double r = ref[i];
        if (!std::isfinite(g) || !std::isfinite(r)) {
            // A reference that is itself non-finite means the inputs were bad; the kernel is not
            // to blame, but the result still cannot be called correct.
            ++c.nonFinite;
            ++c.failures;
            continue;
        }
        const double err = std::fabs(g - r);
        const double bound = tol.atol + tol.rtol * std::fabs(r);
        if (err > c.maxAbsError)
            c.maxAbsError = err;
        if (err > bound)
            ++c.failures;
        if (err - bound > worstExcess) {
            worstExcess = err - bound;
            c.worstIndex = i;
        }
    }
    c.correct = c.failures == 0;
    if (!c.correct) {
        std::ostringstream m;
        if (c.nonFinite > 0)
            m << c.nonFinite << " non-finite output value(s); ";
        m << c.failures << " of " << n << " element(s) outside |x-ref| <= " << tol.atol << " + " << tol.rtol
          << "*|ref|";
        if (c.failures > c.nonFinite)
            m << " (worst at " << c.worstIndex << ": got " << got[c.worstIndex] << ", expected "
              << ref[c.worstIndex] << ")";
        c.message = m.str();
    }
    return c;
}

void requireFinite(const float *data, std::size_t n, const std::string &name)
{
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isfinite(data[i]))
            throw KernelError("input '" + name + "' holds " + (std::isnan(data[i]) ? "NaN" : "Inf")
                              + " at element " + std::to_string(i) + "; inputs must be finite");
}

} // namespace tokenroute::kernels
