// `mandelbrot verify FILE`: render again from the parameters a PNG carries and
// check that the counts hash to the hash it carries.
#pragma once

#include <string>

#include "base/status.h"

namespace mandelbrot {

struct VerifyResult {
  std::string embedded_hash;  // "xxh3-128:..." as the file carries it
  std::string rendered_hash;  // of the counts rendered again
  bool match = false;
};

// An invalid argument or corruption (exit 2) for a file that cannot be
// verified: unreadable, damaged, not a PNG of this program, parameters without
// a hash or that no longer make a valid render. Renders band by band: its
// memory is a band of counts whatever the image's size.
Status verify_file(const std::string& path, VerifyResult* result);

}  // namespace mandelbrot
