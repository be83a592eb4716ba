// The SIMD kernels compiled into this binary (one per Highway target).
#pragma once

#include <string>
#include <vector>

#include "kernel/kernel.h"

namespace mandelbrot {

struct SimdTarget {
  std::string name;  // e.g. "avx512", "avx2", "sse4", "hwy-scalar"
  RowKernel row;
  bool supported;  // this CPU can run it
};

// Every compiled SIMD target, best first.
std::vector<SimdTarget> simd_targets();

}  // namespace mandelbrot
