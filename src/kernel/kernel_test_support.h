// Helpers shared by the kernel's unit tests (kernel_test.cc,
// kernel_families_test.cc): a view to render and its scalar reference counts.
#pragma once

#include <cstdint>
#include <vector>

#include "kernel/kernel.h"

namespace mandelbrot::testing {

// A view to render: region, size, iterations, bailout, and the family
// (mandelbrot by default) and rotation (none by default).
struct KernelCase {
  const char* name;
  Region region;
  int32_t width, height, iterations;
  double bailout;
  Family family = Family();
  Rotation rotation = Rotation();
};

inline KernelParams params_of(const KernelCase& c) {
  KernelParams p;
  p.width = c.width;
  p.height = c.height;
  p.iterations = c.iterations;
  p.region = c.region;
  p.bailout = c.bailout;
  p.family = c.family;
  p.rotation = c.rotation;
  return p;
}

// The scalar reference's counts of every pixel (-1 where it wrote none).
inline std::vector<int32_t> reference_of(const KernelParams& p) {
  std::vector<int32_t> out(static_cast<size_t>(p.width) * p.height, -1);
  render_rows_scalar(p, 0, p.height, out.data());
  return out;
}

}  // namespace mandelbrot::testing
