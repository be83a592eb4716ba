#include "view/decimal.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace mandelbrot {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A decimal as sign, digits and exponent: value = (-1)^negative * digits * 10^exponent.
// digits has no leading or trailing zeros; zero has no digits (and is not negative).
struct Parts {
  bool negative = false;
  std::string digits;
  int64_t exponent = 0;
};

// REQUIRES: is_decimal(text).
Parts parts_of(std::string_view text) {
  Parts p;
  size_t i = 0;
  if (text[i] == '+' || text[i] == '-') p.negative = text[i++] == '-';
  int64_t fraction_digits = 0;
  bool after_point = false;
  for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    if (text[i] == '.') {
      after_point = true;
      continue;
    }
    p.digits.push_back(text[i]);
    if (after_point) ++fraction_digits;
  }
  int64_t exponent = 0;
  if (i < text.size()) {
    ++i;  // the e
    bool negative_exponent = false;
    if (text[i] == '+' || text[i] == '-') negative_exponent = text[i++] == '-';
    for (; i < text.size(); ++i) exponent = exponent * 10 + (text[i] - '0');  // <= 9 digits
    if (negative_exponent) exponent = -exponent;
  }
  p.exponent = exponent - fraction_digits;
  p.digits.erase(0, std::min(p.digits.find_first_not_of('0'), p.digits.size()));
  if (p.digits.empty()) return Parts();
  const size_t last = p.digits.find_last_not_of('0');
  p.exponent += static_cast<int64_t>(p.digits.size() - 1 - last);
  p.digits.resize(last + 1);
  return p;
}

// a and b are digit strings of one length: is a < b?
bool less_aligned(const std::string& a, const std::string& b) { return a < b; }

// The digit strings of a + b and a - b (REQUIRES: a >= b), both of one length.
std::string add_aligned(const std::string& a, const std::string& b) {
  std::string sum(a.size() + 1, '0');
  int carry = 0;
  for (size_t k = a.size(); k-- > 0;) {
    const int d = (a[k] - '0') + (b[k] - '0') + carry;
    sum[k + 1] = static_cast<char>('0' + d % 10);
    carry = d / 10;
  }
  sum[0] = static_cast<char>('0' + carry);
  return sum;
}
std::string subtract_aligned(const std::string& a, const std::string& b) {
  std::string difference(a.size(), '0');
  int borrow = 0;
  for (size_t k = a.size(); k-- > 0;) {
    int d = (a[k] - '0') - (b[k] - '0') - borrow;
    borrow = d < 0;
    difference[k] = static_cast<char>('0' + d + 10 * borrow);
  }
  return difference;
}

// digits * 10^exponent with leading and trailing zeros removed.
Parts normalised(bool negative, std::string digits, int64_t exponent) {
  Parts p;
  const size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return p;
  const size_t last = digits.find_last_not_of('0');
  p.negative = negative;
  p.digits = digits.substr(first, last + 1 - first);
  p.exponent = exponent + static_cast<int64_t>(digits.size() - 1 - last);
  return p;
}

