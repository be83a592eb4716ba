#include "colour/palette_file.h"

#include <fmt/format.h>

#include <charconv>
#include <optional>

#include "base/file_reader.h"
#include "base/parse.h"
#include "base/text_lines.h"
#include "colour/colouring.h"

namespace mandelbrot {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

std::string_view trim(std::string_view t) {
  while (!t.empty() && is_space(t.front())) t.remove_prefix(1);
  while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
  return t;
}

// The next word of `rest` (up to white space), removed from it.
std::string_view next_word(std::string_view* rest) {
  *rest = trim(*rest);
  size_t end = 0;
  while (end < rest->size() && !is_space((*rest)[end])) ++end;
  const std::string_view word = rest->substr(0, end);
  rest->remove_prefix(end);
  *rest = trim(*rest);
  return word;
}

// The first stop that breaks the order or range, with its line.
Status check_stops(const std::vector<ColourStop>& stops, const std::vector<std::string>& where) {
  const int bad = bad_stop(stops);
  if (bad < 0) return Status();
  const size_t i = static_cast<size_t>(bad);
  const double p = stops[i].position;
  if (!(p >= 0.0 && p <= 1.0)) {
    return invalid_argument("{}: the position {} is outside [0, 1]", where[i], p);
  }
  return invalid_argument("{}: the position {} is smaller than the one before ({})", where[i], p,
                          stops[i - 1].position);
}

}  // namespace

Status parse_palette_stops(std::string_view text, const std::string& name,
                           std::vector<ColourStop>* stops) {
  if (text.size() > kMaxPaletteBytes) {
    return invalid_argument("'{}' is larger than a palette may be ({} bytes)", name,
                            kMaxPaletteBytes);
  }
  std::vector<ColourStop> out;
  std::vector<std::string> where;
  for (const TextLine& line : text_lines(text)) {
    std::string_view rest = trim(line.text);
    if (rest.empty() || rest.front() == '#') continue;
    const std::string position_text(next_word(&rest));
    const std::string_view colour_text = next_word(&rest);
    double position = 0.0;
    const std::optional<Rgb> colour = parse_hex_colour(colour_text);
    if (!parse_double(position_text, "", &position).ok() || !colour ||
        !(rest.empty() || rest.front() == '#')) {
      return invalid_argument(
          "{}: not a colour stop 'POSITION #rrggbb' (a position in [0, 1], then "
          "the colour in hex)",
          line_where(name, line));
    }
    out.push_back(ColourStop{position, *colour});
    where.push_back(line_where(name, line));
  }
  if (out.empty()) {
    return invalid_argument("'{}' has no colour stops (lines 'POSITION #rrggbb', e.g. '0 #000000')",
                            name);
  }
  if (Status s = check_stops(out, where); !s.ok()) return s;
  *stops = std::move(out);
  return Status();
}

Status parse_kfp_palette(std::string_view text, const std::string& name,
                         std::vector<ColourStop>* stops) {
  if (text.size() > kMaxPaletteBytes) {
    return invalid_argument("'{}' is larger than a palette may be ({} bytes)", name,
                            kMaxPaletteBytes);
  }
  std::optional<TextLine> colours_line;
  for (const TextLine& line : text_lines(text)) {
    const std::string_view t = trim(line.text);
    const size_t colon = t.find(':');
    if (colon == std::string_view::npos || trim(t.substr(0, colon)) != "Colors") continue;
    if (colours_line) {
      return invalid_argument("{}: 'Colors' is given a second time", line_where(name, line));
    }
    colours_line = line;
  }
  if (!colours_line) {
    return invalid_argument(
        "'{}' has no 'Colors:' line (a Kalles Fraktaler palette lists its key "
        "colours there as R,G,B,R,G,B,...)",
        name);
  }
  const std::string where = line_where(name, *colours_line);
  std::string_view list = trim(colours_line->text);
  list = trim(list.substr(list.find(':') + 1));
  if (!list.empty() && list.back() == ',') list.remove_suffix(1);  // KF writes one
  std::vector<uint8_t> bytes;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    const std::string_view field = trim(list.substr(0, comma));
    int value = -1;
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (field.empty() || ec != std::errc() || end != field.data() + field.size() || value < 0 ||
        value > 255) {
      return invalid_argument("{}: colour value {} is '{}', not a whole number 0 to 255", where,
                              bytes.size() + 1, shown_text(field));
    }
    bytes.push_back(static_cast<uint8_t>(value));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  if (bytes.empty()) return invalid_argument("{}: no key colours (R,G,B,R,G,B,...)", where);
  if (bytes.size() % 3 != 0) {
    return invalid_argument("{}: {} values are not whole R,G,B triples", where, bytes.size());
  }
  const size_t n = bytes.size() / 3;
  if (n > static_cast<size_t>(kMaxKfpColours)) {
    return invalid_argument("{}: {} key colours, more than Kalles Fraktaler's {}", where, n,
                            kMaxKfpColours);
  }
  std::vector<ColourStop> out;
  for (size_t k = 0; k <= n; ++k) {
    const size_t i = 3 * (k % n);
    out.push_back(ColourStop{static_cast<double>(k) / static_cast<double>(n),
                             Rgb{bytes[i], bytes[i + 1], bytes[i + 2]}});
  }
  *stops = std::move(out);
  return Status();
}

bool looks_like_kfp(const std::string& path, std::string_view text) {
  if (path.size() >= 4 && ascii_lower(path.substr(path.size() - 4)) == ".kfp") return true;
  for (const TextLine& line : text_lines(text)) {
    if (trim(line.text).substr(0, 7) == "Colors:") return true;
  }
  return false;
}

Status read_palette_file(const std::string& path, std::vector<ColourStop>* stops) {
  std::vector<uint8_t> bytes;
  if (Status s = read_file(path, kMaxPaletteBytes, "a palette", &bytes); !s.ok()) return s;
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  return looks_like_kfp(path, text) ? parse_kfp_palette(text, path, stops)
                                    : parse_palette_stops(text, path, stops);
}

std::string palette_stops_text(const std::vector<ColourStop>& stops) {
  std::string text;
  for (const ColourStop& s : stops) {
    text += fmt::format("{} {}\n", s.position, hex_colour_name(s.colour));
  }
  return text;
}

}  // namespace mandelbrot
