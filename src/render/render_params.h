// Render parameters as JSON: embedded in every PNG the renderer writes (tEXt
// keyword "mandelbrot"), shown by `info`, and read back by --from.
#pragma once

#include <string>

#include "base/status.h"
#include "formats/png/png_text.h"
#include "render/options.h"
#include "render/render_plan.h"

namespace mandelbrot {

// One line of JSON with every parameter that decides the output's content:
// program and version, width, height, iterations, region (each bound as the
// shortest decimal string that reads back as exactly the same double), bailout,
// colour map, PNG level, and the content hash of the counts. Nothing that varies
// between runs of the same render (threads, kernel, times, output path), so that
// re-rendering from it reproduces the file byte for byte.
std::string render_params_json(const RenderPlan& plan, const std::string& hash);

// The content options in a parameters JSON (as above, or a --json report, whose
// region bounds are numbers), for make_render_plan(). `source` names it in errors.
Status render_options_from_json(const std::string& json, const std::string& source,
                                RenderOptions* options);

// For --from: the options of the render recorded in `path` (a PNG this program
// wrote, or a JSON file), overridden by every content option set on the command
// line. Without geometry on the command line the recorded region is used as it
// is; with a new size but no view options, the view is kept by its centre and
// height (the width follows the new aspect).
Status apply_from_file(const std::string& path, const RenderOptions& command_line,
                       RenderOptions* merged);

}  // namespace mandelbrot
