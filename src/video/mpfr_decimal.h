// MPFR numbers written as decimal text that the view parsers read back
// (view/decimal.h): rounded at a decimal place, or to significant digits.
#pragma once

#include <mpfr.h>

#include <cstdint>
#include <string>

namespace mandelbrot {

// The decimal text of D * 10^exponent, D a string of decimal digits (leading
// and trailing zeros allowed), negative when `negative`: plain positional
// ("-0.00125", "1250") for exponents of the leading digit from -6 to 20, else
// scientific ("1.25e-300"); no trailing zeros; "0" for zero.
std::string decimal_text(bool negative, std::string digits, int64_t exponent);

// x rounded to the nearest multiple of 10^place (ties to even), as decimal_text().
// REQUIRES: x is finite and x * 10^-place fits x's precision.
std::string decimal_at_place(mpfr_srcptr x, int64_t place);

// x rounded to `digits` significant digits (ties to even), as decimal_text().
// REQUIRES: x is finite; digits >= 1.
std::string decimal_significant(mpfr_srcptr x, int digits);

// floor(log10(x)) of x > 0, as the exponent of x's first significant decimal digit
// after rounding x to 3 significant digits.
int64_t decimal_exponent(mpfr_srcptr x);

}  // namespace mandelbrot
