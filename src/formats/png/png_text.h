// PNG text chunks: the tEXt chunk that makes our PNGs self-describing.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mandelbrot {

// The tEXt keyword of the render parameters in every PNG this program writes.
inline constexpr const char* kParamsKeyword = "mandelbrot";

// The 8-byte PNG signature.
inline constexpr std::string_view kPngSignature{"\x89PNG\r\n\x1a\n", 8};

// A complete PNG chunk: data length, the 4-letter type, data, and the CRC-32 of
// type and data. REQUIRES: type has 4 letters.
std::vector<uint8_t> png_chunk(std::string_view type, std::span<const uint8_t> data);

// A complete tEXt chunk: length, "tEXt", keyword, NUL, text, CRC-32.
// REQUIRES: keyword is 1-79 printable Latin-1 characters; text has no NUL.
std::vector<uint8_t> png_text_chunk(std::string_view keyword, std::string_view text);

}  // namespace mandelbrot
