#include "video/zoom.h"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "base/elapsed.h"
#include "base/interrupt.h"
#include "base/parse.h"
#include "render/render.h"
#include "render/render_params.h"
#include "video/frame_manifest.h"
#include "video/zoom_progress.h"

namespace mandelbrot {
namespace {

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

}  // namespace

Status render_frame(const ZoomPlan& plan, int64_t k, const Renderer& renderer, bool record,
                    ZoomReport* report) {
  RenderPlan render_plan;
  if (Status s = make_frame_plan(plan, k, &render_plan); !s.ok()) return s;
  // The manifest records the counts' hash; the hash adds nothing to the bytes.
  render_plan.hash = !plan.to_stdout;
  RenderReport frame;
  if (Status s = renderer(render_plan, &frame); !s.ok()) return s;
  report->rendered += 1;
  report->render_seconds += frame.render_seconds;
  report->encode_seconds += frame.encode_seconds;
  if (plan.to_stdout || !record) return Status();
  FrameRecord line;
  line.file = file_name_of(render_plan.output);
  line.request = request_of(render_plan, frame_render_options(plan, k));
  line.counts_hash = frame.hash;
  if (Status s = file_hash(render_plan.output, &line.file_hash); !s.ok()) return s;
  return append_manifest(plan.pattern.manifest_path(), line);
}

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
    if (Status s = make_frame_plan(plan, k, &render_plan); !s.ok()) return s;
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
    if (Status s = render_frame(plan, k, render_to_output, /*record=*/true, report); !s.ok()) {
      return s;
    }
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
  if (!report.ranks.empty()) {
    nlohmann::ordered_json ranks = nlohmann::ordered_json::array();
    for (size_t r = 0; r < report.ranks.size(); ++r) {
      ranks.push_back(
          {{"rank", r}, {"frames", report.ranks[r].frames}, {"seconds", report.ranks[r].seconds}});
    }
    j["ranks"] = ranks;
  }
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
