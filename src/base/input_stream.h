// Reading an input named by the user as a stream of bytes, in bounded memory:
// the one way image readers take their bytes, so that directories, special
// files, FIFOs, standard input and endless sources (/dev/zero) are handled the
// same everywhere and nothing is read beyond what the format's header justifies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace mandelbrot {

// Buffered reads from a file descriptor (owned) or from bytes in memory.
// Errors name the input (`name()`); offsets count from the first byte.
class InputStream {
 public:
  // Opens `path`; "-" is standard input. A FIFO with no writer reads as empty
  // instead of waiting. kNotFound when the file does not exist;
  // kInvalidArgument for a directory or a file that cannot be opened.
  static Status open(const std::string& path, std::unique_ptr<InputStream>* stream);
  // A stream over a copy of `bytes`, named `name` (fuzzers and tests).
  static std::unique_ptr<InputStream> from_bytes(const uint8_t* data, size_t size,
                                                 std::string name);
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  const std::string& name() const { return name_; }
  uint64_t offset() const { return offset_; }

  // Up to `size` bytes ahead without consuming them (fewer at the end).
  // REQUIRES: size <= 4096.
  Status peek(size_t size, std::vector<uint8_t>* bytes);
  // Reads up to `size` bytes into data; *got < size only at the end.
  Status read(uint8_t* data, size_t size, size_t* got);
  // Exactly `size` bytes, else kCorruption "'NAME': truncated at byte N (WHAT)".
  Status read_exact(uint8_t* data, size_t size, const char* what);
  // Reads and drops exactly `size` bytes (kCorruption when truncated).
  Status skip(uint64_t size, const char* what);
  // True when no byte is left.
  Status at_end(bool* end);
  // Everything left, at most max_bytes: kInvalidArgument naming the limit
  // when there is more (an endless source stops there).
  Status read_all(uint64_t max_bytes, std::vector<uint8_t>* bytes);

 private:
  InputStream(int fd, std::string name);
  Status fill();  // reads more into buffer_ when it is empty; eof_ at the end

  int fd_;  // -1 for bytes in memory
  std::string name_;
  std::vector<uint8_t> buffer_;
  size_t begin_ = 0;  // unread bytes are buffer_[begin_, end_)
  size_t end_ = 0;
  uint64_t offset_ = 0;
  bool eof_ = false;
};

}  // namespace mandelbrot
