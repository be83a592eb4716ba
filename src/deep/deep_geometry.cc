#include "deep/deep_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

#include "deep/mpfr_number.h"
#include "view/decimal.h"
#include "view/rotation.h"

namespace mandelbrot {

namespace {

// The bits needed below the binary point to write a spacing of 10^e10 * mantissa.
int64_t bits_below_point(const DecimalMagnitude& m) {
  const double log2 = (static_cast<double>(m.exponent) + std::log10(std::fabs(m.mantissa))) *
                      3.321928094887362;  // log2(10)
  return static_cast<int64_t>(std::ceil(-log2));
}

}  // namespace

Status make_deep_geometry(const View& view, DeepGeometry* geometry) {
  DeepGeometry g;
  g.view = view;
  // The spacings in MPFR from the exact decimals, then rounded once to double.
  // The finer half-extent's magnitude bounds the precision the division needs.
  DecimalMagnitude finest_half = decimal_magnitude(view.radius);
  if (view.region) {
    const std::optional<std::string> half_width =
        decimal_half_difference((*view.region)[0], (*view.region)[1]);
    if (!half_width) {
      return unsupported("--region {}: its bounds differ too much in scale for deep zoom",
                         region_text(view));
    }
    const DecimalMagnitude w = decimal_magnitude(*half_width);
    if (w.exponent < finest_half.exponent) finest_half = w;
  }
  if (finest_half.exponent < kDeepestRadiusExponent) {
    return unsupported(
        "{} is deeper than deep zoom reaches: the radius must be at least 1e{} "
        "(docs/SEMANTICS.md, \"Deep zoom\")",
        view.region ? "--region " + region_text(view) : "--radius " + view.radius,
        kDeepestRadiusExponent);
  }
  const auto bits = static_cast<mpfr_prec_t>(
      std::max<int64_t>(64, bits_below_point(finest_half) + 64 + 32));  // + log2 of a side
  Mpfr x(bits);
  Mpfr y(bits);
  set_exact_spacings(view, x, y);
  long exponent = 0;
  double mantissa = mpfr_get_d_2exp(&exponent, x.get(), MPFR_RNDN);
  g.step_x_x = FloatExp{mantissa, exponent};
  mantissa = mpfr_get_d_2exp(&exponent, y.get(), MPFR_RNDN);
  g.step_y_x = FloatExp{mantissa, exponent};
  g.step_x = to_double(g.step_x_x);
  g.step_y = to_double(g.step_y_x);
  g.extended = !(std::min(g.step_x, g.step_y) >= kDeepestDoubleSpacing);
  if (!view.angle.empty()) {
    // strtod rounds correctly, as the double path reads the angle (view.cc).
    const CosSin rotation = degrees_cos_sin(std::strtod(view.angle.c_str(), nullptr));
    g.cos = rotation.cos;
    g.sin = rotation.sin;
  }
  // -log2 of the finer spacing, from its FloatExp (log2 of a double would underflow).
  const FloatExp finest = magnitude_less(g.step_x_x, g.step_y_x) ? g.step_x_x : g.step_y_x;
  g.precision_bits = std::max<int64_t>(64, -finest.e + 1 + 64);
  *geometry = std::move(g);
  return Status();
}

}  // namespace mandelbrot
