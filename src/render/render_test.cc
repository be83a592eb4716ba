#include "render/render.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace mandelbrot {
namespace {

using testing::ScratchDir;

std::vector<char> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

RenderPlan plan_for(const std::string& output, const char* width, const char* height,
                    const char* iterations) {
  RenderOptions o;
  o.output = output;
  o.width = width;
  o.height = height;
  o.iterations = iterations;
  o.threads = "2";
  RenderPlan plan;
  EXPECT_TRUE(make_render_plan(o, &plan).ok());
  return plan;
}

TEST(Render, BandRowsKeepBandsNear1MiB) {
  EXPECT_EQ(band_rows(400, 400), 400);
  EXPECT_EQ(band_rows(4096, 4096), 64);
  EXPECT_EQ(band_rows(65536, 65536), 4);
  EXPECT_EQ(band_rows(1 << 20, 10), 1);
  EXPECT_EQ(band_rows(1 << 24, 10), 1);
}

TEST(Render, RawOutputIsTheKernelsCountsOverManyBands) {
  ScratchDir dir;
  // 65536 wide gives 4-row bands, so 150 rows take 38 bands, the last partial.
  RenderPlan plan = plan_for(dir.file("wide.raw"), "65536", "150", "3");
  plan.json = true;  // so that the statistics are gathered
  ASSERT_EQ(band_rows(plan.params.width, plan.params.height), 4);
  RenderReport report;
  ASSERT_TRUE(render_to_output(plan, &report).ok());

  std::vector<int32_t> expected(size_t{65536} * 150);
  render_rows_scalar(plan.params, 0, 150, expected.data());
  const std::vector<char> bytes = read_file(dir.file("wide.raw"));
  ASSERT_EQ(bytes.size(), expected.size() * 4);
  EXPECT_EQ(std::memcmp(bytes.data(), expected.data(), bytes.size()), 0);
  EXPECT_EQ(report.stats.pixels(), 65536 * 150);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"wide.raw"});
}

TEST(Render, StatisticsAndHashOnlyWhenShown) {
  ScratchDir dir;
  RenderPlan plan = plan_for(dir.file("q.raw"), "40", "30", "50");
  RenderReport report;
  ASSERT_TRUE(render_to_output(plan, &report).ok());
  EXPECT_EQ(report.stats.pixels(), 0);  // raw output without --json or --hash
  EXPECT_EQ(report.hash, "");
  plan.hash = true;
  ASSERT_TRUE(render_to_output(plan, &report).ok());
  EXPECT_EQ(report.hash.rfind("xxh3-128:", 0), 0u);
}

TEST(Render, RangePassFollowsFormatScaleAndSize) {
  ScratchDir dir;
  RenderPlan plan = plan_for(dir.file("a.png"), "64", "32", "50");
  EXPECT_EQ(range_pass(plan), RangePass::kHeld);
  plan.held_counts_limit = 64 * 32 * 4 - 1;
  EXPECT_EQ(range_pass(plan), RangePass::kTwoPasses);
  plan.scale = ColourScale::kFixed;
  EXPECT_EQ(range_pass(plan), RangePass::kNone);
  EXPECT_EQ(range_pass(plan_for(dir.file("a.exr"), "64", "32", "50")), RangePass::kHeld);
  plan = plan_for(dir.file("a.ppm"), "64", "32", "50");
  EXPECT_EQ(range_pass(plan), RangePass::kHeld);
  // The smooth colouring needs the image's range, its cyclic gradient does not
  // (docs/SEMANTICS.md, "Cyclic gradients").
  plan.colouring = Colouring::kSmooth;
  EXPECT_EQ(range_pass(plan), RangePass::kHeld);
  plan.palette.period = 10.0;
  EXPECT_EQ(range_pass(plan), RangePass::kNone);
  for (const char* name : {"a.raw", "a.npy", "a.pgm", "a.pbm"}) {
    EXPECT_EQ(range_pass(plan_for(dir.file(name), "64", "32", "50")), RangePass::kNone) << name;
  }
}

