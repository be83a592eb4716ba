// Google Benchmark: the kernel per SIMD target (with and without shortcuts),
// each fractal family on each SIMD target, the channels' cost over the counts,
// and each encoder. Speed is measured here and by
// `mandelbrot bench`; the test suite checks exactness only.
//   build/ci/benchmarks/mandelbrot_benchmark --benchmark_filter=Kernel
//   build/ci/benchmarks/mandelbrot_benchmark --benchmark_filter=Family/.*/avx512
//   build/ci/benchmarks/mandelbrot_benchmark --benchmark_filter='Channels/(avx512|scalar)/'
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "buffer/count_buffer.h"
#include "formats/encoders.h"
#include "kernel/kernel.h"

namespace mandelbrot {
namespace {

// Renders p with the kernel `name` on one thread for every benchmark iteration;
// returns the counts (empty when this CPU lacks the kernel).
std::vector<int32_t> time_render(benchmark::State& state, const KernelParams& p,
                                 const std::string& name, bool shortcuts) {
  Kernel kernel;
  if (!choose_kernel(name, shortcuts, &kernel).ok()) {
    state.SkipWithError("kernel not available");
    return {};
  }
  std::vector<int32_t> out(static_cast<size_t>(p.width) * p.height);
  for (auto _ : state) {
    render_rows(p, kernel, 0, p.height, 1, out.data());
    benchmark::DoNotOptimize(out.data());
  }
  return out;
}

// The default view at 512x512 and 1000 iterations, one thread: a per-core
// comparison of the kernels.
void BM_Kernel(benchmark::State& state, const std::string& name, bool shortcuts) {
  KernelParams p;
  p.width = p.height = 512;
  p.iterations = 1000;
  if (time_render(state, p, name, shortcuts).empty()) return;
  state.SetItemsProcessed(state.iterations() * p.width * p.height);  // pixels
}

// Loop passes of the exact semantics over counts (as `mandelbrot bench` counts
// them): c + 2 for a point with count c that escaped (c + 1 steps and the failed
// check), `iterations` for one that never did.
int64_t loop_passes(const std::vector<int32_t>& counts, int32_t iterations) {
  int64_t passes = 0;
  for (int32_t c : counts) passes += c == iterations - 1 ? iterations : c + 2;
  return passes;
}

// One family on a view of it, 512x384 and 1000 iterations, one thread, shortcuts
// off: the lane-iterations per second of each family's step on one target
// ("lane_iter_per_s"), compared across families in docs/PERFORMANCE.md.
void BM_Family(benchmark::State& state, const std::string& name, const Family& family,
               const Region& region) {
  KernelParams p;
  p.width = 512;
  p.height = 384;
  p.iterations = 1000;
  p.region = region;
  p.family = family;
  const std::vector<int32_t> out = time_render(state, p, name, false);
  if (out.empty()) return;
  state.counters["lane_iter_per_s"] = benchmark::Counter(
      static_cast<double>(loop_passes(out, p.iterations)) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}

void register_family_benchmarks() {
  struct Entry {
    const char* label;
    Family family;
    Region region;
  };
  // Each family on a wide view of it (escape-time mixes: per-pixel work and
  // divergence between lanes count too) and on a small view inside its set
  // (every lane runs all 1000 steps: the step's own throughput).
  const Entry entries[] = {
      {"mandelbrot", make_family(FamilyKind::kMandelbrot), {-2.5, 1.5, -1.5, 1.5}},
      {"julia", make_family(FamilyKind::kJulia, 2, -0.12, 0.75), {-2, 2, -1.5, 1.5}},
      {"burning-ship", make_family(FamilyKind::kBurningShip), {-2.5, 1.5, -2, 1}},
      {"tricorn", make_family(FamilyKind::kTricorn), {-2, 2, -1.5, 1.5}},
      {"multibrot3", make_family(FamilyKind::kMultibrot, 3), {-2, 2, -1.5, 1.5}},
      {"multibrot8", make_family(FamilyKind::kMultibrot, 8), {-2, 2, -1.5, 1.5}},
      {"inside/mandelbrot", make_family(FamilyKind::kMandelbrot), {-0.1667, -0.0333, 0.05, 0.15}},
      {"inside/julia",
       make_family(FamilyKind::kJulia, 2, -0.12, 0.75),
       {-0.0667, 0.0667, -0.05, 0.05}},
      {"inside/burning-ship", make_family(FamilyKind::kBurningShip), {-0.5667, -0.4333, -0.1, 0}},
      {"inside/tricorn", make_family(FamilyKind::kTricorn), {-0.0667, 0.0667, -0.05, 0.05}},
      {"inside/multibrot3", make_family(FamilyKind::kMultibrot, 3), {-0.0667, 0.0667, -0.05, 0.05}},
      {"inside/multibrot8", make_family(FamilyKind::kMultibrot, 8), {-0.0667, 0.0667, -0.05, 0.05}},
  };
  for (const std::string& name : kernel_names()) {
    if (name == "scalar") continue;
    for (const Entry& e : entries) {
      benchmark::RegisterBenchmark(
          ("Family/" + std::string(e.label) + "/" + name).c_str(),
          [name, e](benchmark::State& s) { BM_Family(s, name, e.family, e.region); })
          ->Unit(benchmark::kMillisecond);
    }
  }
}

// The channels on top of the counts (issue 9's "at most 30% more"): the default
// view at 1024x1024, 1000 iterations, bailout 256, one thread; the counts with
// `kernel`, then its channel loop over every row for the channels asked for
// ("none": the counts alone, the baseline of the ratio).
void BM_Channels(benchmark::State& state, const std::string& name, bool smooth, bool distance) {
  Kernel kernel;
  if (!choose_kernel(name, true, &kernel).ok()) {
    state.SkipWithError("kernel not available");
    return;
  }
  KernelParams p;
  p.width = p.height = 1024;
  p.iterations = 1000;
  p.bailout = 256;
  const size_t pixels = static_cast<size_t>(p.width) * p.height;
  std::vector<int32_t> counts(pixels);
  std::vector<double> smooth_out(smooth ? pixels : 0), distance_out(distance ? pixels : 0);
  for (auto _ : state) {
    render_rows(p, kernel, 0, p.height, 1, counts.data());
    if (smooth || distance) {
      for (int32_t i = 0; i < p.height; ++i) {
        const size_t at = static_cast<size_t>(i) * p.width;
        kernel.channel_row(p, i,
                           RowOut{counts.data() + at, smooth ? smooth_out.data() + at : nullptr,
                                  distance ? distance_out.data() + at : nullptr});
      }
    }
    benchmark::DoNotOptimize(counts.data());
    benchmark::DoNotOptimize(smooth_out.data());
    benchmark::DoNotOptimize(distance_out.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(pixels));
}

void register_channel_benchmarks() {
  struct Case {
    const char* label;
    bool smooth, distance;
  };
  const Case cases[] = {{"none", false, false},
                        {"smooth", true, false},
                        {"distance", false, true},
                        {"smooth+distance", true, true}};
  for (const std::string& name : kernel_names()) {
    for (const Case& c : cases) {
      benchmark::RegisterBenchmark(
          ("Channels/" + name + "/" + c.label).c_str(),
          [name, c](benchmark::State& s) { BM_Channels(s, name, c.smooth, c.distance); })
          ->Unit(benchmark::kMillisecond);
    }
  }
}

class NullSink : public ByteSink {
 public:
  Status write(const void*, size_t size) override {
    bytes_ += size;
    return Status();
  }
  Status flush() override { return Status(); }
  size_t bytes() const { return bytes_; }

 private:
  size_t bytes_ = 0;
};

// Encoding the counts of the default view at 1024x1024, 1000 iterations.
void BM_Encode(benchmark::State& state, OutputFormat format) {
  const int32_t size = 1024;
  KernelParams p;
  p.width = p.height = size;
  p.iterations = 1000;
  CountBuffer band(size, size);
  band.set_rows(0, size);
  render_rows(p, default_kernel(), 0, size, 2, band.data());
  const ImageSpec spec{size, size, p.iterations, ColourMapKind::kHot, kDefaultPngLevel, 1};
  size_t bytes = 0;
  for (auto _ : state) {
    NullSink sink;
    auto encoder = make_encoder(format, spec, sink);
    if (!encoder->begin().ok() || !encoder->write_rows(band).ok() || !encoder->finish().ok()) {
      state.SkipWithError("encoding failed");
      return;
    }
    bytes = sink.bytes();
  }
  state.SetItemsProcessed(state.iterations() * size * size);
  state.counters["output_bytes"] = static_cast<double>(bytes);
}

int register_benchmarks() {
  for (const std::string& name : kernel_names()) {
    for (bool shortcuts : {false, true}) {
      if (name == "scalar" && shortcuts) continue;  // the reference takes none
      benchmark::RegisterBenchmark(
          ("Kernel/" + name + (shortcuts ? "/shortcuts" : "/exact")).c_str(),
          [name, shortcuts](benchmark::State& s) { BM_Kernel(s, name, shortcuts); })
          ->Unit(benchmark::kMillisecond);
    }
  }
  register_family_benchmarks();
  register_channel_benchmarks();
  for (OutputFormat f : {OutputFormat::kPng, OutputFormat::kRaw, OutputFormat::kNpy,
                         OutputFormat::kPgm, OutputFormat::kPpm, OutputFormat::kPbm}) {
    benchmark::RegisterBenchmark(("Encode/" + std::string(output_format_name(f))).c_str(),
                                 [f](benchmark::State& s) { BM_Encode(s, f); })
        ->Unit(benchmark::kMillisecond);
  }
  return 0;
}

const int registered = register_benchmarks();

}  // namespace
}  // namespace mandelbrot

BENCHMARK_MAIN();  // also runs the cases of exact_micro_kernel.cc
