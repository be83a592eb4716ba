// "Did you mean ...?": the known name closest to a mistyped one, for messages
// about unknown options, subcommands and config keys.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mandelbrot {

// The edit distance (insertions, deletions, substitutions and swaps of two
// neighbours, each counting 1) between a and b.
size_t edit_distance(std::string_view a, std::string_view b);

// The name in `known` closest to `typo`, when it is close enough to be the name
// meant: at most 1 edit for names of up to 6 characters, 2 for longer ones, and
// fewer edits than the typo's length. Ties go to the first name in `known`.
std::optional<std::string> closest_name(std::string_view typo, std::span<const std::string> known);

// " (did you mean X?)" for the closest name, or "" when none is close.
std::string did_you_mean(std::string_view typo, std::span<const std::string> known);

}  // namespace mandelbrot
