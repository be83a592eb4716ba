// The yardstick for the exact (no-shortcut) path: the simplest hand-written
// AVX-512 loop of the exact semantics (docs/SEMANTICS.md), with no shortcut and
// no repacking, beside the project's kernel with shortcuts off, both in loop
// passes of the exact semantics per second (as `mandelbrot bench` counts them).
//   build/ci/benchmarks/mandelbrot_benchmark --benchmark_filter='Exact'
#include <benchmark/benchmark.h>
#include <immintrin.h>

#include <cstdint>
#include <string>
#include <vector>

#include "kernel/kernel.h"

namespace mandelbrot {
namespace {

// The default view at 512x512 and 1000 iterations, one thread, as BM_Kernel.
KernelParams micro_view() {
  KernelParams p;
  p.width = p.height = 512;
  p.iterations = 1000;
  return p;
}

// Loop passes of the exact semantics: every step, plus the failed check of a
// point that escaped (the numerator of bench's Giter/s).
double loop_passes(const KernelParams& p, const std::vector<int32_t>& counts) {
  double passes = 0;
  for (int32_t c : counts) passes += c == p.iterations - 1 ? p.iterations : c + 2;
  return passes;
}

// kVectors independent vectors of 8 lanes stepped together until every lane
// stopped: the step of docs/SEMANTICS.md in its order, Mul/Add/Sub only (no FMA),
// the check first, a lane's count frozen at its first failed check. Columns
// past the row's end are masked off from the start.
template <int kVectors>
__attribute__((target("avx512f"))) void micro_row(const KernelParams& p, int32_t row,
                                                  int32_t* out) {
  const __m512d ci = _mm512_set1_pd(p.y_at(row));
  const __m512d b2 = _mm512_set1_pd(p.bailout * p.bailout);
  for (int32_t j0 = 0; j0 < p.width; j0 += 8 * kVectors) {
    __m512d cr[kVectors], zr[kVectors], zi[kVectors], count[kVectors];
    __mmask8 active[kVectors];
    for (int v = 0; v < kVectors; ++v) {
      alignas(64) double xs[8];
      for (int l = 0; l < 8; ++l) {
        const int32_t j = j0 + 8 * v + l;
        xs[l] = j < p.width ? p.x_at(j) : 0.0;
      }
      const int32_t left = p.width - (j0 + 8 * v);
      active[v] = left >= 8 ? 0xff : left <= 0 ? 0 : static_cast<__mmask8>((1u << left) - 1);
      cr[v] = _mm512_load_pd(xs);
      zr[v] = zi[v] = count[v] = _mm512_setzero_pd();
    }
    __m512d n = _mm512_setzero_pd();
    const __m512d one = _mm512_set1_pd(1.0);
    for (int32_t k = 0; k < p.iterations; ++k) {
      unsigned any = 0;
      for (int v = 0; v < kVectors; ++v) {
        const __m512d x2 = _mm512_mul_pd(zr[v], zr[v]);
        const __m512d y2 = _mm512_mul_pd(zi[v], zi[v]);
        active[v] = _mm512_mask_cmp_pd_mask(active[v], _mm512_add_pd(x2, y2), b2, _CMP_LE_OQ);
        count[v] = _mm512_mask_mov_pd(count[v], active[v], n);
        const __m512d t = _mm512_add_pd(_mm512_sub_pd(x2, y2), cr[v]);
        zi[v] = _mm512_add_pd(_mm512_mul_pd(_mm512_add_pd(zr[v], zr[v]), zi[v]), ci);
        zr[v] = t;
        any |= active[v];
      }
      if (any == 0) break;
      n = _mm512_add_pd(n, one);
    }
    for (int v = 0; v < kVectors; ++v) {
      alignas(64) double c[8];
      _mm512_store_pd(c, count[v]);
      for (int l = 0; l < 8 && j0 + 8 * v + l < p.width; ++l) {
        out[j0 + 8 * v + l] = static_cast<int32_t>(c[l]);
      }
    }
  }
}

void set_rate(benchmark::State& state, double passes_per_run) {
  state.counters["Giter/s"] = benchmark::Counter(
      passes_per_run * static_cast<double>(state.iterations()) / 1e9, benchmark::Counter::kIsRate);
}

template <int kVectors>
void BM_ExactMicroKernel(benchmark::State& state) {
  if (!__builtin_cpu_supports("avx512f")) {
    state.SkipWithError("this CPU has no AVX-512");
    return;
  }
  const KernelParams p = micro_view();
  std::vector<int32_t> reference(static_cast<size_t>(p.width) * p.height);
  render_rows_scalar(p, 0, p.height, reference.data());
  std::vector<int32_t> out(reference.size());
  for (int32_t r = 0; r < p.height; ++r) micro_row<kVectors>(p, r, out.data() + r * p.width);
  if (out != reference) {
    state.SkipWithError("the micro-kernel's counts differ from the scalar reference");
    return;
  }
  for (auto _ : state) {
    for (int32_t r = 0; r < p.height; ++r) micro_row<kVectors>(p, r, out.data() + r * p.width);
    benchmark::DoNotOptimize(out.data());
  }
  set_rate(state, loop_passes(p, reference));
}

// The project's kernel on the same view with every shortcut off, same rate.
void BM_ExactProjectKernel(benchmark::State& state, const std::string& name) {
  Kernel kernel;
  if (!choose_kernel(name, false, &kernel).ok()) {
    state.SkipWithError("kernel not available");
    return;
  }
  const KernelParams p = micro_view();
  std::vector<int32_t> reference(static_cast<size_t>(p.width) * p.height);
  render_rows_scalar(p, 0, p.height, reference.data());
  std::vector<int32_t> out(reference.size());
  for (auto _ : state) {
    render_rows(p, kernel, 0, p.height, 1, out.data());
    benchmark::DoNotOptimize(out.data());
  }
  set_rate(state, loop_passes(p, reference));
}

BENCHMARK(BM_ExactMicroKernel<1>)
    ->Name("Exact/micro-avx512/1-vector")
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExactMicroKernel<2>)
    ->Name("Exact/micro-avx512/2-vectors")
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExactMicroKernel<3>)
    ->Name("Exact/micro-avx512/3-vectors")
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExactMicroKernel<4>)
    ->Name("Exact/micro-avx512/4-vectors")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ExactProjectKernel, avx512, std::string("avx512"))
    ->Name("Exact/project-avx512/no-shortcuts")
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mandelbrot
