#include "base/parse.h"

#include <gtest/gtest.h>

namespace mandelbrot {
namespace {

TEST(Parse, StrictIntegers) {
  int64_t i = 0;
  EXPECT_TRUE(parse_int64("-42", "x", &i).ok());
  EXPECT_EQ(i, -42);
  EXPECT_TRUE(parse_int64("+7", "x", &i).ok());
  EXPECT_EQ(i, 7);
  EXPECT_FALSE(parse_int64("4 2", "x", &i).ok());
  EXPECT_FALSE(parse_int64("++4", "x", &i).ok());
  EXPECT_FALSE(parse_int64("", "x", &i).ok());
  const Status s = parse_int64("99999999999999999999", "--size", &i);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("--size"), std::string::npos);
  EXPECT_NE(s.message().find("99999999999999999999"), std::string::npos);
}

TEST(Parse, StrictDoubles) {
  double d = 0;
  EXPECT_TRUE(parse_double("-1.25e-3", "x", &d).ok());
  EXPECT_EQ(d, -1.25e-3);
  EXPECT_TRUE(parse_double(".5", "x", &d).ok());
  EXPECT_FALSE(parse_double("1.2.3", "x", &d).ok());
  EXPECT_FALSE(parse_double("infinity", "x", &d).ok());
  EXPECT_FALSE(parse_double("nan", "x", &d).ok());
  EXPECT_FALSE(parse_double("1e400", "x", &d).ok());
  EXPECT_FALSE(parse_double("0x1p3", "x", &d).ok());
  EXPECT_FALSE(parse_double(" 1", "x", &d).ok());
}

TEST(Parse, SplitCommasKeepsEmptyPartsAndTrimsSpaces) {
  EXPECT_EQ(split_commas("a,b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(split_commas("a,,b"), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(split_commas(",a,"), (std::vector<std::string>{"", "a", ""}));
  EXPECT_EQ(split_commas(" -2, 1 ,\t-1.5 , 1.5"),
            (std::vector<std::string>{"-2", "1", "-1.5", "1.5"}));
  EXPECT_EQ(split_commas(""), (std::vector<std::string>{""}));
}

}  // namespace
}  // namespace mandelbrot
