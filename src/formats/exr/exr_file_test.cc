#include "formats/exr/exr_file.h"

#include <ImfChannelList.h>
#include <ImfFrameBuffer.h>
#include <ImfHeader.h>
#include <ImfInputFile.h>
#include <ImfIntAttribute.h>
#include <ImfStringAttribute.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>

#include "formats/encoders.h"
#include "test_support.h"

namespace mandelbrot {
namespace {

namespace imf = OPENEXR_IMF_NAMESPACE;
using testing::MemorySink;
using testing::ScratchDir;

constexpr int32_t kWidth = 7;
constexpr int32_t kHeight = 5;
constexpr int32_t kIterations = 50;
constexpr double kBailout = 256.0;

// A small image: counts with some inside pixels, and channels like a render's
// (smooth a little below count + 1, distance growing across the image).
struct Image {
  std::vector<int32_t> counts;
  std::vector<double> smooth;
  std::vector<double> distance;
};

Image make_image() {
  Image im;
  for (int32_t i = 0; i < kWidth * kHeight; ++i) {
    const int32_t count = (i % 9 == 4) ? kIterations - 1 : (i * 7) % (kIterations - 1);
    im.counts.push_back(count);
    const bool inside = count == kIterations - 1;
    im.smooth.push_back(inside ? NAN : count + 1 - 2.47 + 0.013 * (i % 70));
    im.distance.push_back(inside ? NAN : 0.25 * i + 1.0 / 3.0);
  }
  return im;
}

ImageSpec spec_of(Channels channels) {
  ImageSpec spec{kWidth, kHeight, kIterations, ColourMapKind::kHot};
  spec.range = CountRange{1, kIterations - 1};
  spec.channels = channels;
  spec.bailout = kBailout;
  spec.parameters = R"({"program":"mandelbrot","width":7,"height":5,"iterations":50,)"
                    R"("view":{"center_x":"-0.5","center_y":"0","radius":"1.5"},"hash":""})";
  return spec;
}

// Encodes the image as EXR in bands of band_rows rows, into a file.
std::string write_exr(const ScratchDir& dir, const Image& im, Channels channels,
                      int32_t band_rows) {
  const ImageSpec spec = spec_of(channels);
  MemorySink sink;
  auto encoder = make_encoder(OutputFormat::kExr, spec, sink);
  EXPECT_TRUE(encoder->begin().ok());
  CountBuffer band(kWidth, band_rows, channels);
  for (int32_t first = 0; first < kHeight; first += band_rows) {
    const int32_t rows = std::min(band_rows, kHeight - first);
    band.set_rows(first, rows);
    for (int32_t r = 0; r < rows; ++r) {
      const RowOut out = band.row_out(r);
      for (int32_t x = 0; x < kWidth; ++x) {
        const size_t i = static_cast<size_t>((first + r) * kWidth + x);
        out.counts[x] = im.counts[i];
        if (out.smooth) out.smooth[x] = im.smooth[i];
        if (out.distance) out.distance[x] = im.distance[i];
      }
    }
    const Status s = encoder->write_rows(band);
    EXPECT_TRUE(s.ok()) << s.message();
  }
  const Status s = encoder->finish();
  EXPECT_TRUE(s.ok()) << s.message();
  const std::string path = dir.file("image.exr");
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(sink.bytes().data()),
             static_cast<std::streamsize>(sink.bytes().size()));
  return path;
}

float srgb_to_linear(uint8_t v) {
  const double c = v / 255.0;
  return static_cast<float>(c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
}

// Every channel, read back by OpenEXR's own reader, against the counts.
TEST(ExrEncoder, OpenExrReadsEveryChannelAndValueBack) {
  ScratchDir dir;
  const Image im = make_image();
  for (int32_t band_rows : {1, 2, kHeight}) {
    const std::string path = write_exr(dir, im, Channels{true, true}, band_rows);
    imf::InputFile file(path.c_str());
    const imf::Header& h = file.header();
    EXPECT_EQ(h.compression(), imf::NO_COMPRESSION);
    ASSERT_TRUE(h.channels().findChannel("N"));
    EXPECT_EQ(h.channels().findChannel("N")->type, imf::UINT);
    EXPECT_EQ(h.channels().findChannel("NF")->type, imf::FLOAT);
    EXPECT_EQ(h.channels().findChannel("DEX")->type, imf::FLOAT);
    EXPECT_EQ(h.channels().findChannel("DEY")->type, imf::FLOAT);
    for (const char* c : {"R", "G", "B"}) EXPECT_EQ(h.channels().findChannel(c)->type, imf::HALF);
    EXPECT_EQ(h.typedAttribute<imf::IntAttribute>("Iterations").value(), kIterations);
    EXPECT_EQ(h.typedAttribute<imf::IntAttribute>("IterationsBias").value(), 0);
    EXPECT_EQ(h.typedAttribute<imf::StringAttribute>("mandelbrot.view.center_x").value(), "-0.5");
    EXPECT_EQ(h.typedAttribute<imf::StringAttribute>("mandelbrot.iterations").value(), "50");
    const std::string params = h.typedAttribute<imf::StringAttribute>("mandelbrot").value();
    EXPECT_NE(params.find("\"radius\":\"1.5\""), std::string::npos);
    EXPECT_EQ(params.find("hash"), std::string::npos);  // no hash: the header comes first

    const size_t pixels = kWidth * kHeight;
    std::vector<uint32_t> n(pixels);
    std::vector<float> nf(pixels), dex(pixels), dey(pixels), r(pixels), g(pixels), b(pixels);
    imf::FrameBuffer fb;
    auto slice = [](imf::PixelType type, void* base, size_t size) {
      return imf::Slice(type, static_cast<char*>(base), size, size * kWidth);
    };
    fb.insert("N", slice(imf::UINT, n.data(), 4));
    fb.insert("NF", slice(imf::FLOAT, nf.data(), 4));
    fb.insert("DEX", slice(imf::FLOAT, dex.data(), 4));
    fb.insert("DEY", slice(imf::FLOAT, dey.data(), 4));
    fb.insert("R", slice(imf::FLOAT, r.data(), 4));
    fb.insert("G", slice(imf::FLOAT, g.data(), 4));
    fb.insert("B", slice(imf::FLOAT, b.data(), 4));
    file.setFrameBuffer(fb);
    file.readPixels(0, kHeight - 1);

    const ColourMap colours(ColourMapKind::kHot, ColourScale::kImage, kIterations,
                            CountRange{1, kIterations - 1});
    const double offset = std::log2(std::log(kBailout));
    for (size_t i = 0; i < pixels; ++i) {
      SCOPED_TRACE(i);
      const int32_t count = im.counts[i];
      const bool inside = count == kIterations - 1;
      EXPECT_EQ(n[i], inside ? 0xFFFFFFFFu : static_cast<uint32_t>(count));
      const float expected_nf =
          inside ? 0.0f : static_cast<float>((im.smooth[i] - (count + 1.0)) + offset);
      EXPECT_EQ(nf[i], expected_nf);
      if (!inside) {
        EXPECT_GE(nf[i], 0.0f);
        EXPECT_LT(nf[i], 1.0f);
      }
      EXPECT_EQ(dex[i], inside ? 0.0f : static_cast<float>(im.distance[i]));
      EXPECT_EQ(dey[i], 0.0f);
      const Rgb c = colours(count);
      // Half floats hold linear light to 11 significant bits.
      EXPECT_NEAR(r[i], srgb_to_linear(c[0]), 1e-3 * srgb_to_linear(c[0]) + 1e-7);
      EXPECT_NEAR(g[i], srgb_to_linear(c[1]), 1e-3 * srgb_to_linear(c[1]) + 1e-7);
      EXPECT_NEAR(b[i], srgb_to_linear(c[2]), 1e-3 * srgb_to_linear(c[2]) + 1e-7);
    }
  }
}

TEST(ExrEncoder, WritesOnlyTheChannelsTheRenderHas) {
  ScratchDir dir;
  const std::string path = write_exr(dir, make_image(), Channels{}, 2);
  imf::InputFile file(path.c_str());
  const imf::ChannelList& channels = file.header().channels();
  EXPECT_TRUE(channels.findChannel("N"));
  EXPECT_TRUE(channels.findChannel("R"));
  EXPECT_FALSE(channels.findChannel("NF"));
  EXPECT_FALSE(channels.findChannel("DEX"));
  EXPECT_FALSE(channels.findChannel("DEY"));
}

// ExrReader and band_from_exr give back the counts exactly, and the channels
// to float precision.
TEST(ExrReader, ReadsBandsBackToCountsAndChannels) {
  ScratchDir dir;
  const Image im = make_image();
  const std::string path = write_exr(dir, im, Channels{true, true}, 3);
  std::unique_ptr<ExrReader> reader;
  ASSERT_TRUE(ExrReader::open(path, &reader).ok());
  const ExrInfo& info = reader->info();
  EXPECT_EQ(info.width, kWidth);
  EXPECT_EQ(info.height, kHeight);
  EXPECT_TRUE(info.has_n && info.has_nf && info.has_de && info.has_rgb);
  ASSERT_TRUE(info.parameters);
  CountBuffer band(kWidth, 2, Channels{true, true});
  ExrRows rows;
  for (int32_t first = 0; first < kHeight; first += 2) {
    const int32_t n = std::min(2, kHeight - first);
    band.set_rows(first, n);
    ASSERT_TRUE(reader->read_rows(first, n, &rows).ok());
    ASSERT_TRUE(band_from_exr(rows, info, path, kIterations, kBailout, band).ok());
    for (int32_t i = 0; i < n * kWidth; ++i) {
      const size_t at = static_cast<size_t>(first * kWidth + i);
      EXPECT_EQ(band.counts()[i], im.counts[at]);
      if (im.counts[at] == kIterations - 1) {
        EXPECT_TRUE(std::isnan(band.smooth()[i]));
        EXPECT_TRUE(std::isnan(band.distance()[i]));
      } else {
        EXPECT_NEAR(band.smooth()[i], im.smooth[at], 1e-5);
        EXPECT_EQ(band.distance()[i], static_cast<double>(static_cast<float>(im.distance[at])));
      }
    }
  }
  // Another render's file: a count that this --iter cannot have.
  band.set_rows(0, 2);
  ASSERT_TRUE(reader->read_rows(0, 2, &rows).ok());
  const Status s = band_from_exr(rows, info, path, 10, kBailout, band);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("--iter 10"), std::string::npos) << s.message();
}

TEST(ExrReader, NamesMissingAndCorruptFiles) {
  ScratchDir dir;
  std::unique_ptr<ExrReader> reader;
  EXPECT_EQ(ExrReader::open(dir.file("missing.exr"), &reader).code(), StatusCode::kNotFound);
  const std::string bad = dir.file("bad.exr");
  std::ofstream(bad) << "v/1\x01 not really an exr file";
  const Status s = ExrReader::open(bad, &reader);
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_NE(s.message().find("bad.exr"), std::string::npos);
}

}  // namespace
}  // namespace mandelbrot
