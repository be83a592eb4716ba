#include "tools/bench.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kernel/kernel.h"

namespace mandelbrot {
namespace {

TEST(Bench, MeasuresTheReferenceAndTheKernelBothWays) {
  BenchOptions o;
  o.size = 48;
  o.iterations = 200;
  o.threads = 2;
  o.repeats = 1;
  BenchReport r;
  ASSERT_TRUE(run_bench(o, &r).ok());
  ASSERT_EQ(r.runs.size(), 3u);
  EXPECT_EQ(r.runs[0].kernel, "scalar");
  EXPECT_EQ(r.runs[0].threads, 1);
  EXPECT_EQ(r.runs[1].kernel, kernel_names().front());
  EXPECT_FALSE(r.runs[1].shortcuts);
  EXPECT_TRUE(r.runs[2].shortcuts);
  EXPECT_EQ(r.runs[2].threads, 2);
  EXPECT_EQ(r.pixels, 48 * 48);
  // Loop passes: every pixel takes at least 2 (count 0 fails at step 1) and
  // at most `iterations`.
  EXPECT_GE(r.iterations, 2 * r.pixels);
  EXPECT_LE(r.iterations, 200 * r.pixels);
  for (const BenchRun& run : r.runs) EXPECT_GT(run.seconds, 0);

  const auto j = nlohmann::json::parse(bench_json(r));
  EXPECT_EQ(j["runs"].size(), 3u);
  EXPECT_EQ(j["runs"][0]["speedup"], 1.0);
  EXPECT_EQ(j["loop_passes"], r.iterations);
  EXPECT_NE(bench_text(r).find("vs scalar"), std::string::npos);
}

TEST(Bench, RejectsAnUnknownKernel) {
  BenchOptions o;
  o.kernel = "nope";
  BenchReport r;
  EXPECT_TRUE(run_bench(o, &r).code() == StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace mandelbrot
