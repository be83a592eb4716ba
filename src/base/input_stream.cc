#include "base/input_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace mandelbrot {
namespace {

constexpr size_t kBufferBytes = size_t{1} << 16;
constexpr size_t kMaxPeek = 4096;

}  // namespace

InputStream::InputStream(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}

InputStream::~InputStream() {
  if (fd_ > STDIN_FILENO) ::close(fd_);
}

Status InputStream::open(const std::string& path, std::unique_ptr<InputStream>* stream) {
  int fd = STDIN_FILENO;
  const std::string name = path == "-" ? "standard input" : path;
  if (path != "-") {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      const int error = errno;
      const std::string message = fmt::format("cannot read '{}': {}", name, std::strerror(error));
      return error == ENOENT ? Status(StatusCode::kNotFound, message)
                             : Status(StatusCode::kInvalidArgument, message);
    }
  }
  std::unique_ptr<InputStream> result(new InputStream(fd, name));
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    return invalid_argument("cannot read '{}': {}", name, std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) return invalid_argument("cannot read '{}': it is a directory", name);
  if (path != "-") {
    // Blocking reads from here on; a FIFO without a writer now reads as empty.
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  }
  result->buffer_.resize(kBufferBytes);
  *stream = std::move(result);
  return Status();
}

std::unique_ptr<InputStream> InputStream::from_bytes(const uint8_t* data, size_t size,
                                                     std::string name) {
  std::unique_ptr<InputStream> stream(new InputStream(-1, std::move(name)));
  stream->buffer_.assign(data, data + size);
  stream->end_ = size;
  return stream;
}

Status InputStream::fill() {
  if (begin_ < end_ || eof_) return Status();
  if (fd_ < 0) {
    eof_ = true;
    return Status();
  }
  begin_ = end_ = 0;
  while (true) {
    const ssize_t got = ::read(fd_, buffer_.data(), buffer_.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return invalid_argument("cannot read '{}': {}", name_, std::strerror(errno));
    end_ = static_cast<size_t>(got);
    eof_ = got == 0;
    return Status();
  }
}

Status InputStream::peek(size_t size, std::vector<uint8_t>* bytes) {
  size = std::min(size, kMaxPeek);
  if (end_ - begin_ < size && fd_ >= 0 && !eof_) {
    // Move what is left to the front and read until `size` bytes or the end.
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
    while (end_ < size) {
      const ssize_t got = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return invalid_argument("cannot read '{}': {}", name_, std::strerror(errno));
      if (got == 0) break;
      end_ += static_cast<size_t>(got);
    }
  }
  const size_t n = std::min(size, end_ - begin_);
  bytes->assign(buffer_.begin() + static_cast<std::ptrdiff_t>(begin_),
                buffer_.begin() + static_cast<std::ptrdiff_t>(begin_ + n));
  return Status();
}

Status InputStream::read(uint8_t* data, size_t size, size_t* got) {
  *got = 0;
  while (*got < size) {
    if (Status s = fill(); !s.ok()) return s;
    if (begin_ == end_) break;
    const size_t n = std::min(size - *got, end_ - begin_);
    std::memcpy(data + *got, buffer_.data() + begin_, n);
    begin_ += n;
    offset_ += n;
    *got += n;
  }
  return Status();
}

Status InputStream::read_exact(uint8_t* data, size_t size, const char* what) {
  size_t got = 0;
  if (Status s = read(data, size, &got); !s.ok()) return s;
  if (got < size) return corruption("'{}': truncated at byte {} ({})", name_, offset_, what);
  return Status();
}

Status InputStream::skip(uint64_t size, const char* what) {
  while (size > 0) {
    if (Status s = fill(); !s.ok()) return s;
    if (begin_ == end_) return corruption("'{}': truncated at byte {} ({})", name_, offset_, what);
    const size_t n = static_cast<size_t>(std::min<uint64_t>(size, end_ - begin_));
    begin_ += n;
    offset_ += n;
    size -= n;
  }
  return Status();
}

Status InputStream::at_end(bool* end) {
  if (Status s = fill(); !s.ok()) return s;
  *end = begin_ == end_;
  return Status();
}

Status InputStream::read_all(uint64_t max_bytes, std::vector<uint8_t>* bytes) {
  std::vector<uint8_t> result;
  while (true) {
    if (Status s = fill(); !s.ok()) return s;
    if (begin_ == end_) break;
    const size_t n = end_ - begin_;
    if (result.size() + n > max_bytes) {
      return invalid_argument(
          "cannot read '{}': it holds more than the {} bytes this input may have", name_,
          max_bytes);
    }
    result.insert(result.end(), buffer_.begin() + static_cast<std::ptrdiff_t>(begin_),
                  buffer_.begin() + static_cast<std::ptrdiff_t>(end_));
    offset_ += n;
    begin_ = end_;
  }
  *bytes = std::move(result);
  return Status();
}

}  // namespace mandelbrot
