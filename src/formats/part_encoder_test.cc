#include "formats/part_encoder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include "test_support.h"

namespace mandelbrot {
namespace {

constexpr const char* kParameters = R"({"size":"300x700"})";

// A pattern of counts with escaped and inside points (iterations 50).
std::vector<int32_t> pattern(int32_t width, int32_t height) {
  std::vector<int32_t> counts(static_cast<size_t>(width) * height);
  for (size_t i = 0; i < counts.size(); ++i) counts[i] = static_cast<int32_t>((i * 7919) % 50);
  return counts;
}

CountBuffer band_of(const std::vector<int32_t>& counts, int32_t width, int32_t first,
                    int32_t rows) {
  CountBuffer band(width, rows);
  band.set_rows(first, rows);
  std::memcpy(band.data(), counts.data() + static_cast<size_t>(first) * width,
              sizeof(int32_t) * static_cast<size_t>(rows) * width);
  return band;
}

// The whole image through make_encoder, in bands of 64 rows.
std::vector<uint8_t> whole(OutputFormat format, const ImageSpec& spec,
                           const std::vector<int32_t>& counts) {
  testing::MemorySink sink;
  auto encoder = make_encoder(format, spec, sink);
  EXPECT_TRUE(encoder->begin().ok());
  for (int32_t first = 0; first < spec.height; first += 64) {
    EXPECT_TRUE(
        encoder->write_rows(band_of(counts, spec.width, first, std::min(64, spec.height - first)))
            .ok());
  }
  encoder->set_parameters(kParameters);
  EXPECT_TRUE(encoder->finish().ok());
  return sink.bytes();
}

// The image in parts of `multiples` times rows_multiple() rows, made last
// part first, then put side by side in order.
std::vector<uint8_t> in_parts(OutputFormat format, const ImageSpec& spec,
                              const std::vector<int32_t>& counts, int32_t multiples) {
  auto encoder = make_part_encoder(format, spec);
  const int32_t rows = encoder->rows_multiple() * multiples;
  std::vector<uint8_t> header;
  EXPECT_TRUE(encoder->header(&header).ok());
  std::vector<int32_t> firsts;
  for (int32_t first = 0; first < spec.height; first += rows) firsts.push_back(first);
  std::vector<EncodedPart> parts(firsts.size());
  for (size_t i = firsts.size(); i-- > 0;) {
    const int32_t n = std::min(rows, spec.height - firsts[i]);
    EXPECT_TRUE(encoder->part(band_of(counts, spec.width, firsts[i], n), &parts[i]).ok());
  }
  std::vector<uint32_t> adlers;
  std::vector<uint64_t> raw_bytes;
  std::vector<uint8_t> file = header;
  for (const EncodedPart& p : parts) {
    file.insert(file.end(), p.bytes.begin(), p.bytes.end());
    adlers.push_back(p.adler);
    raw_bytes.push_back(p.raw_bytes);
  }
  // The trailer is made by another encoder than the parts (another process).
  encoder = make_part_encoder(format, spec);
  std::vector<uint8_t> trailer;
  EXPECT_TRUE(encoder->trailer(combine_adlers(adlers, raw_bytes), kParameters, &trailer).ok());
  file.insert(file.end(), trailer.begin(), trailer.end());
  return file;
}

class PartEncoderTest : public ::testing::TestWithParam<OutputFormat> {};

TEST_P(PartEncoderTest, PartsInAnyOrderGiveTheWholeImagesBytes) {
  ImageSpec spec{300, 700, 50, ColourMapKind::kHot};
  spec.range = CountRange{1, 49};
  const std::vector<int32_t> counts = pattern(spec.width, spec.height);
  const std::vector<uint8_t> expected = whole(GetParam(), spec, counts);
  for (int32_t multiples : {1, 2, 1000}) {
    EXPECT_EQ(in_parts(GetParam(), spec, counts, multiples), expected) << "parts of " << multiples;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryFormat, PartEncoderTest,
                         ::testing::Values(OutputFormat::kPng, OutputFormat::kRaw,
                                           OutputFormat::kNpy, OutputFormat::kPgm,
                                           OutputFormat::kPpm, OutputFormat::kPbm,
                                           OutputFormat::kExr),
                         [](const auto& info) {
                           return std::string(output_format_name(info.param));
                         });

TEST(ExrPartEncoder, TheHeaderCarriesTheParametersAsTheWholeFilesDoes) {
  ImageSpec spec{300, 700, 50, ColourMapKind::kViridis};
  spec.range = CountRange{1, 49};
  spec.parameters = R"({"size":"300x700","iterations":50,"hash":""})";
  const std::vector<int32_t> counts = pattern(spec.width, spec.height);
  const std::vector<uint8_t> expected = whole(OutputFormat::kExr, spec, counts);
  EXPECT_NE(std::search(expected.begin(), expected.end(), spec.parameters.begin() + 2,
                        spec.parameters.begin() + 8),
            expected.end());
  EXPECT_EQ(in_parts(OutputFormat::kExr, spec, counts, 7), expected);
}

TEST(PngPartEncoder, PartsAreWholeSegments) {
  const ImageSpec spec{300, 700, 50, ColourMapKind::kHot};
  auto encoder = make_part_encoder(OutputFormat::kPng, spec);
  ASSERT_GT(encoder->rows_multiple(), 1);
  ASSERT_LT(encoder->rows_multiple(), 700);
  const std::vector<int32_t> counts = pattern(spec.width, spec.height);
  EncodedPart part;
  EXPECT_FALSE(encoder->part(band_of(counts, spec.width, 1, 10), &part).ok());
  EXPECT_FALSE(
      encoder->part(band_of(counts, spec.width, 0, encoder->rows_multiple() - 1), &part).ok());
}

TEST(CombineAdlers, EqualsTheAdlerOfTheWhole) {
  // Adler-32 of "Wikipedia" is 0x11E60398; of "Wiki" and "pedia" combined the same.
  const uint32_t wiki = 0x03DA0195;   // adler32("Wiki")
  const uint32_t pedia = 0x06280204;  // adler32("pedia")
  EXPECT_EQ(combine_adlers({wiki, pedia}, {4, 5}), 0x11E60398u);
  EXPECT_EQ(combine_adlers({}, {}), 1u);
}

}  // namespace
}  // namespace mandelbrot
