// `mandelbrot info FILE`: what an output file holds.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "base/input_stream.h"
#include "base/status.h"

namespace mandelbrot {

// Reads `path` ("-" is standard input; raw files need raw_size) and describes
// it: format, kind, dimensions, maxval, count range, and the render parameters
// embedded in it (PNGs this program wrote). As lines of text, or as one JSON
// object (valid UTF-8 whatever the file's name and text hold). PNGs are not
// decoded, only their chunks read; other files are read a row at a time.
Status describe_file(const std::string& path, std::optional<std::pair<int32_t, int32_t>> raw_size,
                     bool json, std::string* description);
// The same from an open stream; `path` is what the description calls it.
Status describe_stream(std::unique_ptr<InputStream> in, const std::string& path,
                       std::optional<std::pair<int32_t, int32_t>> raw_size, bool json,
                       std::string* description);

}  // namespace mandelbrot
