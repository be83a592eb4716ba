#include "base/content_hash.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <bit>
#include <vector>

namespace mandelbrot {

struct ContentHash::State {
  XXH3_state_t* xxh = XXH3_createState();
  ~State() { XXH3_freeState(xxh); }
};

ContentHash::ContentHash() : state_(std::make_unique<State>()) { XXH3_128bits_reset(state_->xxh); }

ContentHash::~ContentHash() = default;

void ContentHash::add(std::span<const int32_t> counts) {
  if constexpr (std::endian::native == std::endian::little) {
    XXH3_128bits_update(state_->xxh, counts.data(), counts.size_bytes());
  } else {
    std::vector<uint8_t> bytes(counts.size_bytes());
    for (size_t i = 0; i < counts.size(); ++i) {
      const auto v = static_cast<uint32_t>(counts[i]);
      for (int b = 0; b < 4; ++b) bytes[4 * i + b] = static_cast<uint8_t>(v >> (8 * b));
    }
    XXH3_128bits_update(state_->xxh, bytes.data(), bytes.size());
  }
}

std::string ContentHash::text() const {
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state_->xxh));
  std::string text = kHashPrefix;
  for (unsigned char byte : canonical.digest) text += fmt::format("{:02x}", byte);
  return text;
}

}  // namespace mandelbrot
