#include "base/byte_order.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace mandelbrot {
namespace {

TEST(ByteOrder, ReadsAndWritesEachOrder) {
  uint8_t b[4];
  put_be32(b, 0x01020304u);
  EXPECT_EQ(b[0], 1);
  EXPECT_EQ(b[3], 4);
  EXPECT_EQ(get_be32(b), 0x01020304u);
  EXPECT_EQ(get_le32(b), 0x04030201u);
  put_be16(b, 0xABCD);
  EXPECT_EQ(b[0], 0xAB);
  EXPECT_EQ(get_be16(b), 0xABCD);
  put_le16(b, 0xABCD);
  EXPECT_EQ(b[0], 0xCD);
  EXPECT_EQ(get_le16(b), 0xABCD);
}

TEST(ByteOrder, WritesInt32LittleEndian) {
  testing::MemorySink sink;
  const int32_t values[] = {1, -2, 0x7fffffff};
  ASSERT_TRUE(write_int32_le(sink, values).ok());
  const std::vector<uint8_t> expected = {1,    0,    0,    0,    0xfe, 0xff,
                                         0xff, 0xff, 0xff, 0xff, 0xff, 0x7f};
  EXPECT_EQ(sink.bytes(), expected);
}

}  // namespace
}  // namespace mandelbrot
