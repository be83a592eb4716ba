// The `add` and `dot` subcommands: operands as text -> typed arrays -> result text.
#pragma once

#include <istream>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"

namespace mandelbrot {

enum class NumberType { kInt32, kInt64, kFloat32, kFloat64 };

// "int32", "int64", "float32", "float64"; nullopt for anything else.
std::optional<NumberType> parse_number_type(std::string_view name);
std::string_view number_type_name(NumberType type);

enum class MathOperation { kAdd, kDot };

struct MathOptions {
  MathOperation operation = MathOperation::kAdd;
  // Each operand: a number, a comma list ("1,2,-5"), "@path" (a text file of
  // numbers separated by white space or commas) or "-" (standard input, for one
  // operand at most).
  std::string a;
  std::string b;
  std::optional<std::string> type;  // --type; default: int64 when every element
                                    // is an integer, else float64
  bool json = false;
};

// Reads both operands, computes, and sets *output to the line to print (no
// newline): the sum as a comma list (one number for scalars) or the dot
// product; with json, {"result": ..., "type": "..."}. Integers are exact and
// overflow is an error; floats print in the shortest form that reads back to
// the same value (with ".0" when it would otherwise look like an integer).
// Every problem with the operands is a usage error naming the operand and, for
// a bad element, its position (from 1) and text.
Status run_math(const MathOptions& options, std::istream& standard_input, std::string* output);

// sum[i] = a[i] + b[i], checked as `add` checks: a usage error when the
// lengths differ (or sum has another), or naming the first element whose sum
// overflows T (integers) or is not finite (floats). Defined for int32_t,
// int64_t, float and double.
template <typename T>
Status checked_add(std::span<const T> a, std::span<const T> b, std::span<T> sum);

// *result = the dot product of a and b (math.h, dot_arrays), checked as `dot`
// checks: a usage error when the lengths differ, or naming the element at which
// the result overflows T or stops being finite.
template <typename T>
Status checked_dot(std::span<const T> a, std::span<const T> b, T* result);

// The shortest decimal text that reads back as exactly v, e.g. "0.1", "7.0", "1e+300".
std::string format_shortest(double v);
std::string format_shortest(float v);

}  // namespace mandelbrot
