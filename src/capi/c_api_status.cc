// (The C function `mandelbrot` is hidden: see c_api.cc.)
#define MANDELBROT_C_API_IMPLEMENTATION
#include "mandelbrot/c_api.h"

#include "capi/c_api_status.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <new>

namespace mandelbrot {

int report_error(int code, std::string_view text, char* message, size_t message_size) {
  if (message && message_size > 0) {
    const size_t n = std::min(text.size(), message_size - 1);
    std::memcpy(message, text.data(), n);
    message[n] = '\0';
  }
  return code;
}

int report(const Status& status, char* message, size_t message_size) {
  switch (status.code()) {
    case StatusCode::kOk:
      return MANDELBROT_OK;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
    case StatusCode::kCorruption:
    case StatusCode::kUnsupported:
      return report_error(MANDELBROT_ERROR_INVALID, status.message(), message, message_size);
    case StatusCode::kIOError:
    case StatusCode::kResourceExhausted:
      break;
  }
  return report_error(MANDELBROT_ERROR_FAILED, status.message(), message, message_size);
}

int report_null(char* message, size_t message_size) {
  return report_error(MANDELBROT_ERROR_NULL, mandelbrot_strerror(MANDELBROT_ERROR_NULL), message,
                      message_size);
}

int report_exception(char* message, size_t message_size) {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return report_error(MANDELBROT_ERROR_FAILED, "out of memory", message, message_size);
  } catch (const std::exception& e) {
    return report_error(MANDELBROT_ERROR_FAILED, e.what(), message, message_size);
  } catch (...) {
    return report_error(MANDELBROT_ERROR_FAILED, "unknown failure", message, message_size);
  }
}

}  // namespace mandelbrot
