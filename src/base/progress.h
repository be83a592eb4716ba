// ProgressBar: "[#####.....]  45%  3.2 s" on stderr for long renders.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace mandelbrot {

// Shows the share of `total` units done while work goes on. Draws only when
// `enabled` (the caller passes: stderr is a terminal and --quiet is off), and
// only once the work has taken longer than about a second, redrawing a few
// times a second from its own thread; the worker threads only add to done().
// The line is cleared when the bar is destroyed.
class ProgressBar {
 public:
  ProgressBar(int64_t total, bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // The counter the workers add finished units to.
  std::atomic<int64_t>& done() { return done_; }

  // Starts a new stage of the work: `total` units, counted from 0 again, drawn
  // after `label` ("reference orbit [###...]"). The first stage has no label.
  void set_stage(const std::string& label, int64_t total);

  // Whether this process should draw progress: stderr is a terminal and not quiet.
  static bool wanted(bool quiet);

 private:
  void draw_loop();

  std::atomic<int64_t> total_;
  std::atomic<int64_t> done_{0};
  std::string label_;        // guarded by mutex_
  size_t widest_label_ = 0;  // the drawing thread's
  const std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool drawn_ = false;
  std::thread drawer_;
};

}  // namespace mandelbrot
