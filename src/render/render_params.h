// Render parameters as JSON: embedded in every PNG the renderer writes (tEXt
// keyword "mandelbrot"), shown by `info`, and read back by --from.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/status.h"
#include "formats/png/png_text.h"
#include "render/options.h"
#include "render/render_plan.h"

namespace mandelbrot {

// The view as files and reports carry it: {"center_x", "center_y", "radius",
// "angle" (when given), "region" (when the view was made from one: {"xmin",
// "xmax", "ymin", "ymax"})}, every value the decimal string as given.
nlohmann::ordered_json view_json(const View& view);

// --tiles and --tile as their option text: "NX,NY" and "I,J".
std::string tiles_text(TileGrid grid);
std::string tile_text(const TilePlan& tile);

// One line of JSON with every parameter that decides the output's content:
// program and version, width, height (the whole image's pixels), "supersample"
// when it is more than 1, for a tile "tiles"
// and "tile" (tiles_text(), tile_text()), iterations, the view (view_json()), the
// region the double path sampled (each bound as the shortest decimal string
// that reads back as exactly the same double), bailout, the family (for every
// family but mandelbrot: its name, power and Julia constant), colour map, PNG
// level, and the content hash of the counts. Nothing that varies between runs of
// the same render (threads, kernel, times, output path), so that re-rendering
// from it reproduces the file byte for byte.
std::string render_params_json(const RenderPlan& plan, const std::string& hash);

// The colours as parameters and reports record them (docs/SEMANTICS.md,
// "Palettes"): "colormap" (the map's name) or, with a palette, "palette" (its
// stops, [[position, "#rrggbb"], ...]) instead; "palette_period" and
// "palette_offset" when a period is given (each the shortest decimal string
// that reads back as the same double).
void add_colours_json(const RenderPlan& plan, nlohmann::ordered_json* j);

// The content options in a parameters JSON (as above, a --json report, or the
// output of `info --json`, which holds them under "parameters"), for
// make_render_plan(). The view comes from "view" in its source form (a region,
// or centre and radius, and the angle); files written before views have only
// "region" bounds, read as a region. `source` names the JSON in errors.
Status render_options_from_json(const std::string& json, const std::string& source,
                                RenderOptions* options);

// For --from: the options of the render recorded in `path` (a PNG this program
// wrote, a JSON file, or a Kalles Fraktaler location: a file whose first line
// that is not blank starts with "Re:", see render/kfr_options.h), overridden by
// every content option set on the command line. Without a new size or view on
// the command line the recorded view is used as it is (a region stays that
// region); with a new size, centre, radius or region, the recorded view is kept
// by its centre and radius strings (the width follows the new aspect), each
// replaced when given.
Status apply_from_file(const std::string& path, const RenderOptions& command_line,
                       RenderOptions* merged);

}  // namespace mandelbrot
