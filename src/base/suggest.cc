#include "base/suggest.h"

#include <algorithm>
#include <vector>

namespace mandelbrot {

size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance, three rows of the dynamic programme.
  std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> closest_name(std::string_view typo, std::span<const std::string> known) {
  if (typo.empty()) return std::nullopt;
  const size_t allowed = std::min<size_t>(typo.size() <= 6 ? 1 : 2, typo.size() - 1);
  std::optional<std::string> best;
  size_t best_distance = allowed + 1;
  for (const std::string& name : known) {
    const size_t d = edit_distance(typo, name);
    if (d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view typo, std::span<const std::string> known) {
  const std::optional<std::string> name = closest_name(typo, known);
  return name ? " (did you mean " + *name + "?)" : "";
}

}  // namespace mandelbrot
