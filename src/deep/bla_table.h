// The bilinear approximation (BLA) of the perturbation loop: tables that
// replace 2^j perturbed steps from reference step m by one linear map
// dz -> A dz + B dc, valid while |dz| is below a radius R (docs/SEMANTICS.md,
// "Deep zoom", Bilinear approximation). The map is applied by one function
// shared by the scalar loop and the lanes of the SIMD loop, so both compute the
// same doubles.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include "deep/float_exp.h"
#include "deep/reference_orbit.h"
#include "fractal/family.h"

namespace mandelbrot {

// The epsilon of the radii: a step is replaced only where the terms it drops
// are below 2^-64 of what it keeps, 2^-11 of a double's rounding error, so the
// maps add nothing to the error the plain steps make (at 2^-53 they were seen
// to: docs/SEMANTICS.md, "Deep zoom").
inline constexpr double kBlaEpsilon = 0x1p-64;

// One level's maps, of numbers Num (double, or FloatExp in the extended range).
template <class Num>
struct BlaLevel {
  // Entry k covers the 2^j steps from m = 1 + k 2^j to m + 2^j <= last:
  // z_(m+2^j) - Z_(m+2^j) = A dz + C dz^2 + B dc, dz = z_m - Z_m, valid when
  // |dzr| + |dzi| < radius[k] (0: never). C = 0 in linear tables.
  std::vector<Num> radius;
  struct Coefficients {
    Num ar, ai, br, bi, cr, ci;
  };
  std::vector<Coefficients> maps;  // A = ar + i ai, B = br + i bi, C = cr + i ci
};

template <class Num>
struct BlaTable {
  // levels[j - 1] holds the maps of 2^j steps, j = 1, 2, ...; empty when the
  // family has no BLA here (has_bla) or the orbit is too short.
  std::vector<BlaLevel<Num>> levels;
  // The largest radius of levels[0], which bounds every map's: a dz at least
  // this large has no map anywhere.
  Num largest_radius{};
  bool quadratic = false;  // whether the maps have their C (BlaOrder below)
};

// Whether `family`'s perturbed step is holomorphic, so that its maps are
// complex numbers (mandelbrot and multibrot; not the tricorn or the burning ship).
bool has_bla(const Family& family);

// The bytes the tables of an orbit of `iterations` steps may take: fewer than
// `iterations` entries of 7 numbers.
constexpr uint64_t bla_table_bytes(int32_t iterations, bool extended) {
  return uint64_t{extended ? 112u : 56u} * static_cast<uint64_t>(iterations);
}

// Whether the maps keep the second-order term (BlaOrder::kQuadratic):
// z -> A z + C z^2 + B dc, for z^2 + c and the multibrots. The step of z^2 + c
// is exactly quadratic in dz, so a map is replaced only where the terms of
// third order it drops are small, which lets the maps reach |dz| of about
// 2^-33 |Z| instead of 2^-64 |Z| (docs/SEMANTICS.md, "Deep zoom"); a step of
// z^d + c, d > 2, also drops its own terms of degree 3 to d, which bounds its
// radius near 2^-34 |Z|.
enum class BlaOrder { kLinear, kQuadratic };

// Builds the tables of `orbit` for `family` and pixels whose offsets dc from the
// reference point satisfy |dc| <= max_offset, with |.| the 1-norm for upper
// bounds and max(|re|, |im|) for lower bounds of a modulus; R = 0 when a bound
// is not positive or a coefficient is not finite. Linear maps: single steps
// A = the step's derivative at Z_m, B = 1, R = kRadiusFactor kBlaEpsilon
// max(|Zr|, |Zi|), merged pairwise (y after x): A = A_y A_x, B = A_y B_x + B_y,
// R = min(R_x, (R_y - |B_x| max_offset) / |A_x|). Quadratic maps: single steps
// A = the derivative, C = the coefficient of dz^2 (2 Z_m and 1 for z^2 + c),
// B = 1, R = min(max(|Zr|, |Zi|) / 4, bailout - |Z|) so that the skipped steps
// cannot rebase or escape, and for z^d + c, d > 2, R small enough that the
// terms of degree 3 to d are at most kBlaEpsilon / 4 of |A dz|; merged with
// C = A_y C_x + C_y A_x^2, R the largest r <= R_x with |A_x| r + |C_x| r^2 +
// |B_x| max_offset < R_y and every term dropped from C_y u^2 at most
// kBlaEpsilon / 4 of |A_y| |A_x| |x| (or of |A_y| |B_x| |dc|, for dc^2). The
// tables are quadratic where they can be unless `order` says otherwise; the
// double ones use orbit.z, the FloatExp ones orbit.z_x, with the same results
// where doubles suffice. The radii need square roots (correctly rounded) and,
// for one bound, a power of two below a cube root, so they are the same on
// every machine.
void build_bla_table(const ReferenceOrbit& orbit, const Family& family, double max_offset,
                     double bailout, BlaTable<double>* table,
                     BlaOrder order = BlaOrder::kQuadratic);
void build_bla_table(const ReferenceOrbit& orbit, const Family& family, FloatExp max_offset,
                     double bailout, BlaTable<FloatExp>* table,
                     BlaOrder order = BlaOrder::kQuadratic);

inline bool bla_less(double a, double b) { return a < b; }
inline bool bla_less(FloatExp a, FloatExp b) { return magnitude_less(a, b); }

// The largest map of `table` that starts at reference step m, covers at most
// max_steps steps and is valid for dz = (*dzr, *dzi) (its 1-norm dz_norm):
// applies it to dz (A dz + B dc, or (A dz + C dz^2) + B dc in a quadratic
// table, in that order of operations) and returns its
// steps, or returns 0 and leaves dz alone when there is none. One map of 2^j
// steps is valid only if the map of 2 steps from m is (R shrinks as maps merge),
// which the SIMD loop uses to test lanes cheaply. When `used` is not null it
// gets the map applied (for the derivative the channels carry along).
template <class Num>
int64_t bla_advance(const BlaTable<Num>& table, int64_t m, int64_t max_steps, Num dz_norm, Num dcr,
                    Num dci, Num* dzr, Num* dzi,
                    const typename BlaLevel<Num>::Coefficients** used = nullptr) {
  if (m < 1) return 0;
  const uint64_t from = static_cast<uint64_t>(m - 1);
  const int64_t levels = static_cast<int64_t>(table.levels.size());
  const int64_t top = from == 0 ? levels : std::min<int64_t>(std::countr_zero(from), levels);
  // The valid levels are 1 .. J for some J (a longer map from m needs the
  // shorter one valid), so the search climbs until one is not.
  int64_t found = 0;
  for (int64_t j = 1; j <= top && (int64_t{1} << j) <= max_steps; ++j) {
    const BlaLevel<Num>& level = table.levels[static_cast<size_t>(j - 1)];
    const uint64_t k = from >> j;
    if (k >= level.radius.size() || !bla_less(dz_norm, level.radius[k])) break;
    found = j;
  }
  if (found == 0) return 0;
  const typename BlaLevel<Num>::Coefficients& c =
      table.levels[static_cast<size_t>(found - 1)].maps[from >> found];
  const Num zr = *dzr;
  const Num zi = *dzi;
  if (table.quadratic) {
    const Num qr = zr * zr - zi * zi;
    const Num p = zr * zi;
    const Num qi = p + p;
    *dzr = ((c.ar * zr - c.ai * zi) + (c.cr * qr - c.ci * qi)) + (c.br * dcr - c.bi * dci);
    *dzi = ((c.ar * zi + c.ai * zr) + (c.cr * qi + c.ci * qr)) + (c.br * dci + c.bi * dcr);
  } else {
    *dzr = (c.ar * zr - c.ai * zi) + (c.br * dcr - c.bi * dci);
    *dzi = (c.ar * zi + c.ai * zr) + (c.br * dci + c.bi * dcr);
  }
  if (used) *used = &c;
  return int64_t{1} << found;
}

// The map's derivative in dz at the dz it was applied to: A, or A + 2 C dz in a
// quadratic table (for the derivative D that the channels carry along).
template <class Num>
void bla_slope(const BlaTable<Num>& table, const typename BlaLevel<Num>::Coefficients& c, Num dzr,
               Num dzi, Num* sr, Num* si) {
  if (table.quadratic) {
    const Num tr = c.cr * dzr - c.ci * dzi;
    const Num ti = c.cr * dzi + c.ci * dzr;
    *sr = c.ar + (tr + tr);
    *si = c.ai + (ti + ti);
  } else {
    *sr = c.ar;
    *si = c.ai;
  }
}

}  // namespace mandelbrot
