// Decimal numbers kept as text: the strict grammar every view value follows, and
// the little exact arithmetic that converting a region to a view needs
// (docs/SEMANTICS.md, "Views").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mandelbrot {

// The most digits an exact sum may need once its operands' exponents are
// aligned; beyond it decimal_midpoint() and decimal_half_difference() give up,
// so that "1e-999999999" cannot make them allocate a gigabyte.
inline constexpr int64_t kMaxAlignedDigits = 100000;

// The largest exponent (after the e) that a decimal may have.
inline constexpr int64_t kMaxDecimalExponent = 999999999;

// True when text is a plain decimal number and nothing else: an optional sign,
// digits with an optional point (at least one digit in all), and an optional
// exponent (e or E, an optional sign, at most 9 significant digits). No white
// space, hex, NaN or infinity.
bool is_decimal(std::string_view text);

// `text` without the ASCII white space around it.
std::string_view trim_space(std::string_view text);

// The sign of a decimal: -1, 0 or +1 (exactly: "-0.000" is 0).
// REQUIRES: is_decimal(text).
int decimal_sign(std::string_view text);

// The exact value of (a + b) / 2 and of (b - a) / 2, written as
// format_decimal() does; nullopt when the exponents of a and b lie so far apart
// that the exact sum needs more than kMaxAlignedDigits digits.
// REQUIRES: is_decimal(a) and is_decimal(b).
std::optional<std::string> decimal_midpoint(std::string_view a, std::string_view b);
std::optional<std::string> decimal_half_difference(std::string_view a, std::string_view b);

// The most significant digits decimal_quotient() takes in an operand, so that
// its long division stays cheap (a Kalles Fraktaler zoom has a dozen).
inline constexpr int64_t kMaxQuotientOperandDigits = 1000;

// a / b correctly rounded to `significant` significant digits (round half to
// even), written as decimal_midpoint() writes (trailing zeros dropped); nullopt
// when b is zero or a or b has more than kMaxQuotientOperandDigits significant
// digits. The division is done on the digits: exponents of any size are exact.
// REQUIRES: is_decimal(a), is_decimal(b), significant >= 1.
std::optional<std::string> decimal_quotient(std::string_view a, std::string_view b,
                                            int significant);

// A decimal's order of magnitude, for messages: value ~ mantissa * 10^exponent
// with 1 <= |mantissa| < 10 (the mantissa rounded to a double).
// REQUIRES: is_decimal(text) and decimal_sign(text) != 0.
struct DecimalMagnitude {
  double mantissa = 0;
  int64_t exponent = 0;
};
DecimalMagnitude decimal_magnitude(std::string_view text);

// "1.5e+13" style text of m * 10^e for messages (4 significant digits).
std::string magnitude_text(DecimalMagnitude m);

}  // namespace mandelbrot
