// The C entry points of the tools on a render's outputs and of the checked
// arithmetic: each calls the code the command line runs (base/content_hash.h,
// tools/compare.h, math/math_command.h), so its figures and messages are the
// command line's.
// (The C function `mandelbrot` is hidden: see c_api.cc.)
#define MANDELBROT_C_API_IMPLEMENTATION
#include "mandelbrot/c_api.h"

#include <fmt/format.h>

#include <cstring>
#include <span>
#include <string>

#include "base/content_hash.h"
#include "base/limits.h"
#include "capi/c_api_status.h"
#include "math/math_command.h"
#include "tools/compare.h"

namespace mandelbrot {
namespace {

template <typename T>
int add(const T* a, size_t a_count, const T* b, size_t b_count, T* sum, size_t sum_count,
        char* message, size_t message_size) {
  if ((a_count > 0 && !a) || (b_count > 0 && !b) || (sum_count > 0 && !sum)) {
    return report_null(message, message_size);
  }
  try {
    return report(checked_add<T>({a, a_count}, {b, b_count}, {sum, sum_count}), message,
                  message_size);
  } catch (...) {
    return report_exception(message, message_size);
  }
}

template <typename T>
int dot(const T* a, size_t a_count, const T* b, size_t b_count, T* result, char* message,
        size_t message_size) {
  if ((a_count > 0 && !a) || (b_count > 0 && !b) || !result) {
    return report_null(message, message_size);
  }
  try {
    return report(checked_dot<T>({a, a_count}, {b, b_count}, result), message, message_size);
  } catch (...) {
    return report_exception(message, message_size);
  }
}

}  // namespace
}  // namespace mandelbrot

extern "C" {

int mandelbrot_content_hash(const int32_t* counts, size_t count_count, char* text,
                            size_t text_size) {
  if ((count_count > 0 && !counts) || !text) return MANDELBROT_ERROR_NULL;
  if (text_size < MANDELBROT_HASH_SIZE) return MANDELBROT_ERROR_SIZE;
  try {
    mandelbrot::ContentHash hash;
    hash.add({counts, count_count});
    const std::string digest = hash.text();
    if (digest.size() + 1 > text_size) return MANDELBROT_ERROR_SIZE;
    std::memcpy(text, digest.c_str(), digest.size() + 1);
    return MANDELBROT_OK;
  } catch (...) {
    return MANDELBROT_ERROR_FAILED;
  }
}

int mandelbrot_compare(const int32_t* a, const int32_t* b, int32_t width, int32_t height,
                       int32_t channels, const char* max_diff, const char* max_differing,
                       char* json, size_t json_size, char* message, size_t message_size) {
  using mandelbrot::report_error;
  if (!a || !b || !json) return mandelbrot::report_null(message, message_size);
  if (width < 1 || height < 1 || width > mandelbrot::kMaxImageSide ||
      height > mandelbrot::kMaxImageSide) {
    return report_error(MANDELBROT_ERROR_SIZE,
                        fmt::format("the images must be 1 to {} pixels on a side, got {}x{}",
                                    mandelbrot::kMaxImageSide, width, height),
                        message, message_size);
  }
  if (channels != 1 && channels != 3) {
    return report_error(
        MANDELBROT_ERROR_SIZE,
        fmt::format("channels must be 1 (counts) or 3 (RGB pixels), got {}", channels), message,
        message_size);
  }
  try {
    mandelbrot::CompareOptions options;
    if (max_diff) options.max_diff = max_diff;
    if (max_differing) options.max_differing = max_differing;
    const auto kind =
        channels == 1 ? mandelbrot::ImageKind::kCounts : mandelbrot::ImageKind::kImage;
    mandelbrot::CompareResult r;
    if (mandelbrot::Status s =
            mandelbrot::start_comparison(options, kind, width, height, channels, &r);
        !s.ok()) {
      return mandelbrot::report(s, message, message_size);
    }
    const size_t row = static_cast<size_t>(width) * static_cast<size_t>(channels);
    for (int32_t y = 0; y < height; ++y) {
      const size_t at = static_cast<size_t>(y) * row;
      mandelbrot::compare_row(a + at, b + at, &r, nullptr);
    }
    mandelbrot::finish_comparison(&r);
    const std::string text = mandelbrot::compare_json(r);
    if (text.size() + 1 > json_size) {
      return report_error(
          MANDELBROT_ERROR_SIZE,
          fmt::format("json holds {} bytes, the figures need {}", json_size, text.size() + 1),
          message, message_size);
    }
    std::memcpy(json, text.c_str(), text.size() + 1);
    return MANDELBROT_OK;
  } catch (...) {
    return mandelbrot::report_exception(message, message_size);
  }
}

int mandelbrot_add_int32(const int32_t* a, size_t a_count, const int32_t* b, size_t b_count,
                         int32_t* sum, size_t sum_count, char* message, size_t message_size) {
  return mandelbrot::add(a, a_count, b, b_count, sum, sum_count, message, message_size);
}

int mandelbrot_add_float32(const float* a, size_t a_count, const float* b, size_t b_count,
                           float* sum, size_t sum_count, char* message, size_t message_size) {
  return mandelbrot::add(a, a_count, b, b_count, sum, sum_count, message, message_size);
}

int mandelbrot_dot_int32(const int32_t* a, size_t a_count, const int32_t* b, size_t b_count,
                         int32_t* result, char* message, size_t message_size) {
  return mandelbrot::dot(a, a_count, b, b_count, result, message, message_size);
}

int mandelbrot_dot_float32(const float* a, size_t a_count, const float* b, size_t b_count,
                           float* result, char* message, size_t message_size) {
  return mandelbrot::dot(a, a_count, b, b_count, result, message, message_size);
}

}  // extern "C"
