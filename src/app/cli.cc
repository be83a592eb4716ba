// argv -> CommandLine with CLI11, and running the chosen subcommand.
#include "app/cli.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "app/exit_code.h"
#include "base/version.h"
#include "render/render.h"
#include "render/render_params.h"
#include "render/render_plan.h"
#include "tools/info.h"

namespace mandelbrot {
namespace {

constexpr const char* kRenderExamples = R"(Examples:
  mandelbrot -o out.png                           the classic view, 400x400, 100 iterations
  mandelbrot --size 1000 --iter 500 -o big.png
  mandelbrot --center -0.7435,0.1314 --radius 0.002 --iter 2000 -o zoom.png
  mandelbrot --width 1920 --height 1080 --colormap gray -o wide.png
  mandelbrot --format npy -o - | python3 -c 'import numpy,sys,io; print(numpy.load(io.BytesIO(sys.stdin.buffer.read())).shape)'
  mandelbrot --size 64 --format raw -o counts.raw --json

Formats (by the extension of -o, or --format): png, raw (int32 little-endian),
npy, pgm (16-bit counts), ppm (colour), pbm (1 = inside).
Exit codes: 0 done, 1 run-time failure (I/O, memory), 2 bad usage.)";

// Options whose values are kept as text until make_render_plan() checks them.
CLI::Option* add_text_option(CLI::App& app, const std::string& name,
                             std::optional<std::string>& field, const std::string& help,
                             const std::string& type) {
  return app
      .add_option_function<std::string>(
          name, [&field](const std::string& value) { field = value; }, help)
      ->type_name(type);
}

void add_render_options(CLI::App& app, RenderOptions& o) {
  CLI::Option* size =
      add_text_option(app, "--size", o.size, "Width and height in pixels (default 400)", "N");
  CLI::Option* width = add_text_option(app, "--width", o.width, "Width in pixels", "N");
  CLI::Option* height = add_text_option(app, "--height", o.height, "Height in pixels", "N");
  size->excludes(width)->excludes(height);
  add_text_option(app, "--iter", o.iterations, "Maximum iterations per point (default 100)", "N");
  CLI::Option* region =
      add_text_option(app, "--region", o.region,
                      "Region of the complex plane (default -2,1,-1.5,1.5)", "XMIN,XMAX,YMIN,YMAX");
  CLI::Option* center =
      add_text_option(app, "--center", o.center, "Centre of the view (default -0.5,0)", "X,Y");
  CLI::Option* radius =
      add_text_option(app, "--radius", o.radius,
                      "Half the view's height; the width follows the aspect (default 1.5)", "R");
  region->excludes(center)->excludes(radius);
  add_text_option(app, "--bailout", o.bailout, "Escape radius (default 10)", "B");
  add_text_option(app, "--threads", o.threads, "Threads (default: all cores)", "N");
  app.add_option("--kernel", o.kernel,
                 "auto (the best this CPU runs), scalar (the reference loop), or one of: " +
                     fmt::format("{}", fmt::join(compiled_simd_targets(), ", ")))
      ->type_name("NAME")
      ->capture_default_str();
  app.add_flag("--no-shortcuts", o.no_shortcuts,
               "Iterate every point fully (no cardioid/bulb test, periodicity check or block "
               "escape tests); the counts are the same");
  app.add_option("-o,--output", o.output, "Output file, or - for standard output")
      ->type_name("PATH")
      ->capture_default_str();
  add_text_option(app, "--format", o.format,
                  "png|raw|npy|pgm|ppm|pbm (default: from the extension; required with -o -)",
                  "FORMAT");
  add_text_option(app, "--colormap", o.colour_map, "hot|gray (default hot)", "NAME");
  add_text_option(app, "--png-level", o.png_level,
                  "PNG compression, 0 (fastest) to 3 (smallest on large images) (default 1)", "N");
  app.add_flag("--json", o.json,
               "Print a JSON summary on stdout (on stderr when the image goes to stdout)");
  app.add_flag("-q,--quiet", o.quiet, "Print nothing but errors");
  app.add_flag("--hash", o.hash,
               "Print the content hash of the counts (xxh3-128) on stdout (stderr when the image "
               "goes to stdout)");
  add_text_option(app, "--from", o.from,
                  "Re-render from the parameters embedded in a PNG this program wrote, or in a "
                  "--json report; options given here override them",
                  "FILE");
}

constexpr const char* kMathExamples =
    R"(Operands: a number, a comma list (1,2,-5), @FILE (numbers separated by white
space or commas) or - (standard input, for one operand at most).
Integers are exact (int64) and overflow is an error; if any element is not an
integer, the arithmetic is float64 and results print in the shortest form that
reads back exactly. --type int32|float32 gives the C library's int and float.

