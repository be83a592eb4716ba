#include "base/output_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "test_support.h"

namespace mandelbrot {
namespace {

using testing::ScratchDir;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(OutputFile, CommitMakesTheFileAppear) {
  ScratchDir dir;
  std::unique_ptr<OutputFile> file;
  ASSERT_TRUE(OutputFile::open(dir.file("a.raw"), &file).ok());
  ASSERT_TRUE(file->write("hello ", 6).ok());
  // The bytes go to a hidden temporary beside the target until commit().
  EXPECT_EQ(file->temp_path().rfind(dir.file(".a.raw.tmp-"), 0), 0u);
  EXPECT_FALSE(std::filesystem::exists(dir.file("a.raw")));
  std::string big(3 << 20, 'x');  // larger than the buffer
  ASSERT_TRUE(file->write(big.data(), big.size()).ok());
  ASSERT_TRUE(file->commit().ok());
  EXPECT_EQ(read_file(dir.file("a.raw")), "hello " + big);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"a.raw"});
}

TEST(OutputFile, CommittedFileHasTheUsualPermissions) {
  ScratchDir dir;
  const mode_t old_mask = umask(022);
  std::unique_ptr<OutputFile> file;
  ASSERT_TRUE(OutputFile::open(dir.file("p.png"), &file).ok());
  ASSERT_TRUE(file->commit().ok());
  umask(old_mask);
  struct stat info = {};
  ASSERT_EQ(stat(dir.file("p.png").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0644u);
}

TEST(OutputFile, WithoutCommitTheOldFileStaysAndNoTemporaryRemains) {
  ScratchDir dir;
  write_file(dir.file("keep.png"), "old contents");
  {
    std::unique_ptr<OutputFile> file;
    ASSERT_TRUE(OutputFile::open(dir.file("keep.png"), &file).ok());
    ASSERT_TRUE(file->write("new", 3).ok());
    ASSERT_TRUE(file->flush().ok());
  }
  EXPECT_EQ(read_file(dir.file("keep.png")), "old contents");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"keep.png"});
}

TEST(OutputFile, CommitReplacesAnExistingFile) {
  ScratchDir dir;
  write_file(dir.file("x.pbm"), "old");
  std::unique_ptr<OutputFile> file;
  ASSERT_TRUE(OutputFile::open(dir.file("x.pbm"), &file).ok());
  ASSERT_TRUE(file->write("new", 3).ok());
  ASSERT_TRUE(file->commit().ok());
  EXPECT_EQ(read_file(dir.file("x.pbm")), "new");
}

TEST(OutputFile, WritesSpecialFilesDirectlyAndLeavesThemInPlace) {
  // A private FIFO, not /dev/null: a regression must not damage the machine.
  ScratchDir dir;
  const std::string fifo = dir.file("pipe");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const int holder = ::open(fifo.c_str(), O_RDWR);  // a reader, so opening does not block
  ASSERT_GE(holder, 0);
  std::unique_ptr<OutputFile> file;
  ASSERT_TRUE(OutputFile::open(fifo, &file).ok());
  EXPECT_TRUE(file->temp_path().empty());
  ASSERT_TRUE(file->write("data", 4).ok());
  ASSERT_TRUE(file->commit().ok());
  char received[4] = {};
  EXPECT_EQ(::read(holder, received, 4), 4);
  EXPECT_EQ(std::string(received, 4), "data");
  ::close(holder);
  struct stat info = {};
  ASSERT_EQ(stat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode)) << "the FIFO was replaced by a file";
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"pipe"});
}

TEST(OutputFile, RefusesADirectory) {
  ScratchDir dir;
  std::filesystem::create_directory(dir.file("sub"));
  std::unique_ptr<OutputFile> file;
  const Status s = OutputFile::open(dir.file("sub"), &file);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kIOError);
  EXPECT_NE(s.message().find("is a directory"), std::string::npos);
  EXPECT_FALSE(OutputFile::open(dir.file("sub") + "/", &file).ok());
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"sub"});
}

TEST(OutputFile, NamesAMissingDirectory) {
  ScratchDir dir;
  std::unique_ptr<OutputFile> file;
  const Status s = OutputFile::open(dir.file("nope/out.png"), &file);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("does not exist"), std::string::npos);
  EXPECT_NE(s.message().find(dir.file("nope")), std::string::npos);
}

TEST(OutputFile, NamesAPathThroughAFile) {
  ScratchDir dir;
  write_file(dir.file("plain"), "");
  std::unique_ptr<OutputFile> file;
  const Status s = OutputFile::open(dir.file("plain/out.png"), &file);
  EXPECT_NE(s.message().find("not a directory"), std::string::npos);
}

}  // namespace
}  // namespace mandelbrot
