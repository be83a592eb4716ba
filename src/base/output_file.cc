// Atomic file output (temporary file, then rename) and buffered descriptor writes.
#include "base/output_file.h"

#include "base/interrupt.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>

namespace mandelbrot {
namespace {

constexpr size_t kBufferSize = size_t{1} << 20;

mode_t default_file_mode() {
  const mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

std::string directory_of(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// The hidden temporary beside `path`: ".NAME.tmp-XXXXXX".
std::string temp_name_for(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  const std::string prefix = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  return prefix + "." + base + ".tmp-XXXXXX";
}

// `path` with symbolic links in its last component followed (also dangling
// ones: their target is created).
Status resolve_links(const std::string& path, std::string* target) {
  std::string current = path;
  for (int depth = 0; depth < 40; ++depth) {
    struct stat info = {};
    if (::lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) {
      *target = current;
      return Status();
    }
    std::string link(4096, '\0');
    const ssize_t n = ::readlink(current.c_str(), link.data(), link.size());
    if (n < 0 || static_cast<size_t>(n) == link.size()) {
      return io_error("cannot write '{}': cannot read the link '{}'", path, current);
    }
    link.resize(static_cast<size_t>(n));
    current = link.front() == '/' ? link : directory_of(current) + "/" + link;
  }
  return io_error("cannot write '{}': {}", path, std::strerror(ELOOP));
}

}  // namespace

FdWriter::FdWriter(int fd, std::string name) : fd_(fd), name_(std::move(name)) {
  buffer_.reserve(kBufferSize);
}

Status FdWriter::write(const void* data, size_t size) {
  const char* bytes = static_cast<const char*>(data);
  // Large writes (a raw band is 1 MiB) go straight to the file, uncopied.
  if (buffer_.size() + size > kBufferSize || size >= kBufferSize) {
    if (Status s = flush(); !s.ok()) return s;
    if (size >= kBufferSize) return write_through(bytes, size);
  }
  buffer_.insert(buffer_.end(), bytes, bytes + size);
  return Status();
}

Status FdWriter::flush() {
  Status s = write_through(buffer_.data(), buffer_.size());
  buffer_.clear();
  return s;
}

Status FdWriter::write_through(const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return io_error("cannot write {}: {}", name_, std::strerror(errno));
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
  return Status();
}

StdoutSink::StdoutSink() : FdWriter(STDOUT_FILENO, "to standard output") {}

Status OutputFile::open(const std::string& path, std::unique_ptr<OutputFile>* file, bool named) {
  struct stat info = {};
  if (path.empty() || path.back() == '/' ||
      (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode))) {
    return io_error("cannot write '{}': it is a directory", path);
  }
  // A symbolic link is followed: its target is replaced, the link stays.
  std::string target;
  if (Status s = resolve_links(path, &target); !s.ok()) return s;
  mode_t mode = default_file_mode();
  if (::stat(target.c_str(), &info) == 0) {
    if (!S_ISREG(info.st_mode) && named) {
      return io_error("cannot write '{}': it is not a regular file", path);
    }
    if (!S_ISREG(info.st_mode)) {
      // A device, FIFO or socket: renaming over it would replace it with a file.
      const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
      if (fd < 0) return io_error("cannot write '{}': {}", path, std::strerror(errno));
      file->reset(new OutputFile(target, "", fd, false));
      return Status();
    }
    // As cp does: a file its owner made read-only is not replaced behind their back.
    if (::access(target.c_str(), W_OK) != 0) {
      return io_error("cannot write '{}': it is read-only (mode {:04o}); remove it first", path,
                      info.st_mode & 07777);
    }
    mode = info.st_mode & 07777;  // the replacement keeps the file's mode
  }
  const std::string dir = directory_of(target);
  install_interrupt_cleanup();
#ifdef O_TMPFILE
  // An unnamed file: if the process dies, even of SIGKILL, nothing is left.
  const int anonymous = named ? -1 : ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (anonymous >= 0) {
    ::fchmod(anonymous, mode);
    file->reset(new OutputFile(target, "", anonymous, true));
    return Status();
  }
#endif
  // Elsewhere, or on file systems without O_TMPFILE: a hidden named temporary.
  std::string temp_path = temp_name_for(target);
  const int fd = ::mkostemp(temp_path.data(), O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    struct stat dir_info = {};
    if (error == ENOENT && ::stat(dir.c_str(), &dir_info) != 0) {
      return io_error("cannot write '{}': directory '{}' does not exist", path, dir);
    }
    if (error == ENOTDIR) return io_error("cannot write '{}': '{}' is not a directory", path, dir);
    return io_error("cannot write '{}': cannot create a file in '{}': {}", path, dir,
                    std::strerror(error));
  }
  track_temp_file(temp_path);
  ::fchmod(fd, mode);
  file->reset(new OutputFile(target, std::move(temp_path), fd, false));
  return Status();
}

OutputFile::OutputFile(std::string path, std::string temp_path, int fd, bool anonymous)
    : path_(std::move(path)),
      temp_path_(std::move(temp_path)),
      fd_(fd),
      temp_exists_(!temp_path_.empty()),
      anonymous_(anonymous),
      writer_(fd, "'" + path_ + "'") {}

OutputFile::~OutputFile() { discard(); }

void OutputFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_exists_) return;
  ::unlink(temp_path_.c_str());
  untrack_temp_file(temp_path_);
  temp_exists_ = false;
}

