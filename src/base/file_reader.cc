#include "base/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace mandelbrot {
namespace {

std::string naming(const std::string& path, const std::string& what) {
  return what.empty() ? fmt::format("'{}'", path) : fmt::format("{} from '{}'", what, path);
}

// Closes a file descriptor when it goes out of scope.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

Status read_file(const std::string& path, uint64_t max_bytes, const std::string& what,
                 std::vector<uint8_t>* bytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) {
    const int error = errno;
    const std::string message =
        fmt::format("cannot read {}: {}", naming(path, what), std::strerror(error));
    return error == ENOENT ? Status(StatusCode::kNotFound, message)
                           : Status(StatusCode::kInvalidArgument, message);
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    return invalid_argument("cannot read {}: {}", naming(path, what), std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) {
    return invalid_argument("cannot read {}: it is a directory", naming(path, what));
  }
  if (S_ISREG(info.st_mode) && static_cast<uint64_t>(info.st_size) > max_bytes) {
    return invalid_argument("cannot read {}: it has {} bytes, more than the {} this input may have",
                            naming(path, what), info.st_size, max_bytes);
  }
  // Blocking reads from here on; a FIFO without a writer now reads as empty.
  const int flags = ::fcntl(fd.get(), F_GETFL);
  if (flags >= 0) ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);

  std::vector<uint8_t> result;
  if (S_ISREG(info.st_mode)) result.reserve(static_cast<size_t>(info.st_size));
  constexpr size_t kChunk = size_t{1} << 16;
  while (true) {
    const size_t at = result.size();
    if (at > max_bytes) {
      return invalid_argument("cannot read {}: it holds more than the {} bytes this input may have",
                              naming(path, what), max_bytes);
    }
    result.resize(at + kChunk);
    const ssize_t got = ::read(fd.get(), result.data() + at, kChunk);
    if (got < 0) {
      if (errno == EINTR) {
        result.resize(at);
        continue;
      }
      return invalid_argument("cannot read {}: {}", naming(path, what), std::strerror(errno));
    }
    result.resize(at + static_cast<size_t>(got));
    if (got == 0) break;
  }
  if (result.size() > max_bytes) {
    return invalid_argument("cannot read {}: it holds more than the {} bytes this input may have",
                            naming(path, what), max_bytes);
  }
  *bytes = std::move(result);
  return Status();
}

}  // namespace mandelbrot
