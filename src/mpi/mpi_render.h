// A render across MPI processes (docs/SEMANTICS.md, "MPI"): the same bytes as
// render_to_output() writes in one process, for any number of processes.
#pragma once

#include "base/status.h"
#include "mpi/mpi_world.h"
#include "render/render.h"

namespace mandelbrot {

// Every process calls it with the same plan. Blocks of rows
// (cluster/block_layout.h) are handed out dynamically through a counter on
// rank 0; each process computes its blocks with its threads and holds them;
// the statistics and what the colouring needs are combined; the content hash
// runs over the blocks in order, its state passed from process to process;
// each process encodes its blocks as independent parts
// (formats/part_encoder.h) and writes them with MPI-IO at offsets computed
// from every part's size, rank 0 the header and the trailer, into one named
// temporary that rank 0 renames over the output once every process is done.
// Any failure is the same Status on every process, and leaves no file.
// report gets the combined figures and one RankReport per process.
// REQUIRES: plan was made by make_render_plan(); collective.
Status mpi_render_to_output(const MpiWorld& world, const RenderPlan& plan, RenderReport* report);

}  // namespace mandelbrot
