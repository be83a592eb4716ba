// Reading a TOML config file (--config FILE, docs/RELIABILITY.md "Config
// files") into flat key/value entries, within bounds: at most kMaxConfigBytes,
// well-formed UTF-8, nested at most kMaxConfigDepth levels (all checked before
// the TOML parser runs).
// Mapping the entries onto options is config_options.h's job.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace mandelbrot {

// A config holds a few option values: 64 KiB is far more than any needs.
inline constexpr uint64_t kMaxConfigBytes = uint64_t{64} << 10;
// Keys are option names, values strings, numbers or short arrays: depth 2.
inline constexpr int kMaxConfigDepth = 8;

// One top-level key of the file and its value.
struct ConfigEntry {
  enum class Kind { kBoolean, kInteger, kFloat, kString, kArray, kTable, kOther };
  std::string key;
  int line = 0;                    // where the key's value is, from 1
  Kind kind = Kind::kOther;        // kOther: a date or time
  std::string text;                // boolean "true"/"false", a number as written, a string
  std::vector<ConfigEntry> items;  // an array's elements (key empty)
};

// "an integer", "a string", ... for messages.
std::string_view config_kind_name(ConfigEntry::Kind kind);

// The entries of TOML text, in the order of the file. `name` names the file in
// errors: "NAME:LINE: ..." for syntax errors (with the parser's explanation),
// for nesting beyond kMaxConfigDepth and for text beyond kMaxConfigBytes.
Status parse_config_text(std::string_view text, const std::string& name,
                         std::vector<ConfigEntry>* entries);

// Reads `path` (at most kMaxConfigBytes; a missing file, a directory or an
// unreadable one named with the system's reason) and parses it.
Status read_config_file(const std::string& path, std::vector<ConfigEntry>* entries);

}  // namespace mandelbrot
