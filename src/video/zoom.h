// Rendering a zoom video's frames (docs/SEMANTICS.md, "Zoom videos"): as
// numbered files recorded in their manifest, or as one PPM stream; and its reports.
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"
#include "video/zoom_plan.h"

namespace mandelbrot {

struct ZoomReport {
  int64_t frames = 0;
  int64_t rendered = 0;
  int64_t kept = 0;  // already written, matching their manifest record
  double seconds = 0;
  double render_seconds = 0;
  double encode_seconds = 0;
};

// Renders every frame not kept, in order, each to its file atomically and then
// recorded in the manifest (frame_manifest.h); or every frame to standard
// output as one PPM stream. Progress on stderr unless quiet.
Status run_zoom(const ZoomPlan& plan, ZoomReport* report);

// The --json summary, one line.
std::string zoom_report_json(const ZoomPlan& plan, const ZoomReport& report);

// --dry-run: frame k's line of JSON (its number, file and view).
std::string dry_run_line(const ZoomPlan& plan, int64_t k);

}  // namespace mandelbrot
