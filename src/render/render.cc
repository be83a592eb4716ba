// The render loop: band by band, kernel -> count buffer -> encoder -> output.
#include "render/render.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <new>
#include <vector>

#include "base/content_hash.h"
#include "base/output_file.h"
#include "base/progress.h"
#include "formats/encoders.h"
#include "kernel/row_context.h"
#include "render/band_pipeline.h"
#include "render/render_params.h"

namespace mandelbrot {
namespace {

// About 1 MiB of counts per band (docs/PERFORMANCE.md): small enough to be in
// cache still when it is encoded, and kPipelineBands of them are cheap to fault
// in (16 MiB bands were slower than 4 MiB for PNG; 1 MiB bands cost a quarter
// of 4 MiB's page faults, which start-up of a 4096x4096 render paid for).
constexpr int64_t kBandBytes = int64_t{1} << 20;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

uint64_t physical_memory_bytes() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return UINT64_MAX;
  return static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size);
}

Status check_memory(uint64_t needed) {
  const uint64_t available = physical_memory_bytes();
  if (needed > available) {
    constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
    return resource_exhausted(
        "this render needs about {:.1f} GiB of memory, more than this machine's {:.1f} GiB",
        static_cast<double>(needed) / kGiB, static_cast<double>(available) / kGiB);
  }
  return Status();
}

// Opens plan.output: the atomic file, or standard output. Refuses to write
// binary data to a terminal.
Status open_sink(const RenderPlan& plan, std::unique_ptr<OutputFile>* file,
                 std::unique_ptr<ByteSink>* sink) {
  if (plan.to_stdout()) {
    if (isatty(STDOUT_FILENO)) {
      return invalid_argument("refusing to write {} data to a terminal; redirect standard output",
                              output_format_name(plan.format));
    }
    *sink = std::make_unique<StdoutSink>();
    return Status();
  }
  return OutputFile::open(plan.output, file);
}

// At most `threads`, and no more than the work can use: one per row, and one
// per 2^22 pixel-iterations at most (about a millisecond of exact work per
// core), since starting a thread costs a few hundred microseconds on the CI
// machine (docs/PERFORMANCE.md). The counts are the same for any number.
int threads_worth_starting(const KernelParams& k, int threads) {
  constexpr int64_t kWorkPerThread = int64_t{1} << 22;
  const int64_t work = int64_t{k.width} * k.height * k.iterations;
  const int64_t useful = std::min<int64_t>(k.height, 1 + work / kWorkPerThread);
  return static_cast<int>(std::min<int64_t>(threads, useful));
}

// The kernel fills rows on plan.threads threads while finished bands are
// hashed and encoded in order on one of them (band_pipeline.h): the serial
// work of one band overlaps the kernel's work on the next, and no thread waits
// at band ends. The encoder therefore runs on one thread (its ImageSpec says
// so): its work is spread over the render instead of over threads.
Status render_bands(const RenderPlan& plan, ByteSink& sink, RenderReport* report) {
  const KernelParams& k = plan.params;
  ImageSpec spec = image_spec_of(plan);
  spec.threads = 1;
  ProgressBar progress(k.height, ProgressBar::wanted(plan.quiet));
  ContentHash hash;
  std::unique_ptr<Encoder> encoder = make_encoder(plan.format, spec, sink);
  if (Status s = encoder->begin(); !s.ok()) return s;

  // The hash and the statistics cost a pass over the counts each: they are
  // gathered only when the output, --hash or --json shows them.
  const bool hashed = plan.hash || plan.json || encoder->carries_parameters();
  const bool counted = plan.json;
  const int threads = threads_worth_starting(k, plan.threads);
  std::vector<CountStats> stats(static_cast<size_t>(threads), CountStats(k.iterations));
  // The kernel's state for this render (kernel/row_context.h): the row function
  // chosen for the family, the sample columns, and one scratch per thread.
  const Kernel& kernel = plan.kernel;
  const RowFunction row_function = kernel.select(k);
  const std::vector<double> columns = sample_columns(k);
  std::vector<RowScratch> scratch(static_cast<size_t>(threads));
  std::vector<RowContext> contexts;
  contexts.reserve(scratch.size());
  for (RowScratch& s : scratch) contexts.push_back({k, kernel.shortcuts, columns.data(), s});
  const ComputeRow compute_row = [&](int thread, int32_t row, int32_t* out) {
    row_function(contexts[static_cast<size_t>(thread)], row, out);
    if (counted) stats[static_cast<size_t>(thread)].add({out, static_cast<size_t>(k.width)});
    progress.done().fetch_add(1, std::memory_order_relaxed);
  };
  const ConsumeBand consume_band = [&](const CountBuffer& band) {
    if (hashed) hash.add(band.counts());
    return encoder->write_rows(band);
  };
  const auto start = std::chrono::steady_clock::now();
  double encode_seconds = 0;
  Status s = run_band_pipeline(k.width, k.height, band_rows(k.width, k.height), threads,
                               compute_row, consume_band, &encode_seconds);
  // Encoding overlaps the render: the render's share is the rest of the time.
  report->render_seconds = std::max(0.0, seconds_since(start) - encode_seconds);
  report->encode_seconds = encode_seconds;
  if (!s.ok()) return s;
  for (const CountStats& thread_stats : stats) report->stats.merge(thread_stats);

  if (hashed) report->hash = hash.text();
  encoder->set_parameters(render_params_json(plan, report->hash));
  const auto encode_start = std::chrono::steady_clock::now();
  s = encoder->finish();
  if (s.ok()) s = sink.flush();
  report->encode_seconds += seconds_since(encode_start);
  return s;
}

}  // namespace

ImageSpec image_spec_of(const RenderPlan& plan) {
  const KernelParams& k = plan.params;
  return ImageSpec{k.width, k.height, k.iterations, plan.colour_map, plan.png_level, plan.threads};
}

int32_t band_rows(int32_t width, int32_t height) {
  const int64_t rows = kBandBytes / (int64_t{4} * width);
  return static_cast<int32_t>(std::clamp<int64_t>(rows, 1, height));
}

Status render_to_output(const RenderPlan& plan, RenderReport* report) {
  const KernelParams& k = plan.params;
  const ImageSpec spec = image_spec_of(plan);
  if (Status s = check_encodable(plan.format, spec); !s.ok()) return s;
  const int32_t rows = band_rows(k.width, k.height);
  const uint64_t band_bytes =
      uint64_t{4} * kPipelineBands * static_cast<uint64_t>(k.width) * static_cast<uint64_t>(rows);
  if (Status s = check_memory(band_bytes + encoder_memory_bytes(plan.format, spec, rows));
      !s.ok()) {
    return s;
  }

  *report = RenderReport{plan, 0, 0, CountStats(k.iterations), ""};
  std::unique_ptr<OutputFile> file;
  std::unique_ptr<ByteSink> out;
  if (Status s = open_sink(plan, &file, &out); !s.ok()) return s;
  ByteSink& sink = file ? static_cast<ByteSink&>(*file) : *out;

  Status s;
  try {
    s = render_bands(plan, sink, report);
  } catch (const std::bad_alloc&) {
    s = resource_exhausted("out of memory while rendering {}x{}", k.width, k.height);
  }
  if (s.ok() && file) {
    const auto commit_start = std::chrono::steady_clock::now();
    s = file->commit();
    report->encode_seconds += seconds_since(commit_start);
  }
  return s;  // an uncommitted file removes its temporary as it goes
}

}  // namespace mandelbrot
