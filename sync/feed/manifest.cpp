#include "manifest.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "cache/datetime.hpp"
#include "hashing.hpp"

namespace feed {
namespace {

using cache::makeError;
using json = nlohmann::json;

cache::Result<BlobRef> parseBlob(const json& j, const std::string& where) {
    if (!j.is_object()) return makeError(where + ": not an object");
    const auto sha = j.find("sha256");
    if (sha == j.end() || !sha->is_string() || !isSha256Hex(sha->get<std::string>()))
        return makeError(where + ".sha256: not 64 lower-case hex digits");
    const auto bytes = j.find("bytes");
    if (bytes == j.end() || !bytes->is_number_unsigned()) return makeError(where + ".bytes: not a size");
    return BlobRef{sha->get<std::string>(), bytes->get<std::uint64_t>()};
}

json blobJson(const BlobRef& b) { return {{"sha256", b.sha256}, {"bytes", b.bytes}}; }

} // namespace

std::vector<BlobRef> Manifest::allBlobs() const {
    std::vector<BlobRef> out;
    std::set<std::string> seen;
    const auto add = [&](const BlobRef& b) {
        if (seen.insert(b.sha256).second) out.push_back(b);
    };
    for (const auto& [c, content] : collections)
        for (const Chunk& ch : content.chunks) add(ch.blob);
    for (const MediaItem& m : media) add(m.blob);
    if (tiles) add(*tiles);
    return out;
}

std::string blobPath(std::string_view sha256) {
    return "blobs/" + std::string(sha256.substr(0, 2)) + "/" + std::string(sha256);
}

cache::Result<Manifest> parseManifest(std::string_view text) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) { // parse_error, or out_of_range for numbers like 2e932
        return makeError(std::string("manifest is not valid JSON (") + e.what() + ")");
    }
    if (!doc.is_object()) return makeError("manifest is not a JSON object");
    // Compared as JSON values: a member of the wrong type is refused, never thrown.
    if (!doc.contains("format") || doc["format"] != kFeedFormat)
        return makeError(std::string("manifest format is not ") + kFeedFormat + " (update pestor-sync?)");
    Manifest m;
    const auto seq = doc.find("sequence");
    if (seq == doc.end() || !seq->is_number_integer() || seq->get<std::int64_t>() < 1)
        return makeError("manifest.sequence: not a positive integer");
    m.sequence = seq->get<std::int64_t>();
    for (auto [key, target] : {std::pair{"generated_at", &m.generatedAt}, {"expires_at", &m.expiresAt}}) {
        const auto it = doc.find(key);
        if (it == doc.end() || !it->is_string()) return makeError(std::string("manifest.") + key + ": missing");
        auto dt = cache::normaliseDateTime(it->get<std::string>());
        if (!dt) return makeError(std::string("manifest.") + key + ": " + dt.error().message);
        *target = *dt;
    }
    const auto cols = doc.find("collections");
    if (cols == doc.end() || !cols->is_object()) return makeError("manifest.collections: missing");
    for (const auto& [name, content] : cols->items()) {
        const auto c = cache::parseCollection(name);
        const std::string where = "manifest.collections." + name;
        if (!c) return makeError(where + ": unknown collection");
        if (!content.is_object() || !content.contains("records") || !content["records"].is_number_unsigned() ||
            !content.contains("chunks") || !content["chunks"].is_array())
            return makeError(where + ": needs records and chunks");
        CollectionContent cc;
        cc.records = content["records"].get<int>();
        int sum = 0;
        for (std::size_t i = 0; i < content["chunks"].size(); ++i) {
            const json& ch = content["chunks"][i];
            const std::string cw = where + ".chunks[" + std::to_string(i) + "]";
            auto blob = parseBlob(ch, cw);
            if (!blob) return blob.error();
            if (!ch.contains("records") || !ch["records"].is_number_unsigned())
                return makeError(cw + ".records: not a count");
            cc.chunks.push_back({*blob, ch["records"].get<int>()});
            sum += cc.chunks.back().records;
        }
        if (sum != cc.records) return makeError(where + ": chunk record counts do not add up to records");
        m.collections.emplace(*c, std::move(cc));
    }
    if (const auto media = doc.find("media"); media != doc.end() && !media->is_null()) {
        if (!media->is_array()) return makeError("manifest.media: not a list");
        for (std::size_t i = 0; i < media->size(); ++i) {
            const std::string where = "manifest.media[" + std::to_string(i) + "]";
            auto blob = parseBlob((*media)[i], where);
            if (!blob) return blob.error();
            const json& t = (*media)[i].contains("type") ? (*media)[i]["type"] : json(nullptr);
            if (t != "image/png" && t != "image/jpeg") return makeError(where + ".type: not image/png or image/jpeg");
            const std::string type = t.get<std::string>();
            m.media.push_back({*blob, type});
        }
    }
    if (const auto tiles = doc.find("tiles"); tiles != doc.end() && !tiles->is_null()) {
        auto blob = parseBlob(*tiles, "manifest.tiles");
        if (!blob) return blob.error();
        m.tiles = *blob;
    }
    return m;
}

std::string formatManifest(const Manifest& m) {
    json cols = json::object();
    for (const auto& [c, content] : m.collections) {
        json chunks = json::array();
        for (const Chunk& ch : content.chunks) {
            json j = blobJson(ch.blob);
            j["records"] = ch.records;
            chunks.push_back(std::move(j));
        }
        cols[std::string(cache::collectionKey(c))] = {{"records", content.records}, {"chunks", std::move(chunks)}};
    }
    json media = json::array();
    for (const MediaItem& item : m.media) {
        json j = blobJson(item.blob);
        j["type"] = item.type;
        media.push_back(std::move(j));
    }
    json doc = {{"format", kFeedFormat},
                {"sequence", m.sequence},
                {"generated_at", m.generatedAt},
                {"expires_at", m.expiresAt},
                {"collections", std::move(cols)},
                {"media", std::move(media)},
                {"tiles", m.tiles ? blobJson(*m.tiles) : json(nullptr)}};
    return doc.dump(1) + "\n";
}

} // namespace feed
