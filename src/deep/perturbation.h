// The perturbation loop: each pixel's count from a reference orbit and the
// pixel's offset from the reference point, in hardware doubles (FloatExp in
// the extended range)
// (docs/SEMANTICS.md, "Deep zoom"). The scalar loop is the reference; every
// SIMD target computes the same doubles in the same order, so the counts are
// the same bytes on every target and for every thread count.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "deep/bla_table.h"
#include "deep/cycle_finder.h"
#include "deep/float_exp.h"
#include "fractal/family.h"

namespace mandelbrot {

// One pass of the perturbation loop over a set of pixels with one reference.
struct PerturbationPass {
  // The reference orbit Z_0 .. Z_last as doubles (Z_0 = 0), side by side:
  // Z_m = ref[2m] + i ref[2m+1] (deep/reference_orbit.h).
  const double* ref = nullptr;
  int64_t last = 0;
  // Z_last failed the check: a pixel that reaches it without rebasing cannot
  // go on with this reference (it is unfinished, or, when rebase_at_end, rebased
  // onto Z_0 at the cost of precision).
  bool reference_escaped = false;
  bool rebase_at_end = false;
  int32_t iterations = 1;
  double bailout_squared = 100;
  Family family;
  // The pass's pixels are numbered row by row in a window `width` wide whose
  // first pixel is column column_offset, row row_offset of the image (both 0
  // for the whole image). The offset dc of the window's pixel in row i, column
  // j from the reference point (ref_col, ref_row, in the image's columns and
  // rows), before the rotation: ((column_offset + j - ref_col) step_x,
  // (ref_row - (row_offset + i)) step_y), then (dcr cos - dci sin, dcr sin + dci cos).
  int32_t width = 1;
  int32_t column_offset = 0;
  int32_t row_offset = 0;
  double step_x = 0;
  double step_y = 0;
  double ref_col = 0;
  double ref_row = 0;
  double cos = 1;
  double sin = 0;
  // The bilinear approximation (deep/bla_table.h) of this reference, or null:
  // plain perturbed steps only.
  const BlaTable<double>* bla = nullptr;
  // The extended range (docs/SEMANTICS.md, "Deep zoom"): the reference and the
  // offsets as FloatExp, for views whose spacing doubles cannot hold. Only the
  // scalar loop computes it.
  bool extended = false;
  const FloatExp* ref_x = nullptr;  // side by side as ref
  FloatExp step_x_x;
  FloatExp step_y_x;
  const BlaTable<FloatExp>* bla_x = nullptr;
  // The channels (docs/SEMANTICS.md, "Channels"), when not null: for each
  // pixel p, at the index of counts[p], its smooth value and its distance
  // estimate (NaN when it did not escape).
  double* smooth = nullptr;
  double* distance = nullptr;
  // Periodicity (deep/cycle_finder.h): a pixel whose state just after a rebase
  // repeats bit for bit skips whole cycles; the counts are the same without.
  // Not with the distance estimate (its derivative is not part of the state).
  bool periodicity = false;
  // In the extended range, the plain steps of z^2 + c (mandelbrot, without
  // the derivative) run in doubles for as long as every value of the step and
  // the check is zero or a normal double and dc adds nothing to the step: there
  // FloatExp's operations are the double operations (deep/float_exp.h), so the
  // doubles are FloatExp's, bit for bit, several times faster.
  bool double_steps = false;
  // When not null, incremented once for each pixel that skipped cycles.
  std::atomic<int64_t>* periodic_pixels = nullptr;
};

// The count a pixel gets when it reached the end of an escaped reference: its
// count is not known yet (-2 - the step it reached, so that the next
// reference can be chosen among the pixels that got furthest).
constexpr int32_t unfinished_count(int32_t step) { return -2 - step; }
constexpr bool is_unfinished(int32_t count) { return count <= -2; }
constexpr int32_t unfinished_step(int32_t count) { return -2 - count; }

// The offset of the window's pixel (row, column) from the pass's reference point.
void pixel_offset(const PerturbationPass& pass, int64_t row, int64_t column, double* dcr,
                  double* dci);

// Computes counts[p] for the pixels p = first, ..., first + n - 1, or, when
// `pixels` is not null, p = pixels[first], ..., pixels[first + n - 1]
// (pixel p is row p / width, column p % width): with z = Z_m + dz and
// dz = 0, m = 0 at the start, for step n = 0, while n < iterations: the check
// |z|^2 <= B^2 of docs/SEMANTICS.md ("Counts") on z, then rebase (dz = z, m = 0)
// when |z| < |dz| in the 1-norm (|zr| + |zi| < |dzr| + |dzi|: squares of deep
// values underflow), then, with the pass's BLA table, the largest map that
// bla_advance finds for m, dz and at most iterations - 1 - n steps (n and m
// advance by its steps, and the checks it skips count as passed), else dz = the family's perturbed
// step, m = m + 1, n = n + 1. With pass.periodicity, each rebase also goes to
// the pixel's CycleFinder, and n advances by the steps it skips. The count is the last n whose
// check passed, or unfinished_count(n) (see PerturbationPass). REQUIRES:
// deep_zoom_problem(pass.family) is empty.
using PerturbFunction = void (*)(const PerturbationPass& pass, const int64_t* pixels, int64_t first,
                                 int64_t n, int32_t* counts);

// The scalar reference; it also computes the extended range (pass.extended)
// and the channels (pass.smooth, pass.distance): z at the escape, and with the
// distance estimate the derivative of z by the pixel, D = (dz/dc) step_x, from
// D = 0: D' = A(z) D + step_x on a plain step (A the step's derivative at the
// whole z), D' = S D + B step_x on a map (S its slope at dz, bla_slope; B its coefficient),
// unchanged on a rebase (z itself is unchanged). The smooth value is smooth_value(count + 1, |z|^2,
// log degree) and the distance distance_value(|z|^2, D, 1) of kernel/kernel_channels.h.
void perturb_pixels_scalar(const PerturbationPass& pass, const int64_t* pixels, int64_t first,
                           int64_t n, int32_t* counts);

// Stores what pixel p's orbit gave, for both loops: counts[p] = count and,
// where the pass has them, its smooth value and distance estimate as
// perturb_pixels_scalar states them (NaN when it did not escape). `escaped`:
// z failed the check, with |z|^2 = modulus_squared and derivative D = (dr, di)
// there; log_degree = channel_log of the family's degree.
void store_pixel(const PerturbationPass& pass, int64_t p, int32_t count, bool escaped,
                 double modulus_squared, double dr, double di, double log_degree, int32_t* counts);

// The SIMD loop compiled for Highway target `target` (as Kernel::compiled_target
// gives it); nullptr when this binary has no such target. It computes the
// channels as the scalar loop does, the same doubles in the same order.
// REQUIRES (of the function's pass): !pass.extended.
PerturbFunction perturb_function_for_target(int64_t target);

// Empty when `family` has a deep-zoom method here; else one sentence saying
// that it has none yet.
std::string deep_zoom_problem(const Family& family);

}  // namespace mandelbrot
