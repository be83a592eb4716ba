// `mandelbrot colour`: re-colour saved escape data without rendering again.
#include <fmt/format.h>

#include "app/exit_code.h"
#include "app/render_command.h"
#include "app/subcommands.h"
#include "formats/exr/exr_file.h"
#include "render/render_params.h"
#include "render/render_plan.h"
#include "tools/colour.h"

namespace mandelbrot {

const char* const kColourFooter = R"(Examples:
  mandelbrot --size 800 --colouring smooth --channels smooth,de -o data.exr
  mandelbrot colour data.exr --colouring distance --colormap magma -o shaded.png
  mandelbrot --size 800 --iter 500 -o counts.npy
  mandelbrot colour counts.npy --size 800 --iter 500 --colouring histogram -o flat.png

An exr file carries its render's parameters: only the colouring options are
needed. npy and raw counts need the render's own options (size, iterations; raw
files their size), as `assemble` does. The output has the bytes the direct
render with the same options writes (docs/SEMANTICS.md, "The colour
subcommand"). Exit codes: 0 done, 1 run-time failure (I/O, memory), 2 bad usage.)";

namespace {

class ColourCommand : public RenderCommand {
 public:
  void add_options(CLI::App& app) override {
    RenderCommand::add_options(app);
    app.add_option("input", input, "The saved data: an exr file, or npy or raw counts")
        ->type_name("IN")
        ->required();
  }

  int run() override {
    RenderOptions merged = options;
    // An exr file's header holds the render's parameters (docs/SEMANTICS.md,
    // "EXR"); npy and raw counts take the command line's, or --from's.
    const bool exr = starts_like_exr(input);
    if (exr && options.from) {
      return report_error(invalid_argument(
          "'{}' carries its render's parameters: give no --from {}", input, *options.from));
    }
    if (exr || options.from) {
      if (Status s = apply_from_file(exr ? input : *options.from, options, &merged); !s.ok()) {
        return report_error(s);
      }
    }
    if (merged.tiles || merged.tile) {
      return report_error(invalid_argument(
          "'{}' is one tile of --tiles {}: colour a whole image (assemble the tiles first)", input,
          merged.tiles.value_or("?")));
    }
    RenderPlan plan;
    if (Status s = make_render_plan(merged, &plan); !s.ok()) return report_error(s);
    if (plan.supersample > 1) return report_error(supersample_needs_a_render(plan));
    RenderReport report;
    if (Status s = colour_saved_data(plan, input, &report); !s.ok()) return report_error(s);
    return print_render_report(plan, report);
  }

  std::string input;
};

}  // namespace

std::unique_ptr<Command> make_colour_command() { return std::make_unique<ColourCommand>(); }

}  // namespace mandelbrot
