// Kalles Fraktaler parameter files (.kfr): "Key: value" lines, of which the
// location (Re, Im, Zoom) and a few keys about the formula are read and checked
// here, as decimal text (docs/SEMANTICS.md, "Views"). Mapping them to render
// options is the render layer's (render/kfr_options.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace mandelbrot {

// The most bytes a .kfr file may have (KF writes a few kilobytes).
inline constexpr uint64_t kMaxKfrBytes = uint64_t{1} << 20;

// The significant digits of the radius 2 / Zoom (correctly rounded).
inline constexpr int kKfrRadiusDigits = 40;

// One line's value, with where it came from for messages: "'FILE' line N ('TEXT')".
struct KfrValue {
  std::string value;
  std::string where;
};

struct KfrFile {
  KfrValue re;                           // a decimal, exactly as written
  KfrValue im;                           // a decimal, exactly as written
  KfrValue zoom;                         // a decimal > 0, exactly as written
  std::string radius;                    // 2 / Zoom to kKfrRadiusDigits significant digits
  std::optional<KfrValue> iterations;    // a whole number (int64)
  std::optional<KfrValue> power;         // a whole number (int64)
  std::optional<KfrValue> fractal_type;  // a whole number (int64)
  std::optional<KfrValue> rotate;        // a decimal, degrees
  std::optional<KfrValue> ratio;         // a decimal; 360 is an unstretched view
};

// True when the text looks like a .kfr file: its first line that is not blank
// (after a UTF-8 byte order mark) starts with "Re:".
bool looks_like_kfr(std::string_view text);

// Parses a .kfr file's text; `name` names it in errors (kInvalidArgument).
// Lines end in LF or CRLF; a UTF-8 byte order mark and blank lines are skipped;
// every other line is "Key: value" (white space around both trimmed), each key
// at most once. Keys not in KfrFile are ignored. Errors name the file, the line
// number and the line (clipped), or the missing key.
Status parse_kfr(std::string_view text, const std::string& name, KfrFile* file);

}  // namespace mandelbrot
