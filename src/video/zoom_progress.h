// The progress of a zoom video on stderr: frames done of N and an estimate of
// the time left (docs/SEMANTICS.md, "Zoom videos", Progress).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace mandelbrot {

// Redraws one line on a terminal ("\r"), or prints one line per frame
// otherwise (a log). Nothing when not enabled (--quiet).
class ZoomProgress {
 public:
  ZoomProgress(int64_t frames, bool enabled);
  ~ZoomProgress();  // ends a line left open on the terminal
  ZoomProgress(const ZoomProgress&) = delete;
  ZoomProgress& operator=(const ZoomProgress&) = delete;

  // Frame `k` was kept (its file matched) or rendered in `seconds`.
  void frame_done(int64_t k, bool kept, double seconds);

  // For frames rendered by several processes at once: this process rendered
  // frame `k` in `seconds`, and of every process's frames `done` are finished,
  // `rendered` of them rendered during `wall_seconds` (so the estimate counts
  // the processes working side by side).
  void frame_done_among(int64_t k, double seconds, int64_t done, int64_t rendered,
                        double wall_seconds);
  // Every process has finished: the last line, if this process's last frame was
  // not the last of all.
  void all_done();

  // The estimate of the time left: the mean time of the frames rendered so far
  // times the frames still to do; negative when no frame has been rendered yet.
  static double seconds_left(int64_t rendered, double rendered_seconds, int64_t left);

  // "12 s", "3 min 05 s", "2 h 10 min".
  static std::string duration_text(double seconds);

 private:
  void show(const std::string& what);

  const int64_t frames_;
  const bool enabled_;
  const bool terminal_;
  int64_t done_ = 0;
  int64_t rendered_ = 0;
  double rendered_seconds_ = 0;
  bool line_open_ = false;
};

}  // namespace mandelbrot
