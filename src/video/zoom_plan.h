// A zoom video's request as typed and its checked plan (docs/SEMANTICS.md,
// "Zoom videos"): the frames, their views and the options they share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "formats/output_format.h"
#include "render/options.h"
#include "render/render_plan.h"
#include "video/frame_pattern.h"
#include "video/zoom_path.h"

namespace mandelbrot {

// The request: the render options every frame shares (their view options
// unset) and the path's own options, all as text.
struct ZoomOptions {
  RenderOptions render;                    // -o is the frame pattern, or "-" for a PPM stream
  std::optional<std::string> start;        // --start X,Y,R
  std::optional<std::string> end;          // --end X,Y,R
  std::optional<std::string> start_angle;  // --start-angle DEG
  std::optional<std::string> end_angle;    // --end-angle DEG
  std::optional<std::string> frames;       // --frames N
  std::optional<std::string> fps;          // --fps F (with --duration)
  std::optional<std::string> duration;     // --duration SECONDS
  bool dry_run = false;                    // --dry-run: list the frames, render none
};

// The most frames a zoom has (over 9 hours at 30 frames a second): the views of
// every frame are held in memory, a few hundred bytes each for deep paths.
inline constexpr int64_t kMaxZoomFrames = 1000000;

struct ZoomPlan {
  std::vector<ZoomView> views;  // one per frame
  RenderOptions shared;         // every frame's options but its view and output
  bool to_stdout = false;       // -o -: a PPM stream
  FramePattern pattern;         // the numbered files (unless to_stdout)
  OutputFormat format = OutputFormat::kPpm;
  int32_t iterations = 0;  // the same for every frame
  int32_t width = 0;
  int32_t height = 0;
  bool json = false;
  bool quiet = false;
  bool dry_run = false;
  // Said once before the frames (options without effect, colours that flicker).
  std::vector<std::string> warnings;

  int64_t frames() const { return static_cast<int64_t>(views.size()); }
};

// Checks every option and computes the path: frames from --frames, or
// round(fps * duration); --scale fixed unless given; --iter auto decided once,
// from the deepest frame; frame 0's render plan made, so that a bad render
// option is reported before anything is written. A usage error naming the
// option and the value on bad input.
Status make_zoom_plan(const ZoomOptions& options, ZoomPlan* plan);

// Frame k's render options: exactly those of the single render
// `mandelbrot --center X,Y --radius R [--angle A] [shared options] -o FILE`.
RenderOptions frame_render_options(const ZoomPlan& plan, int64_t k);

// Frame k's render plan, made from frame_render_options(); an error names the
// frame when there are several.
Status make_frame_plan(const ZoomPlan& plan, int64_t k, RenderPlan* render_plan);

}  // namespace mandelbrot
