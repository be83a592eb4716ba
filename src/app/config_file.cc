// TOML is parsed by toml11 (Debian's libtoml11-dev): a maintained parser of the
// whole TOML 1.0 grammar, rather than CLI11's partial reader, whose cost grows
// with the square of a header's depth.
#include "app/config_file.h"

#include <algorithm>
#include <sstream>
#include <toml.hpp>

#include "app/toml_nesting.h"
#include "base/input_stream.h"
#include "base/utf8.h"

namespace mandelbrot {
namespace {

// The first line of toml11's explanation without its "[error] toml::function: "
// prefix, and the hint it puts under the offending text.
std::string syntax_message(const std::string& what) {
  std::istringstream lines(what);
  std::string first;
  std::getline(lines, first);
  if (first.rfind("[error] ", 0) == 0) first.erase(0, 8);
  if (first.rfind("toml::", 0) == 0) {
    const size_t colon = first.find(": ");
    if (colon != std::string::npos) first.erase(0, colon + 2);
  }
  std::string line;
  while (std::getline(lines, line)) {
    const size_t mark = line.find("^--- ");
    if (mark != std::string::npos) return first + " (" + line.substr(mark + 5) + ")";
  }
  return first;
}

ConfigEntry entry_of(const std::string& key, const toml::value& value) {
  ConfigEntry e;
  e.key = key;
  const toml::source_location location = value.location();
  e.line = static_cast<int>(location.line());
  switch (value.type()) {
    case toml::value_t::boolean:
      e.kind = ConfigEntry::Kind::kBoolean;
      e.text = value.as_boolean() ? "true" : "false";
      break;
    case toml::value_t::integer:
      e.kind = ConfigEntry::Kind::kInteger;
      e.text = std::to_string(value.as_integer());
      break;
    case toml::value_t::floating: {
      // The number as written (the view keeps decimal text exactly), without
      // TOML's digit separators.
      e.kind = ConfigEntry::Kind::kFloat;
      const std::string& line = location.line_str();
      const size_t column = location.column() - 1;
      e.text = column < line.size() ? line.substr(column, location.region()) : "";
      std::erase(e.text, '_');
      break;
    }
    case toml::value_t::string:
      e.kind = ConfigEntry::Kind::kString;
      e.text = value.as_string().str;
      break;
    case toml::value_t::array:
      e.kind = ConfigEntry::Kind::kArray;
      for (const toml::value& item : value.as_array()) e.items.push_back(entry_of("", item));
      break;
    case toml::value_t::table:
      e.kind = ConfigEntry::Kind::kTable;
      break;
    default:
      e.kind = ConfigEntry::Kind::kOther;
      break;
  }
  return e;
}

}  // namespace

std::string_view config_kind_name(ConfigEntry::Kind kind) {
  switch (kind) {
    case ConfigEntry::Kind::kBoolean:
      return "a boolean";
    case ConfigEntry::Kind::kInteger:
      return "an integer";
    case ConfigEntry::Kind::kFloat:
      return "a float";
    case ConfigEntry::Kind::kString:
      return "a string";
    case ConfigEntry::Kind::kArray:
      return "an array";
    case ConfigEntry::Kind::kTable:
      return "a table";
    case ConfigEntry::Kind::kOther:
      break;
  }
  return "a date or time";
}

Status parse_config_text(std::string_view text, const std::string& name,
                         std::vector<ConfigEntry>* entries) {
  if (text.size() > kMaxConfigBytes) {
    return invalid_argument("{}: larger than {} bytes, too large for a config file", name,
                            kMaxConfigBytes);
  }
  // TOML is UTF-8, and toml11 3.7 reads past its buffer on some invalid
  // sequences (found by fuzz/toml_fuzzer.cc; reproducer corpus/toml/latin1-string.toml).
  if (const size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    const auto line =
        1 + std::count(text.begin(), text.begin() + static_cast<ptrdiff_t>(bad), '\n');
    return invalid_argument("{}:{}: not UTF-8 (byte 0x{:02x} at offset {}); TOML files are UTF-8",
                            name, line, static_cast<unsigned char>(text[bad]), bad);
  }
  if (Status s = check_toml_nesting(text, name, kMaxConfigDepth); !s.ok()) return s;
  toml::value root;
  try {
    std::istringstream in{std::string(text)};
    root = toml::parse(in, name);
  } catch (const toml::exception& e) {
    return invalid_argument("{}:{}: {}", name, e.location().line(), syntax_message(e.what()));
  } catch (const std::exception& e) {
    return invalid_argument("{}: not a TOML file: {}", name, e.what());
  }
  std::vector<ConfigEntry> result;
  for (const auto& [key, value] : root.as_table()) result.push_back(entry_of(key, value));
  std::stable_sort(result.begin(), result.end(),
                   [](const ConfigEntry& a, const ConfigEntry& b) { return a.line < b.line; });
  *entries = std::move(result);
  return Status();
}

Status read_config_file(const std::string& path, std::vector<ConfigEntry>* entries) {
  std::unique_ptr<InputStream> in;
  if (Status s = InputStream::open(path, &in); !s.ok()) return s.with_prefix("--config: ");
  std::vector<uint8_t> bytes;
  if (Status s = in->read_all(kMaxConfigBytes, &bytes); !s.ok()) {
    return s.with_prefix("--config: ");
  }
  const std::string text(bytes.begin(), bytes.end());
  return parse_config_text(text, path, entries);  // its messages start "PATH:LINE: "
}

}  // namespace mandelbrot
