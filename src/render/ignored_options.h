// Options that were given but change nothing in the output asked for, so that
// the user hears of it (docs/RELIABILITY.md "Command-line rules"): the app prints each as
// "mandelbrot: warning: ..." on stderr unless --quiet.
#pragma once

#include <string>
#include <vector>

#include "render/options.h"
#include "render/render_plan.h"

namespace mandelbrot {

// One sentence per ineffective option: --png-level without PNG output,
// --colormap or --scale with an output of counts (raw, npy, pgm, pbm), and a --region whose
// aspect is not the image's (its pixels are stretched: by how much); and a
// tile whose colours are scaled to its own counts (docs/SEMANTICS.md, "Tiles").
// REQUIRES: plan = make_render_plan(options).
std::vector<std::string> ignored_option_warnings(const RenderOptions& options,
                                                 const RenderPlan& plan);

}  // namespace mandelbrot
