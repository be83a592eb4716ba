// The render options and running a render.
#include "app/render_command.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "app/exit_code.h"
#include "app/subcommands.h"
#include "base/same_file.h"
#include "colour/colour_map.h"
#include "formats/output_format.h"
#include "fractal/family.h"
#include "kernel/kernel.h"
#include "render/ignored_options.h"
#include "render/render.h"
#include "render/render_params.h"
#include "render/render_plan.h"

namespace mandelbrot {

const char* const kRenderFooter = R"(Examples:
  mandelbrot -o out.png                           the classic view, 400x400, 100 iterations
  mandelbrot --size 1000 --iter 500 -o big.png
  mandelbrot --center -0.7435,0.1314 --radius 0.002 --iter 2000 -o zoom.png
  mandelbrot --width 1920 --height 1080 --colormap gray -o wide.png
  mandelbrot --julia -0.8,0.156 --iter 500 -o julia.png
  mandelbrot --family multibrot --power 4 -o multibrot.png
  mandelbrot --format npy -o - | python3 -c 'import numpy,sys,io; print(numpy.load(io.BytesIO(sys.stdin.buffer.read())).shape)'
  mandelbrot --size 64 --format raw -o counts.raw --json
  mpirun -n 4 mandelbrot --size 16384 --iter 2000 -o big.png    across MPI processes

Formats (by the extension of -o, or --format; the two must agree): png, raw
(int32 little-endian), npy, pgm (greyscale counts), ppm (colour), pbm (1 = inside),
exr (escape data and colour: docs/SEMANTICS.md, "EXR"). Under mpirun, the processes
share the rows and write exactly these bytes (docs/SEMANTICS.md, "MPI").
Names of formats, colour maps and families are case-insensitive.
Exit codes: 0 done, 1 run-time failure (I/O, memory), 2 bad usage.)";

void RenderCommand::add_options(CLI::App& app) {
  RenderOptions& o = options;
  CLI::Option* size =
      add_text_option(app, "--size", o.size, "Width and height in pixels (default 400)", "N");
  CLI::Option* width = add_text_option(app, "--width", o.width, "Width in pixels", "N");
  CLI::Option* height = add_text_option(app, "--height", o.height, "Height in pixels", "N");
  size->excludes(width)->excludes(height);
  add_text_option(app, "--iter", o.iterations,
                  "Maximum iterations per point, or auto: chosen from a 16-pixel-high probe "
                  "render of the view (default 100)",
                  "N");
  CLI::Option* region =
      add_text_option(app, "--region", o.region,
                      "Region of the complex plane (default -2,1,-1.5,1.5)", "XMIN,XMAX,YMIN,YMAX");
  CLI::Option* center =
      add_text_option(app, "--center", o.center, "Centre of the view (default -0.5,0)", "X,Y");
  CLI::Option* radius =
      add_text_option(app, "--radius", o.radius,
                      "Half the view's height; the width follows the aspect (default 1.5)", "R");
  region->excludes(center)->excludes(radius);
  add_text_option(app, "--angle", o.angle,
                  "Rotate the view counter-clockwise about its centre (default 0)", "DEG");
  add_text_option(app, "--bailout", o.bailout, "Escape radius (default 10)", "B");
  add_text_option(app, "--family", o.family, "Fractal: " + family_names() + " (default mandelbrot)",
                  "NAME");
  add_text_option(app, "--julia", o.julia,
                  "Julia set of z^2 + K (implies --family julia; default view centre 0,0)",
                  "KR,KI");
  add_text_option(app, "--power", o.power,
                  "Multibrot power z^D + c, 2 to 8 (--family multibrot only; default 3)", "D");
  add_text_option(
      app, "--tiles", o.tiles,
      "Split the image into NX columns and NY rows of tiles (for batch systems; needs --tile)",
      "NX,NY");
  add_text_option(
      app, "--tile", o.tile,
      "Render only tile I,J of --tiles (I the column, J the row, from 0): exactly the whole "
      "image's counts there; join tiles with 'mandelbrot assemble'",
      "I,J");
  add_text_option(app, "--threads", o.threads, "Threads, 0 for all cores (default 0)", "N");
  app.add_option("--kernel", o.kernel,
                 "auto (the best this CPU runs), scalar (the reference loop), or one of: " +
                     fmt::format("{}", fmt::join(compiled_simd_targets(), ", ")) +
                     " (default auto)")
      ->type_name("NAME");
  add_text_option(app, "--method", o.method,
                  "auto (direct where doubles separate the pixels, else perturbation), direct "
                  "(exact double arithmetic), or perturbation (deep zoom: MPFR reference "
                  "orbits; docs/SEMANTICS.md, \"Deep zoom\") (default auto)",
                  "NAME");
  app.add_flag("--no-shortcuts", o.no_shortcuts,
               "Iterate every point fully (no cardioid/bulb test, periodicity check or block "
               "escape tests); the counts are the same");
  add_text_option(app, "-o,--output", o.output,
                  "Output file, or - for standard output (default mandelbrot.png, or "
                  "mandelbrot.FORMAT with --format)",
                  "PATH");
  add_text_option(app, "--format", o.format,
                  fmt::format("One of {} (default: from the extension; required with -o -)",
                              output_format_list()),
                  "FORMAT");
  add_text_option(
      app, "--colormap", o.colour_map,
      "Colours of png and ppm output, matplotlib's: " + colour_map_names() + " (default hot)",
      "NAME");
  add_text_option(app, "--palette", o.palette,
                  "A palette file instead of --colormap: lines 'POSITION #rrggbb' (positions 0 "
                  "to 1), or a Kalles Fraktaler .kfp palette (its Colors: list)",
                  "FILE");
  add_text_option(app, "--palette-period", o.palette_period,
                  "With --colouring smooth: cycle the map or palette every P units of the smooth "
                  "value instead of scaling it over the image",
                  "P");
  add_text_option(app, "--palette-offset", o.palette_offset,
                  "With --palette-period: shift the cycle by O periods (default 0)", "O");
  add_text_option(app, "--scale", o.scale,
                  "image: log counts over the image's own range, as matplotlib's "
                  "imsave(log(counts)); fixed: log(count) / log(iter - 1) (default image)",
                  "NAME");
  add_text_option(app, "--colouring", o.colouring,
                  "log (log counts, the default), smooth (the continuous escape value), "
                  "histogram (equalised over the image) or distance (the distance estimate)",
                  "METHOD");
  add_text_option(app, "--interior", o.interior,
                  "The colour of points that do not escape: black, white or #rrggbb "
                  "(default: the colouring's own)",
                  "COLOUR");
  add_text_option(app, "--channel", o.channel,
                  "What --format npy holds: count ('<i4'), smooth (the continuous escape "
                  "value) or distance (the distance estimate in pixels), both '<f8' "
                  "(default count)",
                  "NAME");
  add_text_option(app, "--channels", o.channels,
                  "The channels an exr or npy output holds besides the counts: a list of "
                  "count, smooth, distance (or de), e.g. count,smooth,de (docs/SEMANTICS.md, "
                  "\"EXR\" and \"npy channels\")",
                  "LIST");
  add_text_option(app, "--png-level", o.png_level,
                  "PNG compression, 0 (fastest) to 3 (smallest on large images) (default 1)", "N");
  add_text_option(app, "--supersample", o.supersample,
                  "Anti-aliasing for png and ppm: N x N samples per pixel, their colours "
                  "averaged in linear light; 1 to 16, about N^2 times the time (default 1)",
                  "N");
  app.add_flag("--json", o.json,
               "Print a JSON summary on stdout (on stderr when the image goes to stdout)");
  app.add_flag("-q,--quiet", o.quiet, "Print nothing but errors");
  app.add_flag("--hash", o.hash,
               "Print the content hash of the counts (xxh3-128) on stdout (stderr when the image "
               "goes to stdout); with --json, only the JSON, which holds it");
  add_text_option(app, "--from", o.from,
                  "Re-render from the parameters embedded in a PNG this program wrote, or in a "
                  "--json report, or render a Kalles Fraktaler location (.kfr: Re, Im, Zoom, "
                  "Iterations); options given here override them",
                  "FILE");
  add_text_option(app, "--config", config_file,
                  "Read these options from a TOML file: keys are the long option names "
                  "(iter = 500); options on the command line win",
                  "FILE");
}

