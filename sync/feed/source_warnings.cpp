#include "source_warnings.hpp"

#include <algorithm>
#include <map>

#include "cache/glyph_coverage.hpp"

namespace feed {
namespace {

constexpr std::size_t kCodePointsListed = 8;

std::string where(const cache::Record& rec) { return std::string(cache::collectionKey(rec.collection)) + "/" + rec.id; }

void checkText(const std::string& text, const std::string& place, std::vector<std::string>& out) {
    const auto missing = cache::codePointsKioskCannotShow(text);
    if (missing.empty()) return;
    std::string line = place + ": " + std::to_string(missing.size()) +
                       " character(s) the kiosk cannot show (drawn as " +
                       cache::codePointName(cache::kKioskFallbackGlyph) + "):";
    for (std::size_t i = 0; i < missing.size() && i < kCodePointsListed; ++i) line += " " + cache::codePointName(missing[i]);
    if (missing.size() > kCodePointsListed) line += " …";
    out.push_back(std::move(line));
}

} // namespace

std::vector<std::string> glyphWarnings(const std::vector<cache::Record>& records) {
    std::vector<std::string> out;
    for (const cache::Record& rec : records) {
        const auto& fields = rec.spec().fields;
        for (std::size_t i = 0; i < fields.size() && i < rec.values.size(); ++i) {
            if (fields[i].type == cache::FieldType::Media) continue; // names, never drawn
            const std::string place = where(rec) + ": " + std::string(fields[i].key);
            const cache::Value& v = rec.values[i];
            if (const auto* s = std::get_if<std::string>(&v)) {
                checkText(*s, place, out);
            } else if (const auto* lt = std::get_if<cache::LocalText>(&v)) {
                checkText(lt->pl, place + ".pl", out);
                checkText(lt->en, place + ".en", out);
                checkText(lt->uk, place + ".uk", out);
            } else if (const auto* list = std::get_if<cache::TextList>(&v)) {
                for (const std::string& item : *list) checkText(item, place, out);
            }
        }
    }
    return out;
}

std::vector<std::string> mediaWarnings(const std::vector<cache::Record>& records,
                                       const std::vector<SourceImage>& images) {
    std::map<std::string, std::vector<std::string>> namedBy; // image reference -> "collection/id field"
    for (const cache::Record& rec : records) {
        const auto& fields = rec.spec().fields;
        for (std::size_t i = 0; i < fields.size() && i < rec.values.size(); ++i) {
            if (fields[i].type != cache::FieldType::Media) continue;
            if (const auto* list = std::get_if<cache::TextList>(&rec.values[i]))
                for (const std::string& ref : *list) namedBy[ref].push_back(where(rec) + " " + std::string(fields[i].key));
        }
    }
    const auto users = [&](const std::string& ref) {
        const auto it = namedBy.find(ref);
        if (it == namedBy.end()) return std::string("named by no record");
        std::string s = "named by ";
        for (std::size_t i = 0; i < it->second.size() && i < 5; ++i) s += (i ? ", " : "") + it->second[i];
        if (it->second.size() > 5) s += " and " + std::to_string(it->second.size() - 5) + " more";
        return s;
    };

    std::vector<std::string> out;
    for (const SourceImage& img : images) {
        if (img.refusal.empty()) continue;
        const std::string u = users(img.sha256);
        out.push_back("media/" + img.fileName + " (" + img.sha256.substr(0, 12) +
                      "): terminals will refuse this image and keep its records without it: " + img.refusal + " (" +
                      u + ")");
    }
    for (const auto& named : namedBy) {
        // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
        const std::string& ref = named.first;
        const auto& places = named.second;
        // Records name images by SHA-256 (docs/feed.md); a file name finds nothing on a terminal.
        if (std::any_of(images.begin(), images.end(), [&](const SourceImage& img) { return img.sha256 == ref; }))
            continue;
        const auto byName = std::find_if(images.begin(), images.end(),
                                         [&](const SourceImage& img) { return img.fileName == ref; });
        const std::string problem =
            byName != images.end()
                ? "image '" + ref + "' is named by its file name; name it by its SHA-256 " + byName->sha256
                : "image '" + ref + "' is not in media/";
        for (const std::string& place : places)
            out.push_back(place.substr(0, place.find(' ')) + ": " + place.substr(place.find(' ') + 1) + ": " + problem +
                          "; terminals will show the record without it");
    }
    return out;
}

} // namespace feed
