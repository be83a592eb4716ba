// The scalar reference kernel: one point at a time, exactly as the contract reads.
#include "kernel/kernel.h"

namespace mandelbrot {

void render_rows_scalar(const KernelParams& params, int32_t first_row, int32_t rows, int32_t* out) {
  const double bailout_squared = params.bailout * params.bailout;
  for (int32_t r = 0; r < rows; ++r) {
    const double ci = params.y_at(first_row + r);
    int32_t* row = out + static_cast<int64_t>(r) * params.width;
    for (int32_t j = 0; j < params.width; ++j) {
      row[j] = escape_count(params.x_at(j), ci, params.iterations, bailout_squared);
    }
  }
}

void render_row_scalar(const KernelParams& params, int32_t row, bool /*shortcuts*/, int32_t* out) {
  render_rows_scalar(params, row, 1, out);
}

}  // namespace mandelbrot