Examples:
  mandelbrot add 3 4                  7
  mandelbrot add 1,2,-5 -1,3,3        0,5,-2
  mandelbrot add 0.1 0.2              0.30000000000000004
  mandelbrot dot 1,2,3 4,5,6          32
  seq 1 100 | mandelbrot dot - @weights.txt --json)";

CLI::App* add_math_subcommand(CLI::App& app, const char* name, const char* description,
                              MathOperation operation, CommandLine& command) {
  CLI::App* sub = app.add_subcommand(name, description);
  sub->footer(kMathExamples);
  sub->add_option("A", command.math.a, "First operand")->required();
  sub->add_option("B", command.math.b, "Second operand")->required();
  add_text_option(*sub, "--type", command.math.type, "int32|int64|float32|float64", "TYPE");
  sub->add_flag("--json", command.math.json, R"(Print {"result": ..., "type": ...})");
  sub->callback([&command, operation] {
    command.action = CommandLine::Action::kMath;
    command.math.operation = operation;
  });
  return sub;
}

int report_error(const Status& s) {
  fmt::print(stderr, "mandelbrot: error: {}\n", s.message());
  return exit_code_of(s);
}

int run_math_command(const MathOptions& options) {
  std::string output;
  if (Status s = run_math(options, std::cin, &output); !s.ok()) return report_error(s);
  fmt::print("{}\n", output);
  return kExitSuccess;
}

void add_bench_subcommand(CLI::App& app, CommandLine& command) {
  CLI::App* sub = app.add_subcommand(
      "bench",
      "Measure this machine: the scalar reference and the fastest kernel, as rates and ratios");
  BenchOptions& b = command.bench;
  sub->add_option("--size", b.size, "Width and height of the default view")
      ->check(CLI::Range(1, 16384))
      ->capture_default_str();
  sub->add_option("--iter", b.iterations, "Maximum iterations per point")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  sub->add_option("--threads", b.threads, "Threads for the fast runs (0: all cores)")
      ->check(CLI::Range(0, kMaxThreads))
      ->capture_default_str();
  sub->add_option("--kernel", b.kernel, "The kernel to compare with the scalar reference")
      ->capture_default_str();
  sub->add_option("--repeat", b.repeats, "Best of this many runs (the scalar run is done once)")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  sub->add_flag("--json", command.bench_json, "Print the figures as one JSON object");
  sub->footer(
      "Example:\n  mandelbrot bench --size 4096 --iter 1000    the figures of docs/PERFORMANCE.md");
  sub->callback([&command] { command.action = CommandLine::Action::kBench; });
}

int run_bench_command(const CommandLine& command) {
  BenchReport report;
  if (Status s = run_bench(command.bench, &report); !s.ok()) return report_error(s);
  fmt::print("{}", command.bench_json ? bench_json(report) + "\n" : bench_text(report));
  return kExitSuccess;
}

constexpr const char* kCompareFooter =
    R"(Kinds: count data (raw with --width/--height, npy, pgm), images (png, ppm),
bitmaps (pbm); any two files of one kind compare, e.g. a .npy with a .raw.
A pixel differs when some channel differs by more than --max-diff (default 0);
the files match when at most --max-differing pixels differ (default 0).
Exit codes: 0 match, 1 different, 2 error (unreadable, corrupt, other kind or size).

Examples:
  mandelbrot compare golden.png out.png
  mandelbrot compare golden.npy out.raw --width 400 --height 400 --max-diff 1
  mandelbrot compare a.png b.png --max-differing 0.1% --diff-image diff.png --json)";

void add_compare_subcommand(CLI::App& app, CommandLine& command) {
  CLI::App* sub = app.add_subcommand("compare", "Compare two outputs (exit 0 same, 1 different)");
  CompareOptions& c = command.compare;
  sub->add_option("A", c.a, "First file")->required();
  sub->add_option("B", c.b, "Second file")->required();
  add_text_option(*sub, "--width", c.width, "Width of raw files", "N");
  add_text_option(*sub, "--height", c.height, "Height of raw files", "N");
  add_text_option(*sub, "--format", c.format, "Format of files without a signature (raw)",
                  "FORMAT");
  add_text_option(*sub, "--max-diff", c.max_diff,
                  "Largest difference that still counts as equal (counts, or per channel)", "N");
  add_text_option(*sub, "--max-differing", c.max_differing,
                  "Differing pixels allowed: a count, or a percentage like 0.5%", "N|P%");
  add_text_option(*sub, "--diff-image", c.diff_image,
                  "Write a PNG: red where pixels differ, yellow within tolerance", "PATH");
  sub->add_flag("--json", c.json, "Print the figures as one JSON object");
  sub->footer(kCompareFooter);
  sub->callback([&command] { command.action = CommandLine::Action::kCompare; });
}

