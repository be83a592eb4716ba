// The render loop: band by band, kernel -> count buffer -> encoder -> output.
#include "render/render.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <new>
#include <vector>

#include "base/content_hash.h"
#include "base/elapsed.h"
#include "base/output_file.h"
#include "base/progress.h"
#include "deep/bla_table.h"
#include "deep/reference_orbit.h"
#include "formats/encoders.h"
#include "kernel/kernel_channels.h"
#include "kernel/row_context.h"
#include "render/band_pipeline.h"
#include "render/image_wide.h"
#include "render/render_params.h"
#include "render/row_work.h"
#include "render/thread_budget.h"

namespace mandelbrot {
namespace {

// About 1 MiB of counts per band (docs/PERFORMANCE.md): small enough to be in
// cache still when it is encoded, and kPipelineBands of them are cheap to fault
// in (16 MiB bands were slower than 4 MiB for PNG; 1 MiB bands cost a quarter
// of 4 MiB's page faults, which start-up of a 4096x4096 render paid for).
constexpr int64_t kBandBytes = int64_t{1} << 20;
// A held image is encoded in bands this many times larger (render_held).
constexpr int64_t kHeldEncodeBands = 8;

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

// Finishes the encoder with the render's parameters and flushes the sink.
Status finish_output(const RenderPlan& plan, Encoder& encoder, ByteSink& sink,
                     RenderReport* report) {
  encoder.set_parameters(render_params_json(plan, report->hash));
  const auto start = std::chrono::steady_clock::now();
  Status s = encoder.finish();
  if (s.ok()) s = sink.flush();
  report->encode_seconds += seconds_since(start);
  return s;
}

// Encodes each band as soon as it is computed: the kernel fills rows on
// `threads` threads while finished bands are hashed and encoded in order on
// one of them (band_pipeline.h), so the serial work of one band overlaps the
// kernel's work on the next, and no thread waits at band ends. The encoder
// therefore runs on one thread (spec.threads is set to 1): its work is spread
// over the render instead of over threads. The statistics go to report when
// `counted`. spec.range must be known already.
Status render_streamed(const RenderPlan& plan, ImageSpec spec, int threads, bool counted,
                       ProgressBar& progress, ByteSink& sink, RenderReport* report) {
  const KernelParams& k = plan.params;
  spec.threads = 1;
  std::unique_ptr<Encoder> encoder = make_encoder(plan.format, spec, sink);
  if (Status s = encoder->begin(); !s.ok()) return s;
  const bool hashing = hash_wanted(plan);
  ContentHash hash;
  RowWork work(plan, threads, progress, counted);
  const ConsumeBand consume_band = [&](const CountBuffer& band) {
    if (hashing) hash.add(band.counts());
    return encoder->write_rows(band);
  };
  const auto start = std::chrono::steady_clock::now();
  double encode_seconds = 0;
  const Status s =
      run_band_pipeline(k.width, k.height, plan_band_rows(plan), threads, work.compute_row(),
                        consume_band, &encode_seconds, plan.channels);
  // Encoding overlaps the render: the render's share is the rest of the time.
  report->render_seconds += std::max(0.0, seconds_since(start) - encode_seconds);
  report->encode_seconds += encode_seconds;
  if (!s.ok()) return s;
  if (counted) report->stats = work.stats();
  if (hashing) report->hash = hash.text();
  return finish_output(plan, *encoder, sink, report);
}

// RangePass::kHeld: every row is computed into one buffer, then the range is
// known and the bands are hashed and encoded in order, the encoder on every
// thread.
Status encode_held(const RenderPlan& plan, const CountBuffer& image, ByteSink& sink,
                   RenderReport* report);

Status render_held(const RenderPlan& plan, int threads, ProgressBar& progress, ByteSink& sink,
                   RenderReport* report) {
  const KernelParams& k = plan.params;
  const auto start = std::chrono::steady_clock::now();
  RowWork work(plan, threads, progress, /*counted=*/true);
  CountBuffer image(k.width, k.height, plan.channels);
  image.set_rows(0, k.height);
  if (Status s = compute_rows(image, threads, work.compute_row()); !s.ok()) return s;
  report->stats = work.stats();
  report->render_seconds += seconds_since(start);
  return encode_held(plan, image, sink, report);
}

// Encodes a whole image held in memory, its statistics already in report.
Status encode_held(const RenderPlan& plan, const CountBuffer& image, ByteSink& sink,
                   RenderReport* report) {
  const KernelParams& k = plan.params;
  const auto encode_start = std::chrono::steady_clock::now();
  ImageSpec spec = image_spec_of(plan);
  spec.range = count_range(report->stats);
  spec.threads = encoder_threads_worth_starting(k, plan.threads);
  ImageWide wide(plan);
  wide.add(image);
  wide.finish(&spec);
  std::unique_ptr<Encoder> encoder = make_encoder(plan.format, spec, sink);
  if (Status s = encoder->begin(); !s.ok()) return s;
  const bool hashing = hash_wanted(plan);
  ContentHash hash;
  // Bands of kHeldEncodeBands times the usual rows: each is one parallel
  // region of the encoder, whose start and end cost more than 1 MiB bands pay.
  const int32_t rows = static_cast<int32_t>(
      std::min<int64_t>(int64_t{plan_band_rows(plan)} * kHeldEncodeBands, k.height));
  for (int32_t first = 0; first < k.height; first += rows) {
    const CountBuffer band = CountBuffer::rows_of(image, first, std::min(rows, k.height - first));
    if (hashing) hash.add(band.counts());
    if (Status s = encoder->write_rows(band); !s.ok()) return s;
  }
  if (hashing) report->hash = hash.text();
  report->encode_seconds += seconds_since(encode_start);
  return finish_output(plan, *encoder, sink, report);
}

// RangePass::kTwoPasses: a first pass computes the counts for their range
// only; the second computes them again and encodes them as they come.
Status render_twice(const RenderPlan& plan, int threads, ProgressBar& progress, ByteSink& sink,
                    RenderReport* report) {
  const KernelParams& k = plan.params;
  ImageWide wide(plan);
  {
    RowWork work(plan, threads, progress, /*counted=*/true);
    const ConsumeBand gather = [&wide](const CountBuffer& band) {
      wide.add(band);
      return Status();
    };
    const auto start = std::chrono::steady_clock::now();
    double unused = 0;
    if (Status s = run_band_pipeline(k.width, k.height, plan_band_rows(plan), threads,
                                     work.compute_row(), gather, &unused, plan.channels);
        !s.ok()) {
      return s;
    }
    report->render_seconds += seconds_since(start);
    report->stats = work.stats();
  }
  ImageSpec spec = image_spec_of(plan);
  spec.range = count_range(report->stats);
  wide.finish(&spec);
  return render_streamed(plan, spec, threads, /*counted=*/false, progress, sink, report);
}

}  // namespace

DeepRequest deep_request_of(const RenderPlan& plan) {
  const KernelParams& k = plan.params;
  DeepRequest request;
  request.geometry = plan.deep;
  request.family = k.family;
  request.iterations = k.iterations;
  request.bailout = k.bailout;
  request.perturb = plan.perturb;
  request.threads = plan.threads;
  request.periodicity = plan.kernel.shortcuts;
  if (plan.tile) request.window = plan.tile->rect;
  return request;
}

namespace {

// Method::kPerturbation: every pixel is computed (deep/deep_render.h), held,
// and encoded as render_held() does.
Status render_perturbation(const RenderPlan& plan, ByteSink& sink, RenderReport* report) {
  const KernelParams& k = plan.params;
  CountBuffer image(k.width, k.height, plan.channels);
  image.set_rows(0, k.height);
  {
    ProgressBar progress(int64_t{k.width} * k.height, ProgressBar::wanted(plan.quiet));
    if (Status s = render_deep(deep_request_of(plan), image.row_out(0), &progress, &report->deep);
        !s.ok()) {
      return s;
    }
  }
  report->render_seconds +=
      report->deep.reference_seconds + report->deep.bla_seconds + report->deep.pixels_seconds;
  report->stats.add(image.counts());
  return encode_held(plan, image, sink, report);
}

Status render_bands(const RenderPlan& plan, ByteSink& sink, RenderReport* report) {
  if (plan.method == Method::kPerturbation) return render_perturbation(plan, sink, report);
  const KernelParams& k = plan.params;
  const RangePass pass = range_pass(plan);
  const int passes = pass == RangePass::kTwoPasses ? 2 : 1;
  ProgressBar progress(int64_t{k.height} * passes, ProgressBar::wanted(plan.quiet));
  const int threads = threads_worth_starting(k, plan.threads);
  if (pass == RangePass::kNone) {
    return render_streamed(plan, image_spec_of(plan), threads, /*counted=*/plan.json, progress,
                           sink, report);
  }
  if (pass == RangePass::kHeld) return render_held(plan, threads, progress, sink, report);
  return render_twice(plan, threads, progress, sink, report);
}

}  // namespace

namespace {

uint64_t physical_memory_bytes() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return UINT64_MAX;
  return static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size);
}

}  // namespace

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

