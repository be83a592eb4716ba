// BytesSink: a ByteSink that keeps what is written in memory, for bytes that
// are made in one place and written elsewhere (the parts of a cluster render).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "base/output_file.h"

namespace mandelbrot {

class BytesSink : public ByteSink {
 public:
  Status write(const void* data, size_t size) override {
    const auto* bytes = static_cast<const uint8_t*>(data);
    bytes_.insert(bytes_.end(), bytes, bytes + size);
    return Status();
  }
  Status flush() override { return Status(); }

  // Everything written since the last take().
  const std::vector<uint8_t>& bytes() const { return bytes_; }
  // The same, taken out: the sink is empty again.
  std::vector<uint8_t> take() { return std::exchange(bytes_, {}); }

 private:
  std::vector<uint8_t> bytes_;
};

}  // namespace mandelbrot
