#include "sync_once.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "blob_store.hpp"
#include "tile_pack.hpp"
#include "cache/cache_writer.hpp"
#include "cache/datetime.hpp"
#include "cache/record_codec.hpp"
#include "cache/sync_state.hpp"
#include "feed/geojson_reader.hpp"
#include "feed/gzip.hpp"
#include "feed/hashing.hpp"
#include "feed/manifest.hpp"
#include "media/image_normalise.hpp"

namespace syncclient {
namespace {

namespace K = cache::sync_keys;

std::string rfc3339(std::int64_t unix) { return cache::formatUtc(unix); }

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Fetched {
    std::optional<net::Response> response;
    std::string body;
    std::optional<net::Failure> failure;
};

bool writeFileAtomic(const std::filesystem::path& path, std::string_view bytes) {
    const std::filesystem::path tmp = path.string() + ".part";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    return !ec;
}

Fetched fetchSmall(net::HttpClient& http, const std::string& url, const std::string& etag, std::uint64_t cap,
                   SyncResult& result) {
    Fetched f;
    auto outcome = http.get(net::Request{url, etag, cap}, [&](std::string_view chunk) {
        f.body.append(chunk);
        return true;
    });
    ++result.requests;
    if (outcome.response) {
        result.bytes += outcome.response->bodyBytes + outcome.response->headerBytes + outcome.response->requestBytes;
        f.response = std::move(outcome.response);
    } else {
        f.failure = std::move(outcome.failure);
    }
    return f;
}

// Records the failure without touching the data, and returns it.
SyncResult failed(SQLite::Database& db, SyncResult result, std::string message, std::int64_t now,
                  std::optional<long> retryAfter = std::nullopt) {
    result.kind = SyncResultKind::Failed;
    result.message = std::move(message);
    result.retryAfterSeconds = retryAfter;
    (void)cache::writeSyncState(db, {{K::kLastAttempt, rfc3339(now)}, {K::kLastError, result.message}});
    return result;
}

std::string joinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "; ") + l;
    return out;
}

// " (entities/ent-1 logo, premises/p-2 photos)": the records whose image
// fields name `sha256`, for a message a publisher can act on.
std::string recordsNaming(const std::vector<cache::CollectionReplacement>& updates, const std::string& sha256) {
    std::string names;
    int count = 0;
    for (const auto& update : updates)
        for (const cache::Record& rec : update.records) {
            const auto& fields = rec.spec().fields;
            for (std::size_t i = 0; i < fields.size() && i < rec.values.size(); ++i) {
                if (fields[i].type != cache::FieldType::Media) continue;
                const auto* list = std::get_if<cache::TextList>(&rec.values[i]);
                if (!list || std::find(list->begin(), list->end(), sha256) == list->end()) continue;
                if (++count <= 5)
                    names += std::string(names.empty() ? "" : ", ") + std::string(cache::collectionKey(update.collection)) +
                             "/" + rec.id + " " + std::string(fields[i].key);
            }
        }
    if (count > 5) names += ", and " + std::to_string(count - 5) + " more";
    return names.empty() ? " (named by no record)" : " (" + names + ")";
}

} // namespace

