// The band pipeline (band_pipeline.h): no barrier between bands, so threads
// never idle at band ends while a band is encoded (docs/PERFORMANCE.md).
//
// Each slot of the ring holds band b, b + kPipelineBands, ... in turn. A thread
// that takes a row of a band whose slot still holds an earlier, unconsumed band
// waits for it (a futex wait through std::atomic::wait, no spinning). Bands
// are consumed in order by one thread at a time: the thread that finishes a
// band's last row claims the `consuming` flag and consumes every finished band
// in order; a thread that finds the flag taken leaves its band to the holder,
// which looks again after releasing the flag (sequentially consistent
// operations on both sides, so one of the two always sees the other's band).
#include "render/band_pipeline.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <chrono>
#include <memory>
#include <mutex>

#include <omp.h>
#include <new>
#include <system_error>
#include <vector>

namespace mandelbrot {
namespace {

class BandPipeline {
 public:
  BandPipeline(int32_t width, int32_t height, int32_t band_rows, const ComputeRow& compute_row,
               const ConsumeBand& consume_band, Channels channels)
      : width_(width),
        height_(height),
        band_rows_(band_rows),
        bands_((height + band_rows - 1) / band_rows),
        compute_row_(compute_row),
        consume_band_(consume_band) {
    const int slots = std::min(kPipelineBands, bands_);
    for (int s = 0; s < slots; ++s) {
      slots_.push_back(std::make_unique<Slot>(width, std::min(band_rows, height), s, channels));
    }
  }

  // The work of one thread: rows until none is left or the pipeline stopped.
  void work(int thread) {
    try {
      while (!stopped_.load()) {
        const int32_t row = next_row_.fetch_add(1);
        if (row >= height_) return;
        const int32_t band = row / band_rows_;
        Slot& slot = slot_of(band);
        for (int32_t held = slot.band.load(); held != band; held = slot.band.load()) {
          if (held == kStopped) return;
          slot.band.wait(held);
        }
        compute_row_(thread, row, slot.buffer.row_out(row - band * band_rows_));
        if (slot.rows_done.fetch_add(1) + 1 == rows_of(band)) consume_finished_bands();
      }
    } catch (const std::bad_alloc&) {
      stop(resource_exhausted("out of memory while rendering {}x{}", width_, height_));
    }
  }

  Status result(double* consume_seconds) {
    *consume_seconds = consume_seconds_;
    std::lock_guard<std::mutex> lock(status_mutex_);
    // Every row is taken by some thread, the calling one at least, and the
    // thread that finishes a band's last row consumes it or leaves it to the
    // consuming thread, which looks again: so an ok pipeline consumed all.
    assert(!status_.ok() || next_to_consume_.load() == bands_);
    return status_;
  }

 private:
  static constexpr int32_t kStopped = -1;

  struct Slot {
    Slot(int32_t width, int32_t rows, int32_t first_band, Channels channels)
        : buffer(width, rows, channels), band(first_band) {}
    CountBuffer buffer;
    std::atomic<int32_t> band;  // the band the slot holds now, or kStopped
    std::atomic<int32_t> rows_done{0};
  };

  Slot& slot_of(int32_t band) { return *slots_[static_cast<size_t>(band) % slots_.size()]; }

  int32_t rows_of(int32_t band) const { return std::min(band_rows_, height_ - band * band_rows_); }

  bool finished(int32_t band) {
    if (band >= bands_) return false;
    Slot& slot = slot_of(band);
    return slot.band.load() == band && slot.rows_done.load() == rows_of(band);
  }

  void consume_finished_bands() {
    while (!consuming_.exchange(true)) {
      for (int32_t band = next_to_consume_.load(); !stopped_.load() && finished(band); ++band) {
        Slot& slot = slot_of(band);
        slot.buffer.set_rows(band * band_rows_, rows_of(band));
        const auto start = std::chrono::steady_clock::now();
        Status s = consume_band_(slot.buffer);
        consume_seconds_ +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!s.ok()) {
          stop(std::move(s));
          break;
        }
        next_to_consume_.store(band + 1);
        slot.rows_done.store(0);
        // Unless stop() marked the slot meanwhile: its waiters must see that.
        int32_t expected = band;
        slot.band.compare_exchange_strong(expected, band + static_cast<int32_t>(slots_.size()));
        slot.band.notify_all();
      }
      consuming_.store(false);
      // A band finished while the flag was held was left to this thread.
      if (stopped_.load() || !finished(next_to_consume_.load())) return;
    }
  }

  void stop(Status s) {
    {
      std::lock_guard<std::mutex> lock(status_mutex_);
      if (status_.ok()) status_ = std::move(s);
    }
    stopped_.store(true);
    for (const std::unique_ptr<Slot>& slot : slots_) {
      slot->band.store(kStopped);
      slot->band.notify_all();
    }
  }

  const int32_t width_;
  const int32_t height_;
  const int32_t band_rows_;
  const int32_t bands_;
  const ComputeRow& compute_row_;
  const ConsumeBand& consume_band_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::atomic<int32_t> next_row_{0};
  std::atomic<int32_t> next_to_consume_{0};
  std::atomic<bool> consuming_{false};
  std::atomic<bool> stopped_{false};
  double consume_seconds_ = 0;  // written only by the holder of consuming_
  std::mutex status_mutex_;
  Status status_;
};

}  // namespace

Status run_band_pipeline(int32_t width, int32_t height, int32_t band_rows, int threads,
                         const ComputeRow& compute_row, const ConsumeBand& consume_band,
                         double* consume_seconds, Channels channels) {
  BandPipeline pipeline(width, height, band_rows, compute_row, consume_band, channels);
  const int used = static_cast<int>(std::min<int64_t>(threads, height));
  // One OpenMP parallel region for the whole image: no barrier until the end.
  // If the runtime gives fewer threads than asked, those share the rows.
#pragma omp parallel num_threads(used)
  pipeline.work(omp_get_thread_num());
  return pipeline.result(consume_seconds);
}

Status compute_rows(CountBuffer& image, int threads, const ComputeRow& compute_row) {
  const int32_t height = image.rows();
  const int used = static_cast<int>(std::min<int64_t>(threads, height));
  std::atomic<int32_t> next_row{0};
  std::atomic<bool> out_of_memory{false};
#pragma omp parallel num_threads(used)
  {
    const int thread = omp_get_thread_num();
    try {
      for (int32_t row = next_row.fetch_add(1); row < height && !out_of_memory.load();
           row = next_row.fetch_add(1)) {
        compute_row(thread, image.first_row() + row, image.row_out(row));
      }
    } catch (const std::bad_alloc&) {
      out_of_memory.store(true);
    }
  }
  if (out_of_memory.load()) {
    return resource_exhausted("out of memory while rendering {}x{}", image.width(), height);
  }
  return Status();
}

}  // namespace mandelbrot
