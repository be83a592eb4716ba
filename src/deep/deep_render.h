// A deep-zoom render: the counts of every pixel of a view too deep for the
// direct double path, by perturbation around reference orbits
// (docs/SEMANTICS.md, "Deep zoom").
#pragma once

#include <atomic>
#include <cstdint>

#include "base/progress.h"
#include "base/status.h"
#include "base/tile_grid.h"
#include "buffer/count_buffer.h"
#include "deep/bla_table.h"
#include "deep/deep_geometry.h"
#include "deep/float_exp.h"
#include "deep/perturbation.h"
#include "deep/reference_orbit.h"
#include "fractal/family.h"

namespace mandelbrot {

// References a render may use before the pixels still unfinished are
// rebased onto the start of the last one (and counted as approximate).
// DeepRequest::max_references lowers it for tests.
inline constexpr int32_t kMaxReferences = 64;

// A reference orbit with its BLA tables, made once and used for many windows
// of one image (the first reference of a render across MPI processes).
struct PreparedReference {
  ReferenceOrbit orbit;
  BlaTable<double> bla;
  BlaTable<FloatExp> bla_x;
};

struct DeepRequest;

// The BLA tables of `reference` for the request's whole image (whatever its
// window), the reference being at column ref_col and row ref_row: what
// render_deep builds for each of its references.
void build_reference_tables(const DeepRequest& request, double ref_col, double ref_row,
                            PreparedReference* reference);

struct DeepRequest {
  DeepGeometry geometry;
  Family family;
  int32_t iterations = 100;
  double bailout = 10;
  // The pixels rendered: a window (a tile, base/tile_grid.h) of the view's
  // image, or, when empty (width 0), the whole image.
  PixelRect window;
  PerturbFunction perturb = perturb_pixels_scalar;
  int threads = 1;
  // Skip steps with the bilinear approximation (deep/bla_table.h) where the
  // family has one; false only to measure or test it against plain steps.
  bool bla = true;
  // Skip whole cycles of pixels caught in one (deep/cycle_finder.h); the
  // counts are the same either way. False with --no-shortcuts.
  bool periodicity = true;
  // In the extended range, take the plain steps of z^2 + c in doubles where
  // they are FloatExp's steps bit for bit (deep/perturbation.h); the counts are
  // the same either way. False only to test that.
  bool double_steps = true;
  // At least 1; less than kMaxReferences only to test the last pass.
  int32_t max_references = kMaxReferences;
  // When not null: the first reference (the view's centre) and its tables,
  // made already (compute_reference_orbit and build_reference_tables), so that
  // windows of one image share them; the counts are the same.
  const PreparedReference* first = nullptr;
};

// What a deep render did, for reports.
struct DeepReport {
  double reference_seconds = 0;  // computing the reference orbits
  double bla_seconds = 0;        // building the BLA tables
  double pixels_seconds = 0;     // the perturbation loop
  int64_t precision_bits = 0;
  int32_t references = 0;            // reference orbits computed (the first is the centre)
  int64_t reference_iterations = 0;  // the steps of all of them
  int64_t approximate_pixels = 0;  // rebased at the end of the last reference (see kMaxReferences)
  int64_t periodic_pixels = 0;     // skipped whole cycles (deep/cycle_finder.h)
};

// Fills out.counts[i * W + j] for every pixel of the request's window (W its
// width; row i, column j of the window), and out.smooth and out.distance
// likewise when not null (docs/SEMANTICS.md, "Channels"; computed as
// deep/perturbation.h states). The first reference is the view's
// centre, for a window too; while pixels reach the end of an escaped
// reference without rebasing, the next reference is the pixel among them that
// got furthest (the lowest index on a tie) and they are computed again against
// it. The counts depend only on the request, not on request.threads or on
// which SIMD loop `perturb` is. `progress` (if not null) shows each stage:
// "reference orbit" (its steps), "BLA table" (when the family has one), then
// "pixels", and so on for each reference.
// REQUIRES: deep_zoom_problem(request.family) is empty; the window lies in
// the view's image; out holds W * H values in each array it has; no distance
// for a family without a holomorphic step (kernel/kernel_channels.h).
Status render_deep(const DeepRequest& request, const RowOut& out, ProgressBar* progress,
                   DeepReport* report);

}  // namespace mandelbrot
