// Strict parsing of numbers and lists typed by users: the whole text must be
// the value, so every option and operand is read by the same rules.
#include "base/parse.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace mandelbrot {

std::vector<std::string> split_commas(const std::string& text) {
  constexpr const char* kSpace = " \t\n\r";
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    std::string part = text.substr(start, comma == std::string::npos ? comma : comma - start);
    const size_t first = part.find_first_not_of(kSpace);
    part = first == std::string::npos
               ? ""
               : part.substr(first, part.find_last_not_of(kSpace) - first + 1);
    parts.push_back(std::move(part));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return parts;
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

Status parse_int64(const std::string& text, const char* what, int64_t* value) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (begin != end && *begin == '+') ++begin;  // from_chars takes no '+'
  int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(begin, end, v);
  if (ec == std::errc::result_out_of_range) {
    return invalid_argument("{} is out of range, got '{}'", what, text);
  }
  if (ec != std::errc() || ptr != end || begin == end) {
    return invalid_argument("{} must be an integer, got '{}'", what, text);
  }
  *value = v;
  return Status();
}

Status parse_double(const std::string& text, const char* what, double* value) {
  // strtod skips leading white space and takes hex floats; a number here is a
  // plain decimal, so check the characters first. NaN and infinities are named
  // as such, so that the message says what is wrong with them.
  const size_t sign_end = std::min(text.find_first_not_of("+-"), text.size());
  const std::string word = ascii_lower(text.substr(sign_end));
  if (word == "nan" || word == "inf" || word == "infinity") {
    return invalid_argument("{} must be finite, got '{}'", what, text);
  }
  const bool plain =
      !text.empty() && text.find_first_not_of("0123456789+-.eE") == std::string::npos;
  char* end = nullptr;
  const double v = plain ? std::strtod(text.c_str(), &end) : 0.0;
  if (!plain || end != text.c_str() + text.size()) {
    return invalid_argument("{} must be a number, got '{}'", what, text);
  }
  if (!std::isfinite(v)) return invalid_argument("{} must be finite, got '{}'", what, text);
  *value = v;
  return Status();
}

}  // namespace mandelbrot
