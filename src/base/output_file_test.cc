#include "base/output_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
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
  // The bytes go to an unnamed temporary (O_TMPFILE) until commit(): nothing
  // in the directory, so a killed process leaves nothing (issue 13, item 23).
  EXPECT_TRUE(file->temp_path().empty());
  EXPECT_TRUE(dir.entries().empty());
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

TEST(OutputFile, ANamedTemporaryCanBeWrittenByAnotherOpenAndIsRenamedOnCommit) {
  ScratchDir dir;
  const std::string path = dir.file("out.raw");
  write_file(path, "old");
  std::unique_ptr<OutputFile> file;
  ASSERT_TRUE(OutputFile::open(path, &file, /*named=*/true).ok());
  ASSERT_FALSE(file->temp_path().empty());
  {  // another process's writes, by name
    std::ofstream other(file->temp_path(), std::ios::binary | std::ios::in | std::ios::out);
    other << "new bytes";
  }
  EXPECT_EQ(read_file(path), "old");
  ASSERT_TRUE(file->commit().ok());
  EXPECT_EQ(read_file(path), "new bytes");
  EXPECT_FALSE(std::filesystem::exists(file->temp_path()));
}

TEST(OutputFile, ANamedTemporaryIsRefusedForASpecialFile) {
  std::unique_ptr<OutputFile> file;
  EXPECT_FALSE(OutputFile::open("/dev/null", &file, /*named=*/true).ok());
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

// Issue 13, item 22: a link is followed and stays a link; the file keeps its
// mode; a read-only file is refused, as cp does.
TEST(OutputFile, FollowsLinksKeepsModesAndRefusesReadOnlyFiles) {
  ScratchDir dir;
  write_file(dir.file("target.png"), "old");
  ASSERT_EQ(::chmod(dir.file("target.png").c_str(), 0640), 0);
  ASSERT_EQ(::symlink("target.png", dir.file("link.png").c_str()), 0);
  std::unique_ptr<OutputFile> file;
  ASSERT_TRUE(OutputFile::open(dir.file("link.png"), &file).ok());
  ASSERT_TRUE(file->write("new", 3).ok());
  ASSERT_TRUE(file->commit().ok());
  EXPECT_TRUE(std::filesystem::is_symlink(dir.file("link.png")));
  EXPECT_EQ(read_file(dir.file("target.png")), "new");
  struct stat info = {};
  ASSERT_EQ(::stat(dir.file("target.png").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0640u);
  EXPECT_EQ(dir.entries(), (std::vector<std::string>{"link.png", "target.png"}));

  // A dangling link: its target is created.
  ASSERT_EQ(::symlink("made.png", dir.file("dangling.png").c_str()), 0);
  ASSERT_TRUE(OutputFile::open(dir.file("dangling.png"), &file).ok());
  ASSERT_TRUE(file->commit().ok());
  EXPECT_TRUE(std::filesystem::is_regular_file(dir.file("made.png")));
  EXPECT_TRUE(std::filesystem::is_symlink(dir.file("dangling.png")));

  // Read-only: refused, unless the process may write anything (root), which
  // only this check can tell.
  write_file(dir.file("ro.png"), "keep");
  ASSERT_EQ(::chmod(dir.file("ro.png").c_str(), 0444), 0);
  const Status s = OutputFile::open(dir.file("ro.png"), &file);
  if (::access(dir.file("ro.png").c_str(), W_OK) != 0) {
    EXPECT_NE(s.message().find("it is read-only (mode 0444)"), std::string::npos) << s.message();
  } else {
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(file->commit().ok());
    ASSERT_EQ(::stat(dir.file("ro.png").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0444u);  // root may replace it; the mode stays
  }
}

// Issue 13, item 21: /proc exists; it is not writable.
TEST(OutputFile, SaysWhatIsTrueOfTheDirectory) {
  std::unique_ptr<OutputFile> file;
  const Status s = OutputFile::open("/proc/x.png", &file);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message().find("does not exist"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("cannot create a file in '/proc'"), std::string::npos) << s.message();
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
