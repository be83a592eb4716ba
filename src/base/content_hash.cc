#include "base/content_hash.h"

#include <fmt/format.h>
#define XXH_STATIC_LINKING_ONLY  // XXH3_state_t's size, for state()
#include <xxhash.h>

#include <bit>
#include <cstring>
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

// XXH3_state_t holds no pointer once reset with the default secret (its
// extSecret is null), so its bytes are the whole state.
std::vector<uint8_t> ContentHash::state() const {
  const auto* bytes = reinterpret_cast<const uint8_t*>(state_->xxh);
  return std::vector<uint8_t>(bytes, bytes + sizeof(XXH3_state_t));
}

void ContentHash::set_state(const std::vector<uint8_t>& bytes) {
  if (bytes.size() == sizeof(XXH3_state_t)) std::memcpy(state_->xxh, bytes.data(), bytes.size());
}

std::string ContentHash::text() const {
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state_->xxh));
  std::string text = kHashPrefix;
  for (unsigned char byte : canonical.digest) text += fmt::format("{:02x}", byte);
  return text;
}

}  // namespace mandelbrot
