#pragma once
// bfloat16 as plain 16-bit storage, so that public kernel headers need no CUDA or compiler types.
// bf16 keeps fp32's exponent and the top 7 mantissa bits: widening is a shift, narrowing rounds to
// nearest even. Decode weights are stored this way to halve the bytes streamed per token.

#include <cstdint>
#include <cstring>

namespace tokenroute::kernels {

using bf16 = std::uint16_t;

inline float bf16ToFloat(bf16 v)
{
    const std::uint32_t bits = static_cast<std::uint32_t>(v) << 16;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

inline bf16 floatToBf16(float f)
{
    std::uint32_t bits;
    std::memcpy(&bits, &f, sizeof bits);
    if ((bits & 0x7f800000u) == 0x7f800000u && (bits & 0x007fffffu) != 0)
        return static_cast<bf16>((bits >> 16) | 0x0040u); // keep NaN a NaN after truncation
    const std::uint32_t roundingBias = 0x7fffu + ((bits >> 16) & 1u);
    return static_cast<bf16>((bits + roundingBias) >> 16);
}

} // namespace tokenroute::kernels
