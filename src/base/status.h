// Status: the outcome of an operation: ok, or what went wrong and one line of
// text for the user. Only the app layer turns a Status into an exit code
// (app/exit_code.h); the C library turns it into its error numbers.
#pragma once

#include <fmt/format.h>

#include <string>
#include <utility>

namespace mandelbrot {

// What went wrong.
enum class StatusCode {
  kOk,
  kInvalidArgument,    // a value given by the caller is wrong (bad option, bad number, ...)
  kNotFound,           // a named input does not exist
  kCorruption,         // an input exists but its content is damaged or not what it claims
  kUnsupported,        // a valid request this program does not do (yet)
  kIOError,            // reading or writing failed at run time (disk full, permissions, ...)
  kResourceExhausted,  // memory or another resource ran out
};

// Either ok, or an error with a code and one line of text. Cheap to copy.
class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // The same code with `prefix` put before the message ("reading x: " + message).
  Status with_prefix(const std::string& prefix) const {
    return ok() ? *this : Status(code_, prefix + message_);
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Shorthands that format the message with {fmt}, one per code.
template <typename... Args>
Status invalid_argument(fmt::format_string<Args...> format, Args&&... args) {
  return Status(StatusCode::kInvalidArgument, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
Status not_found(fmt::format_string<Args...> format, Args&&... args) {
  return Status(StatusCode::kNotFound, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
Status corruption(fmt::format_string<Args...> format, Args&&... args) {
  return Status(StatusCode::kCorruption, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
Status unsupported(fmt::format_string<Args...> format, Args&&... args) {
  return Status(StatusCode::kUnsupported, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
Status io_error(fmt::format_string<Args...> format, Args&&... args) {
  return Status(StatusCode::kIOError, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
Status resource_exhausted(fmt::format_string<Args...> format, Args&&... args) {
  return Status(StatusCode::kResourceExhausted, fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace mandelbrot
