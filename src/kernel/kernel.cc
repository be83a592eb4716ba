// Checking kernel parameters, choosing a kernel, and spreading rows over threads.
#include "kernel/kernel.h"

#include <fmt/format.h>

#include <cmath>

#include "kernel/kernel_channels.h"
#include "kernel/kernel_simd.h"
#include "kernel/row_context.h"

namespace mandelbrot {

KernelParamsProblem find_kernel_params_problem(const KernelParams& p) {
  if (p.width < 1 || p.height < 1) return KernelParamsProblem::kSize;
  if (p.image_width != 0 || p.image_height != 0) {
    const int64_t right = int64_t{p.column_offset} + p.width;
    const int64_t bottom = int64_t{p.row_offset} + p.height;
    if (p.column_offset < 0 || p.row_offset < 0 || right > p.full_width() ||
        bottom > p.full_height()) {
      return KernelParamsProblem::kWindow;
    }
  }
  if (p.iterations < 1) return KernelParamsProblem::kIterations;
  const Region& r = p.region;
  for (double v : {r.xmin, r.xmax, r.ymin, r.ymax}) {
    if (!std::isfinite(v)) return KernelParamsProblem::kRegion;
  }
  // The spans must be finite too: xmax - xmin can overflow.
  if (!(r.xmin < r.xmax) || !(r.ymin < r.ymax) || !std::isfinite(r.xmax - r.xmin) ||
      !std::isfinite(r.ymax - r.ymin)) {
    return KernelParamsProblem::kRegion;
  }
  if (!std::isfinite(p.bailout) || !(p.bailout > 0) || !std::isfinite(p.bailout * p.bailout)) {
    return KernelParamsProblem::kBailout;
  }
  if (!family_problem(p.family).empty()) return KernelParamsProblem::kFamily;
  const Rotation& t = p.rotation;
  for (double v : {t.cos, t.sin, t.cx, t.cy}) {
    if (!std::isfinite(v)) return KernelParamsProblem::kRotation;
  }
  return KernelParamsProblem::kNone;
}

Status check_kernel_params(const KernelParams& p) {
  const Region& r = p.region;
  switch (find_kernel_params_problem(p)) {
    case KernelParamsProblem::kNone:
      return Status();
    case KernelParamsProblem::kSize:
      return invalid_argument("width and height must be at least 1, got {}x{}", p.width, p.height);
    case KernelParamsProblem::kWindow:
      return invalid_argument("the {}x{} window at column {}, row {} is not inside the {}x{} image",
                              p.width, p.height, p.column_offset, p.row_offset, p.full_width(),
                              p.full_height());
    case KernelParamsProblem::kIterations:
      return invalid_argument("iterations must be at least 1, got {}", p.iterations);
    case KernelParamsProblem::kRegion:
      return invalid_argument(
          "region needs finite bounds with xmin < xmax and ymin < ymax, got {},{},{},{}", r.xmin,
          r.xmax, r.ymin, r.ymax);
    case KernelParamsProblem::kBailout:
      return invalid_argument("bailout must be a finite number > 0 with a finite square, got {}",
                              p.bailout);
    case KernelParamsProblem::kFamily:
      return invalid_argument("{}", family_problem(p.family));
    case KernelParamsProblem::kRotation:
      return invalid_argument("rotation needs finite values, got cos {}, sin {} about {},{}",
                              p.rotation.cos, p.rotation.sin, p.rotation.cx, p.rotation.cy);
  }
  return Status();
}

Status choose_kernel(std::string_view name, bool shortcuts, Kernel* kernel) {
  if (name == "scalar") {
    *kernel = Kernel{"scalar", select_scalar_row, shortcuts, 0, channel_row};
    return Status();
  }
  const std::vector<SimdTarget> targets = simd_targets();
  for (const SimdTarget& t : targets) {
    if (name == "auto" ? t.supported : name == t.name) {
      if (!t.supported) {
        return invalid_argument("--kernel {}: this CPU cannot run it (it runs: {})", name,
                                fmt::join(kernel_names(), ", "));
      }
      *kernel = Kernel{t.name, t.entry.select, shortcuts, t.entry.target, t.entry.channel_row};
      return Status();
    }
  }
  return invalid_argument("unknown --kernel '{}' (known: auto, {})", name,
                          fmt::join(kernel_names(), ", "));
}

std::vector<std::string> kernel_names() {
  std::vector<std::string> names;
  for (const SimdTarget& t : simd_targets()) {
    if (t.supported) names.push_back(t.name);
  }
  names.push_back("scalar");
  return names;
}

std::vector<std::string> compiled_simd_targets() {
  std::vector<std::string> names;
  for (const SimdTarget& t : simd_targets()) names.push_back(t.name);
  return names;
}

const Kernel& default_kernel() {
  static const Kernel kernel = [] {
    Kernel k;
    // A compiled fallback target (EMU128 or scalar) always runs; should none,
    // the reference loop does.
    if (!choose_kernel("auto", true, &k).ok())
      k = Kernel{"scalar", select_scalar_row, false, 0, channel_row};
    return k;
  }();
  return kernel;
}

void render_rows(const KernelParams& params, const Kernel& kernel, int32_t first_row, int32_t rows,
                 int threads, int32_t* out, CountStats* stats, std::atomic<int64_t>* rows_done) {
  const int64_t width = params.width;
  // Chosen once per render: the row function for this family, and the sample
  // columns every thread reads.
  const RowFunction row_function = kernel.select(params);
  const std::vector<double> columns = sample_columns(params);
  // Rows differ wildly in cost (inside points take every iteration), so hand
  // them out one at a time. Each row is computed the same way whichever thread
  // takes it, so the output does not depend on the thread count.
#pragma omp parallel num_threads(threads)
  {
    CountStats local(params.iterations);
    RowScratch scratch;  // this thread's, for this render
    const RowContext context{params, kernel.shortcuts, columns.data(), scratch};
#pragma omp for schedule(dynamic, 1) nowait
    for (int32_t r = 0; r < rows; ++r) {
      int32_t* row = out + r * width;
      row_function(context, first_row + r, row);
      if (stats) local.add({row, static_cast<size_t>(width)});
      if (rows_done) rows_done->fetch_add(1, std::memory_order_relaxed);
    }
    if (stats) {
#pragma omp critical
      stats->merge(local);
    }
  }
}

}  // namespace mandelbrot
