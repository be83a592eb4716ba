// Whether two paths name one file: no command may write over a file it reads.
#pragma once

#include <string>

namespace mandelbrot {

// True when both paths exist and are the same file (same device and inode,
// symbolic links followed), however they are spelled.
bool same_file(const std::string& a, const std::string& b);

}  // namespace mandelbrot
