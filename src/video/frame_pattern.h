// The names of numbered frame files: a printf-style pattern with exactly one
// integer conversion (docs/SEMANTICS.md, "Zoom videos").
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"

namespace mandelbrot {

// A checked pattern such as "frames/%06d.png": literal text, "%%" for a
// percent sign, and one conversion "%d" or "%0Wd"/"%Wd" (W up to 2 digits) in
// the file name (not in its directory).
class FramePattern {
 public:
  // A usage error naming the pattern when it has no conversion, two, any other
  // % sequence, or the conversion in its directory part.
  static Status parse(const std::string& pattern, FramePattern* out);

  // The file name of frame k: the conversion replaced by k, padded as asked.
  std::string path(int64_t k) const;
  // The directory the frames go to ("." for a bare file name).
  std::string directory() const;
  // The file beside the frames that records the finished ones (frame_manifest.h):
  // the pattern as typed, followed by ".zoom.jsonl".
  std::string manifest_path() const { return pattern_ + ".zoom.jsonl"; }
  const std::string& text() const { return pattern_; }

 private:
  std::string pattern_;
  std::string before_;  // the literal text before the conversion, %% undone
  std::string after_;   // and after it
  int width_ = 0;
  bool zero_pad_ = false;
};

}  // namespace mandelbrot
