#include "video/mpfr_decimal.h"

#include <cmath>
#include <string_view>

#include "deep/mpfr_number.h"

namespace mandelbrot {
namespace {

// The digits of x to `digits` significant digits: value = D * 10^*exponent.
std::string digits_of(mpfr_srcptr x, size_t digits, bool* negative, int64_t* exponent) {
  mpfr_exp_t e = 0;
  char* text = mpfr_get_str(nullptr, &e, 10, digits, x, MPFR_RNDN);
  std::string d = text;
  mpfr_free_str(text);
  *negative = !d.empty() && d[0] == '-';
  if (*negative) d.erase(0, 1);
  // mpfr_get_str's value is 0.D * 10^e.
  *exponent = static_cast<int64_t>(e) - static_cast<int64_t>(d.size());
  return d;
}

}  // namespace

std::string decimal_text(bool negative, std::string digits, int64_t exponent) {
  while (!digits.empty() && digits.back() == '0') {
    digits.pop_back();
    ++exponent;
  }
  const size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return "0";
  digits.erase(0, first);
  const int64_t n = static_cast<int64_t>(digits.size());
  const int64_t leading = exponent + n - 1;  // the exponent of the first digit
  // Built with append(): GCC 12 warns falsely (-Wrestrict) on chains of operator+.
  std::string text;
  if (negative) text.append(1, '-');
  if (leading < -6 || leading > 20) {
    text.append(digits, 0, 1);
    if (n > 1) text.append(1, '.').append(digits, 1, std::string::npos);
    return text.append(1, 'e').append(std::to_string(leading));
  }
  if (exponent >= 0) return text.append(digits).append(static_cast<size_t>(exponent), '0');
  const int64_t before_point = n + exponent;
  if (before_point <= 0) {
    return text.append("0.").append(static_cast<size_t>(-before_point), '0').append(digits);
  }
  const auto split = static_cast<size_t>(before_point);
  return text.append(digits, 0, split).append(1, '.').append(digits, split, std::string::npos);
}

std::string decimal_at_place(mpfr_srcptr x, int64_t place) {
  const mpfr_prec_t bits = mpfr_get_prec(x);
  Mpfr scaled(bits);
  Mpfr scale(bits);
  mpfr_set_ui(scale.get(), 10, MPFR_RNDN);
  mpfr_pow_si(scale.get(), scale.get(), static_cast<long>(-place), MPFR_RNDN);
  mpfr_mul(scaled.get(), x, scale.get(), MPFR_RNDN);
  mpfr_rint(scaled.get(), scaled.get(), MPFR_RNDN);
  if (mpfr_zero_p(scaled.get())) return "0";
  // An integer of at most this many digits is written exactly.
  const auto digits =
      static_cast<size_t>(std::ceil(static_cast<double>(mpfr_get_exp(scaled.get())) * 0.30103)) + 2;
  bool negative = false;
  int64_t exponent = 0;
  std::string d = digits_of(scaled.get(), digits, &negative, &exponent);
  return decimal_text(negative, std::move(d), exponent + place);
}

std::string decimal_significant(mpfr_srcptr x, int digits) {
  if (mpfr_zero_p(x)) return "0";
  bool negative = false;
  int64_t exponent = 0;
  std::string d = digits_of(x, static_cast<size_t>(digits), &negative, &exponent);
  return decimal_text(negative, std::move(d), exponent);
}

int64_t decimal_exponent(mpfr_srcptr x) {
  bool negative = false;
  int64_t exponent = 0;
  const std::string d = digits_of(x, 3, &negative, &exponent);
  return exponent + static_cast<int64_t>(d.size()) - 1;
}

}  // namespace mandelbrot
