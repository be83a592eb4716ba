#include "deep/mpfr_number.h"

#include <optional>

#include "view/decimal.h"

namespace mandelbrot {

bool set_decimal(Mpfr& number, const std::string& text) {
  // MPFR reads a decimal exponent with 'e' or '@'; is_decimal() allows 'E' too.
  std::string lower = text;
  for (char& c : lower) {
    if (c == 'E') c = 'e';
  }
  return mpfr_set_str(number.get(), lower.c_str(), 10, MPFR_RNDN) == 0;
}

bool set_exact_spacings(const View& view, Mpfr& x, Mpfr& y) {
  set_decimal(y, view.radius);
  mpfr_mul_2ui(y.get(), y.get(), 1, MPFR_RNDN);
  mpfr_div_si(y.get(), y.get(), view.height, MPFR_RNDN);
  if (!view.region) {
    mpfr_set(x.get(), y.get(), MPFR_RNDN);
    return true;
  }
  // The half-width exactly on the digits, so that no rounding of the bounds
  // cancels it however narrow the region is.
  const std::optional<std::string> half_width =
      decimal_half_difference((*view.region)[0], (*view.region)[1]);
  if (!half_width) return false;
  set_decimal(x, *half_width);
  mpfr_mul_2ui(x.get(), x.get(), 1, MPFR_RNDN);
  mpfr_div_si(x.get(), x.get(), view.width, MPFR_RNDN);
  return true;
}

}  // namespace mandelbrot