uint64_t perturbation_bytes(const RenderPlan& plan) {
  const KernelParams& k = plan.params;
  const uint64_t pixels = static_cast<uint64_t>(k.width) * static_cast<uint64_t>(k.height);
  // The counts, the lists of pixels still unfinished (two int64 per pixel at
  // most), the reference orbit and its BLA table.
  return held_bytes(k.width, k.height, plan.channels) + 16 * pixels +
         reference_orbit_bytes(k.iterations, plan.deep.extended) +
         bla_table_bytes(k.iterations, plan.deep.extended);
}

Status render_counts(const RenderPlan& plan, int32_t* out, DeepReport* deep) {
  const KernelParams& k = plan.params;
  if (plan.method == Method::kPerturbation) {
    if (Status s = check_memory(perturbation_bytes(plan)); !s.ok()) return s;
    DeepReport unused;
    return render_deep(deep_request_of(plan), RowOut{out}, nullptr, deep ? deep : &unused);
  }
  render_rows(k, plan.kernel, 0, k.height, threads_worth_starting(k, plan.threads), out);
  return Status();
}

bool hash_wanted(const RenderPlan& plan) {
  return plan.hash || plan.json || carries_hash(plan.format);
}

ImageSpec image_spec_of(const RenderPlan& plan) {
  const KernelParams& k = plan.params;
  ImageSpec spec{plan.output_width(), plan.output_height(), k.iterations,
                 plan.colour_map,     plan.png_level,       plan.threads,
                 plan.scale,          CountRange{},         plan.data_channel};
  spec.supersample = plan.supersample;
  spec.colouring.method = plan.colouring;
  spec.colouring.interior = plan.interior;
  spec.colouring.palette = plan.palette.palette;
  spec.colouring.period = plan.palette.period;
  spec.colouring.offset = plan.palette.offset;
  // exr (docs/SEMANTICS.md, "EXR"): its header carries the parameters, written
  // before the pixels, so without the hash.
  spec.channels = plan.channels;
  spec.bailout = k.bailout;
  if (plan.format == OutputFormat::kExr) spec.parameters = render_params_json(plan, "");
  return spec;
}

