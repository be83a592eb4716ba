#include "formats/image_reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "formats/encoders.h"
#include "render/render.h"
#include "test_support.h"

namespace mandelbrot {
namespace {

using testing::ScratchDir;

// Renders a small view to `path` in `format`; returns the counts.
std::vector<int32_t> render_to(const std::string& path, const char* format) {
  RenderOptions o;
  o.width = "23";
  o.height = "17";
  o.iterations = "300";
  o.output = path;
  o.format = format;
  o.quiet = true;
  RenderPlan plan;
  EXPECT_TRUE(make_render_plan(o, &plan).ok());
  RenderReport report;
  EXPECT_TRUE(render_to_output(plan, &report).ok());
  std::vector<int32_t> counts(23 * 17);
  render_rows_scalar(plan.params, 0, 17, counts.data());
  return counts;
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(ImageReader, ReadsBackEveryFormat) {
  ScratchDir dir;
  for (const char* format : {"raw", "npy", "pgm", "ppm", "pbm", "png"}) {
    const std::string path = dir.file(std::string("x.") + format);
    const std::vector<int32_t> counts = render_to(path, format);
    LoadedImage image;
    ASSERT_TRUE(read_image(path, std::nullopt, std::make_pair(23, 17), &image).ok()) << format;
    EXPECT_EQ(output_format_name(image.format), format);
    EXPECT_EQ(image.width, 23);
    EXPECT_EQ(image.height, 17);
    const std::string f = format;
    if (f == "raw" || f == "npy" || f == "pgm") {
      EXPECT_EQ(image.kind, ImageKind::kCounts);
      EXPECT_EQ(image.samples, counts) << format;
    } else if (f == "pbm") {
      EXPECT_EQ(image.kind, ImageKind::kBitmap);
      for (size_t i = 0; i < counts.size(); ++i) ASSERT_EQ(image.samples[i], counts[i] == 299);
    } else {
      EXPECT_EQ(image.kind, ImageKind::kImage);
      EXPECT_EQ(image.channels, 3);
      const ColourMap map(ColourMapKind::kHot, 300);
      for (size_t i = 0; i < counts.size(); ++i) {
        const Rgb c = map(counts[i]);
        ASSERT_EQ(image.samples[3 * i], c[0]);
        ASSERT_EQ(image.samples[3 * i + 2], c[2]);
      }
      EXPECT_EQ(image.parameters.has_value(), f == "png");
    }
  }
}

TEST(ImageReader, RejectsBadFiles) {
  ScratchDir dir;
  LoadedImage image;
  const auto fails = [&](const std::string& name, const std::string& bytes, const char* expected) {
    write_bytes(dir.file(name), bytes);
    const Status s = read_image(dir.file(name), std::nullopt, std::make_pair(2, 2), &image);
    EXPECT_TRUE(s.code() == StatusCode::kInvalidArgument) << name;
    EXPECT_NE(s.message().find(expected), std::string::npos) << name << ": " << s.message();
  };
  fails("short.raw", "1234567", "expected 16 bytes");
  fails("bad.png", std::string("\x89PNG\r\n\x1a\n", 8) + "garbage", "not a readable PNG");
  fails("bad.npy", "\x93NUMPY\x01", "truncated npy");
  fails("float.npy",
        std::string("\x93NUMPY\x01\x00\x46\x00", 10) +
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }          \n",
        "unsupported npy dtype");
  const auto npy = [](const std::string& dict) {
    std::string header = dict;
    while ((10 + header.size() + 1) % 64 != 0) header += ' ';
    header += '\n';
    return std::string("\x93NUMPY\x01\x00", 8) + static_cast<char>(header.size()) + '\0' + header +
           std::string(16, '\0');
  };
  fails("fortran.npy", npy("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 2), }"),
        "Fortran order");
  fails("flat.npy", npy("{'descr': '<i4', 'fortran_order': False, 'shape': (4,), }"),
        "expected 2-D");
  LoadedImage ok;
  write_bytes(dir.file("ok.npy"),
              npy("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 2), }"));
  ASSERT_TRUE(read_image(dir.file("ok.npy"), std::nullopt, std::nullopt, &ok).ok());
  EXPECT_EQ(ok.width, 2);
  fails("short.pgm", "P5\n2 2\n99\n\x01\x02", "truncated");
  fails("header.ppm", "P6\nx", "bad Netpbm header");
  fails("deep.ppm", "P6\n1 1\n65535\n\x00\x00\x00\x00\x00\x00", "unsupported PPM maxval");
  fails("text.txt", "hello", "not a file this program reads");
  EXPECT_EQ(read_image(dir.file("absent.png"), std::nullopt, std::nullopt, &image).code(),
            StatusCode::kNotFound);
  write_bytes(dir.file("nosize.raw"), std::string(16, '\0'));
  const Status s = read_image(dir.file("nosize.raw"), std::nullopt, std::nullopt, &image);
  EXPECT_NE(s.message().find("--width and --height"), std::string::npos);
}

TEST(ImageReader, ParsesRawSizes) {
  std::optional<std::pair<int32_t, int32_t>> size;
  EXPECT_TRUE(parse_raw_size(std::nullopt, std::nullopt, &size).ok());
  EXPECT_FALSE(size);
  EXPECT_TRUE(parse_raw_size(std::string("4"), std::string("3"), &size).ok());
  EXPECT_EQ(size, std::make_pair(4, 3));
  EXPECT_TRUE(parse_raw_size(std::string("4"), std::nullopt, &size).code() ==
              StatusCode::kInvalidArgument);
  EXPECT_TRUE(parse_raw_size(std::string("0"), std::string("3"), &size).code() ==
              StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace mandelbrot
