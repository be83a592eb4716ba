// The render loop: band by band, kernel -> count buffer -> encoder -> output.
#include "render/render.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <new>

#include "base/content_hash.h"
#include "base/output_file.h"
#include "base/progress.h"
#include "formats/encoders.h"
#include "render/render_params.h"

namespace mandelbrot {
namespace {

// About 4 MiB of counts per band: measured faster than 16 MiB end to end
// (docs/PERFORMANCE.md), as the band is still in cache when it is encoded.
constexpr int64_t kBandBytes = int64_t{4} << 20;

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
    return failure(
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
      return usage_error("refusing to write {} data to a terminal; redirect standard output",
                         output_format_name(plan.format));
    }
    *sink = std::make_unique<StdoutSink>();
    return Status();
  }
  return OutputFile::open(plan.output, file);
}

Status render_bands(const RenderPlan& plan, ByteSink& sink, RenderReport* report) {
  const KernelParams& k = plan.params;
  const ImageSpec spec = image_spec_of(plan);
  CountBuffer band(k.width, band_rows(k.width, k.height));
  ProgressBar progress(k.height, ProgressBar::wanted(plan.quiet));
  ContentHash hash;
  std::unique_ptr<Encoder> encoder = make_encoder(plan.format, spec, sink);
  if (Status s = encoder->begin(); !s.ok()) return s;
  for (int32_t first = 0; first < k.height; first += band.max_rows()) {
    band.set_rows(first, std::min(band.max_rows(), k.height - first));
    const auto render_start = std::chrono::steady_clock::now();
    render_rows(k, plan.kernel, first, band.rows(), plan.threads, band.data(), &report->stats,
                &progress.done());
    report->render_seconds += seconds_since(render_start);
    hash.add(band.counts());
    const auto encode_start = std::chrono::steady_clock::now();
    Status s = encoder->write_rows(band);
    report->encode_seconds += seconds_since(encode_start);
    if (!s.ok()) return s;
  }
  report->hash = hash.text();
  encoder->set_parameters(render_params_json(plan, report->hash));
  const auto encode_start = std::chrono::steady_clock::now();
  Status s = encoder->finish();
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
      uint64_t{4} * static_cast<uint64_t>(k.width) * static_cast<uint64_t>(rows);
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
    s = failure("out of memory while rendering {}x{}", k.width, k.height);
  }
  if (s.ok() && file) {
    const auto commit_start = std::chrono::steady_clock::now();
    s = file->commit();
    report->encode_seconds += seconds_since(commit_start);
  }
  return s;  // an uncommitted file removes its temporary as it goes
}

}  // namespace mandelbrot