RangePass range_pass(const RenderPlan& plan) {
  const KernelParams& k = plan.params;
  if (!has_colours(plan.format)) return RangePass::kNone;
  // The log colouring on the fixed scale, the distance colouring and the
  // smooth colouring's cyclic gradient colour each pixel by itself; the
  // others need the whole image first.
  const bool cyclic = plan.colouring == Colouring::kSmooth && plan.palette.period > 0;
  const bool image_wide = plan.colouring == Colouring::kLog
                              ? plan.scale == ColourScale::kImage
                              : plan.colouring != Colouring::kDistance && !cyclic;
  if (!image_wide) return RangePass::kNone;
  return held_bytes(k.width, k.height, plan.channels) <= plan.held_counts_limit
             ? RangePass::kHeld
             : RangePass::kTwoPasses;
}

uint64_t held_counts_bytes(int32_t width, int32_t height) {
  return uint64_t{4} * static_cast<uint64_t>(width) * static_cast<uint64_t>(height);
}

uint64_t held_bytes(int32_t width, int32_t height, Channels channels) {
  const uint64_t per_pixel = 4 + (channels.smooth ? 8 : 0) + (channels.distance ? 8 : 0);
  return per_pixel * static_cast<uint64_t>(width) * static_cast<uint64_t>(height);
}

int32_t band_rows(int32_t width, int32_t height) {
  const int64_t rows = kBandBytes / (int64_t{4} * width);
  return static_cast<int32_t>(std::clamp<int64_t>(rows, 1, height));
}

