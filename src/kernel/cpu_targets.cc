#include "kernel/cpu_targets.h"

#include <hwy/targets.h>

namespace mandelbrot {
namespace {

// libgcc's checks include the operating system's support (XCR0) for the AVX
// and AVX-512 register state.
bool runs_ssse3() {
  return __builtin_cpu_supports("sse2") && __builtin_cpu_supports("sse3") &&
         __builtin_cpu_supports("ssse3");
}
bool runs_sse4() {
  return runs_ssse3() && __builtin_cpu_supports("sse4.1") && __builtin_cpu_supports("sse4.2") &&
         __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("aes");
}
bool runs_avx2() {
  return runs_sse4() && __builtin_cpu_supports("avx") && __builtin_cpu_supports("avx2") &&
         __builtin_cpu_supports("lzcnt") && __builtin_cpu_supports("bmi") &&
         __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("fma") &&
         __builtin_cpu_supports("f16c");
}
bool runs_avx3() {
  return runs_avx2() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
         __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw");
}
bool runs_avx3_dl() {
  return runs_avx3() && __builtin_cpu_supports("avx512vnni") &&
         __builtin_cpu_supports("vpclmulqdq") && __builtin_cpu_supports("avx512vbmi") &&
         __builtin_cpu_supports("avx512vbmi2") && __builtin_cpu_supports("vaes") &&
         __builtin_cpu_supports("avx512vpopcntdq") && __builtin_cpu_supports("avx512bitalg");
}

}  // namespace

bool cpu_runs_target(int64_t target) {
  __builtin_cpu_init();
  switch (target) {
    case HWY_AVX3_DL:
      return runs_avx3_dl();
    case HWY_AVX3:
      return runs_avx3();
    case HWY_AVX2:
      return runs_avx2();
    case HWY_SSE4:
      return runs_sse4();
    case HWY_SSSE3:
      return runs_ssse3();
    case HWY_EMU128:
    case HWY_SCALAR:
      return true;
  }
  return false;
}

}  // namespace mandelbrot
