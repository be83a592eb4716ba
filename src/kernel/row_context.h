// RowContext: everything a row function reads besides KernelParams, made by
// render_rows() and passed down, so that no kernel keeps hidden state between
// calls: the render's sample columns (made once per render, shared read-only by
// every thread) and one thread's scratch buffers (made once per render and thread).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include "kernel/kernel.h"

namespace mandelbrot {

// Values past the end of every per-column array, so that a SIMD group may load
// whole vectors past the row's last pixel. Enough for two groups of the widest target.
inline constexpr size_t kSamplePadding = 256;

// n doubles, zero, from calloc: pages are mapped as they are first touched, so
// room that is reserved but never used costs no page faults (a fault costs
// about 20 us on the CI machine, docs/PERFORMANCE.md).
class LaneArray {
 public:
  void resize_zeroed(size_t n);
  size_t size() const { return size_; }
  double* data() { return values_.get(); }
  const double* data() const { return values_.get(); }

 private:
  struct Free {
    void operator()(double* p) const { std::free(p); }
  };
  std::unique_ptr<double, Free> values_;
  size_t size_ = 0;
};

// Lanes that outlive a level of the SIMD kernel, one entry per lane, so that
// the next level can pack them densely into vectors again.
struct LaneBuffer {
  LaneArray cr, ci, zr, zi, count, idx, saved_r, saved_i;
  size_t size = 0;

  // Room for n lanes (the caller adds the slack its stores and loads need).
  void reserve(size_t n);
};

// One thread's buffers.
struct RowScratch {
  // The row's rotated sample points (re, im), width + kSamplePadding values,
  // filled by fill_rotated_row() for rotated views only.
  std::vector<double> sample_re, sample_im;
  LaneBuffer survivors, next;
};

struct RowContext {
  const KernelParams& params;
  bool shortcuts;  // the exact shortcuts are allowed
  // x_at(j) for every column j, then kSamplePadding zeros: sample_columns(params).
  const double* columns;
  RowScratch& scratch;  // this thread's; not shared
};

// x_at(j) for every column of params, then kSamplePadding zeros.
std::vector<double> sample_columns(const KernelParams& params);

// Fills scratch.sample_re/sample_im with the sample point of every column of
// `row`, exactly as KernelParams::sample() gives it (then padding zeros).
void fill_rotated_row(const RowContext& context, int32_t row);

}  // namespace mandelbrot