// The exact (a + b) / 2, or nullopt when aligning the exponents takes too many digits.
std::optional<Parts> half_sum(const Parts& a, const Parts& b) {
  Parts sum;
  if (a.digits.empty()) {
    sum = b;
  } else if (b.digits.empty()) {
    sum = a;
  } else {
    const int64_t exponent = std::min(a.exponent, b.exponent);
    const int64_t length_a = static_cast<int64_t>(a.digits.size()) + (a.exponent - exponent);
    const int64_t length_b = static_cast<int64_t>(b.digits.size()) + (b.exponent - exponent);
    const int64_t length = std::max(length_a, length_b);
    if (length > kMaxAlignedDigits) return std::nullopt;
    // Both as `length` digits at `exponent`.
    auto aligned = [&](const Parts& p, int64_t own_length) {
      return std::string(static_cast<size_t>(length - own_length), '0') + p.digits +
             std::string(static_cast<size_t>(p.exponent - exponent), '0');
    };
    const std::string x = aligned(a, length_a);
    const std::string y = aligned(b, length_b);
    if (a.negative == b.negative) {
      sum = normalised(a.negative, add_aligned(x, y), exponent);
    } else if (less_aligned(x, y)) {
      sum = normalised(b.negative, subtract_aligned(y, x), exponent);
    } else {
      sum = normalised(a.negative, subtract_aligned(x, y), exponent);
    }
  }
  if (sum.digits.empty()) return sum;
  // Halving: times 5, one place down.
  std::string times_five(sum.digits.size() + 1, '0');
  int carry = 0;
  for (size_t k = sum.digits.size(); k-- > 0;) {
    const int d = (sum.digits[k] - '0') * 5 + carry;
    times_five[k + 1] = static_cast<char>('0' + d % 10);
    carry = d / 10;
  }
  times_five[0] = static_cast<char>('0' + carry);
  return normalised(sum.negative, times_five, sum.exponent - 1);
}

// Plain positional text when it is at most about 20 zeros long, otherwise
// scientific ("1.5e-500").
std::string text_of(const Parts& p) {
  if (p.digits.empty()) return "0";
  const int64_t k = static_cast<int64_t>(p.digits.size());
  const int64_t point = k + p.exponent;  // digits before the decimal point
  std::string text = p.negative ? "-" : "";
  if (p.exponent >= 0 && point <= 21) {
    text.append(p.digits).append(static_cast<size_t>(p.exponent), '0');
  } else if (p.exponent < 0 && point > 0) {
    text.append(p.digits, 0, static_cast<size_t>(point)).append(1, '.');
    text.append(p.digits, static_cast<size_t>(point));
  } else if (p.exponent < 0 && point > -20) {
    text.append("0.").append(static_cast<size_t>(-point), '0').append(p.digits);
  } else {
    text.append(1, p.digits[0]);
    if (k > 1) text.append(1, '.').append(p.digits, 1);
    text.append(fmt::format("e{}", point - 1));
  }
  return text;
}

Parts negated(Parts p) {
  if (!p.digits.empty()) p.negative = !p.negative;
  return p;
}

// The digit string r (no leading zeros, "" for 0) compared with d.
bool less_digits(const std::string& r, const std::string& d) {
  return r.size() != d.size() ? r.size() < d.size() : r < d;
}

// r - d for digit strings with r >= d, without leading zeros.
std::string minus_digits(const std::string& r, const std::string& d) {
  const std::string aligned = std::string(r.size() - d.size(), '0') + d;
  std::string difference = subtract_aligned(r, aligned);
  difference.erase(0, std::min(difference.find_first_not_of('0'), difference.size()));
  return difference;
}

