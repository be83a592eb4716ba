// Status: the outcome of an operation, and the process exit codes it maps to.
#pragma once

#include <fmt/format.h>

#include <string>
#include <utility>

namespace mandelbrot {

// Exit codes shared by every subcommand.
enum ExitCode : int {
  kExitSuccess = 0,  // done (for `compare`: the inputs match)
  kExitFailure = 1,  // valid request that failed at run time (I/O, memory, ...)
  kExitUsage = 2,    // the request itself was wrong (bad option, bad value, ...)
};

// Either ok, or an error carrying one line of text meant for the user. A usage
// error says the caller's input was wrong; a failure says the input was fine but
// the work could not be done. Cheap to copy; compare with ok().
class Status {
 public:
  Status() = default;  // ok

  static Status usage(std::string message) { return Status(Kind::kUsage, std::move(message)); }
  static Status failure(std::string message) { return Status(Kind::kFailure, std::move(message)); }

  bool ok() const { return kind_ == Kind::kOk; }
  bool is_usage() const { return kind_ == Kind::kUsage; }
  const std::string& message() const { return message_; }
  // kExitSuccess, kExitUsage or kExitFailure.
  int exit_code() const {
    return kind_ == Kind::kOk ? kExitSuccess : kind_ == Kind::kUsage ? kExitUsage : kExitFailure;
  }

 private:
  enum class Kind { kOk, kUsage, kFailure };
  Status(Kind kind, std::string message) : kind_(kind), message_(std::move(message)) {}

  Kind kind_ = Kind::kOk;
  std::string message_;
};

// Shorthands that format the message with {fmt}.
template <typename... Args>
Status usage_error(fmt::format_string<Args...> format, Args&&... args) {
  return Status::usage(fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
Status failure(fmt::format_string<Args...> format, Args&&... args) {
  return Status::failure(fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace mandelbrot
