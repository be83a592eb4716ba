// A subcommand of the command line: the options it takes, bound to its own
// state, and what it runs. app/subcommands.cc lists them all in one table.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "base/status.h"
#include "render/render.h"
#include "video/zoom.h"

namespace mandelbrot {

// How this process runs: `render` writes its image with `renderer` and `zoom`
// its frames with `zoom` (in this process, or spread over MPI processes); when
// `processes` is more than 1 the other subcommands refuse to run.
struct Runtime {
  Renderer renderer = render_to_output;
  ZoomRunner zoom = run_zoom;
  int processes = 1;
};

class Command {
 public:
  virtual ~Command() = default;
  // Adds this command's options and arguments to `app`, bound to members.
  virtual void add_options(CLI::App& app) = 0;
  // Runs with the options parsed; returns the process exit code (app/exit_code.h).
  virtual int run() = 0;
  // How images are written, for the commands that render.
  virtual void use_runtime(const Runtime& runtime) { (void)runtime; }
};

// One row of the table of subcommands.
struct Subcommand {
  const char* name;
  const char* help;
  const char* footer;  // examples and notes shown by `mandelbrot NAME --help`
  std::unique_ptr<Command> (*make)();
};

// Every subcommand, in the order --help lists them. The first, "render", is also
// what runs when none is named.
std::span<const Subcommand> subcommands();

// An option whose value is kept as the text typed, for the command to check
// later with the project's own parsers and messages.
CLI::Option* add_text_option(CLI::App& app, const std::string& name,
                             std::optional<std::string>& field, const std::string& help,
                             const std::string& type);

// Prints "mandelbrot: error: MESSAGE" on stderr and returns the status's exit code.
int report_error(const Status& status);

// Writes text to standard output and flushes it: an I/O error when either fails
// (a full disk, a closed pipe), so that a lost result is never a success.
Status write_stdout(const std::string& text);

}  // namespace mandelbrot
