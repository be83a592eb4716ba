// Byte sinks: where encoders put their bytes. OutputFile writes a file
// atomically; StdoutSink writes to standard output.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace mandelbrot {

// Something bytes can be appended to. Buffered: bytes may stay in memory until
// flush(). A write error is returned as a failure naming the destination.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual Status write(const void* data, size_t size) = 0;
  virtual Status flush() = 0;
};

// Buffered writes to a file descriptor it does not own; `name` is used in
// error messages.
class FdWriter : public ByteSink {
 public:
  FdWriter(int fd, std::string name);
  Status write(const void* data, size_t size) override;
  Status flush() override;

 private:
  Status write_through(const char* data, size_t size);

  int fd_;
  std::string name_;
  std::vector<char> buffer_;
};

// A file that appears all at once, or not at all. Bytes go to a temporary file
// in the target's directory; commit() flushes, closes and renames it over the
// target. Until then the target is untouched. Atomic, not durable: no fsync, so
// a power loss right after commit() may lose the new file's contents (see
// output_file.cc). Destroying an OutputFile that was
// not committed removes the temporary file, and so does SIGINT, SIGTERM or SIGHUP
// while it is open (the process then dies of the signal as it would have).
// A target that exists and is not a regular file (/dev/null, a FIFO, a
// terminal) cannot be replaced and is not: it is written directly.
class OutputFile : public ByteSink {
 public:
  // Creates the temporary file. Fails, naming the path, when the target is a
  // directory or its directory is missing or not writable.
  static Status open(const std::string& path, std::unique_ptr<OutputFile>* file);
  ~OutputFile() override;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  Status write(const void* data, size_t size) override;
  Status flush() override;
  // Makes the file visible under its final name. REQUIRES: called at most once.
  Status commit();

  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

 private:
  OutputFile(std::string path, std::string temp_path, int fd);
  void discard();

  std::string path_;
  std::string temp_path_;  // empty when writing directly to a special file
  int fd_;
  bool temp_exists_;
  FdWriter writer_;
};

// Standard output, buffered.
class StdoutSink : public FdWriter {
 public:
  StdoutSink();
};

}  // namespace mandelbrot
