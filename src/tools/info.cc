#include "tools/info.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "formats/image_reader.h"

namespace mandelbrot {

Status describe_file(const std::string& path, std::optional<std::pair<int32_t, int32_t>> raw_size,
                     bool json, std::string* description) {
  LoadedImage image;
  if (Status s = read_image(path, std::nullopt, raw_size, &image); !s.ok()) return s;
  const auto [lo, hi] = std::minmax_element(image.samples.begin(), image.samples.end());
  const std::string format(output_format_name(image.format));
  nlohmann::ordered_json params;
  if (image.parameters) {
    params = nlohmann::ordered_json::parse(*image.parameters, nullptr, false);
    if (params.is_discarded()) params = *image.parameters;  // shown as it is
  }
  if (json) {
    nlohmann::ordered_json j;
    j["file"] = path;
    j["format"] = format;
    j["kind"] = image_kind_name(image.kind);
    j["width"] = image.width;
    j["height"] = image.height;
    if (image.maxval > 0) j["maxval"] = image.maxval;
    if (image.kind == ImageKind::kCounts) {
      j["min_count"] = *lo;
      j["max_count"] = *hi;
    }
    j["parameters"] = image.parameters ? params : nlohmann::ordered_json(nullptr);
    *description = j.dump();
    return Status();
  }
  std::string text = fmt::format("{}: {} {}, {}x{}", path, format, image_kind_name(image.kind),
                                 image.width, image.height);
  if (image.maxval > 0) text += fmt::format(", maxval {}", image.maxval);
  if (image.kind == ImageKind::kCounts) text += fmt::format(", counts {} to {}", *lo, *hi);
  text += "\n";
  if (!image.parameters) {
    text += "no embedded render parameters\n";
  } else if (params.is_object()) {
    // Strings as they are; an object one line per member ("view.radius: 0.5").
    const auto show = [](const nlohmann::ordered_json& value) {
      return value.is_string() ? value.get<std::string>() : value.dump();
    };
    for (const auto& [key, value] : params.items()) {
      if (value.is_object()) {
        for (const auto& [member, inner] : value.items()) {
          text += fmt::format("  {}.{}: {}\n", key, member, show(inner));
        }
      } else {
        text += fmt::format("  {}: {}\n", key, show(value));
      }
    }
  } else {
    text += fmt::format("  parameters: {}\n", *image.parameters);
  }
  *description = std::move(text);
  return Status();
}

}  // namespace mandelbrot
