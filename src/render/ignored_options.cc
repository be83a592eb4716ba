#include "render/ignored_options.h"

#include "render/render.h"

#include <fmt/format.h>

#include <cmath>

#include "formats/encoders.h"

namespace mandelbrot {
namespace {

// Stretches closer to 1 than this are rounding in the region's decimal bounds.
constexpr double kStretchTolerance = 1e-3;

}  // namespace

std::vector<std::string> ignored_option_warnings(const RenderOptions& o, const RenderPlan& plan) {
  std::vector<std::string> warnings;
  const std::string_view format = output_format_name(plan.format);
  if (o.png_level && plan.format != OutputFormat::kPng) {
    warnings.push_back(fmt::format("--png-level has no effect on {} output", format));
  }
  for (const auto& [given, option] :
       {std::pair{o.colour_map.has_value(), "--colormap"},
        std::pair{o.scale.has_value(), "--scale"},
        std::pair{o.colouring.has_value(), "--colouring"},
        std::pair{o.interior.has_value(), "--interior"},
        std::pair{o.palette.has_value(), "--palette"},
        std::pair{o.palette_period.has_value(), "--palette-period"}}) {
    if (given && !has_colours(plan.format)) {
      warnings.push_back(fmt::format("{} has no effect on {} output (it holds counts, not colours)",
                                     option, format));
    }
  }
  if (o.region) {
    const Region& r = plan.params.region;
    const double pixel_width = (r.xmax - r.xmin) / plan.params.full_width();
    const double pixel_height = (r.ymax - r.ymin) / plan.params.full_height();
    const double stretch = pixel_width / pixel_height;
    if (std::fabs(stretch - 1) > kStretchTolerance) {
      warnings.push_back(fmt::format(
          "--region is {:g} x {:g} but the image is {} x {} pixels: each pixel covers {:.3g} "
          "times as much width as height, so the picture is {} (use --center and --radius to "
          "keep the aspect)",
          r.xmax - r.xmin, r.ymax - r.ymin, plan.image_width(), plan.image_height(), stretch,
          stretch > 1 ? "squeezed sideways" : "stretched sideways"));
    }
  }
  if (plan.tile && range_pass(plan) != RangePass::kNone) {
    warnings.push_back(fmt::format(
        "the colours of this {} tile are scaled to the tile's own counts, not the whole "
        "image's, so the tiles will not match; write npy or raw tiles and join them with "
        "'mandelbrot assemble', or use --scale fixed",
        output_format_name(plan.format)));
  }
  return warnings;
}

}  // namespace mandelbrot
