// `mandelbrot info FILE`: what an output file holds.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "base/status.h"

namespace mandelbrot {

// Reads `path` (raw files need raw_size) and describes it: format, kind,
// dimensions, maxval, count range, and the render parameters embedded in it
// (PNGs this program wrote). As lines of text, or as one JSON object.
Status describe_file(const std::string& path, std::optional<std::pair<int32_t, int32_t>> raw_size,
                     bool json, std::string* description);

}  // namespace mandelbrot
