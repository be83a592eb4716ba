#include "colour/palette_file.h"

#include <gtest/gtest.h>

#include <string>

#include "base/file_reader.h"

namespace mandelbrot {
namespace {

std::string data(const std::string& name) {
  return std::string(MANDELBROT_TEST_DATA_DIR) + "/kfp/" + name;
}

Status stops_of(std::string_view text, std::vector<ColourStop>* stops) {
  return parse_palette_stops(text, "p.txt", stops);
}

TEST(PaletteStops, ReadsStopsCommentsAndBlankLines) {
  std::vector<ColourStop> stops;
  ASSERT_TRUE(stops_of("\xEF\xBB\xBF# a palette\n\n0 #000000\r\n  0.25\t#FF8000  # orange\n"
                       "1 #ffffff\n",
                       &stops)
                  .ok());
  ASSERT_EQ(stops.size(), 3u);
  EXPECT_EQ(stops[0], (ColourStop{0.0, Rgb{0, 0, 0}}));
  EXPECT_EQ(stops[1], (ColourStop{0.25, Rgb{255, 128, 0}}));
  EXPECT_EQ(stops[2], (ColourStop{1.0, Rgb{255, 255, 255}}));
}

TEST(PaletteStops, ErrorsNameTheFileAndTheLine) {
  std::vector<ColourStop> stops;
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"0 #000000\n0.5 red\n", "'p.txt' line 2 ('0.5 red'): not a colour stop 'POSITION #rrggbb'"},
      {"0 #000000\nhalf #ffffff\n", "'p.txt' line 2 ('half #ffffff'): not a colour stop"},
      {"0\n", "'p.txt' line 1 ('0'): not a colour stop"},
      {"0 #000000 junk\n", "'p.txt' line 1 ('0 #000000 junk'): not a colour stop"},
      {"0 #000000\n\n1.5 #ffffff\n", "'p.txt' line 3 ('1.5 #ffffff'): the position 1.5 is outside"},
      {"0.5 #000000\n# c\n0.25 #ffffff\n",
       "'p.txt' line 3 ('0.25 #ffffff'): the position 0.25 is smaller than the one before (0.5)"},
      {"nan #000000\n", "'p.txt' line 1"},
      {"", "'p.txt' has no colour stops"},
      {"# only a comment\n\n", "'p.txt' has no colour stops"},
  };
  for (const auto& c : cases) {
    const Status s = stops_of(c.text, &stops);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.text;
    EXPECT_NE(s.message().find(c.message), std::string::npos) << s.message();
  }
}

TEST(PaletteStops, TextReadsBackExactly) {
  const std::vector<ColourStop> stops = {
      {0.0, Rgb{1, 2, 3}}, {0.1, Rgb{0xab, 0xcd, 0xef}}, {1.0 / 3.0, Rgb{9, 9, 9}}, {1.0, {}}};
  std::vector<ColourStop> again;
  ASSERT_TRUE(stops_of(palette_stops_text(stops), &again).ok());
  EXPECT_EQ(again, stops);
}

TEST(KfpPalette, KeyColoursAreSpacedEvenlyAndWrap) {
  std::vector<ColourStop> stops;
  ASSERT_TRUE(parse_kfp_palette("Re: 0\r\nColors: 255,0,0,0,255,0,0,0,255,\r\nSmooth: 1\r\n",
                                "k.kfp", &stops)
                  .ok());
  ASSERT_EQ(stops.size(), 4u);
  EXPECT_EQ(stops[0], (ColourStop{0.0, Rgb{255, 0, 0}}));
  EXPECT_EQ(stops[1], (ColourStop{1.0 / 3.0, Rgb{0, 255, 0}}));
  EXPECT_EQ(stops[2], (ColourStop{2.0 / 3.0, Rgb{0, 0, 255}}));
  EXPECT_EQ(stops[3], (ColourStop{1.0, Rgb{255, 0, 0}}));  // back to the first
}

TEST(KfpPalette, ReadsARealPalette) {
  // palette_1.kfp (tests/data/kfp/README.md): 14 key colours, LF, a trailing comma.
  std::vector<ColourStop> stops;
  ASSERT_TRUE(read_palette_file(data("palette_1.kfp"), &stops).ok());
  ASSERT_EQ(stops.size(), 15u);
  EXPECT_EQ(stops[0], (ColourStop{0.0, Rgb{0, 0, 255}}));
  EXPECT_EQ(stops[1], (ColourStop{1.0 / 14.0, Rgb{0, 0, 0}}));
  EXPECT_EQ(stops[3], (ColourStop{3.0 / 14.0, Rgb{255, 255, 255}}));
  EXPECT_EQ(stops[13], (ColourStop{13.0 / 14.0, Rgb{255, 255, 255}}));
  EXPECT_EQ(stops[14], (ColourStop{1.0, Rgb{0, 0, 255}}));
  // 3_layers_reds.kfp: CRLF line ends, 4 key colours.
  ASSERT_TRUE(read_palette_file(data("3_layers_reds.kfp"), &stops).ok());
  ASSERT_EQ(stops.size(), 5u);
  EXPECT_EQ(stops[1], (ColourStop{0.25, Rgb{5, 0, 215}}));
  EXPECT_EQ(stops[3], (ColourStop{0.75, Rgb{255, 255, 255}}));
}

TEST(KfpPalette, ErrorsNameTheFileAndTheLine) {
  std::vector<ColourStop> stops;
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"Re: 0\nIm: 0\n", "'k.kfp' has no 'Colors:' line"},
      {"Re: 0\nColors: \n", "'k.kfp' line 2 ('Colors: '): no key colours"},
      {"Colors: 1,2\n", "'k.kfp' line 1 ('Colors: 1,2'): 2 values are not whole R,G,B triples"},
      {"Colors: 1,2,300\n", "'k.kfp' line 1 ('Colors: 1,2,300'): colour value 3 is '300'"},
      {"Colors: 1,,3\n", "colour value 2 is ''"},
      {"Colors: 1,2,x\n", "colour value 3 is 'x'"},
      {"Colors: 1,2,-3\n", "colour value 3 is '-3'"},
      {"Colors: 1,2,\x1b[2J\n", "colour value 3 is '?[2J'"},
      {"Colors: 1,2,3\nColors: 1,2,3\n", "'k.kfp' line 2 ('Colors: 1,2,3'): 'Colors' is given"},
  };
  for (const auto& c : cases) {
    const Status s = parse_kfp_palette(c.text, "k.kfp", &stops);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.text;
    EXPECT_NE(s.message().find(c.message), std::string::npos) << s.message();
  }
  std::string many = "Colors: ";
  for (int i = 0; i < 3 * (kMaxKfpColours + 1); ++i) many += "1,";
  EXPECT_NE(parse_kfp_palette(many, "k.kfp", &stops).message().find("1025 key colours"),
            std::string::npos);
}

TEST(PaletteFile, TheFormatIsTheExtensionOrAColorsLine) {
  EXPECT_TRUE(looks_like_kfp("a.KFP", "0 #000000"));
  EXPECT_TRUE(looks_like_kfp("a.txt", "Re: 0\n Colors: 1,2,3\n"));
  EXPECT_FALSE(looks_like_kfp("a.txt", "0 #000000\nMultiColors: \n"));
  EXPECT_FALSE(looks_like_kfp("kfp", ""));
}

TEST(PaletteFile, AMissingFileIsNotFound) {
  std::vector<ColourStop> stops;
  const Status s = read_palette_file(data("no-such-palette.txt"), &stops);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.message().find("no-such-palette.txt"), std::string::npos);
}

}  // namespace
}  // namespace mandelbrot
