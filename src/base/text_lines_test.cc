#include "base/text_lines.h"

#include <gtest/gtest.h>

namespace mandelbrot {
namespace {

TEST(TextLines, SplitsAtLfDropsCrAndTheByteOrderMark) {
  const std::vector<TextLine> lines = text_lines(
      "\xef\xbb\xbf"
      "a\r\nb\n\nc");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].text, "a");
  EXPECT_EQ(lines[1].text, "b");
  EXPECT_EQ(lines[2].text, "");
  EXPECT_EQ(lines[3].text, "c");
  EXPECT_EQ(lines[3].number, 4);
  EXPECT_EQ(text_lines("a\n").size(), 1u);
  EXPECT_TRUE(text_lines("").empty());
}

TEST(TextLines, WhereShowsOneReadableClippedLine) {
  EXPECT_EQ(line_where("p.kfp", TextLine{3, "Colors: 1,\x01"}), "'p.kfp' line 3 ('Colors: 1,?')");
  const std::string shown = shown_text(std::string(100, 'x'));
  EXPECT_EQ(shown, std::string(60, 'x') + "...");
}

}  // namespace
}  // namespace mandelbrot
