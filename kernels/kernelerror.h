#pragma once
// The one exception the kernels throw. A benchmark case that meets bad input (a zero size, a shape
// that does not fit in memory, NaN in an input, a CUDA error) throws it; the runner catches it per
// case, marks that result failed with the message, and carries on, so earlier results survive.
// It derives from std::runtime_error so that a caller that knows nothing about kernels still gets
// a readable what().

#include <stdexcept>
#include <string>

namespace tokenroute::kernels {

class KernelError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace tokenroute::kernels
