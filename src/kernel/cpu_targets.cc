#include "kernel/cpu_targets.h"

#include <cpuid.h>

#include <hwy/targets.h>

namespace mandelbrot {
namespace {

// Bit `bit` of register ECX of CPUID leaf `leaf`, subleaf 0: for the features
// that clang's __builtin_cpu_supports does not name (lzcnt, f16c, vaes), so
// that this file builds with both compilers (the `fuzz` preset uses clang).
bool cpuid_ecx_bit(unsigned leaf, int bit) {
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  return __get_cpuid_count(leaf, 0, &eax, &ebx, &ecx, &edx) != 0 && ((ecx >> bit) & 1) != 0;
}
bool runs_lzcnt() { return cpuid_ecx_bit(0x80000001, 5); }  // ABM
bool runs_f16c() { return cpuid_ecx_bit(1, 29); }
bool runs_vaes() { return cpuid_ecx_bit(7, 9); }

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
         runs_lzcnt() && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2") &&
         __builtin_cpu_supports("fma") && runs_f16c();
}
bool runs_avx3() {
  return runs_avx2() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
         __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw");
}
bool runs_avx3_dl() {
  return runs_avx3() && __builtin_cpu_supports("avx512vnni") &&
         __builtin_cpu_supports("vpclmulqdq") && __builtin_cpu_supports("avx512vbmi") &&
         __builtin_cpu_supports("avx512vbmi2") && runs_vaes() &&
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
