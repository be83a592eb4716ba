// Strict parsing of numbers and lists typed by users.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace mandelbrot {

// The parts of `text` between commas, with the white space around each part
// removed (" 1, 2" is {"1", "2"}); "a,,b" has an empty middle part.
std::vector<std::string> split_commas(const std::string& text);

// The whole text must be the number; `what` names it in the usage error.
// parse_double rejects NaN and infinities.
// `text` with ASCII letters in lower case: names (formats, colour maps,
// families) are case-insensitive (docs/RELIABILITY.md "Command-line rules").
std::string ascii_lower(std::string_view text);

Status parse_int64(const std::string& text, const char* what, int64_t* value);
Status parse_double(const std::string& text, const char* what, double* value);

}  // namespace mandelbrot
