#include "video/zoom_plan.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cmath>
#include <cstdlib>

#include "base/parse.h"
#include "formats/encoders.h"
#include "render/ignored_options.h"
#include "render/render.h"
#include "render/shared_options.h"
#include "view/decimal.h"

namespace mandelbrot {
namespace {

// "--start X,Y,R" (or --end) into view's centre and radius.
Status parse_end_view(const std::optional<std::string>& text, const char* option, ZoomView* view) {
  if (!text) return invalid_argument("{} X,Y,R is required (the view's centre and radius)", option);
  std::vector<std::string> parts;
  size_t begin = 0;
  for (size_t comma = text->find(',');; comma = text->find(',', begin)) {
    parts.emplace_back(trim_space(std::string_view(*text).substr(
        begin, comma == std::string::npos ? std::string::npos : comma - begin)));
    if (comma == std::string::npos) break;
    begin = comma + 1;
  }
  if (parts.size() != 3) {
    return invalid_argument("{} must be X,Y,R (three decimals), got '{}'", option, *text);
  }
  for (const std::string& part : parts) {
    if (!is_decimal(part)) {
      return invalid_argument("{} must be X,Y,R (three decimals), got '{}': '{}' is not a decimal",
                              option, *text, part);
    }
  }
  if (decimal_sign(parts[2]) <= 0) {
    return invalid_argument("{} radius must be > 0, got '{}'", option, parts[2]);
  }
  view->center_x = parts[0];
  view->center_y = parts[1];
  view->radius = parts[2];
  return Status();
}

Status parse_end_angle(const std::optional<std::string>& text, const char* option, ZoomView* view) {
  if (!text) return Status();
  const std::string angle(trim_space(*text));
  if (!is_decimal(angle) || !std::isfinite(std::strtod(angle.c_str(), nullptr))) {
    return invalid_argument("{} must be a finite decimal number of degrees, got '{}'", option,
                            *text);
  }
  view->angle = angle;
  return Status();
}

// --frames N, or --fps F with --duration S (N = round(F S)).
Status parse_frame_count(const ZoomOptions& o, int64_t* frames) {
  if (o.frames) {
    if (o.fps || o.duration) {
      return invalid_argument(
          "--frames {} cannot be combined with --fps or --duration: give --frames N, or --fps F "
          "and --duration SECONDS",
          *o.frames);
    }
    return parse_ranged(*o.frames, "--frames", 1, kMaxZoomFrames, frames);
  }
  if (!o.fps && !o.duration) {
    return invalid_argument(
        "give the number of frames: --frames N, or --fps F and --duration "
        "SECONDS");
  }
  if (!o.fps || !o.duration) {
    return invalid_argument(
        "--fps and --duration go together (frames = fps x duration); {} is "
        "missing",
        o.fps ? "--duration" : "--fps");
  }
  double fps = 0;
  double duration = 0;
  if (Status s = parse_double(*o.fps, "--fps", &fps); !s.ok()) return s;
  if (Status s = parse_double(*o.duration, "--duration", &duration); !s.ok()) return s;
  if (!(fps > 0)) return invalid_argument("--fps must be > 0, got '{}'", *o.fps);
  if (!(duration > 0)) return invalid_argument("--duration must be > 0, got '{}'", *o.duration);
  const double n = std::round(fps * duration);
  if (n < 1 || n > static_cast<double>(kMaxZoomFrames)) {
    return invalid_argument("--fps {} and --duration {} make {} frames; a zoom has 1 to {}", *o.fps,
                            *o.duration, n, kMaxZoomFrames);
  }
  *frames = static_cast<int64_t>(n);
  return Status();
}

// -o: the frame pattern and its format, or "-" with --format ppm.
Status choose_frame_output(const RenderOptions& o, ZoomPlan* plan) {
  if (!o.output || o.output->empty()) {
    return invalid_argument(
        "-o is required: a numbered file pattern such as 'frames/%06d.png', or - for a PPM "
        "stream (--format ppm)");
  }
  std::optional<OutputFormat> format;
  if (o.format) {
    format = parse_output_format(*o.format);
    if (!format) {
      return invalid_argument("unknown --format '{}' (known: {})", *o.format, output_format_list());
    }
  }
  if (*o.output == "-") {
    if (format != OutputFormat::kPpm) {
      return invalid_argument(
          "-o - writes the frames as one PPM stream: it needs --format ppm{}",
          format ? fmt::format(", not {}", output_format_name(*format)) : std::string());
    }
    plan->to_stdout = true;
    plan->format = *format;
    return Status();
  }
  if (Status s = FramePattern::parse(*o.output, &plan->pattern); !s.ok()) return s;
  const std::optional<OutputFormat> from_extension = output_format_from_path(*o.output);
  if (format && from_extension && *format != *from_extension) {
    return invalid_argument("-o '{}' names {} files but --format is {}; make them agree", *o.output,
                            output_format_name(*from_extension), output_format_name(*format));
  }
  if (!format) format = from_extension;
  if (!format) {
    return invalid_argument(
        "cannot tell the frame format of -o '{}' from its extension (known: {}); use --format",
        *o.output, output_format_list());
  }
  plan->format = *format;
  const std::string directory = plan->pattern.directory();
  struct stat st {};
  if (stat(directory.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return invalid_argument("the directory '{}' of -o '{}' does not exist; create it first",
                            directory, *o.output);
  }
  return Status();
}

// The frame with the smallest radius (the first of equals).
int64_t deepest_frame(const ZoomPlan& plan) {
  const std::optional<std::string> half =
      decimal_half_difference(plan.views.front().radius, plan.views.back().radius);
  return half && decimal_sign(*half) < 0 ? plan.frames() - 1 : 0;
}

}  // namespace

Status make_zoom_plan(const ZoomOptions& o, ZoomPlan* out) {
  ZoomPlan plan;
  int64_t frames = 0;
  if (Status s = parse_frame_count(o, &frames); !s.ok()) return s;
  ZoomView start;
  ZoomView end;
  if (Status s = parse_end_view(o.start, "--start", &start); !s.ok()) return s;
  if (Status s = parse_end_view(o.end, "--end", &end); !s.ok()) return s;
  if (Status s = parse_end_angle(o.start_angle, "--start-angle", &start); !s.ok()) return s;
  if (Status s = parse_end_angle(o.end_angle, "--end-angle", &end); !s.ok()) return s;
  if (Status s = choose_frame_output(o.render, &plan); !s.ok()) return s;
  if (Status s = zoom_path(start, end, frames, &plan.views); !s.ok()) return s;

  plan.shared = o.render;
  plan.shared.center.reset();
  plan.shared.radius.reset();
  plan.shared.region.reset();
  plan.shared.angle.reset();
  plan.shared.from.reset();
  plan.shared.json = false;
  plan.shared.hash = false;
  plan.shared.quiet = true;  // the zoom shows its own progress
  // No flicker: a count has the same colour in every frame (docs/SEMANTICS.md,
  // "Zoom videos"). Formats of counts have no colours to scale.
  if (!plan.shared.scale && has_colours(plan.format)) plan.shared.scale = "fixed";
  plan.json = o.render.json;
  plan.quiet = o.render.quiet;
  plan.dry_run = o.dry_run;

  // The options every frame shares are checked on the first frame, so that
  // their errors name no frame (--iter auto is decided below).
  RenderPlan render_plan;
  {
    RenderOptions first = frame_render_options(plan, 0);
    if (first.iterations && ascii_lower(*first.iterations) == "auto") first.iterations = "100";
    if (Status s = make_render_plan(first, &render_plan); !s.ok()) return s;
  }
  // --iter auto: decided once, from the deepest frame, for every frame.
  if (Status s = make_frame_plan(plan, deepest_frame(plan), &render_plan); !s.ok()) return s;
  plan.shared.iterations = std::to_string(render_plan.params.iterations);
  plan.iterations = render_plan.params.iterations;
  // Every option checked as the first and last frames' renders take them.
  if (Status s = make_frame_plan(plan, plan.frames() - 1, &render_plan); !s.ok()) return s;
  if (Status s = make_frame_plan(plan, 0, &render_plan); !s.ok()) return s;
  plan.width = render_plan.output_width();  // pixels, not samples (--supersample)
  plan.height = render_plan.output_height();
  plan.warnings = ignored_option_warnings(frame_render_options(plan, 0), render_plan);
  if (has_colours(render_plan.format) && range_pass(render_plan) != RangePass::kNone) {
    plan.warnings.push_back(fmt::format(
        "--scale {} --colouring {} colours each frame by its own range of values: the colours "
        "will flicker from frame to frame (--scale fixed with --colouring log or distance does "
        "not)",
        colour_scale_name(render_plan.scale), colouring_name(render_plan.colouring)));
  }
  *out = std::move(plan);
  return Status();
}

RenderOptions frame_render_options(const ZoomPlan& plan, int64_t k) {
  RenderOptions o = plan.shared;
  const ZoomView& v = plan.views[static_cast<size_t>(k)];
  o.center = v.center_x + "," + v.center_y;
  o.radius = v.radius;
  if (!v.angle.empty()) o.angle = v.angle;
  o.output = plan.to_stdout ? "-" : plan.pattern.path(k);
  if (plan.to_stdout) o.format = "ppm";
  return o;
}

Status make_frame_plan(const ZoomPlan& plan, int64_t k, RenderPlan* render_plan) {
  const Status s = make_render_plan(frame_render_options(plan, k), render_plan);
  if (!s.ok() && plan.frames() > 1) return s.with_prefix(fmt::format("frame {}: ", k));
  return s;
}

}  // namespace mandelbrot
