#include "view/kfr_file.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/file_reader.h"

namespace mandelbrot {
namespace {

std::string location_text(const std::string& file) {
  std::vector<uint8_t> bytes;
  const Status s =
      read_file(std::string(MANDELBROT_TEST_DATA_DIR) + "/kfr/" + file, kMaxKfrBytes, "", &bytes);
  EXPECT_TRUE(s.ok()) << s.message();
  return std::string(bytes.begin(), bytes.end());
}

// The six benchmark locations (tests/data/kfr). The radii are 2 / Zoom as
// Python's decimal module gives them (prec 40, ROUND_HALF_EVEN).
struct Location {
  const char* file;
  const char* re_start;
  size_t re_size;
  const char* re_end;
  const char* im_start;
  size_t im_size;
  const char* im_end;
  const char* zoom;
  const char* radius;
  const char* iterations;
};
constexpr Location kLocations[] = {
    {"1e14.kfr", "-1.759817130804847813610", 63, "999999999800", "-0.012593310799749865383", 63,
     "000000000000", "1.00e014", "0.00000000000002", "4036"},
    {"1e50.kfr", "-0.049470029063104093751", 121, "000000000000", "-0.674787575844675364011", 121,
     "999999999880", "1.00e050", "2e-50", "263010"},
    {"5e113.kfr", "-1.479815776132473260722", 179, "705403381200", "-0.000639111932613617271", 179,
     "715681229605", "5.00e113", "4e-114", "35494"},
    {"5e227.kfr", "-0.749624497378761682078", 294, "999999999980", "0.0342701087404601694517", 293,
     "000000000000", "5.00e227", "4e-228", "1200000"},
    {"4e533.kfr", "-1.769108330407477280892", 563, "999999999998", "-0.009020688057072617600", 563,
     "999999999998", "4.00000000000E533", "5e-534", "120000"},
    {"1e1086.kfr", "-1.768610493014677074503", 1105, "109999999999", "0.0012666135038687177020",
     1106, "999999999999", "1E1086", "2e-1086", "600100"},
};

bool starts_with(const std::string& s, const char* start) {
  return s.compare(0, std::string(start).size(), start) == 0;
}
bool ends_with(const std::string& s, const char* end) {
  const std::string e(end);
  return s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0;
}

TEST(KfrFile, ReadsTheSixBenchmarkLocations) {
  for (const Location& l : kLocations) {
    SCOPED_TRACE(l.file);
    const std::string text = location_text(l.file);
    EXPECT_TRUE(looks_like_kfr(text));
    KfrFile f;
    const Status s = parse_kfr(text, l.file, &f);
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_TRUE(starts_with(f.re.value, l.re_start)) << f.re.value;
    EXPECT_TRUE(ends_with(f.re.value, l.re_end)) << f.re.value;
    EXPECT_EQ(f.re.value.size(), l.re_size);
    EXPECT_TRUE(starts_with(f.im.value, l.im_start)) << f.im.value;
    EXPECT_TRUE(ends_with(f.im.value, l.im_end)) << f.im.value;
    EXPECT_EQ(f.im.value.size(), l.im_size);
    EXPECT_EQ(f.zoom.value, l.zoom);
    EXPECT_EQ(f.radius, l.radius);
    ASSERT_TRUE(f.iterations);
    EXPECT_EQ(f.iterations->value, l.iterations);
  }
}

TEST(KfrFile, ReadsTheFormulaKeys) {
  KfrFile f;
  ASSERT_TRUE(parse_kfr(location_text("1e1086.kfr"), "x.kfr", &f).ok());
  ASSERT_TRUE(f.power && f.fractal_type && f.rotate && f.ratio);
  EXPECT_EQ(f.power->value, "2");
  EXPECT_EQ(f.fractal_type->value, "0");
  EXPECT_EQ(f.rotate->value, "0.000000");
  EXPECT_EQ(f.ratio->value, "381.176471");
  EXPECT_EQ(f.ratio->where, "'x.kfr' line 11 ('Ratio: 381.176471')");
  // 4e533.kfr has none of them.
  ASSERT_TRUE(parse_kfr(location_text("4e533.kfr"), "y.kfr", &f).ok());
  EXPECT_FALSE(f.power || f.fractal_type || f.rotate || f.ratio);
}

TEST(KfrFile, AcceptsCrlfAByteOrderMarkAndBlankLines) {
  const std::string text =
      "\xef\xbb\xbf\r\n  \r\nRe: -0.75\r\nIm:0.1\r\nZoom : 3\r\n\r\nIterations: 200\r\n";
  EXPECT_TRUE(looks_like_kfr(text));
  KfrFile f;
  const Status s = parse_kfr(text, "w.kfr", &f);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(f.re.value, "-0.75");
  EXPECT_EQ(f.im.value, "0.1");
  EXPECT_EQ(f.zoom.value, "3");
  EXPECT_EQ(f.radius, "0.6666666666666666666666666666666666666667");
  EXPECT_EQ(f.iterations->value, "200");
  EXPECT_EQ(f.re.where, "'w.kfr' line 3 ('Re: -0.75')");
}

TEST(KfrFile, RecognisesOnlyAFirstReLine) {
  EXPECT_TRUE(looks_like_kfr("\n\nRe: 1"));
  EXPECT_FALSE(looks_like_kfr("Im: 1\nRe: 1"));
  EXPECT_FALSE(looks_like_kfr("{\"width\": 3}"));
  EXPECT_FALSE(looks_like_kfr(""));
}

// The message of parse_kfr(text), which must fail.
std::string error_of(const std::string& text) {
  KfrFile f;
  const Status s = parse_kfr(text, "bad.kfr", &f);
  EXPECT_FALSE(s.ok()) << text;
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  return s.message();
}

TEST(KfrFile, NamesTheLineOfEachBadValue) {
  const std::string ok = "Re: -0.75\nIm: 0.1\nZoom: 4\n";
  EXPECT_EQ(error_of("Re: -0.75\nIm: 0.1x\nZoom: 4\n"),
            "'bad.kfr' line 2 ('Im: 0.1x'): Im must be a decimal number");
  EXPECT_EQ(error_of("Re: 0x1\nIm: 0.1\nZoom: 4\n"),
            "'bad.kfr' line 1 ('Re: 0x1'): Re must be a decimal number");
  EXPECT_EQ(error_of("Re: -0.75\nIm: 0.1\nZoom: -4\n"),
            "'bad.kfr' line 3 ('Zoom: -4'): Zoom must be greater than 0");
  EXPECT_EQ(error_of("Re: -0.75\nIm: 0.1\nZoom: 0e5\n"),
            "'bad.kfr' line 3 ('Zoom: 0e5'): Zoom must be greater than 0");
  EXPECT_EQ(error_of("Re: -0.75\nIm: 0.1\nZoom: inf\n"),
            "'bad.kfr' line 3 ('Zoom: inf'): Zoom must be a decimal number");
  EXPECT_EQ(error_of(ok + "Iterations: 1e3\n"),
            "'bad.kfr' line 4 ('Iterations: 1e3'): Iterations must be a whole number within 64 "
            "bits");
  EXPECT_EQ(error_of(ok + "Power: 99999999999999999999\n"),
            "'bad.kfr' line 4 ('Power: 99999999999999999999'): Power must be a whole number "
            "within 64 bits");
  EXPECT_EQ(error_of(ok + "FractalType: one\n"),
            "'bad.kfr' line 4 ('FractalType: one'): FractalType must be a whole number within 64 "
            "bits");
  EXPECT_EQ(error_of(ok + "Rotate: 9O\n"),
            "'bad.kfr' line 4 ('Rotate: 9O'): Rotate must be a decimal number");
  EXPECT_EQ(error_of(ok + "Ratio: \n"),
            "'bad.kfr' line 4 ('Ratio: '): Ratio must be a decimal number");
}

TEST(KfrFile, NamesTheLineOfEachBadLine) {
  EXPECT_EQ(error_of("Re: -0.75\nIm: 0.1\nthis is no key\nZoom: 4\n"),
            "'bad.kfr' line 3 ('this is no key'): not a 'Key: value' line of a Kalles Fraktaler "
            "file");
  EXPECT_EQ(error_of("Re: -0.75\nIm: 0.1\n : 3\nZoom: 4\n"),
            "'bad.kfr' line 3 (' : 3'): the line has no key before ':'");
  EXPECT_EQ(error_of("Re: -0.75\nIm: 0.1\nZoom: 4\nRe: -0.5\n"),
            "'bad.kfr' line 4 ('Re: -0.5'): 'Re' is given a second time");
  EXPECT_EQ(error_of("Re: -0.75\nIm: 0.1\nZoom: 4\nColors: 1\nColors: 2\n"),
            "'bad.kfr' line 5 ('Colors: 2'): 'Colors' is given a second time");
  // A long line is clipped; control bytes and non-ASCII are shown as '?'.
  const std::string long_line = "Im: 0.1" + std::string(100, '7') + "x";
  EXPECT_EQ(error_of("Re: 1\n" + long_line + "\nZoom: 4\n"),
            "'bad.kfr' line 2 ('" + long_line.substr(0, 60) + "...'): Im must be a decimal number");
  EXPECT_EQ(error_of("Re: 1\nIm: \x01\xff\nZoom: 4\n"),
            "'bad.kfr' line 2 ('Im: \?\?'): Im must be a decimal number");
}

TEST(KfrFile, NamesAMissingKey) {
  EXPECT_EQ(error_of("Re: -0.75\nIm: 0.1\nIterations: 3\n"),
            "'bad.kfr' has no 'Zoom:' line (a Kalles Fraktaler location needs Re, Im and Zoom)");
  EXPECT_EQ(error_of("Re: -0.75\nZoom: 4\n"),
            "'bad.kfr' has no 'Im:' line (a Kalles Fraktaler location needs Re, Im and Zoom)");
  EXPECT_EQ(error_of("Im: 0.1\nZoom: 4\n"),
            "'bad.kfr' has no 'Re:' line (a Kalles Fraktaler location needs Re, Im and Zoom)");
  EXPECT_EQ(error_of(""),
            "'bad.kfr' has no 'Re:' line (a Kalles Fraktaler location needs Re, Im and Zoom)");
}

TEST(KfrFile, RefusesAZoomItCannotDivideAndAHugeFile) {
  const std::string digits(1001, '3');
  EXPECT_EQ(error_of("Re: 1\nIm: 1\nZoom: " + digits + "\n"),
            "'bad.kfr' line 3 ('Zoom: " + digits.substr(0, 54) +
                "...'): Zoom has more than 1000 significant digits");
  EXPECT_EQ(error_of("Re: 1\nIm: 1\nZoom: 0.0001e-999999999\n"),
            "'bad.kfr' line 3 ('Zoom: 0.0001e-999999999'): the radius 2/Zoom has an exponent "
            "beyond 9 digits");
  EXPECT_EQ(error_of("Re: 1\nIm: 1\nZoom: 4\n" + std::string(kMaxKfrBytes, '\n')),
            "'bad.kfr' is larger than a Kalles Fraktaler file may be (1048576 bytes)");
}

}  // namespace
}  // namespace mandelbrot
