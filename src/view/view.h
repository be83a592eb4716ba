// View: what part of the plane an image shows, kept as the decimal strings the
// user gave (docs/SEMANTICS.md, "Views"), and the doubles the double path
// derives from them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace mandelbrot {

// A centre X,Y and a radius R (half the image's height in the plane), each a
// decimal string with any number of digits and any exponent, the image size,
// and an optional counter-clockwise rotation about the centre in degrees. The
// strings are kept exactly as given (only the white space around them is
// trimmed), so a re-render from a file never drifts.
struct View {
  std::string center_x = "-0.5";
  std::string center_y = "0";
  std::string radius = "1.5";
  std::string angle;  // degrees as given; empty: no rotation
  int32_t width = 400;
  int32_t height = 400;
  // The four bounds XMIN, XMAX, YMIN, YMAX as given, when the view was made
  // from --region: then the centre and radius are their exact midpoint and
  // half-height, and the double path samples this region as before (its x and
  // y scales differ when its aspect is not the image's).
  std::optional<std::array<std::string, 4>> region;
};

// Parses "--center X,Y", "--radius R" and "--angle DEG" text into `view`
// (each decimal, R > 0). A usage error naming the option and the value.
Status parse_view_center(std::string_view text, View* view);
Status parse_view_radius(std::string_view text, View* view);
Status parse_view_angle(std::string_view text, View* view);

// Parses "--region XMIN,XMAX,YMIN,YMAX" into `view`: four decimals, each within
// the range of doubles, with XMIN < XMAX and YMIN < YMAX; sets the region and
// the exact centre ((XMIN+XMAX)/2, (YMIN+YMAX)/2) and radius ((YMAX-YMIN)/2).
Status parse_view_region(std::string_view text, View* view);

// The text of the view's region ("XMIN,XMAX,YMIN,YMAX") and centre ("X,Y").
std::string region_text(const View& view);
std::string center_text(const View& view);

// How deep the view is: the default radius 1.5 over its radius, as text ("7.5e13").
std::string zoom_text(const View& view);

// The view as the double path samples it: the rectangle [xmin, xmax] x
// [ymin, ymax] and the rotation (cos, sin) about (cx, cy).
struct DoubleView {
  double xmin = -2;
  double xmax = 1;
  double ymin = -1.5;
  double ymax = 1.5;
  double cx = -0.5;
  double cy = 0;
  double cos = 1;
  double sin = 0;
};

// The doubles of `view`: X, Y and R each rounded to the nearest double, then
// [X - R*W/H, X + R*W/H] x [Y - R, Y + R], evaluated exactly as written; for a
// view made from a region, its four bounds rounded to doubles. A usage error
// when a value is beyond the range of doubles, or when the view is too deep
// for doubles to tell its edges apart (the message from too_deep_error()).
// REQUIRES: the view's strings passed the parse functions above.
Status double_view(const View& view, DoubleView* doubles);

// The error for a view too deep for the double path (kUnsupported: a valid
// view this program cannot render yet): it names the view, says how deep it
// is, and that a deep-zoom method is needed; `why` says what collapsed (e.g.
// "columns 3 and 4 both sample x = -1.75").
Status too_deep_error(const View& view, std::string_view why);

}  // namespace mandelbrot
