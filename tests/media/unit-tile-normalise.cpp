// Map tiles from a downloaded pack: PNG stays PNG, JPEG stays JPEG, only
// square 256 or 512 px tiles, refused before decoding when the header says
// otherwise.
#include "image_fixtures.hpp"
#include "media/stb_codec.hpp"
#include "media/tile_normalise.hpp"

#include <doctest/doctest.h>

namespace {

std::string refusal(const std::string& bytes, const media::TileLimits& limits = {}) {
    auto r = media::normaliseTile(bytes, limits);
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

} // namespace

TEST_CASE("an opaque PNG tile stays PNG, stored as RGB") {
    auto r = media::normaliseTile(fixtures::png(256, 256, false));
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    CHECK(r->format == media::TileFormat::Png);
    CHECK(r->side == 256);
    CHECK(r->bytes.substr(0, 8) == fixtures::kPngSignature);
    auto info = media::stbProbe(r->bytes);
    REQUIRE(info.ok());
    CHECK(info->channels == 3);
}

TEST_CASE("a PNG tile with transparent edges keeps its alpha") {
    auto r = media::normaliseTile(fixtures::png(512, 512, true));
    REQUIRE(r.ok());
    CHECK(r->format == media::TileFormat::Png);
    CHECK(r->side == 512);
    auto decoded = media::stbDecode(r->bytes, 4, 64u << 20);
    REQUIRE(decoded.ok());
    CHECK(decoded->at(0, 0)[3] == 0); // the gradient's alpha starts at 0
}

TEST_CASE("a JPEG tile stays JPEG") {
    auto r = media::normaliseTile(fixtures::jpeg(256, 256));
    REQUIRE(r.ok());
    CHECK(r->format == media::TileFormat::Jpeg);
    CHECK(r->bytes.substr(0, 2) == "\xFF\xD8");
}

TEST_CASE("tiles that are not square 256 or 512 px, or not PNG/JPEG, are refused with the reason") {
    CHECK(refusal(fixtures::png(300, 300, false)) ==
          "it declares 300×300 pixels; map tiles are square, 256 or 512 pixels");
    CHECK(refusal(fixtures::jpeg(256, 128)) ==
          "it declares 256×128 pixels; map tiles are square, 256 or 512 pixels");
    // The declared size is judged before anything else is read.
    CHECK(refusal(fixtures::kPngSignature + fixtures::pngIhdr(100000, 100000)) ==
          "it declares 100000×100000 pixels; map tiles are square, 256 or 512 pixels");
    CHECK(refusal(std::string("GIF89a") + std::string(64, '\0')) ==
          "the tile is GIF; map tiles must be PNG or JPEG");
    CHECK(refusal("") == "the tile is empty");
    const std::string png = fixtures::png(256, 256, false);
    CHECK(refusal(png.substr(0, png.size() / 2)).find("truncated PNG") == 0);
    CHECK(refusal(png, media::TileLimits{100, 85, 6}) ==
          "the tile is " + std::to_string(png.size()) + " bytes, over the limit of 100 bytes");
}
