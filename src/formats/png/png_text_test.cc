#include "formats/png/png_text.h"

#include <gtest/gtest.h>

#include "base/input_stream.h"
#include "formats/encoders.h"
#include "formats/png/png_chunks.h"
#include "test_support.h"

namespace mandelbrot {
namespace {

// The text of the first tEXt chunk with this keyword, as info and --from read it.
Status text_of(const std::vector<uint8_t>& png, std::string_view keyword,
               std::optional<std::string>* text) {
  PngHeader header;
  return scan_png(*InputStream::from_bytes(png.data(), png.size(), "t.png"), keyword, &header,
                  text);
}

std::optional<std::string> text_of(const std::vector<uint8_t>& png, std::string_view keyword) {
  std::optional<std::string> text;
  const Status s = text_of(png, keyword, &text);
  EXPECT_TRUE(s.ok()) << s.message();
  return text;
}

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
  EXPECT_EQ(text_of(png, "mandelbrot"), R"({"a":1})");
  EXPECT_FALSE(text_of(png, "other"));
  testing::MemorySink plain;
  ASSERT_TRUE(write_png(rgb, 2, 1, 1, 1, "", plain).ok());
  EXPECT_FALSE(text_of(plain.bytes(), "mandelbrot"));
  EXPECT_EQ(plain.bytes().size() + 12 + 11 + 7, png.size());
}

TEST(PngText, ReadingIsSafeOnBadInput) {
  std::optional<std::string> text;
  EXPECT_FALSE(text_of({}, "mandelbrot", &text).ok());
  const std::string gif = "GIF89a...";
  EXPECT_FALSE(text_of(std::vector<uint8_t>(gif.begin(), gif.end()), "mandelbrot", &text).ok());
  const uint8_t rgb[3] = {0, 0, 0};
  testing::MemorySink sink;
  ASSERT_TRUE(write_png(rgb, 1, 1, 1, 1, "xyz", sink).ok());
  std::vector<uint8_t> truncated(sink.bytes().begin(), sink.bytes().end() - 20);
  const Status s = text_of(truncated, "mandelbrot", &text);
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_NE(s.message().find("truncated at byte"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace mandelbrot
