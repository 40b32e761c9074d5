#include "sync_once.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "blob_store.hpp"
#include "cache/cache_writer.hpp"
#include "cache/datetime.hpp"
#include "cache/record_codec.hpp"
#include "cache/sync_state.hpp"
#include "feed/geojson_reader.hpp"
#include "feed/gzip.hpp"
#include "feed/hashing.hpp"
#include "feed/manifest.hpp"

namespace syncclient {
namespace {

namespace K = cache::sync_keys;

std::string rfc3339(std::int64_t unix) {
    const auto d = cache::civilFromDays(unix >= 0 ? unix / 86400 : (unix - 86399) / 86400);
    const std::int64_t s = unix - cache::daysFromCivil(d.year, d.month, d.day) * 86400;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d+00:00", d.year, d.month, d.day,
                  static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60), static_cast<int>(s % 60));
    return buf;
}

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

    // [4] Every record decoded and validated before the cache is touched.
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

    // [5] One transaction: the data and the state that describes it.
    const std::map<std::string, std::string> newState{
        {K::kLastAttempt, rfc3339(now)},          {K::kLastSuccess, rfc3339(now)},
        {K::kLastError, ""},                      {K::kSequence, std::to_string(m.sequence)},
        {K::kManifestSha, manifestSha},           {K::kManifestEtag, manifest.response->etag},
        {K::kGeneratedAt, m.generatedAt},         {K::kExpiresAt, m.expiresAt},
        {K::kFeedUrl, cfg.feedUrl}};
    auto applied = cache::applyFeedUpdate(db, updates, newState, "feed sequence " + std::to_string(m.sequence));
    if (!applied) return failed(db, result, applied.error().message, now);

    // [6] Blobs the new manifest no longer needs go only after the commit.
    std::set<std::string> keep;
    for (const auto& b : m.allBlobs()) keep.insert(b.sha256);
    store.prune(keep);

    result.kind = SyncResultKind::Applied;
    result.sequence = m.sequence;
    const auto expires = cache::unixSecondsOfDateTime(m.expiresAt);
    result.stale = expires && now > *expires;
    int records = 0;
    for (const auto& u : updates) records += static_cast<int>(u.records.size());
    result.message = "applied feed sequence " + std::to_string(m.sequence) + ": " + std::to_string(records) +
                     " records, " + std::to_string(result.blobsFetched) + " blob(s) fetched" +
                     (result.stale ? "; the feed has expired, data may be out of date" : "");
    return result;
}

} // namespace syncclient
