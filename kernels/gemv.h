#pragma once
// Decode GEMV: one decode step multiplies a small batch of activation vectors (batch 1-64) by every
// weight matrix, so its cost is streaming the weights once from memory. Weights are stored
// out x in (one row per output feature, the layout inference engines keep), as fp32 or bf16;
// activations x are batch x in and outputs y batch x out, fp32. The CPU version gives each thread a
// contiguous range of weight rows and reads every row exactly once for the whole batch, so the
// bytes moved are the weight bytes and the speed is the memory system's.

#include <cstddef>
#include <string>

#include "kernels/bf16.h"

namespace tokenroute::kernels {

enum class WeightType { F32, BF16 };
std::string toString(WeightType t);
double bytesPer(WeightType t);

struct GemvShape {
    std::size_t batch = 0;
    std::size_t in = 0;
    std::size_t out = 0;
    WeightType weights = WeightType::BF16;

    double flops() const { return 2.0 * static_cast<double>(batch) * static_cast<double>(in) * static_cast<double>(out); }
    double bytes() const
    {
        return bytesPer(weights) * static_cast<double>(in) * static_cast<double>(out)
            + 4.0 * static_cast<double>(batch) * (static_cast<double>(in) + static_cast<double>(out));
    }
    std::string describe() const;
};

// Zero sizes, batch above 64 (the decode range the kernel is tuned for) -> KernelError.
void validate(const GemvShape &s);

// `w` points at float (F32) or bf16 (BF16) data according to s.weights.
void gemvReference(const GemvShape &s, const void *w, const float *x, float *y);
void gemvCpu(const GemvShape &s, const void *w, const float *x, float *y, int threads);

} // namespace tokenroute::kernels