Status OutputFile::write(const void* data, size_t size) { return writer_.write(data, size); }

Status OutputFile::flush() { return writer_.flush(); }

Status OutputFile::commit() {
  if (Status s = writer_.flush(); !s.ok()) {
    discard();
    return s;
  }
  const int fd = fd_;
  fd_ = -1;
  if (anonymous_) return link_in(fd);
  if (!temp_exists_) {  // written directly to a special file
    if (::close(fd) != 0) return io_error("cannot write '{}': {}", path_, std::strerror(errno));
    return Status();
  }
  // No fsync: "atomic" here means that no reader and no interrupted or failed
  // run ever sees a partial file under the target's name, and rename() alone
  // gives that. fsync would add durability across a power loss or OS crash,
  // which the program does not promise, at the cost of waiting for the disk on
  // every render (docs/PERFORMANCE.md). close() still reports write-back errors
  // the file system knows of.
  const int error = ::close(fd) == 0 ? 0 : errno;
  if (error != 0) {
    discard();
    return io_error("cannot write '{}': {}", path_, std::strerror(error));
  }
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const int error = errno;
    discard();
    return io_error("cannot rename '{}' to '{}': {}", temp_path_, path_, std::strerror(error));
  }
  untrack_temp_file(temp_path_);
  temp_exists_ = false;
  return Status();
}

Status OutputFile::link_in(int fd) {
  int error = 0;  // no fsync, as in commit()
  // The unnamed file gets a hidden name, then replaces the target atomically
  // (linkat cannot replace an existing file).
  std::string temp_path;
  for (int attempt = 0; error == 0 && attempt < 100; ++attempt) {
    temp_path = temp_name_for(path_);
    const std::string letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    uint64_t seed = static_cast<uint64_t>(::getpid()) * 1000003u + static_cast<uint64_t>(attempt) +
                    static_cast<uint64_t>(reinterpret_cast<uintptr_t>(this));
    for (size_t i = temp_path.size() - 6; i < temp_path.size(); ++i) {
      seed = seed * 6364136223846793005u + 1442695040888963407u;
      temp_path[i] = letters[(seed >> 33) % letters.size()];
    }
    const std::string proc_path = fmt::format("/proc/self/fd/{}", fd);
    track_temp_file(temp_path);
    if (::linkat(AT_FDCWD, proc_path.c_str(), AT_FDCWD, temp_path.c_str(), AT_SYMLINK_FOLLOW) ==
        0) {
      break;
    }
    untrack_temp_file(temp_path);
    temp_path.clear();
    if (errno != EEXIST) error = errno;
  }
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && temp_path.empty()) error = EEXIST;
  if (error != 0) return io_error("cannot write '{}': {}", path_, std::strerror(error));
  if (::rename(temp_path.c_str(), path_.c_str()) != 0) {
    error = errno;
    ::unlink(temp_path.c_str());
    untrack_temp_file(temp_path);
    return io_error("cannot write '{}': {}", path_, std::strerror(error));
  }
  untrack_temp_file(temp_path);
  return Status();
}

}  // namespace mandelbrot
