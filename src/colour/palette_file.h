// Palette files for --palette (docs/SEMANTICS.md, "Palettes"): colour stops in
// the program's own text format, or the key colours of a Kalles Fraktaler
// palette (.kfp). Both become the stops of a Gradient (colour/gradient.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "colour/gradient.h"

namespace mandelbrot {

// The most bytes a palette file may have.
inline constexpr uint64_t kMaxPaletteBytes = uint64_t{1} << 20;
// The most key colours of a .kfp palette (Kalles Fraktaler's own limit).
inline constexpr int kMaxKfpColours = 1024;

// The stops format: one stop a line, "POSITION #rrggbb", the position a decimal
// in [0, 1], each no smaller than the one before; white space around and
// between the two; lines that are blank or start with '#' (after white space),
// and anything after the colour that starts with '#', are comments. Lines end
// in LF or CRLF; a UTF-8 byte order mark is skipped. At least one stop.
// `name` names the text in errors (kInvalidArgument), with the line number and
// the line.
Status parse_palette_stops(std::string_view text, const std::string& name,
                           std::vector<ColourStop>* stops);

// A Kalles Fraktaler palette: "Key: value" lines of which only "Colors:" is
// read: comma-separated bytes R,G,B,R,G,B,... (a trailing comma allowed), N key
// colours for 1 <= N <= kMaxKfpColours. Key colour k stands at k / N and the
// gradient wraps from the last back to the first, as Kalles Fraktaler cycles
// them: N + 1 stops, the last at 1 with the first key colour.
Status parse_kfp_palette(std::string_view text, const std::string& name,
                         std::vector<ColourStop>* stops);

// True when `path` ends in ".kfp" (any case) or the text has a line that
// starts with "Colors:": it is read with parse_kfp_palette, else with
// parse_palette_stops.
bool looks_like_kfp(const std::string& path, std::string_view text);

// Reads a palette file (base/file_reader.h: kNotFound when it does not exist)
// in the format looks_like_kfp() tells.
Status read_palette_file(const std::string& path, std::vector<ColourStop>* stops);

// The stops in the stops format, one "POSITION #rrggbb" line each, the position
// the shortest decimal that reads back as the same double: what
// parse_palette_stops reads back exactly.
std::string palette_stops_text(const std::vector<ColourStop>& stops);

}  // namespace mandelbrot
