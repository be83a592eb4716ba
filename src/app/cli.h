// The command line: argv to the subcommand that runs, and running it.
#pragma once

#include <memory>
#include <string>

#include "app/command.h"
#include "base/status.h"
#include "render/render.h"

namespace mandelbrot {

// What argv asks for.
struct CommandLine {
  std::string name;                  // the subcommand ("render" when none is named)
  std::unique_ptr<Command> command;  // null when `text` is all there is to do
  std::string text;                  // --help or --version output, printed on stdout
  // The command whose --help to point to in errors: "mandelbrot", or
  // "mandelbrot compare" when a subcommand was named (also set on failure).
  std::string help_command = "mandelbrot";
};

// Parses argv without running anything. An invalid argument for unknown
// options, missing values and options that exclude each other.
Status parse_command_line(int argc, const char* const* argv, CommandLine* command_line);

// Parses argv, runs the chosen subcommand and returns the process exit code
// (app/exit_code.h). Errors are printed to stderr as one line,
// "mandelbrot: error: ...".
int run_command_line(int argc, char** argv, const Runtime& runtime = Runtime());

}  // namespace mandelbrot
