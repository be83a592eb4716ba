#include "video/frame_pattern.h"

#include <cctype>

namespace mandelbrot {

Status FramePattern::parse(const std::string& pattern, FramePattern* out) {
  FramePattern p;
  p.pattern_ = pattern;
  bool converted = false;
  size_t conversion_at = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    std::string& literal = converted ? p.after_ : p.before_;
    if (pattern[i] != '%') {
      literal += pattern[i];
      continue;
    }
    if (i + 1 < pattern.size() && pattern[i + 1] == '%') {
      literal += '%';
      ++i;
      continue;
    }
    size_t j = i + 1;
    const bool zero = j < pattern.size() && pattern[j] == '0';
    if (zero) ++j;
    int width = 0;
    const size_t digits_at = j;
    while (j < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[j])) &&
           j - digits_at < 2) {
      width = width * 10 + (pattern[j] - '0');
      ++j;
    }
    if (j >= pattern.size() || pattern[j] != 'd') {
      return invalid_argument(
          "-o '{}': '{}' is not a frame number conversion (use %d or %06d, and %% for a "
          "percent sign)",
          pattern, pattern.substr(i, std::min<size_t>(j + 1, pattern.size()) - i));
    }
    if (converted) {
      return invalid_argument("-o '{}' has two frame number conversions; it needs exactly one",
                              pattern);
    }
    converted = true;
    conversion_at = i;
    p.width_ = width;
    p.zero_pad_ = zero;
    i = j;
  }
  if (!converted) {
    return invalid_argument(
        "-o '{}' has no frame number conversion; name the frames with one, e.g. "
        "'frames/%06d.png'",
        pattern);
  }
  if (pattern.find('/', conversion_at) != std::string::npos) {
    return invalid_argument(
        "-o '{}': the frame number must be in the file name, not in its directory", pattern);
  }
  *out = std::move(p);
  return Status();
}

std::string FramePattern::path(int64_t k) const {
  std::string number = std::to_string(k);
  if (static_cast<int>(number.size()) < width_) {
    number.insert(0, static_cast<size_t>(width_) - number.size(), zero_pad_ ? '0' : ' ');
  }
  return before_ + number + after_;
}

std::string FramePattern::directory() const {
  const size_t slash = before_.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : before_.substr(0, slash);
}

}  // namespace mandelbrot
