#include "tools/verify.h"

#include <gtest/gtest.h>

#include <fstream>

#include "formats/png/png_text.h"
#include "render/render.h"
#include "render/render_params.h"
#include "test_support.h"
#include "tools/compare.h"

namespace mandelbrot {
namespace {

using testing::ScratchDir;

RenderPlan small_plan(const std::string& output, const char* iterations = "50") {
  RenderOptions o;
  o.size = "24";
  o.iterations = iterations;
  o.output = output;
  RenderPlan plan;
  EXPECT_TRUE(make_render_plan(o, &plan).ok());
  return plan;
}

// A 1x1 PNG whose only parameters are `params` (what verify reads).
void write_png_with_params(const std::string& path, const std::string& params) {
  const uint8_t ihdr[13] = {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0};
  const uint8_t idat[10] = {0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01};
  std::ofstream out(path, std::ios::binary);
  out << kPngSignature;
  for (const auto& chunk : {png_chunk("IHDR", ihdr), png_text_chunk(kParamsKeyword, params),
                            png_chunk("IDAT", idat), png_chunk("IEND", {})}) {
    out.write(reinterpret_cast<const char*>(chunk.data()),
              static_cast<std::streamsize>(chunk.size()));
  }
}

TEST(Verify, ARenderVerifiesWithItsOwnHash) {
  ScratchDir dir;
  const RenderPlan plan = small_plan(dir.file("a.png"));
  RenderReport report;
  ASSERT_TRUE(render_to_output(plan, &report).ok());
  VerifyResult result;
  const Status s = verify_file(dir.file("a.png"), &result);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(result.match);
  EXPECT_EQ(result.embedded_hash, report.hash);
  EXPECT_EQ(result.rendered_hash, report.hash);
}

TEST(Verify, AWrongEmbeddedHashIsADifference) {
  ScratchDir dir;
  const RenderPlan plan = small_plan(dir.file("a.png"));
  const std::string wrong = "xxh3-128:00000000000000000000000000000000";
  write_png_with_params(dir.file("b.png"), render_params_json(plan, wrong));
  VerifyResult result;
  ASSERT_TRUE(verify_file(dir.file("b.png"), &result).ok());
  EXPECT_FALSE(result.match);
  EXPECT_EQ(result.embedded_hash, wrong);
  EXPECT_NE(result.rendered_hash, wrong);
}

TEST(Verify, FilesWithoutParametersOrHashCannotBeVerified) {
  ScratchDir dir;
  RenderReport report;
  ASSERT_TRUE(render_to_output(small_plan(dir.file("a.npy")), &report).ok());
  VerifyResult result;
  Status s = verify_file(dir.file("a.npy"), &result);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("has no embedded parameters"), std::string::npos) << s.message();
  write_png_with_params(dir.file("c.png"), R"({"width": 1, "height": 1, "iterations": 5})");
  s = verify_file(dir.file("c.png"), &result);
  EXPECT_NE(s.message().find("has no embedded hash"), std::string::npos) << s.message();
  s = verify_file(dir.file("missing.png"), &result);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
}

TEST(Verify, CompareNamesTheParametersThatDiffer) {
  ScratchDir dir;
  RenderReport report;
  ASSERT_TRUE(render_to_output(small_plan(dir.file("a.png"), "50"), &report).ok());
  ASSERT_TRUE(render_to_output(small_plan(dir.file("b.png"), "20"), &report).ok());
  CompareOptions o;
  o.a = dir.file("a.png");
  o.b = dir.file("b.png");
  CompareResult r;
  ASSERT_TRUE(compare_files(o, &r).ok());
  ASSERT_FALSE(r.match);
  ASSERT_TRUE(r.parameter_differences);
  EXPECT_EQ(*r.parameter_differences, std::vector<std::string>{"iterations: 50 vs 20"});
  EXPECT_NE(compare_text(r).find("embedded parameters differ: iterations: 50 vs 20"),
            std::string::npos)
      << compare_text(r);
  o.b = dir.file("a.png");
  ASSERT_TRUE(compare_files(o, &r).ok());
  EXPECT_TRUE(r.match);
  EXPECT_FALSE(r.parameter_differences);  // only said when the files differ
}

}  // namespace
}  // namespace mandelbrot
