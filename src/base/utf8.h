// Checking that text is well-formed UTF-8 (RFC 3629), for inputs whose format
// requires it (TOML config files) before a parser that trusts it sees them.
#pragma once

#include <cstddef>
#include <string_view>

namespace mandelbrot {

// The offset of the first byte that does not start or continue a well-formed
// UTF-8 sequence (overlong forms, surrogates and code points above U+10FFFF
// are not well-formed), or std::string_view::npos when all of `text` is.
size_t find_invalid_utf8(std::string_view text);

}  // namespace mandelbrot
