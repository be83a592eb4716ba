// `add` and `dot`: reading operands, choosing the type, computing, formatting.
#include "math/math_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <span>
#include <vector>

#include "base/file_reader.h"
#include "base/parse.h"
#include "math/math.h"

namespace mandelbrot {
namespace {

// The largest operand read from a file or standard input: about six million
// numbers, so that an endless source (@/dev/zero) costs at most 64 MiB before
// its error.
constexpr uint64_t kMaxOperandFileBytes = uint64_t{1} << 26;

// The text of an operand: the argument itself, a file's contents, or stdin.
Status read_operand(const std::string& spec, const char* name, std::istream& standard_input,
                    std::string* text) {
  if (spec == "-") {
    text->clear();
    char buffer[1 << 16];
    while (standard_input.read(buffer, sizeof buffer) || standard_input.gcount() > 0) {
      text->append(buffer, static_cast<size_t>(standard_input.gcount()));
      if (text->size() > kMaxOperandFileBytes) {
        return invalid_argument(
            "cannot read {} from standard input: it holds more than the {} "
            "bytes this input may have",
            name, kMaxOperandFileBytes);
      }
    }
    return Status();
  }
  if (!spec.empty() && spec[0] == '@') {
    const std::string path = spec.substr(1);
    std::vector<uint8_t> bytes;
    if (Status s = read_file(path, kMaxOperandFileBytes, name, &bytes); !s.ok()) return s;
    text->assign(bytes.begin(), bytes.end());
    return Status();
  }
  *text = spec;
  return Status();
}

// Splits on commas and white space. A comma with no element since the previous
// one, or since the start (",1", "1,,2"), or none after it ("1,") marks an empty
// element, which is an error.
Status split_elements(const std::string& text, const char* name, std::vector<std::string>* out) {
  std::vector<std::string> elements;
  std::string current;
  bool saw_comma = false;
  bool element_since_comma = false;
  auto end_element = [&] {
    if (current.empty()) return;
    elements.push_back(std::move(current));
    current.clear();
    element_since_comma = true;
  };
  for (const char c : text) {
    if (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      end_element();
      if (c != ',') continue;
      if (!element_since_comma) {
        return invalid_argument("{} has an empty element at position {}", name,
                                elements.size() + 1);
      }
      saw_comma = true;
      element_since_comma = false;
    } else {
      current.push_back(c);
    }
  }
  end_element();
  if (saw_comma && !element_since_comma) {
    return invalid_argument("{} has an empty element at position {}", name, elements.size() + 1);
  }
  if (elements.empty()) return invalid_argument("{} is empty", name);
  *out = std::move(elements);
  return Status();
}

// An optional sign and decimal digits: an integer, whether or not it fits.
bool is_integer_text(const std::string& text) {
  const size_t digits = text.find_first_not_of("+-") == 1 ? 1 : 0;
  return text.size() > digits && text.find_first_not_of("0123456789", digits) == std::string::npos;
}

bool all_integers(const std::vector<std::string>& elements) {
  return std::all_of(elements.begin(), elements.end(), is_integer_text);
}

std::string element_name(const char* name, size_t index) {
  return fmt::format("element {} of {}", index + 1, name);
}

// Converts every element to T (the C type of `type`), checking its range.
template <typename T>
Status convert(const std::vector<std::string>& elements, const char* name, NumberType type,
               std::vector<T>* values) {
  values->clear();
  for (size_t i = 0; i < elements.size(); ++i) {
    const std::string what = element_name(name, i);
    if constexpr (std::is_integral_v<T>) {
      int64_t v = 0;
      const Status s = parse_int64(elements[i], what.c_str(), &v);
      if (!s.ok() && !is_integer_text(elements[i])) return s;
      if (!s.ok() || v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max()) {
        return invalid_argument("{} is out of range for {}: '{}'", what, number_type_name(type),
                                elements[i]);
      }
      values->push_back(static_cast<T>(v));
    } else {
      double v = 0;
      if (Status s = parse_double(elements[i], what.c_str(), &v); !s.ok()) {
        return s.message().find("finite") != std::string::npos
                   ? invalid_argument("{} is out of range for {}: '{}'", what,
                                      number_type_name(type), elements[i])
                   : s;
      }
      if (std::is_same_v<T, float> && std::fabs(v) > FLT_MAX) {
        return invalid_argument("{} is out of range for float32: '{}'", what, elements[i]);
      }
      values->push_back(static_cast<T>(v));
    }
  }
  return Status();
}

// {fmt} prints the shortest round-trip form; ".0" marks a whole float as a float.
template <typename T>
std::string shortest_text(T v) {
  std::string s = fmt::format("{}", v);
  if (s.find_first_of(".eni") == std::string::npos) s += ".0";
  return s;
}

template <typename T>
std::string format_value(T v) {
  if constexpr (std::is_integral_v<T>) {
    return fmt::format("{}", v);
  } else {
    return shortest_text(v);
  }
}

// Sets *result to the formatted result: one value per element for add, one for dot.
template <typename T>
Status compute(const MathOptions& options, NumberType type, const std::vector<std::string>& a_text,
               const std::vector<std::string>& b_text, std::vector<std::string>* result) {
  std::vector<T> a;
  std::vector<T> b;
  if (Status s = convert(a_text, "A", type, &a); !s.ok()) return s;
  if (Status s = convert(b_text, "B", type, &b); !s.ok()) return s;
  if (options.operation == MathOperation::kAdd) {
    std::vector<T> sum(a.size());
    if (Status s = checked_add<T>(a, b, sum); !s.ok()) return s;
    result->clear();
    for (T v : sum) result->push_back(format_value(v));
  } else {
    T product = 0;
    if (Status s = checked_dot<T>(a, b, &product); !s.ok()) return s;
    *result = {format_value(product)};
  }
  return Status();
}

template <typename T>
constexpr NumberType number_type_of() {
  if constexpr (std::is_same_v<T, int32_t>) return NumberType::kInt32;
  if constexpr (std::is_same_v<T, int64_t>) return NumberType::kInt64;
  if constexpr (std::is_same_v<T, float>) return NumberType::kFloat32;
  return NumberType::kFloat64;
}

Status check_lengths(const char* op, size_t a, size_t b) {
  if (a == b) return Status();
  return invalid_argument("{} needs operands of equal length, but A has {} elements and B has {}",
                          op, a, b);
}

}  // namespace

template <typename T>
Status checked_add(std::span<const T> a, std::span<const T> b, std::span<T> sum) {
  if (Status s = check_lengths("add", a.size(), b.size()); !s.ok()) return s;
  if (sum.size() != a.size()) {
    return invalid_argument("add needs room for {} sums, but has {}", a.size(), sum.size());
  }
  const std::string_view type_name = number_type_name(number_type_of<T>());
  if (const auto bad = add_arrays<T>(a, b, sum)) {
    return invalid_argument("integer overflow at element {}: {} + {} does not fit in {}", *bad + 1,
                            a[*bad], b[*bad], type_name);
  }
  if constexpr (std::is_floating_point_v<T>) {
    // Like integer overflow: a sum that is not a finite number is an error,
    // never "inf" or "nan" in the output (JSON has neither).
    for (size_t i = 0; i < sum.size(); ++i) {
      if (!std::isfinite(sum[i])) {
        return invalid_argument("float overflow at element {}: {} + {} is not finite in {}", i + 1,
                                format_value(a[i]), format_value(b[i]), type_name);
      }
    }
  }
  return Status();
}

template <typename T>
Status checked_dot(std::span<const T> a, std::span<const T> b, T* result) {
  if (Status s = check_lengths("dot", a.size(), b.size()); !s.ok()) return s;
  const std::string_view type_name = number_type_name(number_type_of<T>());
  T product = 0;
  if (const auto bad = dot_arrays<T>(a, b, &product)) {
    return invalid_argument(
        "integer overflow in the dot product at element {} ({} * {}): the result "
        "does not fit in {}",
        *bad + 1, a[*bad], b[*bad], type_name);
  }
  if constexpr (std::is_floating_point_v<T>) {
    if (!std::isfinite(product)) {
      // The first element at which the running sum (in the same order) is no
      // longer a finite number.
      T partial = 0;
      size_t at = 0;
      for (; at < a.size(); ++at) {
        partial += a[at] * b[at];
        if (!std::isfinite(partial)) break;
      }
      return invalid_argument(
          "float overflow in the dot product at element {} ({} * {}): the result is not "
          "finite in {}",
          at + 1, format_value(a[at]), format_value(b[at]), type_name);
    }
  }
  *result = product;
  return Status();
}

template Status checked_add<int32_t>(std::span<const int32_t>, std::span<const int32_t>,
                                     std::span<int32_t>);
template Status checked_add<int64_t>(std::span<const int64_t>, std::span<const int64_t>,
                                     std::span<int64_t>);
template Status checked_add<float>(std::span<const float>, std::span<const float>,
                                   std::span<float>);
template Status checked_add<double>(std::span<const double>, std::span<const double>,
                                    std::span<double>);
template Status checked_dot<int32_t>(std::span<const int32_t>, std::span<const int32_t>, int32_t*);
template Status checked_dot<int64_t>(std::span<const int64_t>, std::span<const int64_t>, int64_t*);
template Status checked_dot<float>(std::span<const float>, std::span<const float>, float*);
template Status checked_dot<double>(std::span<const double>, std::span<const double>, double*);

std::optional<NumberType> parse_number_type(std::string_view name) {
  if (name == "int32") return NumberType::kInt32;
  if (name == "int64") return NumberType::kInt64;
  if (name == "float32") return NumberType::kFloat32;
  if (name == "float64") return NumberType::kFloat64;
  return std::nullopt;
}

std::string_view number_type_name(NumberType type) {
  switch (type) {
    case NumberType::kInt32:
      return "int32";
    case NumberType::kInt64:
      return "int64";
    case NumberType::kFloat32:
      return "float32";
    case NumberType::kFloat64:
      return "float64";
  }
  return "?";
}

std::string format_shortest(double v) { return shortest_text(v); }

std::string format_shortest(float v) { return shortest_text(v); }

Status run_math(const MathOptions& options, std::istream& standard_input, std::string* output) {
  if (options.a == "-" && options.b == "-") {
    return invalid_argument("only one operand can be read from standard input ('-')");
  }
  std::string a_text;
  std::string b_text;
  if (Status s = read_operand(options.a, "A", standard_input, &a_text); !s.ok()) return s;
  if (Status s = read_operand(options.b, "B", standard_input, &b_text); !s.ok()) return s;
  std::vector<std::string> a;
  std::vector<std::string> b;
  if (Status s = split_elements(a_text, "A", &a); !s.ok()) return s;
  if (Status s = split_elements(b_text, "B", &b); !s.ok()) return s;

  NumberType type = all_integers(a) && all_integers(b) ? NumberType::kInt64 : NumberType::kFloat64;
  if (options.type) {
    const auto forced = parse_number_type(*options.type);
    if (!forced) {
      return invalid_argument("unknown --type '{}' (known: int32, int64, float32, float64)",
                              *options.type);
    }
    type = *forced;
  }

  std::vector<std::string> result;
  Status s;
  switch (type) {
    case NumberType::kInt32:
      s = compute<int32_t>(options, type, a, b, &result);
      break;
    case NumberType::kInt64:
      s = compute<int64_t>(options, type, a, b, &result);
      break;
    case NumberType::kFloat32:
      s = compute<float>(options, type, a, b, &result);
      break;
    case NumberType::kFloat64:
      s = compute<double>(options, type, a, b, &result);
      break;
  }
  if (!s.ok()) return s;
  if (options.json) {
    const std::string value =
        result.size() == 1 ? result[0] : fmt::format("[{}]", fmt::join(result, ", "));
    *output = fmt::format(R"({{"result": {}, "type": "{}"}})", value, number_type_name(type));
  } else {
    *output = fmt::format("{}", fmt::join(result, ","));
  }
  return Status();
}

}  // namespace mandelbrot
