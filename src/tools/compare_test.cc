#include "tools/compare.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace mandelbrot {
namespace {

using testing::ScratchDir;

// A 10x10 raw file of counts: value i at pixel i, then `changes` applied.
std::string write_raw(const ScratchDir& dir, const std::string& name,
                      const std::vector<std::pair<int, int32_t>>& changes = {}) {
  std::vector<int32_t> counts(100);
  for (int i = 0; i < 100; ++i) counts[i] = i;
  for (const auto& [i, v] : changes) counts[i] = v;
  const std::string path = dir.file(name);
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(counts.data()), 400);
  return path;
}

CompareResult compare(const std::string& a, const std::string& b,
                      std::optional<std::string> max_diff = std::nullopt,
                      std::optional<std::string> max_differing = std::nullopt) {
  CompareOptions o;
  o.a = a;
  o.b = b;
  o.width = "10";
  o.height = "10";
  o.max_diff = max_diff;
  o.max_differing = max_differing;
  CompareResult r;
  const Status s = compare_files(o, &r);
  EXPECT_TRUE(s.ok()) << s.message();
  return r;
}

TEST(Compare, IdenticalFilesMatch) {
  ScratchDir dir;
  const CompareResult r = compare(write_raw(dir, "a.raw"), write_raw(dir, "b.raw"));
  EXPECT_TRUE(r.match);
  EXPECT_EQ(r.differing, 0);
  EXPECT_EQ(r.largest_diff, 0);
  EXPECT_EQ(r.pixels, 100);
  EXPECT_FALSE(r.psnr);  // counts have no PSNR
}

TEST(Compare, OnePixelDifferent) {
  ScratchDir dir;
  const CompareResult r = compare(write_raw(dir, "a.raw"), write_raw(dir, "b.raw", {{42, 45}}));
  EXPECT_FALSE(r.match);
  EXPECT_EQ(r.differing, 1);
  EXPECT_EQ(r.largest_diff, 3);
}

TEST(Compare, MaxDiffEdges) {
  ScratchDir dir;
  const std::string a = write_raw(dir, "a.raw");
  const std::string b = write_raw(dir, "b.raw", {{42, 45}});  // differs by exactly 3
  EXPECT_TRUE(compare(a, b, "3").match);                      // at the limit
  EXPECT_EQ(compare(a, b, "3").differing, 0);
  EXPECT_EQ(compare(a, b, "3").differing_at_all, 1);
  EXPECT_FALSE(compare(a, b, "2").match);  // one past it
}

TEST(Compare, PercentagesAreExactWholePixels) {
  // 6.27% of 40000 pixels is 2508 exactly (in doubles: 2507.9999999999995).
  ScratchDir dir;
  std::vector<int32_t> zeros(40000, 0);
  std::vector<int32_t> changed = zeros;
  for (int i = 0; i < 2508; ++i) changed[i] = 1;
  for (const auto& [name, counts] : {std::pair{"a.raw", &zeros}, std::pair{"b.raw", &changed}}) {
    std::ofstream(dir.file(name), std::ios::binary)
        .write(reinterpret_cast<const char*>(counts->data()), 160000);
  }
  CompareOptions o;
  o.a = dir.file("a.raw");
  o.b = dir.file("b.raw");
  o.width = o.height = "200";
  o.max_differing = "6.27%";
  CompareResult r;
  ASSERT_TRUE(compare_files(o, &r).ok());
  EXPECT_EQ(r.max_differing, 2508);
  EXPECT_TRUE(r.match);
  o.max_differing = "6.2699%";  // 2507.96 rounds down
  ASSERT_TRUE(compare_files(o, &r).ok());
  EXPECT_EQ(r.max_differing, 2507);
  EXPECT_FALSE(r.match);
  EXPECT_NE(compare_text(r).find("--max-differing 2507)"), std::string::npos) << compare_text(r);
}

