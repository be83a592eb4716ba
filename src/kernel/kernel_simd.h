// The SIMD kernels compiled into this binary (one per Highway target).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kernel/kernel.h"

namespace mandelbrot {

// What one target's compiled code exports through the dispatch table.
struct SimdEntry {
  int64_t target = 0;  // HWY_TARGET as that code was compiled
  RowSelector select = nullptr;
  ChannelRowFunction channel_row = nullptr;  // kernel_channels_simd.cc's
};

struct SimdTarget {
  std::string name;  // e.g. "avx512", "avx2", "sse4", "hwy-scalar"
  SimdEntry entry;   // empty when this CPU cannot run the target
  bool supported;    // this CPU can run it
};

// Every compiled SIMD target, best first.
std::vector<SimdTarget> simd_targets();

}  // namespace mandelbrot
