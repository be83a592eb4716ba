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

// A file that appears all at once, or not at all. Bytes go to an unnamed
// temporary file (Linux O_TMPFILE) in the target's directory, so that a process
// killed even by SIGKILL leaves nothing; commit() flushes, links it in under a
// hidden name and renames that over the target. Atomic, not durable: no fsync
// (see output_file.cc). Where O_TMPFILE is not
// available the temporary is a hidden named file from the start, removed when an
// OutputFile that was not committed is destroyed, and on SIGINT, SIGTERM or
// SIGHUP (the process then dies of the signal as it would have). Until commit()
// the target is untouched.
// A symbolic link is followed: its target is replaced and the link stays. An
// existing file keeps its mode, and one without write permission is refused
// (as cp does). A target that exists and is not a regular file (/dev/null, a
// FIFO, a terminal) cannot be replaced and is not: it is written directly.
class OutputFile : public ByteSink {
 public:
  // Creates the temporary file. Fails, naming the path and saying what is true
  // (from errno), when the target is a directory or read-only, or its directory
  // is missing or not writable.
  // With `named`, the temporary is always a hidden named file, so that other
  // processes can open it by temp_path() (cluster renders); it is refused for
  // a target that is not a regular file.
  static Status open(const std::string& path, std::unique_ptr<OutputFile>* file,
                     bool named = false);
  ~OutputFile() override;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  Status write(const void* data, size_t size) override;
  Status flush() override;
  // Makes the file visible under its final name. REQUIRES: called at most once.
  Status commit();

  // The file written: the target of a symbolic link when path was one.
  const std::string& path() const { return path_; }
  // The named temporary; empty for an unnamed one or a special file.
  const std::string& temp_path() const { return temp_path_; }

 private:
  OutputFile(std::string path, std::string temp_path, int fd, bool anonymous);
  void discard();
  Status link_in(int fd);  // commit() of an unnamed temporary

  std::string path_;
  std::string temp_path_;  // empty when writing directly to a special file
  int fd_;
  bool temp_exists_;
  bool anonymous_;  // an O_TMPFILE temporary, linked in by commit()
  FdWriter writer_;
};

// Standard output, buffered.
class StdoutSink : public FdWriter {
 public:
  StdoutSink();
};

}  // namespace mandelbrot
