#include "formats/png/png_chunks.h"

#include <gtest/gtest.h>

#include "formats/encoders.h"
#include "formats/png/png_text.h"
#include "test_support.h"

namespace mandelbrot {
namespace {

std::string png_with(const std::string& parameters) {
  testing::MemorySink sink;
  const std::vector<uint8_t> rgb(4 * 3 * 3, 9);
  EXPECT_TRUE(write_png(rgb.data(), 4, 3, 1, 1, parameters, sink).ok());
  return sink.text();
}

Status scan(const std::string& bytes, PngHeader* header, std::optional<std::string>* text) {
  auto in = InputStream::from_bytes(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(),
                                    "x.png");
  return scan_png(*in, kParamsKeyword, header, text);
}

TEST(PngChunks, ReadsHeaderAndText) {
  PngHeader header;
  std::optional<std::string> text;
  ASSERT_TRUE(scan(png_with(R"({"a":1})"), &header, &text).ok());
  EXPECT_EQ(header.width, 4);
  EXPECT_EQ(header.height, 3);
  EXPECT_EQ(header.bit_depth, 8);
  EXPECT_EQ(text, R"({"a":1})");
  ASSERT_TRUE(scan(png_with(""), &header, &text).ok());
  EXPECT_FALSE(text);
}

// Issue 13, item 28: what is wrong, and where, in words.
TEST(PngChunks, SaysWhatIsWrong) {
  const std::string good = png_with("params");
  PngHeader header;
  std::optional<std::string> text;
  const auto message = [&](const std::string& bytes) {
    const Status s = scan(bytes, &header, &text);
    EXPECT_TRUE(s.code() == StatusCode::kCorruption);
    return s.message();
  };
  EXPECT_EQ(message(good.substr(0, good.size() - 20)),
            fmt::format("'x.png': not a readable PNG: truncated at byte {} (in chunk tEXt)",
                        good.size() - 20));
  EXPECT_EQ(message(good.substr(0, good.size() - 12)),
            fmt::format("'x.png': not a readable PNG: truncated at byte {}: no IEND chunk",
                        good.size() - 12));
  std::string crc = good;
  const size_t text_at = good.find("tEXt") - 4;
  crc[text_at + 10] ^= 1;
  EXPECT_EQ(message(crc),
            fmt::format("'x.png': not a readable PNG: bad CRC in chunk tEXt at byte {}", text_at));
  std::string huge = good;
  huge[text_at] = '\xff';
  EXPECT_NE(message(huge).find("chunk tEXt at byte " + std::to_string(text_at) +
                               " claims 4278190097 bytes, more than PNG allows"),
            std::string::npos);
  EXPECT_EQ(message("\x89PNG"), "'x.png': not a readable PNG: no PNG signature");
}

}  // namespace
}  // namespace mandelbrot
