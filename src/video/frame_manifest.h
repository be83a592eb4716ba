// The manifest of a numbered frame sequence: one line of JSON per finished
// frame, beside the frames, so that a rerun keeps the frames that match
// (docs/SEMANTICS.md, "Zoom videos", Resuming).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace mandelbrot {

// One finished frame.
struct FrameRecord {
  std::string file;         // the frame's path, as the pattern names it
  std::string request;      // JSON object: everything that decides the file's bytes
  std::string counts_hash;  // the content hash of its counts (base/content_hash.h)
  std::string file_hash;    // file_hash() of the file as written
};

// The records of the manifest at `path`, the latest line of each file winning.
// A missing manifest has none; a line that is not a whole record (cut short
// by an interruption, edited) is skipped. Errors only when the file exists
// but cannot be read.
Status read_manifest(const std::string& path, std::map<std::string, FrameRecord>* records);

// Replaces the manifest with `records`, atomically (base/output_file.h).
Status write_manifest(const std::string& path, const std::vector<FrameRecord>& records);

// Adds one record at the end of the manifest in a single write, creating the
// file when missing: an interruption leaves at most one incomplete last line.
Status append_manifest(const std::string& path, const FrameRecord& record);

// "xxh3-128:" and 32 hex digits of XXH3-128 over the bytes of the file at
// `path`; a kNotFound error when it does not exist.
Status file_hash(const std::string& path, std::string* hash);

}  // namespace mandelbrot
