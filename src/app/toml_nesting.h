// A bound on how deeply a TOML text nests, checked in one linear pass before
// the text reaches the TOML parser, whose cost grows with the square of the
// depth (a 5,000-level dotted header took 0.8 GB and 4.5 s in CLI11's reader;
// docs/RELIABILITY.md, item 11).
#pragma once

#include <string_view>

#include "base/status.h"

namespace mandelbrot {

// The depth of a statement is the number of parts of its key (a.b.c is 3; a
// [table.header] counts the same way, and its parts are added to every key
// below it) plus the arrays and inline tables open around a value (and the
// parts of the keys inside them). Strings and comments do not count. An invalid
// argument naming `name`, the limit and the first line nested deeper than
// max_depth (the scan stops there); ok otherwise, also for text that is not
// valid TOML (the parser says what is wrong with it).
Status check_toml_nesting(std::string_view text, const std::string& name, int max_depth);

}  // namespace mandelbrot
