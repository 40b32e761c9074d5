#pragma once
// What pestor-feed build warns about without refusing the feed: text the
// kiosk cannot draw, images that terminals will refuse, and images that
// records name but the feed does not carry. Each warning names the record
// (collection/id), the field and the problem.
#include <string>
#include <vector>

#include "cache/record.hpp"

namespace feed {

// Characters outside cache::kKioskGlyphCoverage (the kiosk's fonts), e.g.
// "entities/ent-9: name.pl: 3 character(s) the kiosk cannot show (drawn as
// U+FFFD): U+1F35E U+1F950 U+200D". One line per record field and language.
std::vector<std::string> glyphWarnings(const std::vector<cache::Record>& records);

// One image of SRC/media: its file name, SHA-256 and, when terminals would
// refuse it, why (empty when it is fine).
struct SourceImage {
    std::string fileName;
    std::string sha256;
    std::string refusal;
};

// Images terminals will refuse (with the records naming them), and image
// references that match neither an image's SHA-256 nor its file name.
std::vector<std::string> mediaWarnings(const std::vector<cache::Record>& records,
                                       const std::vector<SourceImage>& images);

} // namespace feed
