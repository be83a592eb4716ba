#include "formats/encoders.h"

#include <gtest/gtest.h>

#include <cstring>

#include "formats/image_reader.h"
#include "test_support.h"

namespace mandelbrot {
namespace {

using testing::MemorySink;

// Encodes `counts` (height rows of width) in bands of band_rows rows.
std::vector<uint8_t> encode(OutputFormat format, const ImageSpec& spec,
                            const std::vector<int32_t>& counts, int32_t band_rows = 1) {
  MemorySink sink;
  auto encoder = make_encoder(format, spec, sink);
  EXPECT_TRUE(encoder->begin().ok());
  CountBuffer band(spec.width, band_rows);
  for (int32_t first = 0; first < spec.height; first += band_rows) {
    const int32_t rows = std::min(band_rows, spec.height - first);
    band.set_rows(first, rows);
    std::memcpy(band.data(), counts.data() + first * spec.width,
                sizeof(int32_t) * rows * spec.width);
    EXPECT_TRUE(encoder->write_rows(band).ok());
  }
  EXPECT_TRUE(encoder->finish().ok());
  return sink.bytes();
}

std::vector<uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

TEST(RawEncoder, WritesLittleEndianInt32RowMajor) {
  const ImageSpec spec{2, 2, 300, ColourMapKind::kHot};
  const std::vector<uint8_t> bytes = encode(OutputFormat::kRaw, spec, {1, 256, 0, 299});
  EXPECT_EQ(bytes, (std::vector<uint8_t>{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 43, 1, 0, 0}));
}

TEST(NpyEncoder, HeaderIsNumpyVersion1AlignedTo64) {
  const ImageSpec spec{3, 2, 10, ColourMapKind::kHot};
  const std::vector<uint8_t> bytes = encode(OutputFormat::kNpy, spec, {1, 2, 3, 4, 5, 6});
  const std::string magic("\x93NUMPY\x01\x00", 8);
  ASSERT_GT(bytes.size(), 10u);
  EXPECT_EQ(std::string(bytes.begin(), bytes.begin() + 8), magic);
  const size_t header_len = bytes[8] | (bytes[9] << 8);
  EXPECT_EQ((10 + header_len) % 64, 0u);
  const std::string dict(bytes.begin() + 10, bytes.begin() + 10 + header_len);
  EXPECT_EQ(dict.rfind("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }", 0), 0u);
  EXPECT_EQ(dict.back(), '\n');
  EXPECT_EQ(bytes.size(), 10 + header_len + 6 * 4);
  EXPECT_EQ(bytes[10 + header_len + 5 * 4], 6);
}

TEST(PgmEncoder, OneBytePerSampleBelow256) {
  const ImageSpec spec{2, 1, 100, ColourMapKind::kHot};
  EXPECT_EQ(encode(OutputFormat::kPgm, spec, {7, 99}),
            bytes_of(std::string("P5\n2 1\n99\n\x07\x63")));
}

TEST(PgmEncoder, TwoBigEndianBytesFrom256) {
  const ImageSpec spec{2, 1, 1000, ColourMapKind::kHot};
  EXPECT_EQ(encode(OutputFormat::kPgm, spec, {0x0102, 999}),
            bytes_of(std::string("P5\n2 1\n999\n\x01\x02\x03\xe7", 15)));
}

TEST(PpmEncoder, WritesColourMappedRgb) {
  ImageSpec spec{2, 1, 10, ColourMapKind::kGray};
  spec.scale = ColourScale::kFixed;
  EXPECT_EQ(encode(OutputFormat::kPpm, spec, {0, 9}),
            bytes_of(std::string("P6\n2 1\n255\n\0\0\0\xff\xff\xff", 17)));
}

TEST(PpmEncoder, ImageScaleUsesTheRangeGiven) {
  ImageSpec spec{3, 1, 100, ColourMapKind::kGray};
  // 10: (log 10 - log 2) / (log 50 - log 2) * 256 is 128.00000000000003 with
  // the C library's log, so entry 128 (NumPy's log(10) is an ulp lower and
  // gives 127.99999999999999: one level apart, as docs/SEMANTICS.md allows).
  spec.range = {2, 50};
  EXPECT_EQ(encode(OutputFormat::kPpm, spec, {2, 10, 50}),
            bytes_of(std::string("P6\n3 1\n255\n\0\0\0\x80\x80\x80\xff\xff\xff", 20)));
}

TEST(PbmEncoder, PacksInsideBitsMostSignificantFirstWithRowPadding) {
  const ImageSpec spec{10, 2, 5, ColourMapKind::kHot};
  const std::vector<int32_t> counts = {4, 0, 0, 0, 0, 0, 0, 0, 4, 4,  //
                                       0, 4, 3, 3, 3, 3, 3, 3, 3, 0};
  EXPECT_EQ(encode(OutputFormat::kPbm, spec, counts, 2),
            bytes_of(std::string("P4\n10 2\n\x80\xc0\x40\x00", 12)));
}

TEST(PngEncoder, WritesAPngOfTheRightSize) {
  const ImageSpec spec{5, 3, 10, ColourMapKind::kHot};
  const std::vector<uint8_t> bytes =
      encode(OutputFormat::kPng, spec, std::vector<int32_t>(15, 9), 2);
  ASSERT_GT(bytes.size(), 33u);
  EXPECT_EQ(std::vector<uint8_t>(bytes.begin(), bytes.begin() + 8),
            (std::vector<uint8_t>{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}));
  EXPECT_EQ(std::string(bytes.begin() + 12, bytes.begin() + 16), "IHDR");
  EXPECT_EQ(bytes[19], 5);  // width, big-endian
  EXPECT_EQ(bytes[23], 3);  // height
  EXPECT_EQ(bytes[24], 8);  // bit depth
  EXPECT_EQ(bytes[25], 2);  // colour type RGB
}

TEST(PngEncoder, BandsGiveTheSameFileAsOneBand) {
  const ImageSpec spec{4, 5, 20, ColourMapKind::kHot};
  std::vector<int32_t> counts(20);
  for (int i = 0; i < 20; ++i) counts[i] = i;
  EXPECT_EQ(encode(OutputFormat::kPng, spec, counts, 5),
            encode(OutputFormat::kPng, spec, counts, 2));
}

TEST(Encoders, CheckEncodableKnowsEachFormatsLimits) {
  ImageSpec spec{10, 10, 65536, ColourMapKind::kHot};
  EXPECT_TRUE(check_encodable(OutputFormat::kPgm, spec).ok());
  spec.iterations = 65537;
  const Status too_deep = check_encodable(OutputFormat::kPgm, spec);
  EXPECT_TRUE(too_deep.code() == StatusCode::kInvalidArgument);
  EXPECT_NE(too_deep.message().find("65537"), std::string::npos);
  EXPECT_TRUE(check_encodable(OutputFormat::kRaw, spec).ok());
  spec.iterations = 1;
  EXPECT_TRUE(check_encodable(OutputFormat::kPgm, spec).code() == StatusCode::kInvalidArgument);
  spec = ImageSpec{30000, 30000, 100, ColourMapKind::kHot};
  EXPECT_TRUE(check_encodable(OutputFormat::kPng, spec).ok());  // PNG streams too
  EXPECT_TRUE(check_encodable(OutputFormat::kPpm, spec).ok());
}

TEST(Encoders, EveryEncoderStreams) {
  const ImageSpec spec{1000, 100000, 100, ColourMapKind::kHot};
  for (OutputFormat f : {OutputFormat::kPng, OutputFormat::kRaw, OutputFormat::kNpy,
                         OutputFormat::kPgm, OutputFormat::kPpm, OutputFormat::kPbm}) {
    // Bounded by the band (64 rows here), not by the image's 100000 rows.
    EXPECT_LE(encoder_memory_bytes(f, spec, 64), 2u * 3001 * 64) << output_format_name(f);
  }
}

// --channels: one packed record a pixel, read back by the npy reader with its
// channels (docs/SEMANTICS.md, "npy channels").
TEST(NpyEncoder, RecordsOfCountsAndChannelsReadBack) {
  ImageSpec spec{3, 2, 10, ColourMapKind::kHot};
  spec.channels = Channels{true, true};
  MemorySink sink;
  auto encoder = make_encoder(OutputFormat::kNpy, spec, sink);
  ASSERT_TRUE(encoder->begin().ok());
  CountBuffer band(3, 2, spec.channels);
  band.set_rows(0, 2);
  for (int32_t r = 0; r < 2; ++r) {
    const RowOut out = band.row_out(r);
    for (int32_t x = 0; x < 3; ++x) {
      out.counts[x] = 3 * r + x;
      out.smooth[x] = 0.5 + 3 * r + x;
      out.distance[x] = -1.0 / (1 + 3 * r + x);
    }
  }
  ASSERT_TRUE(encoder->write_rows(band).ok());
  ASSERT_TRUE(encoder->finish().ok());
  const std::string bytes = sink.text();
  EXPECT_NE(bytes.find("{'descr': [('count', '<i4'), ('smooth', '<f8'), ('distance', '<f8')], "
                       "'fortran_order': False, 'shape': (2, 3), }"),
            std::string::npos);

  std::unique_ptr<ImageReader> reader;
  ASSERT_TRUE(open_image(InputStream::from_bytes(reinterpret_cast<const uint8_t*>(bytes.data()),
                                                 bytes.size(), "mem"),
                         "mem.npy", std::nullopt, std::nullopt, &reader)
                  .ok());
  EXPECT_EQ(reader->channels(), (Channels{true, true}));
  for (int32_t r = 0; r < 2; ++r) {
    int32_t counts[3];
    double smooth[3];
    double distance[3];
    ASSERT_TRUE(reader->read_row(counts).ok());
    reader->row_channels(smooth, distance);
    for (int32_t x = 0; x < 3; ++x) {
      EXPECT_EQ(counts[x], 3 * r + x);
      EXPECT_EQ(smooth[x], 0.5 + 3 * r + x);
      EXPECT_EQ(distance[x], -1.0 / (1 + 3 * r + x));
    }
  }
  EXPECT_TRUE(reader->finish().ok());
}

}  // namespace
}  // namespace mandelbrot
