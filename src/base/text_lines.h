// The lines of a small text file (a parameter or palette file), and how a
// message names one of them: shared by the readers of view/ and colour/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mandelbrot {

struct TextLine {
  int64_t number = 0;  // from 1
  std::string_view text;
};

// The text without a leading UTF-8 byte order mark, split at LF, each line
// without its CR; no line after a final LF. The lines view `text`.
std::vector<TextLine> text_lines(std::string_view text);

// The text clipped to 60 characters ("..." after), with anything but printable
// ASCII shown as '?', so that a message stays one readable line.
std::string shown_text(std::string_view text);

// "'FILE' line N ('TEXT')", the text shown_text().
std::string line_where(const std::string& file, const TextLine& line);

}  // namespace mandelbrot
