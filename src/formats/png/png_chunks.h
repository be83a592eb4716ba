// Walking a PNG's chunks without decompressing the image: the header and the
// text, checked for framing and CRCs, in memory bounded by the largest text
// chunk kept (for `info` and `--from`, which need no pixels).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/input_stream.h"
#include "base/status.h"

namespace mandelbrot {

// The fields of IHDR.
struct PngHeader {
  int64_t width = 0;
  int64_t height = 0;
  int bit_depth = 0;
  int colour_type = 0;
  int interlace = 0;
};

// The longest tEXt chunk read for its keyword; longer ones are skipped.
inline constexpr uint32_t kMaxPngTextBytes = 1 << 20;

// Reads `in` from its signature to IEND, checking every chunk's length and
// CRC: the header, and the text of the first tEXt chunk with `keyword` (nullopt
// when there is none). kCorruption naming the problem and its byte offset
// ("truncated at byte N (in chunk IDAT)", "bad CRC in chunk tEXt at byte N",
// ...) for anything else.
Status scan_png(InputStream& in, std::string_view keyword, PngHeader* header,
                std::optional<std::string>* text);

}  // namespace mandelbrot
