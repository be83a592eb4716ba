#include "view/view.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "base/parse.h"
#include "view/decimal.h"
#include "view/rotation.h"

namespace mandelbrot {
namespace {

// One decimal value of `option`, trimmed; the error names the option and the value.
Status parse_decimal(std::string_view text, const char* option, std::string* value) {
  const std::string_view trimmed = trim_space(text);
  if (!is_decimal(trimmed)) {
    std::string word(trimmed.substr(std::min(trimmed.find_first_not_of("+-"), trimmed.size())));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (word == "nan" || word == "inf" || word == "infinity") {
      return invalid_argument("{} must be finite, got '{}'", option, text);
    }
    return invalid_argument("{} must be a number, got '{}'", option, text);
  }
  *value = std::string(trimmed);
  return Status();
}

// text split at commas into exactly values.size() decimals.
Status parse_decimal_list(std::string_view text, const char* option, const char* shape,
                          std::vector<std::string>* values) {
  const std::vector<std::string> parts = split_commas(std::string(text));
  if (parts.size() != values->size()) {
    return invalid_argument("{} needs {} comma-separated numbers {}, got '{}'", option,
                            values->size(), shape, text);
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    if (Status s = parse_decimal(parts[i], option, &(*values)[i]); !s.ok()) return s;
  }
  return Status();
}

// The nearest double of a decimal (REQUIRES: is_decimal(text)): infinite
// beyond the range of doubles, 0 below it.
double to_double(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

}  // namespace

Status parse_view_center(std::string_view text, View* view) {
  std::vector<std::string> xy(2);
  if (Status s = parse_decimal_list(text, "--center", "X,Y", &xy); !s.ok()) return s;
  view->center_x = xy[0];
  view->center_y = xy[1];
  view->region.reset();
  return Status();
}

Status parse_view_radius(std::string_view text, View* view) {
  std::string radius;
  if (Status s = parse_decimal(text, "--radius", &radius); !s.ok()) return s;
  if (decimal_sign(radius) <= 0) return invalid_argument("--radius must be > 0, got '{}'", text);
  view->radius = radius;
  view->region.reset();
  return Status();
}

Status parse_view_angle(std::string_view text, View* view) {
  std::string angle;
  if (Status s = parse_decimal(text, "--angle", &angle); !s.ok()) return s;
  if (!std::isfinite(to_double(angle))) {
    return invalid_argument("--angle must be finite as a double, got '{}'", text);
  }
  view->angle = angle;
  return Status();
}

Status parse_view_region(std::string_view text, View* view) {
  std::vector<std::string> b(4);
  if (Status s = parse_decimal_list(text, "--region", "XMIN,XMAX,YMIN,YMAX", &b); !s.ok()) {
    return s;
  }
  for (const std::string& bound : b) {
    if (!std::isfinite(to_double(bound))) {
      return invalid_argument("--region must be finite as a double, got '{}'", bound);
    }
  }
  const auto half_width = decimal_half_difference(b[0], b[1]);
  const auto half_height = decimal_half_difference(b[2], b[3]);
  const auto x = decimal_midpoint(b[0], b[1]);
  const auto y = decimal_midpoint(b[2], b[3]);
  // (A result may also fall outside the grammar's exponent range.)
  if (!half_width || !half_height || !x || !y || !is_decimal(*half_height) || !is_decimal(*x) ||
      !is_decimal(*y)) {
    return invalid_argument("--region bounds differ too much in scale to convert exactly, got '{}'",
                            text);
  }
  if (decimal_sign(*half_width) <= 0) {
    return invalid_argument("--region needs XMIN < XMAX, got '{}'", text);
  }
  if (decimal_sign(*half_height) <= 0) {
    return invalid_argument("--region needs YMIN < YMAX, got '{}'", text);
  }
  view->region = std::array<std::string, 4>{b[0], b[1], b[2], b[3]};
  view->center_x = *x;
  view->center_y = *y;
  view->radius = *half_height;
  return Status();
}

std::string region_text(const View& view) {
  return view.region ? fmt::format("{}", fmt::join(*view.region, ",")) : std::string();
}

std::string center_text(const View& view) { return view.center_x + "," + view.center_y; }

std::string zoom_text(const View& view) {
  const DecimalMagnitude radius = decimal_magnitude(view.radius);
  DecimalMagnitude zoom{1.5 / radius.mantissa, -radius.exponent};
  if (zoom.mantissa < 1) {
    zoom.mantissa *= 10;
    zoom.exponent -= 1;
  }
  return magnitude_text(zoom);
}

Status double_view(const View& view, DoubleView* doubles) {
  DoubleView d;
  d.cx = to_double(view.center_x);
  d.cy = to_double(view.center_y);
  if (!std::isfinite(d.cx) || !std::isfinite(d.cy)) {
    return invalid_argument("--center {} is beyond the range of doubles", center_text(view));
  }
  if (view.region) {
    const auto& b = *view.region;
    d.xmin = to_double(b[0]);
    d.xmax = to_double(b[1]);
    d.ymin = to_double(b[2]);
    d.ymax = to_double(b[3]);
  } else {
    const double radius = to_double(view.radius);
    if (!std::isfinite(radius)) {
      return invalid_argument("--radius {} is beyond the range of doubles", view.radius);
    }
    if (radius == 0) return too_deep_error(view, "the radius rounds to 0 as a double");
    const double half_width = radius * view.width / view.height;
    d.xmin = d.cx - half_width;
    d.xmax = d.cx + half_width;
    d.ymin = d.cy - radius;
    d.ymax = d.cy + radius;
  }
  if (!(d.xmin < d.xmax)) {
    return too_deep_error(view,
                          fmt::format("its left and right edges round to one double {}", d.xmin));
  }
  if (!(d.ymin < d.ymax)) {
    return too_deep_error(view,
                          fmt::format("its top and bottom edges round to one double {}", d.ymin));
  }
  if (!view.angle.empty()) {
    const CosSin rotation = degrees_cos_sin(to_double(view.angle));
    d.cos = rotation.cos;
    d.sin = rotation.sin;
  }
  *doubles = d;
  return Status();
}

Status too_deep_error(const View& view, std::string_view why) {
  if (view.region) {
    return unsupported(
        "--region {} is too small for double precision (zoom {}): {}, so this view needs a "
        "deep-zoom method",
        region_text(view), zoom_text(view), why);
  }
  return unsupported(
      "--radius {} is too small for double precision around --center {} (zoom {}): {}, so this "
      "view needs a deep-zoom method",
      view.radius, center_text(view), zoom_text(view), why);
}

}  // namespace mandelbrot
