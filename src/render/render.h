// Rendering a plan to its output: the render loop that drives kernel, encoder
// and output file, and the report it produces.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "buffer/count_buffer.h"
#include "deep/deep_render.h"
#include "formats/encoders.h"
#include "render/render_plan.h"

namespace mandelbrot {

// One process's share of a render across MPI processes (src/mpi): the
// blocks and rows it computed, its seconds computing, encoding and writing
// them, and the bytes it wrote.
struct RankReport {
  int rank = 0;
  int32_t blocks = 0;
  int64_t rows = 0;
  double compute_seconds = 0;
  double encode_seconds = 0;
  double write_seconds = 0;
  uint64_t bytes = 0;
};

struct RenderReport {
  RenderPlan plan;
  // Encoding overlaps rendering (render.cc): encode_seconds is the time spent
  // encoding and writing, including the commit, and render_seconds the rest
  // of the render's wall time.
  double render_seconds = 0;
  double encode_seconds = 0;
  CountStats stats{1};
  std::string hash;               // ContentHash of the counts, e.g. "xxh3-128:..."
  DeepReport deep;                // a perturbation render's stages (render_seconds is their sum)
  std::vector<RankReport> ranks;  // one per process of an MPI render, else empty
};

// Renders plan.kernel band by band, encodes each band as plan.format and writes
// it to plan.output (atomically; see OutputFile) or to standard output. Checks
// the output and the memory needed before rendering.
// REQUIRES: plan was made by make_render_plan().
Status render_to_output(const RenderPlan& plan, RenderReport* report);

// Something that renders a plan to its output as render_to_output() does
// (in this process, or across MPI processes: src/mpi).
using Renderer = std::function<Status(const RenderPlan& plan, RenderReport* report)>;

// Fills `band` (its rows are set: first_row() to first_row() + rows() - 1 of
// the image) with those rows' counts; for encode_counts_to_output().
using ReadBand = std::function<Status(CountBuffer& band)>;

// Writes counts read from elsewhere (tiles, for `assemble`) as plan's output,
// with the same bytes that render_to_output() writes for the same counts:
// read_band is called for every band of rows in order, twice over the image
// when the colouring needs the image's range first (RangePass), else once.
// Memory: a band of counts and the encoder's, whatever the image's size.
// The bands hold plan.channels, which read_band fills too (`colour`).
// REQUIRES: plan was made by make_render_plan(), without a tile.
Status encode_counts_to_output(const RenderPlan& plan, const ReadBand& read_band,
                               RenderReport* report);

// The counts of every pixel of plan into out[i * W + j], by the plan's method,
// without any output: the direct kernel on threads_worth_starting() threads, or
// the perturbation render (whose stages go to `deep` when not null), which
// first checks that perturbation_bytes() fit the machine's memory.
// REQUIRES: plan was made by make_render_plan(); out holds W * H values.
Status render_counts(const RenderPlan& plan, int32_t* out, DeepReport* deep = nullptr);

// Ok when `needed` bytes fit the machine's physical memory; else
// kResourceExhausted saying how much is needed and how much there is.
Status check_memory(uint64_t needed);

// The bytes a perturbation render of plan holds at most: the counts, the lists
// of unfinished pixels and the reference orbit.
uint64_t perturbation_bytes(const RenderPlan& plan);

// Whether the render computes the content hash, which costs a pass over the
// counts: only when the output carries it (carries_hash) or --hash or --json
// shows it.
bool hash_wanted(const RenderPlan& plan);

// What a perturbation render of plan asks of deep/ (the whole image, or the tile).
DeepRequest deep_request_of(const RenderPlan& plan);

// What the encoder of plan's output is given (its range not yet known).
ImageSpec image_spec_of(const RenderPlan& plan);

// How a render knows the counts' range before it encodes the first colour
// (docs/SEMANTICS.md, Colour). The bytes are the same whichever is taken.
enum class RangePass {
  kNone,       // no colours on the image scale: each band is encoded as it is done
  kHeld,       // held_bytes() fit plan.held_counts_limit: all computed, held, then encoded
  kTwoPasses,  // larger: one pass for the range (and hash), a second that encodes
};
RangePass range_pass(const RenderPlan& plan);

// The bytes of the counts of a width x height image.
uint64_t held_counts_bytes(int32_t width, int32_t height);
// The bytes of the counts and `channels` of a width x height image.
uint64_t held_bytes(int32_t width, int32_t height, Channels channels);

// The rows per band for an image `width` wide: about 1 MiB of counts (small
// enough to be in cache still when the band is encoded), at least 1.
int32_t band_rows(int32_t width, int32_t height);
// The sample rows per band of plan: band_rows() of its grid rounded down to
// whole pixel rows (a multiple of plan.supersample), at least one pixel row.
int32_t plan_band_rows(const RenderPlan& plan);

// The usage error for --supersample where counts are read, not rendered
// (assemble, colour: encode_counts_to_output() refuses it).
Status supersample_needs_a_render(const RenderPlan& plan);

// The report as one line of JSON: every parameter, the timings and the statistics.
std::string render_report_json(const RenderReport& report);

}  // namespace mandelbrot
