// `mandelbrot assemble`: joins the count tiles of one render (docs/SEMANTICS.md,
// "Tiles") into its whole image, in any output format, with the bytes that
// rendering the whole image at once writes.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "base/tile_grid.h"
#include "render/render.h"
#include "render/render_plan.h"

namespace mandelbrot {

// Joins `tiles`, the npy or raw files of every tile of `grid` in row-major
// order (tile (0,0), (1,0), ... (NX-1,0), (0,1), ...), rendered with plan's
// options and --tiles grid, into plan's output (render/render.h,
// encode_counts_to_output: streamed, colour scaled once over the whole image).
// Usage errors, naming the tile, for: a number of tiles other than NX * NY, a
// file given twice, a file that is not npy or raw counts, a tile whose size is
// not that of its place, and a count outside [0, iterations) (tiles of another
// render), and corruption for a tile short of data or with data past its end.
// The number, names, formats and sizes are checked before the output is
// created; what is found while reading leaves no file either (OutputFile).
// Memory: a row of each tile of a row of tiles, and a band of the image.
// REQUIRES: plan was made by make_render_plan() for the whole image (no tile).
Status assemble_tiles(const RenderPlan& plan, TileGrid grid, const std::vector<std::string>& tiles,
                      RenderReport* report);

// The same for exr tiles (docs/SEMANTICS.md, "EXR"), given in any order: each
// carries its place and its render's parameters. Usage errors, naming the
// files, for: a file that is not an exr tile of `grid`, tiles of different
// renders (size, iterations, view, bailout, family, method), a tile given twice
// and a tile missing, all before the output is created; a tile of another
// size than its place, and (while reading) counts outside [0, iterations).
// The tiles' NF and DEX/DEY give the smooth and distance colourings.
// Memory: a band of each tile of a row of tiles, and a band of the image.
// REQUIRES: plan was made by make_render_plan() for the whole image (no tile).
Status assemble_exr_tiles(const RenderPlan& plan, TileGrid grid,
                          const std::vector<std::string>& tiles, RenderReport* report);

}  // namespace mandelbrot
