#include "formats/image_reader.h"

#include <gtest/gtest.h>

#include <libdeflate.h>
#include <spng.h>

#include <cstring>
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

// Opens and reads a whole image.
Status read_image(const std::string& path, std::optional<OutputFormat> format,
                  std::optional<std::pair<int32_t, int32_t>> raw_size, LoadedImage* image) {
  std::unique_ptr<ImageReader> reader;
  if (Status s = open_image(path, format, raw_size, &reader); !s.ok()) return s;
  return read_all_rows(*reader, uint64_t{1} << 24, image);
}

// The same from bytes in memory.
Status read_bytes(const std::string& bytes, LoadedImage* image) {
  std::unique_ptr<ImageReader> reader;
  Status s = open_image(
      InputStream::from_bytes(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), "mem"),
      "mem", std::nullopt, std::nullopt, &reader);
  return s.ok() ? read_all_rows(*reader, uint64_t{1} << 24, image) : s;
}

// An npy file with this header dict and data.
std::string npy(const std::string& dict, const std::string& data) {
  std::string header = dict;
  while ((10 + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  return std::string("\x93NUMPY\x01\x00", 8) + static_cast<char>(header.size()) + '\0' + header +
         data;
}

TEST(ImageReader, ReadsBackEveryFormat) {
  ScratchDir dir;
  for (const char* format : {"raw", "npy", "pgm", "ppm", "pbm", "png"}) {
    const std::string path = dir.file(std::string("x.") + format);
    const std::vector<int32_t> counts = render_to(path, format);
    LoadedImage image;
    ASSERT_TRUE(read_image(path, std::nullopt, std::make_pair(23, 17), &image).ok()) << format;
    EXPECT_EQ(output_format_name(image.header.format), format);
    EXPECT_EQ(image.header.width, 23);
    EXPECT_EQ(image.header.height, 17);
    const std::string f = format;
    if (f == "raw" || f == "npy" || f == "pgm") {
      EXPECT_EQ(image.header.kind, ImageKind::kCounts);
      EXPECT_EQ(image.samples, counts) << format;
    } else if (f == "pbm") {
      EXPECT_EQ(image.header.kind, ImageKind::kBitmap);
      for (size_t i = 0; i < counts.size(); ++i) ASSERT_EQ(image.samples[i], counts[i] == 299);
    } else {
      EXPECT_EQ(image.header.kind, ImageKind::kImage);
      EXPECT_EQ(image.header.channels, 3);
      // The default image scale: the range of this image's counts.
      CountStats stats(300);
      stats.add(counts);
      const ColourMap map(ColourMapKind::kHot, ColourScale::kImage, 300, count_range(stats));
      for (size_t i = 0; i < counts.size(); ++i) {
        const Rgb c = map(counts[i]);
        ASSERT_EQ(image.samples[3 * i], c[0]);
        ASSERT_EQ(image.samples[3 * i + 2], c[2]);
      }
    }
  }
}

TEST(ImageReader, RejectsBadFiles) {
  ScratchDir dir;
  LoadedImage image;
  // Damaged content is kCorruption, an unsupported variant kInvalidArgument.
  const auto fails = [&](const std::string& name, const std::string& bytes, const char* expected,
                         StatusCode code = StatusCode::kInvalidArgument) {
    write_bytes(dir.file(name), bytes);
    const Status s = read_image(dir.file(name), std::nullopt, std::make_pair(2, 2), &image);
    EXPECT_TRUE(s.code() == code) << name << ": " << s.message();
    EXPECT_NE(s.message().find(expected), std::string::npos) << name << ": " << s.message();
  };
  const StatusCode damaged = StatusCode::kCorruption;
  fails("short.raw", "1234567", "expected 16 bytes");
  fails("long.raw", std::string(17, '\0'), "expected 16 bytes of counts for 2x2, found more");
  fails("bad.png", std::string("\x89PNG\r\n\x1a\n", 8) + "garbage", "not a readable PNG", damaged);
  fails("bad.npy", "\x93NUMPY\x01", "truncated at byte 7 (npy header)", damaged);
  const std::string zeros(16, '\0');
  fails("complex.npy", npy("{'descr': '<c16', 'fortran_order': False, 'shape': (2, 2), }", ""),
        "unsupported npy dtype '<c16'");
  fails("fortran.npy", npy("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 2), }", zeros),
        "Fortran order");
  fails("flat.npy", npy("{'descr': '<i4', 'fortran_order': False, 'shape': (4,), }", zeros),
        "expected 2-D");
  LoadedImage ok;
  write_bytes(dir.file("ok.npy"),
              npy("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 2), }", zeros));
  ASSERT_TRUE(read_image(dir.file("ok.npy"), std::nullopt, std::nullopt, &ok).ok());
  EXPECT_EQ(ok.header.width, 2);
  fails("short.pgm", "P5\n2 2\n99\n\x01\x02", "truncated", damaged);
  fails("header.ppm", "P6\nx", "bad Netpbm header", damaged);
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

// Issue 13, items 1 and 2: a side beyond int32 (or beyond kMaxImageSide) was
// truncated to 0, and 9999999999 squared overflowed int64.
TEST(ImageReader, RefusesNpyShapesBeyondTheSideLimit) {
  for (const char* shape : {"(4294967296, 1)", "(1, 4294967296)", "(9999999999, 9999999999)",
                            "(1048577, 1)", "(0, 4)"}) {
    LoadedImage image;
    const Status s = read_bytes(
        npy(std::string("{'descr': '<i4', 'fortran_order': False, 'shape': ") + shape + ", }",
            std::string(16, '\0')),
        &image);
    EXPECT_TRUE(s.code() == StatusCode::kInvalidArgument) << shape << ": " << s.message();
    EXPECT_NE(s.message().find("unsupported size"), std::string::npos) << s.message();
  }
}

// Issue 13, item 30: the common dtypes of count data.
TEST(ImageReader, ReadsCommonNpyDtypes) {
  const auto read = [](const std::string& descr, const std::string& data, LoadedImage* image) {
    return read_bytes(
        npy("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (1, 2), }", data), image);
  };
  LoadedImage image;
  ASSERT_TRUE(read("|u1", "\x07\xff", &image).ok());
  EXPECT_EQ(image.samples, (std::vector<int32_t>{7, 255}));
  ASSERT_TRUE(read(">i2", std::string("\xff\xfe\x01\x00", 4), &image).ok());
  EXPECT_EQ(image.samples, (std::vector<int32_t>{-2, 256}));
  ASSERT_TRUE(
      read("<i8", std::string("\x05\0\0\0\0\0\0\0\xff\xff\xff\xff\xff\xff\xff\xff", 16), &image)
          .ok());
  EXPECT_EQ(image.samples, (std::vector<int32_t>{5, -1}));
  double doubles[2] = {3.0, 1e6};
  ASSERT_TRUE(read("<f8", std::string(reinterpret_cast<const char*>(doubles), 16), &image).ok());
  EXPECT_EQ(image.samples, (std::vector<int32_t>{3, 1000000}));
  float floats[2] = {0.0f, 42.0f};
  ASSERT_TRUE(read("<f4", std::string(reinterpret_cast<const char*>(floats), 8), &image).ok());
  EXPECT_EQ(image.samples, (std::vector<int32_t>{0, 42}));
  // Values that are not counts: fractions, NaN, beyond int32.
  double fraction[2] = {1.5, 0};
  Status s = read("<f8", std::string(reinterpret_cast<const char*>(fraction), 16), &image);
  EXPECT_NE(s.message().find("the value 1.5 at row 0, column 0 is not a count"), std::string::npos)
      << s.message();
  double nan[2] = {0, std::nan("")};
  EXPECT_FALSE(read("<f8", std::string(reinterpret_cast<const char*>(nan), 16), &image).ok());
  s = read("<u8", std::string("\0\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0", 16), &image);
  EXPECT_NE(s.message().find("column 1 is not a count"), std::string::npos) << s.message();
}

// A PNG encoded by libspng itself: colour type, bit depth and interlacing of
// any kind, for the decoder's conversions to 8-bit RGB.
std::string spng_encode(int colour_type, int bit_depth, int interlace, uint32_t width,
                        uint32_t height, const std::vector<uint8_t>& data,
                        const std::vector<spng_plte_entry>& palette = {}) {
  spng_ctx* ctx = spng_ctx_new(SPNG_CTX_ENCODER);
  spng_set_option(ctx, SPNG_ENCODE_TO_BUFFER, 1);
  spng_ihdr ihdr{};
  ihdr.width = width;
  ihdr.height = height;
  ihdr.bit_depth = static_cast<uint8_t>(bit_depth);
  ihdr.color_type = static_cast<uint8_t>(colour_type);
  ihdr.interlace_method = static_cast<uint8_t>(interlace);
  spng_set_ihdr(ctx, &ihdr);
  if (!palette.empty()) {
    spng_plte plte{};
    plte.n_entries = static_cast<uint32_t>(palette.size());
    std::copy(palette.begin(), palette.end(), plte.entries);
    spng_set_plte(ctx, &plte);
  }
  EXPECT_EQ(spng_encode_image(ctx, data.data(), data.size(), SPNG_FMT_PNG, SPNG_ENCODE_FINALIZE),
            0);
  size_t size = 0;
  int error = 0;
  void* png = spng_get_png_buffer(ctx, &size, &error);
  std::string bytes(static_cast<const char*>(png), size);
  free(png);
  spng_ctx_free(ctx);
  return bytes;
}

TEST(ImageReader, DecodesEveryPngKindToRgb) {
  LoadedImage image;
  // Grey 8-bit, 2x2.
  ASSERT_TRUE(
      read_bytes(spng_encode(SPNG_COLOR_TYPE_GRAYSCALE, 8, 0, 2, 2, {0, 50, 100, 255}), &image)
          .ok());
  EXPECT_EQ(image.samples,
            (std::vector<int32_t>{0, 0, 0, 50, 50, 50, 100, 100, 100, 255, 255, 255}));
  // Grey 16-bit: the high byte.
  ASSERT_TRUE(
      read_bytes(spng_encode(SPNG_COLOR_TYPE_GRAYSCALE, 16, 0, 1, 1, {0x12, 0x12}), &image).ok());
  EXPECT_EQ(image.samples, (std::vector<int32_t>{0x12, 0x12, 0x12}));
  // Palette.
  ASSERT_TRUE(read_bytes(spng_encode(SPNG_COLOR_TYPE_INDEXED, 8, 0, 2, 1, {1, 0},
                                     {{1, 2, 3, 255}, {4, 5, 6, 255}}),
                         &image)
                  .ok());
  EXPECT_EQ(image.samples, (std::vector<int32_t>{4, 5, 6, 1, 2, 3}));
  // Interlaced RGB, 3x3: the same pixels as written.
  std::vector<uint8_t> rgb(27);
  for (size_t i = 0; i < rgb.size(); ++i) rgb[i] = static_cast<uint8_t>(i * 9);
  ASSERT_TRUE(read_bytes(spng_encode(SPNG_COLOR_TYPE_TRUECOLOR, 8, 1, 3, 3, rgb), &image).ok());
  EXPECT_EQ(image.samples, std::vector<int32_t>(rgb.begin(), rgb.end()));
}

// Issue 13, items 12 and 28: damaged PNGs say what is wrong and where.
TEST(ImageReader, SaysWhatIsWrongWithADamagedPng) {
  const std::string good =
      spng_encode(SPNG_COLOR_TYPE_GRAYSCALE, 8, 0, 64, 64, std::vector<uint8_t>(64 * 64, 7));
  LoadedImage image;
  ASSERT_TRUE(read_bytes(good, &image).ok());
  Status s = read_bytes(good.substr(0, good.size() - 20), &image);
  EXPECT_TRUE(s.code() == StatusCode::kCorruption) << s.message();
  EXPECT_NE(s.message().find("not a readable PNG: truncated at byte"), std::string::npos)
      << s.message();
  std::string crc = good;
  crc[30] ^= 1;  // IHDR's CRC
  s = read_bytes(crc, &image);
  EXPECT_NE(s.message().find("CRC"), std::string::npos) << s.message();
  // The fuzzers' reproducers for stb_image: an IDAT claiming 2 GiB with no data,
  // and a zero-length IDAT. An error at once, nothing allocated.
  const std::string ihdr = good.substr(0, 33);
  const auto chunk = [](const char* type, uint32_t length, const std::string& data) {
    std::string c(4, '\0');
    for (int i = 0; i < 4; ++i) c[i] = static_cast<char>(length >> (24 - 8 * i));
    c += type;
    c += data;
    c += std::string(4, '\0');  // CRC, wrong on purpose
    return c;
  };
  s = read_bytes(ihdr + chunk("IDAT", 0x7fffffff, ""), &image);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("'mem'"), std::string::npos) << s.message();
  s = read_bytes(ihdr + chunk("IDAT", 0, "") + chunk("IEND", 0, ""), &image);
  EXPECT_FALSE(s.ok());
}

// An interlaced image is decoded whole, within a budget checked before anything
// is allocated, and only when its rows are read.
TEST(ImageReader, InterlacedPngsHaveAMemoryBudget) {
  std::string png = spng_encode(SPNG_COLOR_TYPE_TRUECOLOR, 8, 1, 1, 1, {1, 2, 3});
  png[16] = 0;  // width 1 -> 20000 (0x4e20), height 1 -> 20000
  png[17] = 0;
  png[18] = 0x4e;
  png[19] = 0x20;
  png[20] = 0;
  png[21] = 0;
  png[22] = 0x4e;
  png[23] = 0x20;
  const uint32_t crc = libdeflate_crc32(0, png.data() + 12, 17);
  for (int i = 0; i < 4; ++i) png[29 + i] = static_cast<char>(crc >> (24 - 8 * i));
  std::unique_ptr<ImageReader> reader;
  ASSERT_TRUE(open_image(InputStream::from_bytes(reinterpret_cast<const uint8_t*>(png.data()),
                                                 png.size(), "big.png"),
                         "big.png", std::nullopt, std::nullopt, &reader)
                  .ok());
  EXPECT_EQ(reader->header().width, 20000);
  std::vector<int32_t> row(20000 * 3);
  const Status s = reader->read_row(row.data());
  EXPECT_TRUE(s.code() == StatusCode::kResourceExhausted) << s.message();
  EXPECT_NE(s.message().find("an interlaced 20000x20000 PNG needs 1200000000 bytes"),
            std::string::npos)
      << s.message();
}

// Issue 13, item 9: an endless source is read only as far as the image needs.
TEST(ImageReader, ReadsAnEndlessSourceOnlyAsFarAsTheImage) {
  std::unique_ptr<ImageReader> reader;
  ASSERT_TRUE(
      open_image("/dev/zero", OutputFormat::kRaw, std::make_pair(1024, 1024), &reader).ok());
  LoadedImage image;
  const Status s = read_all_rows(*reader, uint64_t{1} << 24, &image);
  EXPECT_NE(s.message().find("expected 4194304 bytes of counts for 1024x1024, found more"),
            std::string::npos)
      << s.message();
  EXPECT_NE(open_image("/dev/zero", OutputFormat::kRaw, std::nullopt, &reader)
                .message()
                .find("--width and --height"),
            std::string::npos);
}

}  // namespace
}  // namespace mandelbrot
