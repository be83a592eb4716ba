#include "base/text_lines.h"

#include <fmt/format.h>

namespace mandelbrot {
namespace {

constexpr std::string_view kByteOrderMark = "\xef\xbb\xbf";
constexpr size_t kShownChars = 60;

}  // namespace

std::vector<TextLine> text_lines(std::string_view text) {
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }
  std::vector<TextLine> lines;
  int64_t number = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(TextLine{++number, line});
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string shown_text(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, kShownChars)) out.push_back(c >= ' ' && c <= '~' ? c : '?');
  if (text.size() > kShownChars) out += "...";
  return out;
}

std::string line_where(const std::string& file, const TextLine& line) {
  return fmt::format("'{}' line {} ('{}')", file, line.number, shown_text(line.text));
}

}  // namespace mandelbrot