int32_t plan_band_rows(const RenderPlan& plan) {
  const KernelParams& k = plan.params;
  const int32_t n = plan.supersample;
  return std::max(n, band_rows(k.width, k.height) / n * n);
}

Status encode_counts_to_output(const RenderPlan& plan, const ReadBand& read_band,
                               RenderReport* report) {
  if (plan.supersample > 1) return supersample_needs_a_render(plan);
  const KernelParams& k = plan.params;
  ImageSpec spec = image_spec_of(plan);
  if (Status s = check_encodable(plan.format, spec); !s.ok()) return s;
  const int32_t rows = band_rows(k.width, k.height);
  if (Status s = check_memory(held_bytes(k.width, rows, plan.channels) +
                              encoder_memory_bytes(plan.format, spec, rows));
      !s.ok()) {
    return s;
  }
  *report = RenderReport{plan, 0, 0, CountStats(k.iterations), "", DeepReport(), {}};
  CountBuffer band(k.width, rows, plan.channels);
  // Calls each(band) for every band of the image, read in order.
  auto for_each_band = [&](const std::function<Status(const CountBuffer&)>& each) {
    for (int32_t first = 0; first < k.height; first += rows) {
      band.set_rows(first, std::min(rows, k.height - first));
      if (Status s = read_band(band); !s.ok()) return s;
      if (Status s = each(band); !s.ok()) return s;
    }
    return Status();
  };
  const auto start = std::chrono::steady_clock::now();
  const bool range_first = range_pass(plan) != RangePass::kNone;
  CountStats stats(k.iterations);
  if (range_first) {
    ImageWide wide(plan);
    Status s = for_each_band([&](const CountBuffer& b) {
      stats.add(b.counts());
      wide.add(b);
      return Status();
    });
    if (!s.ok()) return s;
    spec.range = count_range(stats);
    wide.finish(&spec);
  }
  std::unique_ptr<OutputFile> file;
  std::unique_ptr<ByteSink> out;
  if (Status s = open_sink(plan, &file, &out); !s.ok()) return s;
  ByteSink& sink = file ? static_cast<ByteSink&>(*file) : *out;
  spec.threads = encoder_threads_worth_starting(k, plan.threads);
  std::unique_ptr<Encoder> encoder = make_encoder(plan.format, spec, sink);
  if (Status s = encoder->begin(); !s.ok()) return s;
  const bool hashing = hash_wanted(plan);
  ContentHash hash;
  Status s = for_each_band([&](const CountBuffer& b) {
    if (!range_first) stats.add(b.counts());
    if (hashing) hash.add(b.counts());
    return encoder->write_rows(b);
  });
  if (!s.ok()) return s;
  report->stats = stats;
  if (hashing) report->hash = hash.text();
  report->encode_seconds = seconds_since(start);
  if (Status f = finish_output(plan, *encoder, sink, report); !f.ok()) return f;
  return file ? file->commit() : Status();
}

Status supersample_needs_a_render(const RenderPlan& plan) {
  return invalid_argument(
      "--supersample {} samples each pixel {} times while rendering; saved counts hold one "
      "sample per pixel (render the image with --supersample instead)",
      plan.supersample, plan.supersample * plan.supersample);
}

Status render_to_output(const RenderPlan& plan, RenderReport* report) {
  const KernelParams& k = plan.params;
  const ImageSpec spec = image_spec_of(plan);
  if (Status s = check_encodable(plan.format, spec); !s.ok()) return s;
  const int32_t rows = plan_band_rows(plan);
  // A perturbation render holds its whole image and a reference orbit.
  const uint64_t counts_bytes = plan.method == Method::kPerturbation ? perturbation_bytes(plan)
                                : range_pass(plan) == RangePass::kHeld
                                    ? held_bytes(k.width, k.height, plan.channels)
                                    : held_bytes(k.width, rows, plan.channels) * kPipelineBands;
  if (Status s = check_memory(counts_bytes + encoder_memory_bytes(plan.format, spec, rows));
      !s.ok()) {
    return s;
  }

  *report = RenderReport{plan, 0, 0, CountStats(k.iterations), "", DeepReport(), {}};
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
