#include "render/shared_options.h"

#include <omp.h>

#include <climits>

#include "base/limits.h"
#include "base/parse.h"

namespace mandelbrot {

Status parse_ranged(const std::string& text, const char* option, int64_t lo, int64_t hi,
                    int64_t* value) {
  int64_t v = 0;
  if (Status s = parse_int64(text, option, &v); !s.ok()) return s;
  if (v < lo || v > hi) {
    return invalid_argument("{} must be between {} and {}, got '{}'", option, lo, hi, text);
  }
  *value = v;
  return Status();
}

Status parse_image_side(const std::string& text, const char* option, int32_t* side) {
  int64_t v = 0;
  if (Status s = parse_ranged(text, option, 1, kMaxImageSide, &v); !s.ok()) return s;
  *side = static_cast<int32_t>(v);
  return Status();
}

Status parse_iterations(const std::string& text, int32_t* iterations) {
  int64_t v = 0;
  if (Status s = parse_ranged(text, "--iter", 1, INT32_MAX, &v); !s.ok()) return s;
  *iterations = static_cast<int32_t>(v);
  return Status();
}

Status parse_threads(const std::optional<std::string>& text, int* threads) {
  int64_t v = 0;
  if (text) {
    if (Status s = parse_ranged(*text, "--threads", 0, kMaxThreads, &v); !s.ok()) return s;
  }
  *threads = v == 0 ? std::min(omp_get_max_threads(), kMaxThreads) : static_cast<int>(v);
  return Status();
}

}  // namespace mandelbrot
