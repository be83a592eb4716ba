#include "deep/deep_render.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <vector>

#include <fmt/format.h>

#include "base/elapsed.h"
#include "deep/bla_table.h"
#include "deep/reference_orbit.h"

namespace mandelbrot {
namespace {

// Pixels per task of the parallel loop: large enough to amortise the task, small
// enough that two threads finish together.
constexpr int64_t kChunk = 256;

// Runs `pass` over `total` pixels (all, or those listed) on `threads` threads,
// with the request's loop, or the scalar one for the extended range.
void run_pass(const DeepRequest& r, const PerturbationPass& pass, const int64_t* pixels,
              int64_t total, int32_t* counts, std::atomic<int64_t>* progress) {
  const PerturbFunction perturb = pass.extended ? perturb_pixels_scalar : r.perturb;
  const int64_t chunks = (total + kChunk - 1) / kChunk;
#pragma omp parallel for schedule(dynamic, 1) num_threads(r.threads)
  for (int64_t c = 0; c < chunks; ++c) {
    const int64_t first = c * kChunk;
    const int64_t n = std::min(kChunk, total - first);
    perturb(pass, pixels, first, n, counts);
    if (progress) progress->fetch_add(n, std::memory_order_relaxed);
  }
}

}  // namespace

void build_reference_tables(const DeepRequest& r, double ref_col, double ref_row,
                            PreparedReference* reference) {
  if (!r.bla || !has_bla(r.family)) return;
  const DeepGeometry& g = r.geometry;
  // |dc| is at most the sum of the largest column and row distances times
  // their spacings, over the whole image (for a window too, so that a tile's
  // tables are the image's).
  const double far_col = std::max(ref_col, g.view.width - 1 - ref_col);
  const double far_row = std::max(ref_row, g.view.height - 1 - ref_row);
  if (g.extended) {
    build_bla_table(reference->orbit, r.family,
                    to_float_exp(far_col) * g.step_x_x + to_float_exp(far_row) * g.step_y_x,
                    r.bailout, &reference->bla_x);
  } else {
    build_bla_table(reference->orbit, r.family, far_col * g.step_x + far_row * g.step_y, r.bailout,
                    &reference->bla);
  }
}

Status render_deep(const DeepRequest& r, const RowOut& out, ProgressBar* progress,
                   DeepReport* report) {
  int32_t* const counts = out.counts;
  const DeepGeometry& g = r.geometry;
  const PixelRect window =
      r.window.width > 0 ? r.window : PixelRect{0, 0, g.view.width, g.view.height};
  const int32_t width = window.width;
  const int32_t height = window.height;
  DeepReport rep;
  rep.precision_bits = g.precision_bits;
  std::atomic<int64_t> periodic_pixels{0};

  std::vector<int64_t> pending;  // empty: every pixel (the first pass)
  int64_t pending_count = int64_t{width} * height;
  // The reference's place in the image's columns and rows.
  double ref_col = 0.5 * g.view.width;
  double ref_row = 0.5 * g.view.height;
  for (int32_t k = 0; k < r.max_references; ++k) {
    const auto reference_start = std::chrono::steady_clock::now();
    if (progress) {
      progress->set_stage(k == 0 ? "reference orbit" : fmt::format("reference orbit {}", k + 1),
                          r.iterations);
    }
    PreparedReference computed;
    const PreparedReference* prepared = &computed;
    if (k == 0 && r.first) {
      prepared = r.first;
    } else if (Status s =
                   compute_reference_orbit(g, ref_col, ref_row, r.family, r.iterations, r.bailout,
                                           progress ? &progress->done() : nullptr, &computed.orbit);
               !s.ok()) {
      return s;
    }
    const ReferenceOrbit& orbit = prepared->orbit;
    rep.reference_seconds += seconds_since(reference_start);
    rep.references += 1;
    rep.reference_iterations += orbit.last() + 1;

    const auto bla_start = std::chrono::steady_clock::now();
    if (prepared == &computed && r.bla && has_bla(r.family)) {
      if (progress) progress->set_stage("BLA table", 1);
      build_reference_tables(r, ref_col, ref_row, &computed);
      if (progress) progress->done().fetch_add(1, std::memory_order_relaxed);
    }
    const BlaTable<double>& bla = prepared->bla;
    const BlaTable<FloatExp>& bla_x = prepared->bla_x;
    rep.bla_seconds += seconds_since(bla_start);

    PerturbationPass pass;
    pass.ref = orbit.z.data();
    pass.last = orbit.last();
    pass.reference_escaped = orbit.escaped;
    pass.iterations = r.iterations;
    pass.bailout_squared = r.bailout * r.bailout;
    pass.family = r.family;
    pass.width = width;
    pass.column_offset = window.x;
    pass.row_offset = window.y;
    pass.step_x = g.step_x;
    pass.step_y = g.step_y;
    pass.ref_col = ref_col;
    pass.ref_row = ref_row;
    pass.cos = g.cos;
    pass.sin = g.sin;
    pass.extended = g.extended;
    pass.ref_x = orbit.z_x.data();
    pass.step_x_x = g.step_x_x;
    pass.step_y_x = g.step_y_x;
    pass.bla = bla.levels.empty() ? nullptr : &bla;
    pass.bla_x = bla_x.levels.empty() ? nullptr : &bla_x;
    pass.smooth = out.smooth;
    pass.distance = out.distance;
    pass.periodicity = r.periodicity;
    pass.double_steps = r.double_steps;
    pass.periodic_pixels = &periodic_pixels;

    const auto pixels_start = std::chrono::steady_clock::now();
    if (progress) progress->set_stage("pixels", pending_count);
    const int64_t* list = pending.empty() ? nullptr : pending.data();
    run_pass(r, pass, list, pending_count, counts, progress ? &progress->done() : nullptr);
    rep.pixels_seconds += seconds_since(pixels_start);

    // The pixels left, in increasing order, and the one that got furthest.
    std::vector<int64_t> left;
    int64_t best = -1;
    int32_t best_step = -1;
    for (int64_t i = 0; i < pending_count; ++i) {
      const int64_t p = list ? list[i] : i;
      if (!is_unfinished(counts[p])) continue;
      left.push_back(p);
      if (unfinished_step(counts[p]) > best_step) {
        best_step = unfinished_step(counts[p]);
        best = p;
      }
    }
    if (left.empty()) break;
    if (k == r.max_references - 1) {
      // No reference left: the pixels left run again against this one, rebased
      // at its end instead of stopping there.
      const auto last_start = std::chrono::steady_clock::now();
      if (progress) progress->set_stage("pixels", static_cast<int64_t>(left.size()));
      pass.rebase_at_end = true;
      run_pass(r, pass, left.data(), static_cast<int64_t>(left.size()), counts,
               progress ? &progress->done() : nullptr);
      rep.pixels_seconds += seconds_since(last_start);
      rep.approximate_pixels = static_cast<int64_t>(left.size());
      break;
    }
    pending = std::move(left);
    pending_count = static_cast<int64_t>(pending.size());
    ref_col = static_cast<double>(window.x + best % width);
    ref_row = static_cast<double>(window.y + best / width);
  }
  rep.periodic_pixels = periodic_pixels.load();
  *report = rep;
  return Status();
}

}  // namespace mandelbrot
