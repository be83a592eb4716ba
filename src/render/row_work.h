// RowWork: the direct kernel's state for one pass over an image's rows, with
// the statistics of the rows it computed (render.cc, and cluster renders).
#pragma once

#include <atomic>
#include <vector>

#include "base/progress.h"
#include "buffer/count_buffer.h"
#include "kernel/kernel_channels.h"
#include "kernel/row_context.h"
#include "render/band_pipeline.h"
#include "render/render_plan.h"

namespace mandelbrot {

// The kernel's state for one pass over the image (kernel/row_context.h): the
// row function chosen for the family, the sample columns, one scratch per
// thread, and, when `counted`, one CountStats per thread. A render with
// channels adds them to each row after its counts, with the kernel's channel
// loop (kernel_channels.h).
class RowWork {
 public:
  RowWork(const RenderPlan& plan, int threads, ProgressBar& progress, bool counted)
      : k_(plan.params),
        counted_(counted),
        channels_(plan.channels.any() ? plan.kernel.channel_row : nullptr),
        row_function_(plan.kernel.select(k_)),
        columns_(sample_columns(k_)),
        scratch_(static_cast<size_t>(threads)),
        stats_(static_cast<size_t>(threads), CountStats(k_.iterations)),
        progress_(progress) {
    contexts_.reserve(scratch_.size());
    for (RowScratch& s : scratch_)
      contexts_.push_back({k_, plan.kernel.shortcuts, columns_.data(), s});
  }
  RowWork(const RowWork&) = delete;
  RowWork& operator=(const RowWork&) = delete;

  ComputeRow compute_row() {
    return [this](int thread, int32_t row, const RowOut& out) {
      row_function_(contexts_[static_cast<size_t>(thread)], row, out.counts);
      if (channels_) channels_(k_, row, out);
      if (counted_) {
        stats_[static_cast<size_t>(thread)].add({out.counts, static_cast<size_t>(k_.width)});
      }
      progress_.done().fetch_add(1, std::memory_order_relaxed);
    };
  }

  // The statistics of every row computed (none unless counted).
  // REQUIRES: the pass is over.
  CountStats stats() const {
    CountStats all(k_.iterations);
    for (const CountStats& thread_stats : stats_) all.merge(thread_stats);
    return all;
  }

 private:
  const KernelParams& k_;
  const bool counted_;
  const ChannelRowFunction channels_;  // null without channels
  const RowFunction row_function_;
  const std::vector<double> columns_;
  std::vector<RowScratch> scratch_;
  std::vector<RowContext> contexts_;
  std::vector<CountStats> stats_;
  ProgressBar& progress_;
};

}  // namespace mandelbrot
