// `mandelbrot assemble`: join the count tiles of one render into its image.
#include <fmt/format.h>

#include "app/exit_code.h"
#include "app/render_command.h"
#include "app/subcommands.h"
#include "base/tile_grid.h"
#include "formats/exr/exr_file.h"
#include "render/render_params.h"
#include "render/render_plan.h"
#include "tools/assemble.h"

namespace mandelbrot {

const char* const kAssembleFooter = R"(Examples:
  for j in 0 1; do for i in 0 1 2; do
    mandelbrot --size 3000 --iter 500 --tiles 3,2 --tile $i,$j -o tile-$i-$j.npy
  done; done
  mandelbrot assemble --size 3000 --iter 500 --tiles 3,2 \
    tile-0-0.npy tile-1-0.npy tile-2-0.npy tile-0-1.npy tile-1-1.npy tile-2-1.npy -o big.png

Give the render's own options (size, view, iterations, family, colours): npy
and raw tiles hold counts only, and go in row-major order (0,0 1,0 ... 0,1 ...).
exr tiles carry their place and their render's parameters: give them in any
order, with --tiles and the colour options only. The output has the bytes that rendering the whole image at
once writes (docs/SEMANTICS.md, "Tiles"); colours are scaled over the whole
image. Exit codes: 0 done, 1 run-time failure (I/O, memory), 2 bad usage.)";

namespace {

// The render command's options, the tiles, and no --tile: the whole image.
class AssembleCommand : public RenderCommand {
 public:
  void add_options(CLI::App& app) override {
    RenderCommand::add_options(app);
    app.add_option("tiles", tile_files,
                   "The tile files: npy or raw counts in row-major order (0,0 1,0 ... 0,1 ...), "
                   "or exr tiles in any order")
        ->type_name("TILE")
        ->required();
  }

  int run() override {
    RenderOptions merged = options;
    // exr tiles carry their render's parameters (docs/SEMANTICS.md, "EXR").
    const bool exr = !tile_files.empty() && starts_like_exr(tile_files.front());
    if (exr && !options.from) {
      if (Status s = apply_from_file(tile_files.front(), options, &merged); !s.ok()) {
        return report_error(s);
      }
    } else if (options.from) {
      if (Status s = apply_from_file(*options.from, options, &merged); !s.ok()) {
        return report_error(s);
      }
    }
    if (options.tile) {
      return report_error(invalid_argument(
          "--tile {} picks one tile to render; assemble joins them all (give --tiles NX,NY)",
          *options.tile));
    }
    if (!merged.tiles) {
      return report_error(
          invalid_argument("assemble needs --tiles NX,NY: how the image was split"));
    }
    TileGrid grid;
    if (Status s = parse_tile_grid(*merged.tiles, &grid); !s.ok()) return report_error(s);
    merged.tiles.reset();
    merged.tile.reset();
    RenderPlan plan;
    if (Status s = make_render_plan(merged, &plan); !s.ok()) return report_error(s);
    if (plan.supersample > 1) return report_error(supersample_needs_a_render(plan));
    if (exr) {
      RenderReport report;
      if (Status s = assemble_exr_tiles(plan, grid, tile_files, &report); !s.ok()) {
        return report_error(s);
      }
      return print_render_report(plan, report);
    }
    if (plan.channels.any()) {
      return report_error(invalid_argument(
          "assemble joins count tiles, which hold no smooth or distance values: --colouring {} "
          "and --channel need a whole render",
          colouring_name(plan.colouring)));
    }
    RenderReport report;
    if (Status s = assemble_tiles(plan, grid, tile_files, &report); !s.ok()) {
      return report_error(s);
    }
    return print_render_report(plan, report);
  }

  std::vector<std::string> tile_files;
};

}  // namespace

std::unique_ptr<Command> make_assemble_command() { return std::make_unique<AssembleCommand>(); }

}  // namespace mandelbrot
