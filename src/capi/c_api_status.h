// How the C library reports an outcome: a MANDELBROT_ERROR_* code, and the
// command line's message copied into the caller's buffer.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/status.h"

namespace mandelbrot {

// Copies text into message (message_size bytes, NUL terminated, truncated if
// need be) when message is not null and message_size > 0, and returns code.
int report_error(int code, std::string_view text, char* message, size_t message_size);

// MANDELBROT_OK for an ok status; MANDELBROT_ERROR_INVALID for a request that is
// wrong (the errors the command line exits 2 for), MANDELBROT_ERROR_FAILED for
// a valid request that failed (exit 1); the message as report_error() copies it.
int report(const Status& status, char* message, size_t message_size);

// report_error() of MANDELBROT_ERROR_NULL with its mandelbrot_strerror() text.
int report_null(char* message, size_t message_size);

// report_error() of MANDELBROT_ERROR_FAILED for an exception that reached a C
// entry point (running out of memory, above all).
int report_exception(char* message, size_t message_size);

}  // namespace mandelbrot
