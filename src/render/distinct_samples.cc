#include "render/distinct_samples.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mandelbrot {
namespace {

Status check_columns_and_rows(const KernelParams& p, const View& view) {
  double previous = p.x_at(0);
  for (int32_t j = 1; j < p.width; ++j) {
    const double x = p.x_at(j);
    if (x == previous) {
      return too_deep_error(view, fmt::format("columns {} and {} both sample x = {}", j - 1, j, x));
    }
    previous = x;
  }
  previous = p.y_at(0);
  for (int32_t i = 1; i < p.height; ++i) {
    const double y = p.y_at(i);
    if (y == previous) {
      return too_deep_error(view, fmt::format("rows {} and {} both sample y = {}", i - 1, i, y));
    }
    previous = y;
  }
  return Status();
}

Status check_rotated(const KernelParams& p, const View& view) {
  const Region& r = p.region;
  const KernelParams::Rotation& rot = p.rotation;
  const double spacing = std::min((r.xmax - r.xmin) / p.width, (r.ymax - r.ymin) / p.height);
  // Every x_at, y_at, u, v, product, sum and sample is at most `largest` in magnitude.
  const double reach = std::max(std::abs(rot.cx), std::abs(rot.cy)) +
                       std::max(std::abs(r.xmin - rot.cx), std::abs(r.xmax - rot.cx)) +
                       std::max(std::abs(r.ymin - rot.cy), std::abs(r.ymax - rot.cy));
  const double largest =
      std::max({reach, std::abs(r.xmin), std::abs(r.xmax), std::abs(r.ymin), std::abs(r.ymax)}) *
      (1 + 0x1p-40);
  const double ulp = std::max(std::ldexp(1.0, std::ilogb(largest) - 52),
                              std::numeric_limits<double>::denorm_min());
  if (!(spacing >= kRotatedSpacingUlps * ulp)) {
    return too_deep_error(
        view, fmt::format("rotated, its pixel spacing {:.3g} is under {} units in the last place "
                          "({:.3g} each) of its largest coordinate {:.3g}",
                          spacing, kRotatedSpacingUlps, ulp, largest));
  }
  return Status();
}

}  // namespace

Status check_distinct_samples(const KernelParams& params, const View& view) {
  return params.rotation.identity() ? check_columns_and_rows(params, view)
                                    : check_rotated(params, view);
}

}  // namespace mandelbrot
