// OutputFormat: the kinds of file the renderer writes, and how they are named.
#pragma once

#include <optional>
#include <string_view>

namespace mandelbrot {

enum class OutputFormat {
  kPng,  // 8-bit RGB through a colour map
  kRaw,  // int32 little-endian counts, row-major, no header
  kNpy,  // NumPy v1.0 file of '<i4' counts, shape (H, W)
  kPgm,  // P5 greyscale of the counts, maxval iterations-1
  kPpm,  // P6 RGB through a colour map
  kPbm,  // P4 bitmap, 1 where the point never escaped
  kExr,  // OpenEXR escape data: N, NF, DEX, DEY and linear RGB (formats/exr/exr_file.h)
};

// "png", "raw", ... in any case ("PNG" too); nullopt for anything else.
std::optional<OutputFormat> parse_output_format(std::string_view name);

// The format named by the path's extension (case-insensitive); nullopt when the
// extension is missing or unknown.
std::optional<OutputFormat> output_format_from_path(std::string_view path);

std::string_view output_format_name(OutputFormat format);

// "png, raw, npy, pgm, ppm, pbm, exr", for messages and help.
std::string_view output_format_list();

}  // namespace mandelbrot
