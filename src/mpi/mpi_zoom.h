// A zoom video across MPI processes (docs/SEMANTICS.md, "MPI", Zoom videos):
// the same frame files and manifest as run_zoom() writes in one process.
#pragma once

#include "base/status.h"
#include "mpi/mpi_world.h"
#include "video/zoom.h"

namespace mandelbrot {

// Every process calls it with the same plan. Rank 0 decides which frames are
// kept (video/zoom.h, frames_to_keep). When at least as many frames are left
// as there are processes, frames are handed out one at a time through a
// counter on rank 0 and each process renders whole frames with its threads,
// appending each frame's record to the manifest; otherwise every process
// works on each frame in turn (mpi_render_to_output). A failure stops every
// process after its current frame and is the same Status on each.
// report gets the totals and one ZoomRankReport per process.
// REQUIRES: plan was made by make_zoom_plan(); collective.
Status mpi_run_zoom(const MpiWorld& world, const ZoomPlan& plan, ZoomReport* report);

}  // namespace mandelbrot