SyncResult syncOnce(const SyncConfig& cfg, SQLite::Database& db, net::HttpClient& http, std::int64_t now) {
    SyncResult result;
    auto state = cache::readSyncStatus(db);
    if (!state) return failed(db, result, state.error().message, now);
    result.sequence = state->sequence;

    // [1] The manifest, conditionally: an unchanged feed costs one request.
    const std::string manifestUrl = cfg.feedUrl + "/manifest.json";
    const bool sameFeed = state->feedUrl == cfg.feedUrl;
    Fetched manifest = fetchSmall(http, manifestUrl, sameFeed ? state->manifestEtag : "", cfg.limits.manifestBytes, result);
    if (manifest.failure)
        return failed(db, result, "feed manifest: " + manifest.failure->message, now, manifest.failure->retryAfterSeconds);
    if (manifest.response->status == 304) {
        result.kind = SyncResultKind::Unchanged;
        result.stale = state->staleAt(now);
        result.message = "feed unchanged (sequence " + std::to_string(state->sequence) + ")" +
                         (result.stale ? "; it expired on " + state->expiresAt + ", data may be out of date" : "");
        (void)cache::writeSyncState(db, {{K::kLastAttempt, rfc3339(now)}, {K::kLastSuccess, rfc3339(now)}, {K::kLastError, ""}});
        return result;
    }

    // [2] Signature, then content checks, before anything is downloaded.
    Fetched sig = fetchSmall(http, manifestUrl + ".minisig", "", cfg.limits.signatureBytes, result);
    if (sig.failure) return failed(db, result, "feed signature: " + sig.failure->message, now, sig.failure->retryAfterSeconds);
    if (auto v = feed::verifyDetached(cfg.pinnedKeys, manifest.body, sig.body); !v)
        return failed(db, result, "feed refused: " + v.error().message, now);
    auto parsed = feed::parseManifest(manifest.body);
    if (!parsed) return failed(db, result, "feed refused: " + parsed.error().message, now);
    const feed::Manifest& m = *parsed;
    const std::string manifestSha = feed::sha256Hex(manifest.body);
    if (m.sequence < state->sequence)
        return failed(db, result,
                      "feed refused: sequence " + std::to_string(m.sequence) + " is older than the applied " +
                          std::to_string(state->sequence) + " (a rollback, or a stale mirror)",
                      now);
    if (m.sequence == state->sequence && manifestSha == state->manifestSha) {
        result.kind = SyncResultKind::Unchanged;
        result.message = "feed unchanged (sequence " + std::to_string(m.sequence) + ")";
        (void)cache::writeSyncState(db, {{K::kLastAttempt, rfc3339(now)}, {K::kLastSuccess, rfc3339(now)}, {K::kLastError, ""},
                            {K::kManifestEtag, manifest.response->etag}, {K::kFeedUrl, cfg.feedUrl}});
        return result;
    }
    if (m.sequence == state->sequence)
        return failed(db, result,
                      "feed refused: sequence " + std::to_string(m.sequence) +
                          " was already applied with different content (the publisher must raise the sequence)",
                      now);

    // [3] Blobs not yet held, verified as they arrive.
    BlobStore store(cfg.stateDir / "blobs");
    FetchStats fetchStats;
    for (const feed::BlobRef& blob : m.allBlobs()) {
        if (store.has(blob)) continue;
        auto r = store.fetch(http, cfg.feedUrl + "/" + feed::blobPath(blob.sha256), blob, cfg.limits.blobBytes, fetchStats);
        if (!r) {
            result.bytes += fetchStats.bytes;
            result.requests += fetchStats.requests;
            return failed(db, result, "feed blob: " + r.error().message, now);
        }
        ++result.blobsFetched;
    }
    result.bytes += fetchStats.bytes;
    result.requests += fetchStats.requests;

    // [4] Images: normalised here (the kiosk never decodes a downloaded
    // file), each once: files from earlier syncs are reused.
    const std::filesystem::path mediaDir = cfg.stateDir / "media";
    std::error_code ec;
    std::filesystem::create_directories(mediaDir, ec);
    std::map<std::string, cache::MediaFile> known;
    if (auto rows = cache::readMediaFiles(db))
        for (auto& row : *rows) known.emplace(row.sha256, std::move(row));
    std::vector<cache::MediaFile> mediaFiles;
    std::vector<std::pair<std::string, std::string>> refusedImages; // sha256, reason
    for (const feed::MediaItem& item : m.media) {
        if (auto it = known.find(item.blob.sha256);
            it != known.end() && std::filesystem::exists(mediaDir / it->second.file, ec)) {
            mediaFiles.push_back(it->second);
            continue;
        }
        auto image = media::normaliseImage(readFile(store.pathOf(item.blob)));
        if (!image) {
            // One hostile image costs that image only: the feed is signed, so
            // this is the publisher's mistake, not an attack on the records.
            refusedImages.push_back({item.blob.sha256, image.error().message});
            continue;
        }
        const std::string file = item.blob.sha256 + (image->mimeType == "image/png" ? ".png" : ".jpg");
        if (!writeFileAtomic(mediaDir / file, image->bytes))
            return failed(db, result, "cannot store image " + file + ": disk full or not writable (" + mediaDir.string() + ")", now);
        mediaFiles.push_back({item.blob.sha256, file, image->mimeType, image->width, image->height});
    }

    // [5] Every record decoded and validated before the cache is touched.
    std::vector<cache::CollectionReplacement> updates;
    for (const auto& [collection, content] : m.collections) {
        cache::CollectionReplacement update{collection, {}};
        update.records.reserve(static_cast<std::size_t>(content.records));
        for (const feed::Chunk& chunk : content.chunks) {
            auto text = feed::gzipDecompress(readFile(store.pathOf(chunk.blob)), cfg.limits.chunkExpandedBytes);
            if (!text) return failed(db, result, "feed chunk " + chunk.blob.sha256.substr(0, 12) + ": " + text.error().message, now);
            auto fc = feed::parseFeatureCollection(*text, "chunk " + chunk.blob.sha256.substr(0, 12));
            if (!fc) return failed(db, result, "feed refused: " + fc.error().message, now);
            if (!fc->envelopeIssues.empty()) return failed(db, result, "feed refused: " + fc->envelopeIssues.front(), now);
            if (fc->declaredCollection && *fc->declaredCollection != collection)
                return failed(db, result, "feed refused: a chunk of " + std::string(cache::collectionKey(collection)) +
                                              " holds another collection", now);
            for (const feed::RawFeature& f : fc->features) {
                auto rec = cache::decodeRecord(collection, f.properties, f.geometry, f.featureId);
                if (!rec) return failed(db, result, "feed refused, invalid record: " + rec.error().message, now);
                update.records.push_back(std::move(rec).value());
            }
            if (static_cast<int>(fc->features.size()) != chunk.records)
                return failed(db, result, "feed refused: chunk " + chunk.blob.sha256.substr(0, 12) + " holds " +
                                              std::to_string(fc->features.size()) + " records, the manifest says " +
                                              std::to_string(chunk.records), now);
        }
        updates.push_back(std::move(update));
    }

    for (const auto& [sha, reason] : refusedImages)
        result.imagesRefused.push_back("image " + sha.substr(0, 12) + recordsNaming(updates, sha) + ": " + reason);

    // [5b] The map tile pack: every tile re-encoded into a file of its own
    // before the transaction that names it (reused when already installed).
    const std::filesystem::path tilesDir = cfg.stateDir / "tiles";
    std::string tilesPack;
    std::int64_t tilesInstalled = 0;
    if (m.tiles) {
        auto pack = installTilePack(store.pathOf(*m.tiles), m.tiles->sha256, tilesDir, cfg.limits.tilePack);
        if (!pack) return failed(db, result, "feed tiles: " + pack.error().message, now);
        tilesPack = pack->path.string();
        tilesInstalled = pack->tiles;
    }

    // [6] One transaction: the data, its images, its tile pack and the state that describes it.
    const std::map<std::string, std::string> newState{
        {K::kLastAttempt, rfc3339(now)},          {K::kLastSuccess, rfc3339(now)},
        {K::kLastError, ""},                      {K::kSequence, std::to_string(m.sequence)},
        {K::kManifestSha, manifestSha},           {K::kManifestEtag, manifest.response->etag},
        {K::kGeneratedAt, m.generatedAt},         {K::kExpiresAt, m.expiresAt},
        {K::kFeedUrl, cfg.feedUrl},               {K::kTilesPack, tilesPack}};
    auto applied = cache::applyFeedUpdate(db, updates, mediaFiles, newState, "feed sequence " + std::to_string(m.sequence));
    if (!applied) return failed(db, result, applied.error().message, now);

    // [7] Blobs and images the new manifest no longer needs go only after
    // the commit (a crash before it must find them still there).
    std::set<std::string> keep;
    for (const auto& b : m.allBlobs()) keep.insert(b.sha256);
    store.prune(keep);
    std::set<std::string> keepImages;
    for (const auto& f : mediaFiles) keepImages.insert(f.file);
    for (const auto& e : std::filesystem::directory_iterator(mediaDir, ec))
        if (!keepImages.count(e.path().filename().string())) std::filesystem::remove(e.path(), ec);
    // A kiosk may still have the previous pack open: it keeps reading the
    // unlinked file until it opens the one this commit names.
    if (std::filesystem::is_directory(tilesDir, ec)) pruneTilePacks(tilesDir, tilesPack);

    result.kind = SyncResultKind::Applied;
    result.sequence = m.sequence;
    const auto expires = cache::unixSecondsOfDateTime(m.expiresAt);
    result.stale = expires && now > *expires;
    int records = 0;
    for (const auto& u : updates) records += static_cast<int>(u.records.size());
    result.message = "applied feed sequence " + std::to_string(m.sequence) + ": " + std::to_string(records) +
                     " records, " + std::to_string(result.blobsFetched) + " blob(s) fetched" +
                     (tilesInstalled > 0 ? ", map tile pack installed (" + std::to_string(tilesInstalled) + " tiles)" : "") +
                     (result.imagesRefused.empty()
                          ? ""
                          : "; " + std::to_string(result.imagesRefused.size()) +
                                " image(s) refused, their records kept without them: " + joinLines(result.imagesRefused)) +
                     (result.stale ? "; the feed has expired, data may be out of date" : "");
    return result;
}

} // namespace syncclient
