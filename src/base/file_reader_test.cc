#include "base/file_reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "test_support.h"

namespace mandelbrot {
namespace {

using testing::ScratchDir;

TEST(FileReader, ReadsAWholeFile) {
  ScratchDir dir;
  std::ofstream(dir.file("a.txt")) << "1,2,3";
  std::vector<uint8_t> bytes;
  ASSERT_TRUE(read_file(dir.file("a.txt"), 100, "", &bytes).ok());
  EXPECT_EQ(std::string(bytes.begin(), bytes.end()), "1,2,3");
}

TEST(FileReader, SaysWhatIsWrong) {
  ScratchDir dir;
  std::vector<uint8_t> bytes;
  const Status missing = read_file(dir.file("none"), 100, "A", &bytes);
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.message().rfind("cannot read A from '" + dir.file("none") + "'", 0), 0u)
      << missing.message();
  const Status directory = read_file(dir.path().string(), 100, "", &bytes);
  EXPECT_EQ(directory.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(directory.message().find("it is a directory"), std::string::npos);
}

TEST(FileReader, StopsAtTheLimit) {
  ScratchDir dir;
  std::ofstream(dir.file("big")) << std::string(101, 'x');
  std::vector<uint8_t> bytes;
  EXPECT_TRUE(read_file(dir.file("big"), 101, "", &bytes).ok());
  const Status s = read_file(dir.file("big"), 100, "", &bytes);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("101 bytes"), std::string::npos) << s.message();
  // An endless source stops at the limit instead of filling memory.
  const Status endless = read_file("/dev/zero", 1 << 20, "", &bytes);
  EXPECT_EQ(endless.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(endless.message().find("more than"), std::string::npos) << endless.message();
}

TEST(FileReader, AFifoWithoutAWriterReadsAsEmpty) {
  ScratchDir dir;
  ASSERT_EQ(::mkfifo(dir.file("fifo").c_str(), 0600), 0);
  std::vector<uint8_t> bytes{1, 2};
  ASSERT_TRUE(read_file(dir.file("fifo"), 100, "", &bytes).ok());
  EXPECT_TRUE(bytes.empty());
}

}  // namespace
}  // namespace mandelbrot
