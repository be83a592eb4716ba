// ContentHash: a stable hash of a count array, the same on every machine,
// thread count and kernel, so that CI can keep a one-line golden per render.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace mandelbrot {

// XXH3-128 (xxHash) of the counts as int32 little-endian bytes, row-major: the
// bytes of the raw output, so `xxh128sum out.raw` prints the same digits.
// Counts are added in order, a band at a time.
class ContentHash {
 public:
  ContentHash();
  ~ContentHash();
  ContentHash(const ContentHash&) = delete;
  ContentHash& operator=(const ContentHash&) = delete;

  void add(std::span<const int32_t> counts);
  // The state so far as bytes, and a hash continued from such bytes, so that
  // processes can hash bands in turn (cluster renders). REQUIRES: the bytes
  // come from state() of the same build of this program.
  std::vector<uint8_t> state() const;
  void set_state(const std::vector<uint8_t>& bytes);

  // "xxh3-128:" followed by 32 lower-case hex digits (xxHash's canonical form).
  std::string text() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The prefix of every hash text, naming the algorithm.
inline constexpr const char* kHashPrefix = "xxh3-128:";

}  // namespace mandelbrot
