#include "formats/png/png_chunks.h"

#include <libdeflate.h>

#include <cstring>
#include <vector>

#include "base/byte_order.h"
#include "formats/png/png_text.h"

namespace mandelbrot {
namespace {

// The PNG specification's largest chunk length, 2^31 - 1.
constexpr uint32_t kMaxChunkLength = 0x7fffffff;

// A chunk type printed safely: letters as they are, anything else as '?'.
std::string chunk_name(const uint8_t* type) {
  std::string name;
  for (int i = 0; i < 4; ++i) {
    const bool letter = (type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= 'a' && type[i] <= 'z');
    name += letter ? static_cast<char>(type[i]) : '?';
  }
  return name;
}

Status bad_png(const InputStream& in, const std::string& what) {
  return corruption("'{}': not a readable PNG: {}", in.name(), what);
}

}  // namespace

Status scan_png(InputStream& in, std::string_view keyword, PngHeader* header,
                std::optional<std::string>* text) {
  uint8_t signature[8];
  size_t got = 0;
  if (Status s = in.read(signature, 8, &got); !s.ok()) return s;
  if (got < 8 || std::memcmp(signature, kPngSignature.data(), 8) != 0) {
    return bad_png(in, "no PNG signature");
  }
  text->reset();
  bool seen_header = false;
  std::vector<uint8_t> data;
  while (true) {
    const uint64_t chunk_at = in.offset();
    uint8_t frame[8];
    if (Status s = in.read(frame, 8, &got); !s.ok()) return s;
    if (got < 8)
      return bad_png(in, fmt::format("truncated at byte {}: no IEND chunk", in.offset()));
    const uint32_t length = get_be32(frame);
    const std::string name = chunk_name(frame + 4);
    if (length > kMaxChunkLength) {
      return bad_png(in, fmt::format("chunk {} at byte {} claims {} bytes, more than PNG allows",
                                     name, chunk_at, length));
    }
    if (!seen_header && name != "IHDR") {
      return bad_png(in, fmt::format("the first chunk is {}, not IHDR", name));
    }
    const bool keep = name == "IHDR" || (name == "tEXt" && !*text && length <= kMaxPngTextBytes);
    uint32_t crc = libdeflate_crc32(0, frame + 4, 4);
    uint64_t left = length;
    data.clear();
    while (left > 0) {
      uint8_t piece[1 << 16];
      const size_t n = static_cast<size_t>(std::min<uint64_t>(left, sizeof piece));
      if (Status s = in.read(piece, n, &got); !s.ok()) return s;
      if (got < n) {
        return bad_png(in, fmt::format("truncated at byte {} (in chunk {})", in.offset(), name));
      }
      crc = libdeflate_crc32(crc, piece, n);
      if (keep) data.insert(data.end(), piece, piece + n);
      left -= n;
    }
    uint8_t stored[4];
    if (Status s = in.read(stored, 4, &got); !s.ok()) return s;
    if (got < 4) {
      return bad_png(
          in, fmt::format("truncated at byte {} (in the CRC of chunk {})", in.offset(), name));
    }
    if (get_be32(stored) != crc) {
      return bad_png(in, fmt::format("bad CRC in chunk {} at byte {}", name, chunk_at));
    }
    if (name == "IHDR") {
      if (seen_header) return bad_png(in, "two IHDR chunks");
      if (length != 13) return bad_png(in, fmt::format("IHDR has {} bytes, not 13", length));
      header->width = get_be32(data.data());
      header->height = get_be32(data.data() + 4);
      header->bit_depth = data[8];
      header->colour_type = data[9];
      header->interlace = data[12];
      if (header->width < 1 || header->height < 1 || header->width > kMaxChunkLength ||
          header->height > kMaxChunkLength) {
        return bad_png(in, fmt::format("bad size {}x{} in IHDR", header->width, header->height));
      }
      seen_header = true;
    } else if (keep) {
      const size_t k = keyword.size();
      if (data.size() > k && std::memcmp(data.data(), keyword.data(), k) == 0 && data[k] == 0) {
        *text =
            std::string(reinterpret_cast<const char*>(data.data()) + k + 1, data.size() - k - 1);
      }
    } else if (name == "IEND") {
      return Status();
    }
  }
}

}  // namespace mandelbrot
