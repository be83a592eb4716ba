#include "video/frame_manifest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <vector>

#include "base/content_hash.h"

namespace mandelbrot {
namespace {

class FrameManifestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char name[] = "/tmp/frame_manifest_XXXXXX";
    ASSERT_NE(mkdtemp(name), nullptr);
    dir_ = name;
  }
  void TearDown() override {
    for (const std::string& f : {std::string("m.jsonl"), std::string("f.raw")}) {
      std::remove((dir_ + "/" + f).c_str());
    }
    rmdir(dir_.c_str());
  }
  std::string dir_;
};

FrameRecord record(const std::string& file, int iterations) {
  return {file, "{\"iterations\":" + std::to_string(iterations) + ",\"format\":\"png\"}",
          "xxh3-128:c", "xxh3-128:f"};
}

TEST_F(FrameManifestTest, AppendsAndReadsTheLatestRecordOfEachFile) {
  const std::string path = dir_ + "/m.jsonl";
  std::map<std::string, FrameRecord> records;
  ASSERT_TRUE(read_manifest(path, &records).ok());  // none yet
  EXPECT_TRUE(records.empty());
  ASSERT_TRUE(append_manifest(path, record("0.png", 10)).ok());
  ASSERT_TRUE(append_manifest(path, record("1.png", 10)).ok());
  ASSERT_TRUE(append_manifest(path, record("0.png", 20)).ok());
  ASSERT_TRUE(read_manifest(path, &records).ok());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records["0.png"].request, "{\"iterations\":20,\"format\":\"png\"}");
  EXPECT_EQ(records["1.png"].counts_hash, "xxh3-128:c");

  ASSERT_TRUE(write_manifest(path, {record("5.png", 3)}).ok());
  ASSERT_TRUE(read_manifest(path, &records).ok());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records.count("5.png"), 1u);
}

TEST_F(FrameManifestTest, SkipsALineCutShortOrEdited) {
  const std::string path = dir_ + "/m.jsonl";
  ASSERT_TRUE(append_manifest(path, record("0.png", 10)).ok());
  {
    std::ofstream out(path, std::ios::app);
    out << "not json\n{\"file\":\"2.png\"}\n{\"file\":\"1.png\",\"request\":{},\"counts_h";
  }
  std::map<std::string, FrameRecord> records;
  ASSERT_TRUE(read_manifest(path, &records).ok());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records.count("0.png"), 1u);
}

TEST_F(FrameManifestTest, FileHashIsTheHashOfTheBytes) {
  // A raw file's bytes are its counts as int32 little-endian: the two hashes agree.
  const std::vector<int32_t> counts = {0, 1, 99, -5, 123456};
  const std::string path = dir_ + "/f.raw";
  {
    std::ofstream out(path, std::ios::binary);
    for (int32_t c : counts) {
      const auto v = static_cast<uint32_t>(c);
      for (int b = 0; b < 4; ++b) out.put(static_cast<char>(v >> (8 * b)));
    }
  }
  ContentHash expected;
  expected.add(counts);
  std::string hash;
  ASSERT_TRUE(file_hash(path, &hash).ok());
  EXPECT_EQ(hash, expected.text());
  EXPECT_EQ(file_hash(dir_ + "/missing.raw", &hash).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace mandelbrot
