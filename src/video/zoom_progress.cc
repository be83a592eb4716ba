#include "video/zoom_progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>

#include "base/interrupt.h"

namespace mandelbrot {

ZoomProgress::ZoomProgress(int64_t frames, bool enabled)
    : frames_(frames), enabled_(enabled), terminal_(enabled && isatty(STDERR_FILENO)) {
  if (terminal_) install_interrupt_cleanup();  // Ctrl-C ends the line (base/interrupt.h)
}

ZoomProgress::~ZoomProgress() {
  if (line_open_) {
    fmt::print(stderr, "\n");
    set_progress_line_open(false);
  }
}

double ZoomProgress::seconds_left(int64_t rendered, double rendered_seconds, int64_t left) {
  if (rendered <= 0) return -1;
  return rendered_seconds / static_cast<double>(rendered) * static_cast<double>(left);
}

std::string ZoomProgress::duration_text(double seconds) {
  const auto s = static_cast<int64_t>(std::llround(std::max(0.0, seconds)));
  if (s < 60) return fmt::format("{} s", s);
  if (s < 3600) return fmt::format("{} min {:02} s", s / 60, s % 60);
  return fmt::format("{} h {:02} min", s / 3600, s % 3600 / 60);
}

void ZoomProgress::frame_done(int64_t k, bool kept, double seconds) {
  ++done_;
  if (!kept) {
    ++rendered_;
    rendered_seconds_ += seconds;
  }
  show(kept ? fmt::format("frame {} kept", k)
            : fmt::format("frame {} rendered in {:.2f} s", k, seconds));
}

void ZoomProgress::frame_done_among(int64_t k, double seconds, int64_t done, int64_t rendered,
                                    double wall_seconds) {
  done_ = done;
  rendered_ = rendered;
  rendered_seconds_ = wall_seconds;
  show(fmt::format("frame {} rendered in {:.2f} s", k, seconds));
}

void ZoomProgress::all_done() {
  if (done_ == frames_) return;
  done_ = frames_;
  show("every process finished");
}

void ZoomProgress::show(const std::string& what) {
  if (!enabled_) return;
  const double left = seconds_left(rendered_, rendered_seconds_, frames_ - done_);
  const std::string estimate = done_ == frames_ ? "done"
                               : left < 0       ? "time left unknown"
                                                : "about " + duration_text(left) + " left";
  const std::string line =
      fmt::format("mandelbrot: {}/{} frames ({}), {}", done_, frames_, what, estimate);
  if (terminal_) {
    // Padded so that a shorter line overwrites a longer one whole.
    // Marked open before it is written, so that a Ctrl-C following the line
    // finds the mark and ends it (base/interrupt.h).
    line_open_ = true;
    set_progress_line_open(true);
    fmt::print(stderr, "\r{:<78}", line);
    std::fflush(stderr);
  } else {
    fmt::print(stderr, "{}\n", line);
  }
}

}  // namespace mandelbrot
