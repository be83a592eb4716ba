#include "colour/supersample.h"

#include <cstddef>
#include <vector>

#include "colour/linear_light.h"

namespace mandelbrot {

void supersampled_row(const ColourMap& colours, const CountBuffer& band, int n, int32_t r,
                      uint8_t* rgb) {
  if (n == 1) {
    colours.map_band_row(band, r, rgb);
    return;
  }
  const size_t sample_row_bytes = static_cast<size_t>(band.width()) * 3;
  std::vector<uint8_t> samples(sample_row_bytes * static_cast<size_t>(n));
  for (int a = 0; a < n; ++a) {
    colours.map_band_row(band, n * r + a,
                         samples.data() + sample_row_bytes * static_cast<size_t>(a));
  }
  average_blocks(samples.data(), n, band.width() / n, rgb);
}

void supersampled_band(const ColourMap& colours, const CountBuffer& band, int n, int threads,
                       uint8_t* rgb) {
  const size_t row_bytes = static_cast<size_t>(band.width() / n) * 3;
#pragma omp parallel for schedule(static) num_threads(threads)
  for (int32_t r = 0; r < band.rows() / n; ++r) {
    supersampled_row(colours, band, n, r, rgb + static_cast<size_t>(r) * row_bytes);
  }
}

}  // namespace mandelbrot