TEST(Compare, HugeDifferencesDoNotOverflow) {
  ScratchDir dir;
  const std::string a = write_raw(dir, "a.raw", {{0, INT32_MIN}, {1, INT32_MIN}});
  const std::string b = write_raw(dir, "b.raw", {{0, INT32_MAX}, {1, INT32_MAX}});
  const CompareResult r = compare(a, b);
  EXPECT_EQ(r.largest_diff, int64_t{INT32_MAX} - INT32_MIN);
  EXPECT_EQ(r.differing, 2);
}

TEST(Compare, RefusesToWriteTheDiffImageOverAnInput) {
  ScratchDir dir;
  const std::string a = write_raw(dir, "a.raw");
  const std::string b = write_raw(dir, "b.raw", {{3, 7}});
  std::ifstream before_file(b, std::ios::binary);
  const std::string before((std::istreambuf_iterator<char>(before_file)), {});
  CompareOptions o;
  o.a = a;
  o.b = b;
  o.width = o.height = "10";
  o.diff_image = dir.path().string() + "/./b.raw";  // the same file, spelled otherwise
  CompareResult r;
  const Status s = compare_files(o, &r);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("is the input"), std::string::npos) << s.message();
  std::ifstream after_file(b, std::ios::binary);
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(after_file)), {}), before);
}

TEST(Compare, MaxDifferingEdges) {
  ScratchDir dir;
  const std::string a = write_raw(dir, "a.raw");
  const std::string b = write_raw(dir, "b.raw", {{1, 50}, {2, 50}});  // two pixels differ
  EXPECT_TRUE(compare(a, b, std::nullopt, "2").match);
  EXPECT_FALSE(compare(a, b, std::nullopt, "1").match);
  EXPECT_TRUE(compare(a, b, std::nullopt, "2%").match);  // 2% of 100 pixels
  EXPECT_FALSE(compare(a, b, std::nullopt, "1.5%").match);
  EXPECT_TRUE(compare(a, b, "49", "0").match);  // both within --max-diff (49 and 48)
  EXPECT_FALSE(compare(a, b, "48", "0").match);
}

TEST(Compare, ErrorsAreUsageErrors) {
  ScratchDir dir;
  const std::string a = write_raw(dir, "a.raw");
  CompareOptions o;
  o.a = a;
  o.b = dir.file("missing.raw");
  o.width = "10";
  o.height = "10";
  CompareResult r;
  EXPECT_EQ(compare_files(o, &r).code(), StatusCode::kNotFound);
  o.b = a;
  o.height = "5";  // the file has 100 counts, not 50
  EXPECT_TRUE(compare_files(o, &r).code() == StatusCode::kInvalidArgument);
  o.height = "10";
  o.max_differing = "abc";
  EXPECT_TRUE(compare_files(o, &r).code() == StatusCode::kInvalidArgument);
  o.max_differing = "101%";
  EXPECT_TRUE(compare_files(o, &r).code() == StatusCode::kInvalidArgument);
  o.max_differing = "1.5";
  EXPECT_TRUE(compare_files(o, &r).code() == StatusCode::kInvalidArgument);
  o.max_differing.reset();
  o.max_diff = "-1";
  EXPECT_TRUE(compare_files(o, &r).code() == StatusCode::kInvalidArgument);
}

TEST(Compare, JsonAndText) {
  ScratchDir dir;
  const CompareResult r = compare(write_raw(dir, "a.raw"), write_raw(dir, "b.raw", {{0, 7}}));
  const auto j = nlohmann::json::parse(compare_json(r));
  EXPECT_EQ(j["match"], false);
  EXPECT_EQ(j["differing"], 1);
  EXPECT_EQ(j["largest_diff"], 7);
  EXPECT_EQ(j["differing_share"], 0.01);
  EXPECT_EQ(compare_text(r).rfind("DIFFERENT: 10x10 counts, 1 of 100 pixels differ", 0), 0u);
}

}  // namespace
}  // namespace mandelbrot
