// `mandelbrot colour`: re-colours saved escape data (docs/SEMANTICS.md,
// "The colour subcommand") into any output format, without rendering again,
// with the bytes the direct render with the same options writes.
#pragma once

#include <string>

#include "base/status.h"
#include "render/render.h"
#include "render/render_plan.h"

namespace mandelbrot {

// Reads `input` (an exr file, or npy or raw counts of plan's size) band by
// band and writes plan's output from it (render/render.h,
// encode_counts_to_output: streamed, the colour scaled once over the whole
// image). Usage errors, naming the file, for: data of another size than the
// plan's, an input without a channel the colouring reads (smooth from NF,
// distance from DEX/DEY: exr only), counts outside [0, iterations), and the
// output being the input. Memory: a band of the image.
// REQUIRES: plan was made by make_render_plan() for the whole image (no tile).
Status colour_saved_data(const RenderPlan& plan, const std::string& input, RenderReport* report);

}  // namespace mandelbrot
