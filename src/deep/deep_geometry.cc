#include "deep/deep_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "deep/mpfr_number.h"
#include "view/decimal.h"
#include "view/rotation.h"

namespace mandelbrot {

bool set_decimal(Mpfr& number, const std::string& text) {
  // MPFR reads a decimal exponent with 'e' or '@'; is_decimal() allows 'E' too.
  std::string lower = text;
  for (char& c : lower) {
    if (c == 'E') c = 'e';
  }
  return mpfr_set_str(number.get(), lower.c_str(), 10, MPFR_RNDN) == 0;
}

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
  // The radius's own magnitude bounds the precision the division needs.
  const DecimalMagnitude radius = decimal_magnitude(view.radius);
  if (radius.exponent < kDeepestRadiusExponent) {
    return unsupported(
        "--radius {} is deeper than deep zoom reaches: the radius must be at least 1e{} "
        "(docs/SEMANTICS.md, \"Deep zoom\")",
        view.radius, kDeepestRadiusExponent);
  }
  const int64_t bits_needed =
      std::max<int64_t>(64, bits_below_point(radius) + 64 + 32);  // + log2 of any image side
  Mpfr x(static_cast<mpfr_prec_t>(bits_needed));
  Mpfr y(static_cast<mpfr_prec_t>(bits_needed));
  if (view.region) {
    const auto& r = *view.region;
    Mpfr lo(static_cast<mpfr_prec_t>(bits_needed));
    // Region bounds are doubles-range decimals of any length: their difference
    // at this precision is exact to far more bits than a double keeps.
    set_decimal(lo, r[0]);
    set_decimal(x, r[1]);
    mpfr_sub(x.get(), x.get(), lo.get(), MPFR_RNDN);
    mpfr_div_si(x.get(), x.get(), view.width, MPFR_RNDN);
    set_decimal(lo, r[2]);
    set_decimal(y, r[3]);
    mpfr_sub(y.get(), y.get(), lo.get(), MPFR_RNDN);
    mpfr_div_si(y.get(), y.get(), view.height, MPFR_RNDN);
  } else {
    set_decimal(y, view.radius);
    mpfr_mul_2ui(y.get(), y.get(), 1, MPFR_RNDN);
    mpfr_div_si(y.get(), y.get(), view.height, MPFR_RNDN);
    mpfr_set(x.get(), y.get(), MPFR_RNDN);
  }
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
