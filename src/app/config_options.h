// Config file entries (config_file.h) as options of a command, with the rule of
// docs/RELIABILITY.md "Config files": every key is the long name of one of the
// command's options, without its dashes, and the command line wins: a key is
// not used when the command line gives its option or one that excludes it.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "app/config_file.h"
#include "base/status.h"

namespace mandelbrot {

// The keys a config file may set for `app`: the long names of its options but
// --help, --version and --config.
std::vector<std::string> config_keys(const CLI::App& app);

// Gives each entry to its option of `app` (after app.parse()), as if typed
// after the command line's options: flags take true or false, options whose
// value is a count (type N) an integer, list options (X,Y) a string or an
// array of numbers, other options a string or a number. An invalid argument
// "FILE:LINE: ..." for an unknown key (with the closest known one), a value of
// the wrong type (naming the type expected) and two keys that exclude each other.
Status apply_config(const std::vector<ConfigEntry>& entries, const std::string& file,
                    CLI::App& app);

}  // namespace mandelbrot
