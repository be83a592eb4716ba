// The command line: argv to a subcommand and its options, and running it.
#pragma once

#include <string>

#include "base/status.h"
#include "math/math_command.h"
#include "render/options.h"
#include "tools/bench.h"
#include "tools/compare.h"

namespace mandelbrot {

// What argv asks for.
struct CommandLine {
  enum class Action {
    kPrint,    // print `text` to stdout and exit 0 (--help, --version)
    kRender,   // render with `render`
    kMath,     // add or dot with `math`
    kBench,    // bench with `bench`
    kCompare,  // compare with `compare`
    kInfo,     // info about `info_path`
  };
  Action action = Action::kRender;
  std::string text;
  RenderOptions render;
  MathOptions math;
  BenchOptions bench;
  bool bench_json = false;
  CompareOptions compare;
  std::string info_path;
  std::optional<std::string> info_width;
  std::optional<std::string> info_height;
  bool info_json = false;
};

// Parses argv without running anything. A usage error for unknown options,
// missing values and options that exclude each other.
Status parse_command_line(int argc, const char* const* argv, CommandLine* command);

// Parses argv, runs the chosen subcommand (render when none is named) and
// returns the process exit code (see ExitCode in status.h). Errors are printed
// to stderr as one line, "mandelbrot: error: ...".
int run_command_line(int argc, char** argv);

}  // namespace mandelbrot
