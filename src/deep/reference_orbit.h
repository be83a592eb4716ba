// The reference orbit of perturbation: one point's orbit iterated in MPFR at a
// precision that separates the pixels, stored as doubles (docs/SEMANTICS.md,
// "Deep zoom").
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "base/status.h"
#include "deep/deep_geometry.h"
#include "deep/float_exp.h"
#include "fractal/family.h"

namespace mandelbrot {

// Z_0 = 0, Z_1, ..., Z_last, each rounded to the nearest double: 16 bytes per
// iteration, real and imaginary parts side by side (Z_m = z[2m] + i z[2m+1]), so
// that one 128-bit load fetches a Z (deep/perturbation_simd.cc). The orbit stops at the first Z
// whose rounded value fails the pixels' check zr*zr + zi*zi <= B*B in doubles (kept, and `escaped`
// set), or after Z_(iterations - 1).
struct ReferenceOrbit {
  std::vector<double> z;
  // The same values as FloatExp (exact to 53 bits however small), side by side
  // likewise, for the extended range only (empty otherwise): 32 bytes per
  // iteration more.
  std::vector<FloatExp> z_x;
  bool escaped = false;
  int64_t last() const { return static_cast<int64_t>(z.size() / 2) - 1; }
};

// The bytes a reference orbit of `iterations` steps may take (`extended`: with
// its FloatExp copy).
constexpr uint64_t reference_orbit_bytes(int32_t iterations, bool extended) {
  return uint64_t{extended ? 48u : 16u} * static_cast<uint64_t>(iterations);
}

// The orbit of the sample point of (fractional) column `col` and row `row` of
// `geometry` (docs/SEMANTICS.md, "Views": X + R(2 col - W)/H, Y + R(H - 2 row)/H,
// rotated), iterated with the step of `family` exactly as docs/SEMANTICS.md
// ("Families") writes it, every operation in MPFR at geometry.precision_bits,
// rounded to nearest. `done` (if not null) is set to the steps done so far, for
// progress.
// REQUIRES: deep_zoom_problem(family) is empty, iterations >= 1.
Status compute_reference_orbit(const DeepGeometry& geometry, double col, double row,
                               const Family& family, int32_t iterations, double bailout,
                               std::atomic<int64_t>* done, ReferenceOrbit* orbit);

}  // namespace mandelbrot
