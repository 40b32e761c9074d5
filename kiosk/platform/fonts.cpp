#include "fonts.hpp"

#include <array>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

#include "cache/glyph_coverage.hpp"

namespace kiosk::platform {

namespace {

constexpr const char* kRegularFile = "NotoSans-Regular.ttf";
constexpr const char* kBoldFile = "NotoSans-Bold.ttf";

// Noto Sans files are ~0.5 MB; anything far larger is not the file we ship.
constexpr std::uintmax_t kMaxFontBytes = 64u << 20;

constexpr unsigned char kTrueTypeTag[4] = {0x00, 0x01, 0x00, 0x00};

// Reads a font file into memory allocated by ImGui, so the atlas can own it.
struct FontBytes {
    void* data = nullptr;
    int size = 0;
};

bool looksLikeFont(const std::vector<char>& bytes) {
    // TrueType, OpenType/CFF and the legacy Apple tag. stb_truetype asserts on
    // anything else instead of failing, so check before handing it over.
    if (bytes.size() < 12) return false;
    return std::memcmp(bytes.data(), kTrueTypeTag, 4) == 0 ||
           std::memcmp(bytes.data(), "OTTO", 4) == 0 || std::memcmp(bytes.data(), "true", 4) == 0;
}

std::optional<FontBytes> readFont(const std::filesystem::path& path, std::string& error) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        error = "cannot read font file " + path.string() + ": " + ec.message();
        return std::nullopt;
    }
    if (size > kMaxFontBytes) {
        error = "font file " + path.string() + " is too large (" + std::to_string(size) + " bytes)";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        error = "cannot read font file " + path.string();
        return std::nullopt;
    }
    if (!looksLikeFont(bytes)) {
        error = "font file " + path.string() + " is not a TrueType/OpenType font";
        return std::nullopt;
    }
    FontBytes font{ImGui::MemAlloc(bytes.size()), static_cast<int>(bytes.size())};
    std::memcpy(font.data, bytes.data(), bytes.size());
    return font;
}

} // namespace

namespace {

// ImGui's form of cache::kKioskGlyphCoverage (pairs, zero-terminated), built
// at compile time from the one list pestor-feed checks text against.
constexpr auto kImGuiRanges = [] {
    std::array<ImWchar, cache::kKioskGlyphCoverage.size() * 2 + 1> out{};
    std::size_t i = 0;
    for (const cache::CodePointRange& r : cache::kKioskGlyphCoverage) {
        out[i++] = static_cast<ImWchar>(r.first);
        out[i++] = static_cast<ImWchar>(r.last);
    }
    return out;
}();
static_assert([] {
    for (const cache::CodePointRange& r : cache::kKioskGlyphCoverage)
        if (r.last > 0xFFFF || r.first > r.last) return false;
    return true;
}(), "ImWchar is 16 bits here: the coverage must stay in the Basic Multilingual Plane");

} // namespace

const ImWchar* kioskGlyphRanges() {
    // Static storage: ImGui keeps the pointer until the atlas is rebuilt.
    return kImGuiRanges.data();
}

std::optional<FontSet> loadFonts(const std::filesystem::path& fontsDir, float bodyPx,
                                 std::string& error) {
    auto sets = loadFontSets(fontsDir, bodyPx, 0.0f, error);
    if (!sets) return std::nullopt;
    return sets->regular;
}

std::optional<FontSets> loadFontSets(const std::filesystem::path& fontsDir, float bodyPx, float largeScale,
                                     std::string& error) {
    if (!(bodyPx >= 6.0f && bodyPx <= 200.0f)) {
        error = "body font size must be between 6 and 200 px, got " + std::to_string(bodyPx);
        return std::nullopt;
    }
    if (largeScale != 0.0f && !(largeScale >= 1.0f && largeScale <= 3.0f)) {
        error = "the large-text scale must be between 1 and 3, got " + std::to_string(largeScale);
        return std::nullopt;
    }
    auto regular = readFont(fontsDir / kRegularFile, error);
    if (!regular) return std::nullopt;
    auto bold = readFont(fontsDir / kBoldFile, error);
    if (!bold) {
        ImGui::MemFree(regular->data);
        return std::nullopt;
    }

    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    // GL3 takes any texture height; rounding up to a power of two would add
    // ~20% of empty texels to upload.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;

    // Several sizes share one copy of each file: the first font added from a
    // file owns the bytes (the atlas frees them), the others borrow them.
    bool regularOwned = false;
    bool boldOwned = false;
    const auto add = [&](const FontBytes& file, bool& owned, float px) {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = !owned;
        owned = true;
        px = std::round(px);
        // The atlas is uploaded to (software) GL: keep it small. Horizontal
        // oversampling helps small text; large sizes look fine without it.
        config.OversampleH = px < 36.0f ? 2 : 1;
        config.OversampleV = 1;
        return atlas.AddFontFromMemoryTTF(file.data, file.size, px, &config, kioskGlyphRanges());
    };
    const auto addSet = [&](float px) {
        FontSet set;
        set.body = add(*regular, regularOwned, px); // the first set's body: ImGui's default
        set.small = add(*regular, regularOwned, px * 0.8f);
        set.bodyBold = add(*bold, boldOwned, px);
        set.title = add(*bold, boldOwned, px * 1.45f);
        set.display = add(*bold, boldOwned, px * 2.2f);
        return set;
    };
    const auto complete = [](const FontSet& set) {
        return set.body && set.small && set.bodyBold && set.title && set.display;
    };

    FontSets sets;
    sets.regular = addSet(bodyPx);
    sets.large = largeScale != 0.0f ? addSet(bodyPx * largeScale) : sets.regular;
    if (!complete(sets.regular) || !complete(sets.large) || !atlas.Build()) {
        atlas.Clear(); // frees the font bytes it owns
        error = "could not build the font atlas from " + (fontsDir / kRegularFile).string() +
                " and " + (fontsDir / kBoldFile).string();
        return std::nullopt;
    }
    ImGui::GetIO().FontDefault = sets.regular.body;
    return sets;
}

} // namespace kiosk::platform
