#include "formats/png/png_text.h"

#include <libdeflate.h>

#include <algorithm>
#include <cstring>

#include "base/byte_order.h"

namespace mandelbrot {

std::vector<uint8_t> png_chunk(std::string_view type, std::span<const uint8_t> data) {
  std::vector<uint8_t> chunk(12 + data.size());
  put_be32(chunk.data(), static_cast<uint32_t>(data.size()));
  std::copy(type.begin(), type.begin() + 4, chunk.begin() + 4);
  std::copy(data.begin(), data.end(), chunk.begin() + 8);
  // The CRC covers the type and the data, not the length.
  put_be32(chunk.data() + 8 + data.size(), libdeflate_crc32(0, chunk.data() + 4, 4 + data.size()));
  return chunk;
}

std::vector<uint8_t> png_text_chunk(std::string_view keyword, std::string_view text) {
  std::vector<uint8_t> data;
  data.reserve(keyword.size() + 1 + text.size());
  for (char c : keyword) data.push_back(static_cast<uint8_t>(c));
  data.push_back(0);
  for (char c : text) data.push_back(static_cast<uint8_t>(c));
  return png_chunk("tEXt", data);
}

}  // namespace mandelbrot
