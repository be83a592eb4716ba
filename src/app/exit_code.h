// Process exit codes, shared by every subcommand, and the one place where a
// Status becomes one. The rule: 2 when the request is wrong and running it again
// unchanged cannot succeed (a bad option or value, an input that is missing,
// damaged or unsupported); 1 when a valid request failed while running (I/O,
// memory). `compare` keeps its own 0 match / 1 different / 2 error.
#pragma once

#include "base/status.h"

namespace mandelbrot {

enum ExitCode : int {
  kExitSuccess = 0,  // done (for `compare`: the inputs match)
  kExitFailure = 1,  // a valid request that failed at run time
  kExitUsage = 2,    // the request itself was wrong
};

// kExitSuccess for ok, else kExitUsage or kExitFailure by the rule above.
inline int exit_code_of(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return kExitSuccess;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
    case StatusCode::kCorruption:
    case StatusCode::kUnsupported:
      return kExitUsage;
    case StatusCode::kIOError:
    case StatusCode::kResourceExhausted:
      return kExitFailure;
  }
  return kExitFailure;
}

}  // namespace mandelbrot