TEST(Render, ColouringsWriteTheSameBytesHeldOrTwicePassedForAnyThreads) {
  // docs/SEMANTICS.md, "Colouring methods": the image-wide quantities are the
  // same whichever way the range is known; distance colours each pixel alone.
  ScratchDir dir;
  for (Colouring colouring : {Colouring::kSmooth, Colouring::kHistogram, Colouring::kDistance}) {
    std::vector<std::vector<char>> files;
    for (uint64_t limit : {uint64_t{1} << 30, uint64_t{0}}) {
      for (int threads : {1, 3}) {
        const std::string path = dir.file(fmt::format("c{}{}.png", limit, threads));
        RenderPlan plan = plan_for(path, "1000", "300", "150");
        plan.colouring = colouring;
        plan.channels = channels_of(colouring);
        plan.params.bailout = 256;
        plan.held_counts_limit = limit;
        plan.threads = threads;
        EXPECT_EQ(range_pass(plan), colouring == Colouring::kDistance ? RangePass::kNone
                                    : limit == 0                      ? RangePass::kTwoPasses
                                                                      : RangePass::kHeld);
        RenderReport report;
        ASSERT_TRUE(render_to_output(plan, &report).ok());
        files.push_back(read_file(path));
      }
    }
    // Which render differs, and where, so that a rare difference can be traced.
    for (size_t i = 1; i < files.size(); ++i) {
      const auto [a, b] =
          std::mismatch(files[i].begin(), files[i].end(), files[0].begin(), files[0].end());
      EXPECT_TRUE(a == files[i].end() && b == files[0].end())
          << colouring_name(colouring) << ": render " << i << " (limit " << (i < 2 ? "2^30" : "0")
          << ", " << (i % 2 ? 3 : 1) << " threads) differs from the "
          << "first at byte " << (a - files[i].begin()) << " of " << files[i].size() << " and "
          << files[0].size();
    }
  }
}

TEST(Render, HeldAndTwoPassRendersWriteTheSameBytesForAnyThreads) {
  // 1000 wide gives 262-row bands: 700 rows take 3 bands, the last partial.
  ScratchDir dir;
  std::vector<std::vector<char>> files;
  std::vector<std::string> hashes;
  for (const char* format : {"exr", "png", "ppm"}) {  // exr: its R, G, B are coloured too
    for (uint64_t limit : {uint64_t{1} << 30, uint64_t{0}}) {
      for (int threads : {1, 2}) {
        const std::string path = dir.file(fmt::format("x{}{}.{}", limit, threads, format));
        RenderPlan plan = plan_for(path, "1000", "700", "200");
        plan.held_counts_limit = limit;
        plan.threads = threads;
        plan.hash = true;
        RenderReport report;
        ASSERT_TRUE(render_to_output(plan, &report).ok());
        files.push_back(read_file(path));
        hashes.push_back(report.hash);
        EXPECT_EQ(report.stats.pixels(), 1000 * 700);
      }
    }
    for (size_t i = files.size() - 4; i < files.size(); ++i) {
      EXPECT_EQ(files[i], files[files.size() - 4]) << format << " " << i;
    }
  }
  for (const std::string& hash : hashes) EXPECT_EQ(hash, hashes[0]);
  // The PNG's pixels are the PPM's (its last 3 * 1000 * 700 bytes), and the
  // image scale spans the whole map: black-red hot[0] and white both occur.
  const std::vector<char>& ppm = files.back();
  const size_t pixels = size_t{1000} * 700;
  ASSERT_GT(ppm.size(), 3 * pixels);
  const auto* rgb = reinterpret_cast<const uint8_t*>(ppm.data() + ppm.size() - 3 * pixels);
  bool first = false, last = false;
  const std::span<const Rgb> hot = colour_table(ColourMapKind::kHot);
  for (size_t i = 0; i < pixels; ++i) {
    const Rgb c{rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]};
    first = first || c == hot[0];
    last = last || c == hot[255];
  }
  EXPECT_TRUE(first);
  EXPECT_TRUE(last);
}

