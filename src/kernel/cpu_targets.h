// Which compiled SIMD targets this CPU (and its operating system) can run.
//
// Our own check, with the compiler's __builtin_cpu_supports, instead of
// Highway's hwy::SupportedTargets(): that lives in libhwy.so, whose static
// initialiser calibrates a timer for 5 to 9 ms at every start of the program
// (docs/PERFORMANCE.md), while everything else the kernel uses from Highway is
// in its headers. The features required per target are Highway 1.0.3's.
#pragma once

#include <cstdint>

namespace mandelbrot {

// True when this CPU runs code compiled for `target` (one of Highway's
// HWY_AVX3_DL, HWY_AVX3, HWY_AVX2, HWY_SSE4, HWY_SSSE3, HWY_EMU128, HWY_SCALAR
// bits). The fallbacks EMU128 and SCALAR always run; unknown targets never do.
bool cpu_runs_target(int64_t target);

}  // namespace mandelbrot
