#include "formats/png/png_text.h"

#include <gtest/gtest.h>

#include "formats/encoders.h"
#include "test_support.h"

namespace mandelbrot {
namespace {

TEST(PngText, ChunkLayoutAndCrc) {
  const std::vector<uint8_t> chunk = png_text_chunk("mandelbrot", "{}");
  ASSERT_EQ(chunk.size(), 4 + 4 + 10 + 1 + 2 + 4u);
  EXPECT_EQ(chunk[3], 13);  // data length: keyword, NUL, text
  EXPECT_EQ(std::string(chunk.begin() + 4, chunk.begin() + 8), "tEXt");
  EXPECT_EQ(chunk[18], 0);
  // CRC-32 of "tEXtmandelbrot\0{}" (zlib.crc32 in Python gives 0xce125e87).
  const uint32_t crc =
      (uint32_t{chunk[21]} << 24) | (chunk[22] << 16) | (chunk[23] << 8) | chunk[24];
  EXPECT_EQ(crc, 0xce125e87u);
}

TEST(PngText, WrittenPngsCarryTheParametersBeforeTheEnd) {
  const uint8_t rgb[3 * 2] = {1, 2, 3, 4, 5, 6};
  testing::MemorySink sink;
  ASSERT_TRUE(write_png(rgb, 2, 1, 1, 1, R"({"a":1})", sink).ok());
  const std::vector<uint8_t>& png = sink.bytes();
  // ... tEXt chunk, then IEND (12 bytes) closes the file.
  const size_t text_at = png.size() - 12 - (12 + 11 + 7);
  EXPECT_EQ(std::string(png.begin() + text_at + 4, png.begin() + text_at + 8), "tEXt");
  EXPECT_EQ(std::string(png.end() - 8, png.end() - 4), "IEND");
  EXPECT_EQ(find_png_text(png, "mandelbrot"), R"({"a":1})");
  EXPECT_FALSE(find_png_text(png, "other"));
  testing::MemorySink plain;
  ASSERT_TRUE(write_png(rgb, 2, 1, 1, 1, "", plain).ok());
  EXPECT_FALSE(find_png_text(plain.bytes(), "mandelbrot"));
  EXPECT_EQ(plain.bytes().size() + 12 + 11 + 7, png.size());
}

TEST(PngText, FindIsSafeOnBadInput) {
  EXPECT_FALSE(find_png_text({}, "mandelbrot"));
  const std::string not_png = "GIF89a...";
  EXPECT_FALSE(find_png_text({reinterpret_cast<const uint8_t*>(not_png.data()), not_png.size()},
                             "mandelbrot"));
  const uint8_t rgb[3] = {0, 0, 0};
  testing::MemorySink sink;
  ASSERT_TRUE(write_png(rgb, 1, 1, 1, 1, "xyz", sink).ok());
  std::vector<uint8_t> truncated(sink.bytes().begin(), sink.bytes().end() - 20);
  EXPECT_FALSE(find_png_text(truncated, "mandelbrot"));
}

}  // namespace
}  // namespace mandelbrot
