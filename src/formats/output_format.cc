#include "formats/output_format.h"

#include <array>
#include <string>

#include "base/parse.h"

namespace mandelbrot {
namespace {

struct FormatName {
  OutputFormat format;
  std::string_view name;
};

constexpr std::array<FormatName, 7> kFormats = {{
    {OutputFormat::kPng, "png"},
    {OutputFormat::kRaw, "raw"},
    {OutputFormat::kNpy, "npy"},
    {OutputFormat::kPgm, "pgm"},
    {OutputFormat::kPpm, "ppm"},
    {OutputFormat::kPbm, "pbm"},
    {OutputFormat::kExr, "exr"},
}};

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  const std::string lower = ascii_lower(name);
  for (const FormatName& f : kFormats) {
    if (f.name == lower) return f.format;
  }
  return std::nullopt;
}

std::optional<OutputFormat> output_format_from_path(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  return parse_output_format(base.substr(dot + 1));
}

std::string_view output_format_name(OutputFormat format) {
  for (const FormatName& f : kFormats) {
    if (f.format == format) return f.name;
  }
  return "?";
}

std::string_view output_format_list() { return "png, raw, npy, pgm, ppm, pbm, exr"; }

}  // namespace mandelbrot
