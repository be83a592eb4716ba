#include "tools/embedded_params.h"

#include <fmt/format.h>

#include "base/input_stream.h"
#include "formats/png/png_chunks.h"
#include "formats/png/png_text.h"

namespace mandelbrot {
namespace {

bool is_parameter(const std::string& key) {
  return key != "program" && key != "version" && key != "hash";
}

std::string value_text(const nlohmann::json& j, const std::string& key) {
  if (!j.contains(key)) return "none";
  const nlohmann::json& v = j.at(key);
  return v.is_string() ? v.get<std::string>()
                       : v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Status read_embedded_params(const std::string& path, std::optional<nlohmann::json>* params) {
  std::unique_ptr<InputStream> in;
  if (Status s = InputStream::open(path, &in); !s.ok()) return s;
  std::vector<uint8_t> start;
  if (Status s = in->peek(kPngSignature.size(), &start); !s.ok()) return s;
  params->reset();
  if (std::string_view(reinterpret_cast<const char*>(start.data()), start.size()) !=
      kPngSignature) {
    return Status();
  }
  PngHeader header;
  std::optional<std::string> text;
  if (Status s = scan_png(*in, kParamsKeyword, &header, &text); !s.ok()) return s;
  if (!text) return Status();
  nlohmann::json j = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) {
    return corruption("'{}': its embedded parameters are not a JSON object", path);
  }
  *params = std::move(j);
  return Status();
}

std::vector<std::string> parameter_differences(const nlohmann::json& a, const nlohmann::json& b) {
  std::vector<std::string> keys;
  for (const auto* side : {&a, &b}) {
    for (const auto& [key, value] : side->items()) {
      if (is_parameter(key) && std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(key);
      }
    }
  }
  std::vector<std::string> differences;
  for (const std::string& key : keys) {
    const bool same = a.contains(key) && b.contains(key) && a.at(key) == b.at(key);
    if (!same) {
      differences.push_back(
          fmt::format("{}: {} vs {}", key, value_text(a, key), value_text(b, key)));
    }
  }
  return differences;
}

}  // namespace mandelbrot
