#include "kernel/row_context.h"

#include <new>

namespace mandelbrot {

void LaneArray::resize_zeroed(size_t n) {
  auto* values = static_cast<double*>(std::calloc(n, sizeof(double)));
  if (values == nullptr) throw std::bad_alloc();
  values_.reset(values);
  size_ = n;
}

void LaneBuffer::reserve(size_t n) {
  for (LaneArray* v : {&cr, &ci, &zr, &zi, &count, &idx, &saved_r, &saved_i}) {
    if (v->size() < n) v->resize_zeroed(n);
  }
}

std::vector<double> sample_columns(const KernelParams& params) {
  std::vector<double> xs(static_cast<size_t>(params.width) + kSamplePadding, 0.0);
  for (int32_t j = 0; j < params.width; ++j) xs[static_cast<size_t>(j)] = params.x_at(j);
  return xs;
}

void fill_rotated_row(const RowContext& context, int32_t row) {
  const KernelParams& p = context.params;
  RowScratch& s = context.scratch;
  const size_t size = static_cast<size_t>(p.width) + kSamplePadding;
  if (s.sample_re.size() < size) {
    s.sample_re.assign(size, 0.0);
    s.sample_im.assign(size, 0.0);
  }
  const double y = p.y_at(row);
  for (int32_t j = 0; j < p.width; ++j) {
    // The same function as KernelParams::sample(), on the same x_at(j).
    p.rotate(context.columns[j], y, &s.sample_re[static_cast<size_t>(j)],
             &s.sample_im[static_cast<size_t>(j)]);
  }
}

}  // namespace mandelbrot
