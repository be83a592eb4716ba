// Reading a whole input file named by the user: the one way every subcommand
// reads its inputs, so that directories, special files and huge files are
// handled the same everywhere.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace mandelbrot {

// Reads all of `path` into *bytes. `max_bytes` is the most this kind of input
// may hold: reading stops there with an error, so an endless source (/dev/zero)
// or a huge file costs no more than the limit. A FIFO with no writer reads as
// empty instead of waiting. Errors (the message names the file; `what`, when not
// empty, says what it was read for: "cannot read A from 'x': ..."):
// kNotFound when it does not exist, kInvalidArgument for a directory, a file
// over the limit, or one that cannot be opened or read.
Status read_file(const std::string& path, uint64_t max_bytes, const std::string& what,
                 std::vector<uint8_t>* bytes);

}  // namespace mandelbrot
