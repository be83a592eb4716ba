#include "math/math_command.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_support.h"

namespace mandelbrot {
namespace {

// Runs the operation; returns the output, or "error: <message>".
std::string math(MathOperation op, const std::string& a, const std::string& b,
                 std::optional<std::string> type = std::nullopt, bool json = false,
                 const std::string& input = "") {
  MathOptions o;
  o.operation = op;
  o.a = a;
  o.b = b;
  o.type = type;
  o.json = json;
  std::istringstream in(input);
  std::string out;
  const Status s = run_math(o, in, &out);
  if (!s.ok()) {
    // A missing @FILE is not found; every other bad operand is an invalid argument.
    const StatusCode expected = s.message().find("No such file") != std::string::npos
                                    ? StatusCode::kNotFound
                                    : StatusCode::kInvalidArgument;
    EXPECT_EQ(s.code(), expected) << s.message();
    return std::string("error: ").append(s.message());
  }
  return out;
}

std::string add(const std::string& a, const std::string& b,
                std::optional<std::string> type = std::nullopt) {
  return math(MathOperation::kAdd, a, b, type);
}

TEST(MathCommand, AddsScalarsAndArrays) {
  EXPECT_EQ(add("3", "4"), "7");
  EXPECT_EQ(add("1,2,-5", "-1,3,3"), "0,5,-2");
  EXPECT_EQ(add("+1", "-1"), "0");
  EXPECT_EQ(add("9223372036854775806", "1"), "9223372036854775807");
}

TEST(MathCommand, FloatsPrintShortestRoundTrip) {
  EXPECT_EQ(add("0.1", "0.2"), "0.30000000000000004");
  EXPECT_EQ(add("3.5", "3.5"), "7.0");
  EXPECT_EQ(add("1", "0.5"), "1.5");  // one float element makes it float64
  EXPECT_EQ(add("1e300", "1e300"), "2e+300");
  EXPECT_EQ(add("0.1", "0.2", "float32"), "0.3");
  EXPECT_EQ(add("16777216", "1", "float32"), "16777216.0");
  EXPECT_EQ(format_shortest(0.1), "0.1");
  EXPECT_EQ(format_shortest(-2.0), "-2.0");
  EXPECT_EQ(format_shortest(0.1f), "0.1");
}

TEST(MathCommand, DotProduct) {
  EXPECT_EQ(math(MathOperation::kDot, "1,2,3", "4,5,6"), "32");
  EXPECT_EQ(math(MathOperation::kDot, "0.5,0.25", "2,4"), "2.0");
  EXPECT_EQ(math(MathOperation::kDot, "1e8,1,-1e8", "1,1,1", "float32"), "0.0");
}

TEST(MathCommand, Json) {
  EXPECT_EQ(math(MathOperation::kAdd, "3", "4", std::nullopt, true),
            R"({"result": 7, "type": "int64"})");
  EXPECT_EQ(math(MathOperation::kAdd, "1,2", "3,4.5", std::nullopt, true),
            R"({"result": [4.0, 6.5], "type": "float64"})");
  EXPECT_EQ(math(MathOperation::kDot, "1,2", "3,4", "int32", true),
            R"({"result": 11, "type": "int32"})");
}

TEST(MathCommand, OperandsFromFilesAndStdin) {
  testing::ScratchDir dir;
  std::ofstream(dir.file("a.txt")) << "1 2\n3,\t4\n";
  EXPECT_EQ(add(fmt::format("@{}", dir.file("a.txt")), "1,1,1,1"), "2,3,4,5");
  EXPECT_EQ(math(MathOperation::kDot, "-", "1,1,1", std::nullopt, false, "1\n2\n3\n"), "6");
  EXPECT_EQ(math(MathOperation::kAdd, "10", "-", std::nullopt, false, " 5 "), "15");
}

TEST(MathCommand, BadOperandsNameTheProblem) {
  EXPECT_EQ(add("1,x,3", "1,2,3"), "error: element 2 of A must be a number, got 'x'");
  EXPECT_EQ(add("1,2,3", "1,2"),
            "error: add needs operands of equal length, but A has 3 elements and B has 2");
  EXPECT_EQ(add("", "1"), "error: A is empty");
  EXPECT_EQ(add("1", " \n"), "error: B is empty");
  EXPECT_EQ(add("1,,2", "1,2,3"), "error: A has an empty element at position 2");
  EXPECT_EQ(add(",1", "1"), "error: A has an empty element at position 1");
  EXPECT_EQ(add("1,", "1"), "error: A has an empty element at position 2");
  EXPECT_EQ(add("-", "-"), "error: only one operand can be read from standard input ('-')");
  EXPECT_EQ(add("@/no/such/file", "1").rfind("error: cannot read A from '/no/such/file'", 0), 0u);
  EXPECT_EQ(add("nan", "1"), "error: element 1 of A is out of range for float64: 'nan'");
  EXPECT_EQ(add("1", "2", "INT32"), "3");  // names are case-insensitive
  EXPECT_EQ(add("1", "2", "int128"),
            "error: unknown --type 'int128' (known: int32, int64, float32, float64)");
}

TEST(MathCommand, OverflowAndRangeErrors) {
  EXPECT_EQ(add("9223372036854775807", "1"),
            "error: integer overflow at element 1: 9223372036854775807 + 1 does not fit in int64");
  EXPECT_EQ(add("1,2147483647", "1,1", "int32"),
            "error: integer overflow at element 2: 2147483647 + 1 does not fit in int32");
  EXPECT_EQ(add("3000000000", "1", "int32"),
            "error: element 1 of A is out of range for int32: '3000000000'");
  EXPECT_EQ(add("1", "99999999999999999999"),
            "error: element 1 of B is out of range for int64: '99999999999999999999'");
  EXPECT_EQ(add("-99999999999999999999", "1", "float64"), "-1e+20");
  EXPECT_EQ(add("1.5", "1", "int64"), "error: element 1 of A must be an integer, got '1.5'");
  EXPECT_EQ(add("1e39", "1", "float32"),
            "error: element 1 of A is out of range for float32: '1e39'");
  EXPECT_EQ(math(MathOperation::kDot, "4294967296,1", "4294967296,1"),
            "error: integer overflow in the dot product at element 1 (4294967296 * 4294967296): "
            "the result does not fit in int64");
}

TEST(MathCommand, FloatOverflowIsAnErrorLikeIntegerOverflow) {
  EXPECT_EQ(add("1,1e308", "2,1e308"),
            "error: float overflow at element 2: 1e+308 + 1e+308 is not finite in float64");
  EXPECT_EQ(add("3e38", "3e38", "float32"),
            "error: float overflow at element 1: 3e+38 + 3e+38 is not finite in float32");
  EXPECT_EQ(math(MathOperation::kDot, "1,1e200,1e200", "1,1e200,-1e200"),
            "error: float overflow in the dot product at element 2 (1e+200 * 1e+200): the result "
            "is not finite in float64");
  EXPECT_EQ(add("1e308", "-1e308"), "0.0");  // finite results are fine
  EXPECT_EQ(math(MathOperation::kAdd, "1e308", "1e308", std::nullopt, true).rfind("error:", 0), 0u);
}

}  // namespace
}  // namespace mandelbrot
