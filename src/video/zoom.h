// Rendering a zoom video's frames (docs/SEMANTICS.md, "Zoom videos"): as
// numbered files recorded in their manifest, or as one PPM stream; and its reports.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "render/render.h"
#include "video/zoom_plan.h"

namespace mandelbrot {

// One process's share of a zoom spread over MPI processes (mpi/mpi_zoom.h).
struct ZoomRankReport {
  int64_t frames = 0;  // the frames it rendered alone (none when every process rendered each one)
  double seconds = 0;  // its time spent rendering and writing them
};

struct ZoomReport {
  int64_t frames = 0;
  int64_t rendered = 0;
  int64_t kept = 0;  // already written, matching their manifest record
  double seconds = 0;
  double render_seconds = 0;
  double encode_seconds = 0;
  std::vector<ZoomRankReport> ranks;  // empty in one process
};

// How a zoom's frames are made: run_zoom(), or spread over MPI processes.
using ZoomRunner = std::function<Status(const ZoomPlan& plan, ZoomReport* report)>;

// Renders every frame not kept, in order, each to its file atomically and then
// recorded in the manifest (frame_manifest.h); or every frame to standard
// output as one PPM stream. Progress on stderr unless quiet.
Status run_zoom(const ZoomPlan& plan, ZoomReport* report);

// The steps of run_zoom(), for a runner that spreads the frames:
//
// Which frames to keep: those whose file's manifest record matches their
// request and whose bytes match the record. Rewrites the manifest with the
// kept records only. REQUIRES: !plan.to_stdout.
Status frames_to_keep(const ZoomPlan& plan, std::vector<bool>* keep);

// Renders frame k with `renderer` into its file (or the stream) and adds its
// figures to report; appends its record to the manifest when `record` (one
// write, so that processes appending at once do not mix their lines).
Status render_frame(const ZoomPlan& plan, int64_t k, const Renderer& renderer, bool record,
                    ZoomReport* report);

// The --json summary, one line.
std::string zoom_report_json(const ZoomPlan& plan, const ZoomReport& report);

// --dry-run: frame k's line of JSON (its number, file and view).
std::string dry_run_line(const ZoomPlan& plan, int64_t k);

}  // namespace mandelbrot
