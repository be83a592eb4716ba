// `mandelbrot compare A B`: the regression checker.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/status.h"
#include "formats/image_reader.h"

namespace mandelbrot {

struct CompareOptions {
  std::string a;
  std::string b;
  std::optional<std::string> width;   // for raw files
  std::optional<std::string> height;  // for raw files
  std::optional<std::string> format;  // for files without a signature
  // A pixel differs when some channel differs by more than this (default 0).
  std::optional<std::string> max_diff;
  // The files match when at most this many pixels differ: "N" or "P%" (default 0).
  std::optional<std::string> max_differing;
  std::optional<std::string> diff_image;  // a PNG: red where pixels differ
  bool json = false;
};

struct CompareResult {
  ImageKind kind = ImageKind::kCounts;
  int32_t width = 0;
  int32_t height = 0;
  int64_t pixels = 0;
  int64_t differing = 0;         // pixels with some channel differing by more than max_diff
  int64_t differing_at_all = 0;  // pixels with any difference
  int64_t largest_diff = 0;      // in counts, or per channel for images
  std::optional<double> psnr;    // images only; nullopt when identical (infinite)
  int64_t max_diff = 0;
  int64_t max_differing = 0;  // the allowed number of differing pixels
  bool match = false;
  int channels = 1;          // samples per pixel: 3 for images
  double squared_error = 0;  // the sum of every sample's squared difference
};

// Reads both files and compares them. Every problem (unreadable, corrupt or
// truncated file, different kinds or dimensions, bad options, a diff image that
// cannot be written) is a usage error: `compare` exits 2 on errors, 1 only for
// "different".
Status compare_files(const CompareOptions& options, CompareResult* result);

// The figures of a comparison, gathered row by row, for files (above) and for
// arrays in memory (the C library): start_comparison() checks o's tolerances
// (its file fields are not used) and returns the empty figures of two images of
// this kind and size; compare_row() adds a row of each image (width * channels
// samples), and writes each pixel's largest channel difference to pixel_diffs
// (width values) when it is not null; finish_comparison() sets the PSNR and the
// verdict after the last row.
Status start_comparison(const CompareOptions& o, ImageKind kind, int32_t width, int32_t height,
                        int channels, CompareResult* result);
void compare_row(const int32_t* a, const int32_t* b, CompareResult* result, int64_t* pixel_diffs);
void finish_comparison(CompareResult* result);

std::string compare_text(const CompareResult& result);
std::string compare_json(const CompareResult& result);

}  // namespace mandelbrot
