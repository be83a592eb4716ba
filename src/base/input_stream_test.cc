#include "base/input_stream.h"

#include <sys/stat.h>

#include <fstream>

#include <gtest/gtest.h>
#include "test_support.h"

namespace mandelbrot {
namespace {

using testing::ScratchDir;

TEST(InputStream, ReadsPeeksAndSkips) {
  ScratchDir dir;
  std::ofstream(dir.file("a")) << "hello world";
  std::unique_ptr<InputStream> in;
  ASSERT_TRUE(InputStream::open(dir.file("a"), &in).ok());
  std::vector<uint8_t> start;
  ASSERT_TRUE(in->peek(5, &start).ok());
  EXPECT_EQ(std::string(start.begin(), start.end()), "hello");
  ASSERT_TRUE(in->skip(6, "test").ok());
  uint8_t rest[5];
  ASSERT_TRUE(in->read_exact(rest, 5, "test").ok());
  EXPECT_EQ(std::string(rest, rest + 5), "world");
  bool end = false;
  ASSERT_TRUE(in->at_end(&end).ok());
  EXPECT_TRUE(end);
  const Status s = in->read_exact(rest, 1, "the rest");
  EXPECT_TRUE(s.code() == StatusCode::kCorruption);
  EXPECT_EQ(s.message(), fmt::format("'{}': truncated at byte 11 (the rest)", dir.file("a")));
}

TEST(InputStream, RefusesDirectoriesAndMissingFiles) {
  ScratchDir dir;
  std::unique_ptr<InputStream> in;
  EXPECT_TRUE(InputStream::open(dir.file("none"), &in).code() == StatusCode::kNotFound);
  const Status s = InputStream::open(dir.path().string(), &in);
  EXPECT_EQ(s.message(), fmt::format("cannot read '{}': it is a directory", dir.path().string()));
}

// Issue 13, item 9: an endless source stops at the limit; a FIFO with no
// writer is empty, not a wait.
TEST(InputStream, BoundsEndlessSourcesAndFifos) {
  std::unique_ptr<InputStream> in;
  ASSERT_TRUE(InputStream::open("/dev/zero", &in).ok());
  std::vector<uint8_t> bytes;
  const Status s = in->read_all(1 << 20, &bytes);
  EXPECT_NE(s.message().find("more than the 1048576 bytes"), std::string::npos) << s.message();
  ScratchDir dir;
  ASSERT_EQ(::mkfifo(dir.file("fifo").c_str(), 0600), 0);
  ASSERT_TRUE(InputStream::open(dir.file("fifo"), &in).ok());
  ASSERT_TRUE(in->read_all(100, &bytes).ok());
  EXPECT_TRUE(bytes.empty());
}

TEST(InputStream, ReadsBytesInMemory) {
  const uint8_t data[3] = {1, 2, 3};
  auto in = InputStream::from_bytes(data, 3, "mem");
  std::vector<uint8_t> bytes;
  ASSERT_TRUE(in->read_all(3, &bytes).ok());
  EXPECT_EQ(bytes, std::vector<uint8_t>({1, 2, 3}));
  EXPECT_EQ(in->offset(), 3u);
}

}  // namespace
}  // namespace mandelbrot
