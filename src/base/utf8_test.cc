#include "base/utf8.h"

#include <gtest/gtest.h>

namespace mandelbrot {
namespace {

constexpr size_t kValid = std::string_view::npos;

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_EQ(find_invalid_utf8(""), kValid);
  EXPECT_EQ(find_invalid_utf8("size = 50\n"), kValid);
  EXPECT_EQ(find_invalid_utf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), kValid);  // é € 😀
  EXPECT_EQ(find_invalid_utf8("\xed\x9f\xbf \xf4\x8f\xbf\xbf"), kValid);  // U+D7FF, U+10FFFF
}

TEST(Utf8, FindsTheFirstBadByte) {
  EXPECT_EQ(find_invalid_utf8("ab\xff"), 2u);
  EXPECT_EQ(find_invalid_utf8("caf\xe9"), 3u);           // Latin-1
  EXPECT_EQ(find_invalid_utf8("x\xc3"), 1u);             // truncated
  EXPECT_EQ(find_invalid_utf8("\xc0\xaf"), 0u);          // overlong '/'
  EXPECT_EQ(find_invalid_utf8("\xe0\x80\xaf"), 0u);      // overlong
  EXPECT_EQ(find_invalid_utf8("\xed\xa0\x80"), 0u);      // a surrogate, U+D800
  EXPECT_EQ(find_invalid_utf8("\xf4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\xe2\x82x"), 0u);         // a bad continuation
  EXPECT_EQ(find_invalid_utf8("\x80"), 0u);              // a lone continuation
}

}  // namespace
}  // namespace mandelbrot