int RenderCommand::run() {
  const RenderOptions& command_line = options;
  RenderOptions merged = command_line;
  if (command_line.from) {
    if (Status s = apply_from_file(*command_line.from, command_line, &merged); !s.ok()) {
      return report_error(s);
    }
  }
  RenderPlan plan;
  if (Status s = make_render_plan(merged, &plan); !s.ok()) return report_error(s);
  if (command_line.from && !plan.to_stdout() && same_file(plan.output, *command_line.from)) {
    return report_error(
        invalid_argument("-o '{}' is the --from input: writing it would destroy it", plan.output));
  }
  if (!plan.quiet) {
    for (const std::string& warning : ignored_option_warnings(merged, plan)) {
      fmt::print(stderr, "mandelbrot: warning: {}\n", warning);
    }
  }
  RenderReport report;
  if (Status s = renderer_(plan, &report); !s.ok()) return report_error(s);
  return print_render_report(plan, report);
}

int print_render_report(const RenderPlan& plan, const RenderReport& report) {
  // The reports go to stdout unless the image does.
  auto print_report = [&](const std::string& line) {
    if (plan.to_stdout()) {
      fmt::print(stderr, "{}\n", line);
      return Status();
    }
    return write_stdout(line + "\n");
  };
  // With --json the report is the only output on its stream: it holds the hash
  // (docs/RELIABILITY.md "Command-line rules"), so --hash adds no second line that would
  // make the stream invalid JSON.
  if (plan.hash && !plan.json) {
    if (Status s = print_report(report.hash); !s.ok()) return report_error(s);
  }
  if (plan.json) {
    if (Status s = print_report(render_report_json(report)); !s.ok()) return report_error(s);
  } else if (!plan.quiet && !plan.to_stdout()) {
    const std::string what = plan.tile ? fmt::format("tile {} of {}: ", tile_text(*plan.tile),
                                                     tiles_text(plan.tile->grid))
                                       : std::string();
    fmt::print(stderr, "mandelbrot: wrote {} ({}{}x{} {}, {} iterations, {:.3f} s)\n", plan.output,
               what, plan.output_width(), plan.output_height(), output_format_name(plan.format),
               plan.params.iterations, report.render_seconds + report.encode_seconds);
  }
  return kExitSuccess;
}

std::unique_ptr<Command> make_render_command() { return std::make_unique<RenderCommand>(); }

}  // namespace mandelbrot