TEST(Render, ReportHasEveryParameterAndTheStatistics) {
  ScratchDir dir;
  RenderPlan plan = plan_for(dir.file("r.npy"), "40", "30", "50");
  plan.json = true;  // the statistics and the hash are gathered for --json
  RenderReport report;
  ASSERT_TRUE(render_to_output(plan, &report).ok());
  const auto j = nlohmann::json::parse(render_report_json(report));
  EXPECT_EQ(j["hash"].get<std::string>().rfind("xxh3-128:", 0), 0u);
  EXPECT_EQ(j["width"], 40);
  EXPECT_EQ(j["height"], 30);
  EXPECT_EQ(j["iterations"], 50);
  EXPECT_EQ(j["region"]["ymax"], 1.5);
  EXPECT_EQ(j["bailout"], 10.0);
  EXPECT_EQ(j["threads"], 2);
  EXPECT_EQ(j["format"], "npy");
  EXPECT_EQ(j["colormap"], "hot");
  EXPECT_EQ(j["output"], dir.file("r.npy"));
  EXPECT_EQ(j["max_count"], 49);
  EXPECT_GE(j["min_count"].get<int>(), 0);
  EXPECT_GT(j["inside_fraction"].get<double>(), 0.1);
  EXPECT_LT(j["inside_fraction"].get<double>(), 0.5);
  EXPECT_GE(j["render_seconds"].get<double>(), 0.0);
  EXPECT_GE(j["encode_seconds"].get<double>(), 0.0);
  EXPECT_TRUE(j.contains("version"));
}

TEST(Render, AFailedCheckLeavesNoFile) {
  ScratchDir dir;
  RenderOptions o;
  o.output = dir.file("deep.pgm");
  o.iterations = "70000";
  o.size = "4";
  RenderPlan plan;
  ASSERT_TRUE(make_render_plan(o, &plan).ok());
  RenderReport report;
  const Status s = render_to_output(plan, &report);
  EXPECT_TRUE(s.code() == StatusCode::kInvalidArgument);
  EXPECT_TRUE(dir.entries().empty());
}

TEST(Render, SupersampledRendersWriteTheSameBytesHeldTwiceOrStreamedForAnyThreads) {
  // docs/SEMANTICS.md, "Supersampling": 400 x 233 at N = 3 is a 1200 x 699
  // grid in bands of 216 sample rows (72 pixel rows): 4 bands, the last partial.
  ScratchDir dir;
  for (const char* format : {"png", "ppm"}) {
    for (Colouring colouring : {Colouring::kLog, Colouring::kSmooth, Colouring::kHistogram}) {
      std::vector<std::vector<char>> files;
      for (uint64_t limit : {uint64_t{1} << 30, uint64_t{0}}) {
        for (int threads : {1, 3}) {
          const std::string path = dir.file(fmt::format("s{}{}.{}", limit, threads, format));
          RenderOptions o;
          o.output = path;
          o.width = std::string("400");
          o.height = std::string("233");
          o.iterations = std::string("150");
          o.supersample = std::string("3");
          o.colouring = std::string(colouring_name(colouring));
          RenderPlan plan;
          ASSERT_TRUE(make_render_plan(o, &plan).ok());
          EXPECT_EQ(plan_band_rows(plan), 216);
          plan.held_counts_limit = limit;
          plan.threads = threads;
          EXPECT_EQ(range_pass(plan), limit == 0 ? RangePass::kTwoPasses : RangePass::kHeld);
          RenderReport report;
          ASSERT_TRUE(render_to_output(plan, &report).ok());
          EXPECT_EQ(report.stats.pixels(), 1200 * 699);  // every sample
          files.push_back(read_file(path));
        }
      }
      for (const std::vector<char>& file : files) {
        EXPECT_EQ(file, files[0]) << format << " " << colouring_name(colouring);
      }
      if (std::string(format) == "ppm") {
        const std::string header = "P6\n400 233\n255\n";
        ASSERT_EQ(files[0].size(), header.size() + 3 * 400 * 233);
        EXPECT_EQ(std::string(files[0].begin(), files[0].begin() + header.size()), header);
      }
    }
  }
}

}  // namespace
}  // namespace mandelbrot