void add_info_subcommand(CLI::App& app, CommandLine& command) {
  CLI::App* sub = app.add_subcommand(
      "info", "Describe an output file: format, size, and the render parameters embedded in it");
  sub->add_option("FILE", command.info_path, "The file")->required();
  add_text_option(*sub, "--width", command.info_width, "Width of a raw file", "N");
  add_text_option(*sub, "--height", command.info_height, "Height of a raw file", "N");
  sub->add_flag("--json", command.info_json, "Print one JSON object");
  sub->callback([&command] { command.action = CommandLine::Action::kInfo; });
}

int run_compare_command(const CompareOptions& options) {
  CompareResult result;
  if (Status s = compare_files(options, &result); !s.ok()) return report_error(s);
  fmt::print("{}\n", options.json ? compare_json(result) : compare_text(result));
  return result.match ? kExitSuccess : kExitFailure;
}

int run_info_command(const CommandLine& command) {
  std::optional<std::pair<int32_t, int32_t>> raw_size;
  if (Status s = parse_raw_size(command.info_width, command.info_height, &raw_size); !s.ok()) {
    return report_error(s);
  }
  std::string text;
  if (Status s = describe_file(command.info_path, raw_size, command.info_json, &text); !s.ok()) {
    return report_error(s);
  }
  fmt::print("{}{}", text, command.info_json ? "\n" : "");
  return kExitSuccess;
}

int run_render(const RenderOptions& command_line) {
  RenderOptions options = command_line;
  if (command_line.from) {
    if (Status s = apply_from_file(*command_line.from, command_line, &options); !s.ok()) {
      return report_error(s);
    }
  }
  RenderPlan plan;
  if (Status s = make_render_plan(options, &plan); !s.ok()) return report_error(s);
  RenderReport report;
  if (Status s = render_to_output(plan, &report); !s.ok()) return report_error(s);
  if (plan.hash) fmt::print(plan.to_stdout() ? stderr : stdout, "{}\n", report.hash);
  if (plan.json) {
    fmt::print(plan.to_stdout() ? stderr : stdout, "{}\n", render_report_json(report));
  } else if (!plan.quiet && !plan.to_stdout()) {
    fmt::print(stderr, "mandelbrot: wrote {} ({}x{} {}, {} iterations, {:.3f} s)\n", plan.output,
               plan.params.width, plan.params.height, output_format_name(plan.format),
               plan.params.iterations, report.render_seconds + report.encode_seconds);
  }
  return kExitSuccess;
}

}  // namespace

Status parse_command_line(int argc, const char* const* argv, CommandLine* command) {
  CommandLine result;
  CLI::App app("Renders the Mandelbrot set, exactly and fast.", "mandelbrot");
  app.set_version_flag("--version", std::string("mandelbrot ") + kVersion);
  app.footer(kRenderExamples);
  app.require_subcommand(0, 1);
  add_render_options(app, result.render);
  CLI::App* render = app.add_subcommand("render", "Render an image (the default subcommand)");
  render->footer(kRenderExamples);
  add_render_options(*render, result.render);
  add_math_subcommand(app, "add", "Add two numbers, or two arrays element by element",
                      MathOperation::kAdd, result);
  add_math_subcommand(app, "dot", "Dot product of two arrays", MathOperation::kDot, result);
  add_bench_subcommand(app, result);
  add_compare_subcommand(app, result);
  add_info_subcommand(app, result);
  app.set_config("--config", "",
                 "Read render options from a TOML file (keys are the long option names, e.g. "
                 "iter = 500); options on the command line win");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() != 0) return invalid_argument("{}", e.what());
    std::ostringstream out;
    std::ostringstream err;
    app.exit(e, out, err);
    result.action = CommandLine::Action::kPrint;
    result.text = out.str() + err.str();
  }
  *command = std::move(result);
  return Status();
}

int run_command_line(int argc, char** argv) {
  CommandLine command;
  if (Status s = parse_command_line(argc, argv, &command); !s.ok()) {
    fmt::print(stderr, "mandelbrot: error: {} (see mandelbrot --help)\n", s.message());
    return exit_code_of(s);
  }
  switch (command.action) {
    case CommandLine::Action::kPrint:
      fmt::print("{}", command.text);
      return kExitSuccess;
    case CommandLine::Action::kRender:
      return run_render(command.render);
    case CommandLine::Action::kMath:
      return run_math_command(command.math);
    case CommandLine::Action::kBench:
      return run_bench_command(command);
    case CommandLine::Action::kCompare:
      return run_compare_command(command.compare);
    case CommandLine::Action::kInfo:
      return run_info_command(command);
  }
  return kExitFailure;
}

}  // namespace mandelbrot
