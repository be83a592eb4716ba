// Checking kernel parameters and spreading rows over threads.
#include <cmath>

#include "mandelbrot/kernel.h"

namespace mandelbrot {

Status check_kernel_params(const KernelParams& p) {
  if (p.width < 1) return usage_error("width must be at least 1, got {}", p.width);
  if (p.height < 1) return usage_error("height must be at least 1, got {}", p.height);
  if (p.iterations < 1) return usage_error("iterations must be at least 1, got {}", p.iterations);
  const Region& r = p.region;
  for (double v : {r.xmin, r.xmax, r.ymin, r.ymax}) {
    if (!std::isfinite(v)) {
      return usage_error("region bounds must be finite, got {},{},{},{}", r.xmin, r.xmax, r.ymin,
                         r.ymax);
    }
  }
  if (!(r.xmin < r.xmax)) {
    return usage_error("region needs xmin < xmax, got xmin {} and xmax {}", r.xmin, r.xmax);
  }
  if (!(r.ymin < r.ymax)) {
    return usage_error("region needs ymin < ymax, got ymin {} and ymax {}", r.ymin, r.ymax);
  }
  // The sample spacing must also be finite: xmax - xmin can overflow.
  if (!std::isfinite(r.xmax - r.xmin) || !std::isfinite(r.ymax - r.ymin)) {
    return usage_error("region is too wide to sample: {},{},{},{}", r.xmin, r.xmax, r.ymin, r.ymax);
  }
  if (!std::isfinite(p.bailout) || !(p.bailout > 0)) {
    return usage_error("bailout must be a finite number > 0, got {}", p.bailout);
  }
  if (!std::isfinite(p.bailout * p.bailout)) {
    return usage_error("bailout is too large, got {}", p.bailout);
  }
  return Status();
}

void render_rows(const KernelParams& params, int32_t first_row, int32_t rows, int threads,
                 int32_t* out) {
  const int64_t width = params.width;
  // Rows differ wildly in cost (inside points take every iteration), so hand
  // them out one at a time. Each row is computed the same way whichever thread
  // takes it, so the output does not depend on the thread count.
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (int32_t r = 0; r < rows; ++r) {
    render_rows_scalar(params, first_row + r, 1, out + r * width);
  }
}

}  // namespace mandelbrot
