#include "base/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "base/interrupt.h"

namespace mandelbrot {
namespace {

constexpr auto kDelay = std::chrono::seconds(1);
constexpr auto kInterval = std::chrono::milliseconds(200);
constexpr int kBarWidth = 30;

}  // namespace

ProgressBar::ProgressBar(int64_t total, bool enabled)
    : total_(std::max<int64_t>(total, 1)), start_(std::chrono::steady_clock::now()) {
  if (enabled) drawer_ = std::thread(&ProgressBar::draw_loop, this);
}

ProgressBar::~ProgressBar() {
  if (!drawer_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  drawer_.join();
}

void ProgressBar::set_stage(const std::string& label, int64_t total) {
  std::lock_guard<std::mutex> lock(mutex_);
  label_ = label;
  total_.store(std::max<int64_t>(total, 1));
  done_.store(0);
}

bool ProgressBar::wanted(bool quiet) { return !quiet && isatty(STDERR_FILENO); }

void ProgressBar::draw_loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (wake_.wait_for(lock, kDelay, [this] { return stopping_; })) return;
  install_interrupt_cleanup();  // Ctrl-C ends the bar's line (base/interrupt.h)
  while (true) {
    const double fraction =
        std::min(1.0, static_cast<double>(done_.load()) / static_cast<double>(total_.load()));
    const int filled = static_cast<int>(fraction * kBarWidth);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    // A stage's label is padded to the longest one drawn, so a shorter one
    // overwrites it whole.
    widest_label_ = std::max(widest_label_, label_.size());
    const std::string label = label_.empty() ? "" : fmt::format("{:<{}} ", label_, widest_label_);
    // Marked open before it is written: a Ctrl-C that follows the drawing must
    // find the mark, or the handler leaves the line unended (base/interrupt.h).
    set_progress_line_open(true);
    drawn_ = true;
    fmt::print(stderr, "\r{}[{}{}] {:3.0f}%  {:.1f} s", label, std::string(filled, '#'),
               std::string(kBarWidth - filled, '.'), 100 * fraction, seconds);
    std::fflush(stderr);
    if (wake_.wait_for(lock, kInterval, [this] { return stopping_; })) break;
  }
  if (drawn_) {
    fmt::print(stderr, "\r{}\r", std::string(kBarWidth + 20 + widest_label_ + 1, ' '));
    std::fflush(stderr);
    set_progress_line_open(false);
  }
}

}  // namespace mandelbrot
