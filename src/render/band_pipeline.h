// The band pipeline: image rows computed on several threads into a small ring
// of band buffers, each finished band handed on in order while the threads go
// on computing later bands. Internal to the render loop (render.cc).
#pragma once

#include <cstdint>
#include <functional>

#include "base/status.h"
#include "buffer/count_buffer.h"

namespace mandelbrot {

// Band buffers in the ring: while one band is consumed, the threads fill the
// next ones, so no thread waits at a band boundary unless consuming is slower
// than computing.
inline constexpr int kPipelineBands = 3;

// Computes row `row` (0 <= row < height) into out.counts[0, width) (and each
// channel out holds) on thread `thread` (0 <= thread < the threads used); it
// must not depend on which thread runs it.
using ComputeRow = std::function<void(int thread, int32_t row, const RowOut& out)>;
// Takes a finished band; a failure stops the pipeline.
using ConsumeBand = std::function<Status(const CountBuffer& band)>;

// Rows are handed out one at a time, in order, to min(threads, height)
// threads (the calling thread is one of them) with no barrier between bands.
// Bands of band_rows rows (the last may be shorter) go to consume_band in
// order, one call at a time, on whichever thread finished the band's last row
// once every earlier band was consumed. Returns the first failure of
// consume_band (no later band is consumed then), a failure when a thread ran
// out of memory, else ok after every band was consumed. *consume_seconds gets
// the time spent in consume_band. The band buffers hold `channels`.
// REQUIRES: width >= 1, height >= 1, band_rows >= 1, threads >= 1.
Status run_band_pipeline(int32_t width, int32_t height, int32_t band_rows, int threads,
                         const ComputeRow& compute_row, const ConsumeBand& consume_band,
                         double* consume_seconds, Channels channels = {});

// Computes every row of `image` (rows first_row() to first_row() + rows() - 1
// of the image), handed out one at a time to min(threads, rows) threads, the
// calling one among them, and returns once all are done: for a render that
// holds its counts before encoding them (docs/SEMANTICS.md, Colour), and for
// a cluster's blocks. A failure when a thread ran out of memory.
// REQUIRES: threads >= 1.
Status compute_rows(CountBuffer& image, int threads, const ComputeRow& compute_row);

}  // namespace mandelbrot
