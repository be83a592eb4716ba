// The render parameters a PNG of this program carries (its "mandelbrot" tEXt
// chunk, see render/render_params.h), for `verify` and for `compare` to say
// which parameters two differing renders disagree on.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace mandelbrot {

// The parameters embedded in the file at `path`: nullopt for a file that is not
// a PNG or has none. Errors for an unreadable or damaged file, and for
// parameters that are not a JSON object.
Status read_embedded_params(const std::string& path, std::optional<nlohmann::json>* params);

// "KEY: A vs B" for each parameter whose value differs between a and b (a key
// missing on one side shows as "none"), in a's order then b's; the program,
// version and hash are not parameters.
std::vector<std::string> parameter_differences(const nlohmann::json& a, const nlohmann::json& b);

}  // namespace mandelbrot
