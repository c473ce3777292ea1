#pragma once
// Function multiversioning for the auto-vectorised loops. A function marked TOKENROUTE_SIMD_CLONES
// is compiled twice, for x86-64-v3 (AVX2 + FMA, 8 floats per vector) and for the baseline (SSE2),
// and the loader picks the version the CPU supports, so one portable binary runs the wide loops
// where they exist. Small helpers called from a marked function are inlined into each clone and
// vectorised for its target. Elsewhere (other architectures, other compilers) the macro is empty.

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__)
#define TOKENROUTE_SIMD_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define TOKENROUTE_SIMD_CLONES
#endif

// Leaf loops called from a cloned function: forced inline so each clone gets its own vectorised
// copy (left to itself the compiler may keep one baseline copy and call it from both).
#if defined(__GNUC__)
#define TOKENROUTE_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define TOKENROUTE_ALWAYS_INLINE inline
#endif
