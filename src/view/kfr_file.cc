#include "view/kfr_file.h"

#include <fmt/format.h>

#include <set>
#include <utility>
#include <vector>

#include "base/parse.h"
#include "base/text_lines.h"
#include "view/decimal.h"

namespace mandelbrot {
namespace {

Status decimal_value(const KfrValue& v, std::string_view key) {
  if (is_decimal(v.value)) return Status();
  return invalid_argument("{}: {} must be a decimal number", v.where, key);
}

Status whole_value(const KfrValue& v, std::string_view key) {
  int64_t number = 0;
  if (parse_int64(v.value, "", &number).ok()) return Status();
  return invalid_argument("{}: {} must be a whole number within 64 bits", v.where, key);
}

}  // namespace

bool looks_like_kfr(std::string_view text) {
  for (const TextLine& line : text_lines(text)) {
    const std::string_view t = trim_space(line.text);
    if (!t.empty()) return t.substr(0, 3) == "Re:";
  }
  return false;
}

Status parse_kfr(std::string_view text, const std::string& name, KfrFile* file) {
  if (text.size() > kMaxKfrBytes) {
    return invalid_argument("'{}' is larger than a Kalles Fraktaler file may be ({} bytes)", name,
                            kMaxKfrBytes);
  }
  KfrFile f;
  std::optional<KfrValue> re, im, zoom;
  const std::pair<std::string_view, std::optional<KfrValue>*> known[] = {
      {"Re", &re},           {"Im", &im},
      {"Zoom", &zoom},       {"Iterations", &f.iterations},
      {"Power", &f.power},   {"FractalType", &f.fractal_type},
      {"Rotate", &f.rotate}, {"Ratio", &f.ratio}};
  std::set<std::string_view> seen;
  for (const TextLine& line : text_lines(text)) {
    if (trim_space(line.text).empty()) continue;
    const size_t colon = line.text.find(':');
    if (colon == std::string_view::npos) {
      return invalid_argument("{}: not a 'Key: value' line of a Kalles Fraktaler file",
                              line_where(name, line));
    }
    const std::string_view key = trim_space(line.text.substr(0, colon));
    if (key.empty()) {
      return invalid_argument("{}: the line has no key before ':'", line_where(name, line));
    }
    if (!seen.insert(key).second) {
      return invalid_argument("{}: '{}' is given a second time", line_where(name, line), key);
    }
    for (const auto& [k, slot] : known) {
      if (k == key) {
        *slot =
            KfrValue{std::string(trim_space(line.text.substr(colon + 1))), line_where(name, line)};
      }
    }
  }
  for (const auto& [key, value] : {std::pair{"Re", &re}, {"Im", &im}, {"Zoom", &zoom}}) {
    if (!*value) {
      return invalid_argument(
          "'{}' has no '{}:' line (a Kalles Fraktaler location needs Re, Im "
          "and Zoom)",
          name, key);
    }
    if (Status s = decimal_value(**value, key); !s.ok()) return s;
  }
  if (decimal_sign(zoom->value) <= 0) {
    return invalid_argument("{}: Zoom must be greater than 0", zoom->where);
  }
  const std::optional<std::string> radius = decimal_quotient("2", zoom->value, kKfrRadiusDigits);
  if (!radius) {
    return invalid_argument("{}: Zoom has more than {} significant digits", zoom->where,
                            kMaxQuotientOperandDigits);
  }
  if (!is_decimal(*radius)) {
    return invalid_argument("{}: the radius 2/Zoom has an exponent beyond {} digits", zoom->where,
                            fmt::format("{}", kMaxDecimalExponent).size());
  }
  for (const auto& [key, value] : {std::pair{"Iterations", &f.iterations},
                                   {"Power", &f.power},
                                   {"FractalType", &f.fractal_type}}) {
    if (*value) {
      if (Status s = whole_value(**value, key); !s.ok()) return s;
    }
  }
  for (const auto& [key, value] : {std::pair{"Rotate", &f.rotate}, {"Ratio", &f.ratio}}) {
    if (*value) {
      if (Status s = decimal_value(**value, key); !s.ok()) return s;
    }
  }
  f.re = std::move(*re);
  f.im = std::move(*im);
  f.zoom = std::move(*zoom);
  f.radius = *radius;
  *file = std::move(f);
  return Status();
}

}  // namespace mandelbrot
