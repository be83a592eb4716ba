// The render options a Kalles Fraktaler location stands for (--from FILE.kfr,
// docs/SEMANTICS.md "Views"): its centre, its radius 2/Zoom, its iterations
// and its formula, when the formula is one of this program's families.
#pragma once

#include "base/status.h"
#include "render/options.h"
#include "view/kfr_file.h"

namespace mandelbrot {

// Sets center, radius, iterations (when given), family, power and angle (when
// Rotate is not 0: KF's radians, clockwise, as degrees counter-clockwise) of
// *options from `file`. kInvalidArgument naming the line
// for iterations beyond the program's limits, a FractalType and Power that are
// not one of our families. Ratio is ignored, as Kalles Fraktaler ignores it.
// REQUIRES: `file` came from parse_kfr().
Status kfr_render_options(const KfrFile& file, RenderOptions* options);

}  // namespace mandelbrot
