#include "kernel/cpu_targets.h"

#include <gtest/gtest.h>
#include <hwy/targets.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace mandelbrot {
namespace {

// The CPU flags the kernel reports to /proc/cpuinfo: an independent account
// of what this CPU and OS run.
std::set<std::string> cpuinfo_flags() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("flags", 0) == 0) {
      std::istringstream words(line.substr(line.find(':') + 1));
      std::set<std::string> flags;
      for (std::string w; words >> w;) flags.insert(w);
      return flags;
    }
  }
  return {};
}

bool has_all(const std::set<std::string>& flags, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    if (!flags.count(n)) return false;
  }
  return true;
}

TEST(CpuTargets, FallbacksAlwaysRunAndUnknownTargetsNever) {
  EXPECT_TRUE(cpu_runs_target(HWY_EMU128));
  EXPECT_TRUE(cpu_runs_target(HWY_SCALAR));
  EXPECT_FALSE(cpu_runs_target(0));
  EXPECT_FALSE(cpu_runs_target(HWY_NEON));  // an Arm target
}

TEST(CpuTargets, BetterTargetsImplyTheLesserOnes) {
  EXPECT_TRUE(!cpu_runs_target(HWY_AVX3_DL) || cpu_runs_target(HWY_AVX3));
  EXPECT_TRUE(!cpu_runs_target(HWY_AVX3) || cpu_runs_target(HWY_AVX2));
  EXPECT_TRUE(!cpu_runs_target(HWY_AVX2) || cpu_runs_target(HWY_SSE4));
  EXPECT_TRUE(!cpu_runs_target(HWY_SSE4) || cpu_runs_target(HWY_SSSE3));
}

TEST(CpuTargets, AgreeWithProcCpuinfo) {
  const std::set<std::string> f = cpuinfo_flags();
  ASSERT_FALSE(f.empty()) << "no flags line in /proc/cpuinfo";
  const bool ssse3 = has_all(f, {"sse2", "pni", "ssse3"});
  const bool sse4 = ssse3 && has_all(f, {"sse4_1", "sse4_2", "pclmulqdq", "aes"});
  // LZCNT ("abm") is left out: some virtual machines' kernels do not list it
  // although CPUID reports it (this CI machine's does not).
  const bool avx2 = sse4 && has_all(f, {"avx", "avx2", "bmi1", "bmi2", "fma", "f16c"});
  const bool avx3 = avx2 && has_all(f, {"avx512f", "avx512vl", "avx512dq", "avx512bw"});
  const bool avx3_dl =
      avx3 && has_all(f, {"avx512_vnni", "vpclmulqdq", "avx512vbmi", "avx512_vbmi2", "vaes",
                          "avx512_vpopcntdq", "avx512_bitalg"});
  EXPECT_EQ(cpu_runs_target(HWY_SSSE3), ssse3);
  EXPECT_EQ(cpu_runs_target(HWY_SSE4), sse4);
  EXPECT_EQ(cpu_runs_target(HWY_AVX2), avx2);
  EXPECT_EQ(cpu_runs_target(HWY_AVX3), avx3);
  EXPECT_EQ(cpu_runs_target(HWY_AVX3_DL), avx3_dl);
}

}  // namespace
}  // namespace mandelbrot
