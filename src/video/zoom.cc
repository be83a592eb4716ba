#include "video/zoom.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <chrono>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "base/interrupt.h"
#include "base/parse.h"
#include "formats/encoders.h"
#include "render/ignored_options.h"
#include "render/render.h"
#include "render/render_params.h"
#include "render/render_plan.h"
#include "render/shared_options.h"
#include "video/frame_manifest.h"
#include "video/zoom_progress.h"
#include "view/decimal.h"

namespace mandelbrot {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

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

std::string file_name_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// What decides a frame file's bytes: its parameters (render_params.h) without
// the counts' hash, and the format and channel of the file.
std::string request_of(const RenderPlan& plan, const RenderOptions& options) {
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(render_params_json(plan, ""));
  j.erase("hash");
  j["format"] = output_format_name(plan.format);
  if (plan.data_channel != DataChannel::kCount) j["channel"] = ascii_lower(*options.channel);
  return j.dump();
}

Status frame_plan(const ZoomPlan& plan, int64_t k, RenderPlan* render_plan) {
  const Status s = make_render_plan(frame_render_options(plan, k), render_plan);
  if (!s.ok() && plan.frames() > 1) return s.with_prefix(fmt::format("frame {}: ", k));
  return s;
}

// Renders frame k to its output and, for a file, records it in the manifest.
Status render_frame(const ZoomPlan& plan, int64_t k, ZoomReport* report) {
  RenderPlan render_plan;
  if (Status s = frame_plan(plan, k, &render_plan); !s.ok()) return s;
  // The manifest records the counts' hash; the hash adds nothing to the bytes.
  render_plan.hash = !plan.to_stdout;
  RenderReport frame;
  if (Status s = render_to_output(render_plan, &frame); !s.ok()) return s;
  report->rendered += 1;
  report->render_seconds += frame.render_seconds;
  report->encode_seconds += frame.encode_seconds;
  if (plan.to_stdout) return Status();
  FrameRecord record;
  record.file = file_name_of(render_plan.output);
  record.request = request_of(render_plan, frame_render_options(plan, k));
  record.counts_hash = frame.hash;
  if (Status s = file_hash(render_plan.output, &record.file_hash); !s.ok()) return s;
  return append_manifest(plan.pattern.manifest_path(), record);
}

// Which frames are kept: their file's record matches the request and the
// file's bytes. The manifest is rewritten with the kept records only.
Status frames_to_keep(const ZoomPlan& plan, std::vector<bool>* keep) {
  keep->assign(static_cast<size_t>(plan.frames()), false);
  std::map<std::string, FrameRecord> records;
  const std::string manifest = plan.pattern.manifest_path();
  if (Status s = read_manifest(manifest, &records); !s.ok()) return s;
  if (records.empty()) return Status();
  std::vector<FrameRecord> kept;
  for (int64_t k = 0; k < plan.frames(); ++k) {
    const std::string path = plan.pattern.path(k);
    const auto it = records.find(file_name_of(path));
    if (it == records.end()) continue;
    RenderPlan render_plan;
    if (Status s = frame_plan(plan, k, &render_plan); !s.ok()) return s;
    if (it->second.request != request_of(render_plan, frame_render_options(plan, k))) continue;
    std::string hash;
    const Status s = file_hash(path, &hash);
    if (s.code() == StatusCode::kNotFound) continue;
    if (!s.ok()) return s;
    if (hash != it->second.file_hash) continue;
    (*keep)[static_cast<size_t>(k)] = true;
    kept.push_back(it->second);
  }
  return write_manifest(manifest, kept);
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
  if (Status s = frame_plan(plan, deepest_frame(plan), &render_plan); !s.ok()) return s;
  plan.shared.iterations = std::to_string(render_plan.params.iterations);
  plan.iterations = render_plan.params.iterations;
  // Every option checked as the first and last frames' renders take them.
  if (Status s = frame_plan(plan, plan.frames() - 1, &render_plan); !s.ok()) return s;
  if (Status s = frame_plan(plan, 0, &render_plan); !s.ok()) return s;
  plan.width = render_plan.params.width;
  plan.height = render_plan.params.height;
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

Status run_zoom(const ZoomPlan& plan, ZoomReport* report) {
  const auto start = std::chrono::steady_clock::now();
  *report = ZoomReport();
  report->frames = plan.frames();
  install_interrupt_cleanup();  // Ctrl-C leaves no temporary (base/interrupt.h)
  std::vector<bool> keep(static_cast<size_t>(plan.frames()), false);
  if (!plan.to_stdout) {
    if (Status s = frames_to_keep(plan, &keep); !s.ok()) return s;
  }
  ZoomProgress progress(plan.frames(), !plan.quiet);
  for (int64_t k = 0; k < plan.frames(); ++k) {
    if (keep[static_cast<size_t>(k)]) {
      report->kept += 1;
      progress.frame_done(k, /*kept=*/true, 0);
      continue;
    }
    const auto frame_start = std::chrono::steady_clock::now();
    if (Status s = render_frame(plan, k, report); !s.ok()) return s;
    progress.frame_done(k, /*kept=*/false, seconds_since(frame_start));
  }
  report->seconds = seconds_since(start);
  return Status();
}

std::string zoom_report_json(const ZoomPlan& plan, const ZoomReport& report) {
  nlohmann::ordered_json j;
  j["frames"] = report.frames;
  j["rendered"] = report.rendered;
  j["kept"] = report.kept;
  j["seconds"] = report.seconds;
  j["render_seconds"] = report.render_seconds;
  j["encode_seconds"] = report.encode_seconds;
  j["width"] = plan.width;
  j["height"] = plan.height;
  j["iterations"] = plan.iterations;
  j["format"] = output_format_name(plan.format);
  j["output"] = plan.to_stdout ? "-" : plan.pattern.text();
  if (!plan.to_stdout) j["manifest"] = plan.pattern.manifest_path();
  return j.dump();
}

std::string dry_run_line(const ZoomPlan& plan, int64_t k) {
  const ZoomView& v = plan.views[static_cast<size_t>(k)];
  nlohmann::ordered_json j;
  j["frame"] = k;
  j["file"] = plan.to_stdout ? "-" : plan.pattern.path(k);
  j["center_x"] = v.center_x;
  j["center_y"] = v.center_y;
  j["radius"] = v.radius;
  if (!v.angle.empty()) j["angle"] = v.angle;
  j["iterations"] = plan.iterations;
  return j.dump();
}

}  // namespace mandelbrot