// The exact a / b (b nonzero) as long division, digit by digit, until
// `significant` + 1 significant digits are known, then rounded half to even
// with the remainder as the tie-breaker.
Parts quotient(const Parts& a, const Parts& b, int significant) {
  if (a.digits.empty()) return Parts();
  // a / b = (A / B) * 10^(ea - eb). The k-th digit produced (k = 1, 2, ...) of
  // A (then zeros) divided by B has the weight 10^(len(A) - k) * 10^(ea - eb).
  std::string digits;  // the significant quotient digits so far
  std::string remainder;
  int64_t k = 0;
  int64_t first_weight = 0;  // weight exponent of digits[0]
  const size_t wanted = static_cast<size_t>(significant) + 1;
  while (digits.size() < wanted) {
    const char next = k < static_cast<int64_t>(a.digits.size()) ? a.digits[k] : '0';
    ++k;
    if (!(remainder.empty() && next == '0')) remainder.push_back(next);
    int digit = 0;
    while (!less_digits(remainder, b.digits)) {
      remainder = minus_digits(remainder, b.digits);
      ++digit;
    }
    if (digits.empty() && digit == 0) continue;
    if (digits.empty()) {
      first_weight = static_cast<int64_t>(a.digits.size()) - k + a.exponent - b.exponent;
    }
    digits.push_back(static_cast<char>('0' + digit));
  }
  // Is anything left beyond the guard digit? A's digits end in a nonzero one,
  // so any of them not yet brought down leave a nonzero rest.
  const bool more = !remainder.empty() || k < static_cast<int64_t>(a.digits.size());
  const char guard = digits.back();
  digits.pop_back();
  const bool odd = (digits.back() - '0') % 2 == 1;
  if (guard > '5' || (guard == '5' && (more || odd))) {
    size_t i = digits.size();
    while (i > 0 && digits[i - 1] == '9') digits[--i] = '0';
    if (i == 0) {
      digits.insert(digits.begin(), '1');
      digits.pop_back();
      ++first_weight;
    } else {
      ++digits[i - 1];
    }
  }
  return normalised(a.negative != b.negative, digits,
                    first_weight - static_cast<int64_t>(digits.size()) + 1);
}

}  // namespace

bool is_decimal(std::string_view t) {
  size_t i = 0;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  size_t digits = 0;
  for (; i < t.size() && is_digit(t[i]); ++i) ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    for (; i < t.size() && is_digit(t[i]); ++i) ++digits;
  }
  if (digits == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    const size_t first = i;
    for (; i < t.size() && t[i] == '0'; ++i) {
    }
    const size_t significant = i;
    for (; i < t.size() && is_digit(t[i]); ++i) {
    }
    if (i == first || i - significant > 9) return false;
  }
  return i == t.size();
}

std::string_view trim_space(std::string_view text) {
  constexpr std::string_view kSpace = " \t\n\r\f\v";
  const size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) + 1 - first);
}

int decimal_sign(std::string_view text) {
  const Parts p = parts_of(text);
  return p.digits.empty() ? 0 : p.negative ? -1 : 1;
}

std::optional<std::string> decimal_midpoint(std::string_view a, std::string_view b) {
  const std::optional<Parts> half = half_sum(parts_of(a), parts_of(b));
  if (!half) return std::nullopt;
  return text_of(*half);
}

std::optional<std::string> decimal_half_difference(std::string_view a, std::string_view b) {
  const std::optional<Parts> half = half_sum(parts_of(b), negated(parts_of(a)));
  if (!half) return std::nullopt;
  return text_of(*half);
}

DecimalMagnitude decimal_magnitude(std::string_view text) {
  const Parts p = parts_of(text);
  const std::string leading = p.digits.substr(0, 1) + "." + p.digits.substr(1, 16) + "0";
  DecimalMagnitude m{std::strtod(leading.c_str(), nullptr),
                     p.exponent + static_cast<int64_t>(p.digits.size()) - 1};
  if (m.mantissa >= 10) {  // 9.99...9 rounded up
    m.mantissa /= 10;
    ++m.exponent;
  }
  if (p.negative) m.mantissa = -m.mantissa;
  return m;
}

std::string magnitude_text(DecimalMagnitude m) {
  if (m.exponent == 0) return fmt::format("{:.4g}", m.mantissa);
  return fmt::format("{:.4g}e{}", m.mantissa, m.exponent);
}

std::optional<std::string> decimal_quotient(std::string_view a, std::string_view b,
                                            int significant) {
  const Parts x = parts_of(a);
  const Parts y = parts_of(b);
  if (y.digits.empty()) return std::nullopt;
  if (static_cast<int64_t>(x.digits.size()) > kMaxQuotientOperandDigits ||
      static_cast<int64_t>(y.digits.size()) > kMaxQuotientOperandDigits) {
    return std::nullopt;
  }
  return text_of(quotient(x, y, significant));
}

}  // namespace mandelbrot
