#pragma once
// Correctness verdicts: a kernel's output against its reference, element by element, with a
// tolerance that scales with the value, |x - ref| <= atol + rtol * |ref|. Each kernel states its
// own tolerance next to a one-line reason (summation order, bf16 rounding, exp() differences), so
// the verdict says "within what the arithmetic allows", not "bit-identical".

#include <cstddef>
#include <string>

namespace tokenroute::kernels {

struct Tolerance {
    double atol = 0;
    double rtol = 0;
    const char *reason = "";
};

struct ErrorCheck {
    bool correct = false;
    double maxAbsError = 0;        // over finite elements
    std::size_t worstIndex = 0;    // element that exceeds its bound by the most (or the largest error)
    std::size_t nonFinite = 0;     // NaN/Inf in the output where the reference is finite
    std::size_t failures = 0;      // elements outside the bound
    std::string message;           // empty when correct
};

ErrorCheck compareToReference(const float *got, const float *ref, std::size_t n, const Tolerance &tol);

// Throws KernelError naming the input and the first offending index when it holds NaN or Inf.
// Inputs are checked before a run so that a NaN is reported as bad input, not as a wrong kernel.
void requireFinite(const float *data, std::size_t n, const std::string &name);

} // namespace tokenroute::kernels
