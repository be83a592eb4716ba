#include "video/frame_manifest.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>

#include "base/content_hash.h"
#include "base/file_reader.h"
#include "base/output_file.h"

namespace mandelbrot {
namespace {

// A manifest holds a few hundred bytes per frame.
constexpr uint64_t kMaxManifestBytes = uint64_t{1} << 30;
constexpr size_t kHashChunk = size_t{1} << 20;

std::string line_of(const FrameRecord& r) {
  nlohmann::ordered_json j;
  j["file"] = r.file;
  j["request"] = nlohmann::ordered_json::parse(r.request);
  j["counts_hash"] = r.counts_hash;
  j["file_hash"] = r.file_hash;
  return j.dump() + "\n";
}

bool parse_line(const std::string& line, FrameRecord* r) {
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(line, nullptr, false);
  if (!j.is_object()) return false;
  for (const char* key : {"file", "counts_hash", "file_hash"}) {
    if (!j.contains(key) || !j.at(key).is_string()) return false;
  }
  if (!j.contains("request") || !j.at("request").is_object()) return false;
  r->file = j.at("file").get<std::string>();
  r->request = j.at("request").dump();
  r->counts_hash = j.at("counts_hash").get<std::string>();
  r->file_hash = j.at("file_hash").get<std::string>();
  return true;
}

}  // namespace

Status read_manifest(const std::string& path, std::map<std::string, FrameRecord>* records) {
  records->clear();
  std::vector<uint8_t> bytes;
  const Status s = read_file(path, kMaxManifestBytes, "the frame manifest", &bytes);
  if (s.code() == StatusCode::kNotFound) return Status();
  if (!s.ok()) return s;
  const std::string text(bytes.begin(), bytes.end());
  size_t begin = 0;
  // Only lines ended by a newline are whole: the last may have been cut short.
  for (size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', begin)) {
    FrameRecord r;
    if (parse_line(text.substr(begin, end - begin), &r)) (*records)[r.file] = std::move(r);
    begin = end + 1;
  }
  return Status();
}

Status write_manifest(const std::string& path, const std::vector<FrameRecord>& records) {
  std::unique_ptr<OutputFile> file;
  if (Status s = OutputFile::open(path, &file); !s.ok()) return s;
  for (const FrameRecord& r : records) {
    const std::string line = line_of(r);
    if (Status s = file->write(line.data(), line.size()); !s.ok()) return s;
  }
  return file->commit();
}

Status append_manifest(const std::string& path, const FrameRecord& record) {
  const std::string line = line_of(record);
  const int fd = open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return io_error("cannot open the frame manifest '{}': {}", path, std::strerror(errno));
  const ssize_t written = write(fd, line.data(), line.size());
  const int write_errno = errno;
  const bool closed = close(fd) == 0;
  if (written != static_cast<ssize_t>(line.size()) || !closed) {
    return io_error("cannot write the frame manifest '{}': {}", path,
                    written < 0 ? std::strerror(write_errno) : "short write");
  }
  return Status();
}

Status file_hash(const std::string& path, std::string* hash) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) {
    if (errno == ENOENT) return not_found("no frame '{}'", path);
    return io_error("cannot read the frame '{}': {}", path, std::strerror(errno));
  }
  std::unique_ptr<XXH3_state_t, XXH_errorcode (*)(XXH3_state_t*)> state(XXH3_createState(),
                                                                        &XXH3_freeState);
  XXH3_128bits_reset(state.get());
  std::vector<char> buffer(kHashChunk);
  size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) {
    XXH3_128bits_update(state.get(), buffer.data(), got);
  }
  if (std::ferror(file.get())) {
    return io_error("cannot read the frame '{}': {}", path, std::strerror(errno));
  }
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state.get()));
  std::string text = kHashPrefix;
  for (unsigned char byte : canonical.digest) text += fmt::format("{:02x}", byte);
  *hash = text;
  return Status();
}

}  // namespace mandelbrot
