// CLI11's parse errors in the program's own words: the one place where its raw
// texts ("The following arguments were not expected: ...", "At Most 1 required
// but received 2", ...) become one clear line naming the option and the value,
// with "did you mean" for unknown options and subcommands.
#pragma once

#include <CLI/CLI.hpp>

#include "base/status.h"

namespace mandelbrot {

// An invalid argument for `error`, thrown by app.parse(). `app` is the whole
// command line (its parsed subcommand, if any, says where options are looked up).
Status cli_error_status(const CLI::ParseError& error, const CLI::App& app);

}  // namespace mandelbrot
