#include "feed_builder.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>

#include "cache/datetime.hpp"
#include "cache/record_codec.hpp"
#include "chunking.hpp"
#include "csv_reader.hpp"
#include "geojson_reader.hpp"
#include "gzip.hpp"
#include "hashing.hpp"
#include "media/image_normalise.hpp"
#include "source_warnings.hpp"

namespace feed {
namespace {

namespace fs = std::filesystem;
using cache::makeError;

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Writes atomically: a reader (or a CDN) never sees half a file.
bool writeFileAtomic(const fs::path& path, std::string_view bytes, std::string& error) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            error = "cannot write " + tmp.string();
            return false;
        }
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        error = "cannot rename " + tmp.string() + ": " + ec.message();
        return false;
    }
    return true;
}

std::string nowRfc3339() {
    return cache::formatUtc(std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count());
}

constexpr int kMaxValidDays = 3650;

struct ManifestTimes {
    std::string generatedAt, expiresAt;
};

// generated_at (the clock, or `now` in any RFC 3339 form the records accept,
// e.g. "…Z" or without seconds) in normalised form, and expires_at `days`
// later. A `now` that is not a date-time is an error, never an unchecked parse.
cache::Result<ManifestTimes> manifestTimes(const std::optional<std::string>& now, int days) {
    if (days < 1 || days > kMaxValidDays)
        return makeError("--valid-days must be 1 to " + std::to_string(kMaxValidDays) + ", got " + std::to_string(days));
    std::string generated = nowRfc3339();
    if (now) {
        auto normalised = cache::normaliseDateTime(*now);
        if (!normalised) return makeError("--now '" + *now + "': " + normalised.error().message);
        generated = *normalised;
    }
    const std::optional<std::int64_t> t = cache::unixSecondsOfDateTime(generated);
    if (!t) return makeError("--now '" + generated + "' is not a date-time this build can read");
    return ManifestTimes{generated, cache::formatUtc(*t + std::int64_t(days) * 86400)};
}

std::optional<std::string> imageType(std::string_view bytes) {
    if (bytes.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
    if (bytes.size() > 3 && bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
    return std::nullopt;
}

} // namespace

SourceRecords readSourceFolder(const fs::path& source) {
    SourceRecords out;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(source, ec))
        if (e.is_regular_file() && (e.path().extension() == ".geojson" || e.path().extension() == ".csv"))
            files.push_back(e.path());
    if (ec) {
        out.problems.push_back(source.string() + ": " + ec.message());
        return out;
    }
    std::sort(files.begin(), files.end());
    std::set<cache::Collection> seen;
    for (const fs::path& path : files) {
        auto file = path.extension() == ".csv" ? readCsvFile(path) : readFeatureCollectionFile(path);
        if (!file) {
            out.problems.push_back(file.error().message);
            continue;
        }
        const auto collection = collectionOfFile(*file, path);
        if (!collection) {
            out.problems.push_back(path.string() + ": cannot tell which collection this is (name it entities.geojson, …)");
            continue;
        }
        if (!seen.insert(*collection).second) {
            out.problems.push_back(path.string() + ": " + std::string(cache::collectionKey(*collection)) +
                                   " is given by two files");
            continue;
        }
        for (const auto& issue : file->envelopeIssues) out.problems.push_back(path.filename().string() + ": " + issue);
        auto& records = out.collections[*collection];
        std::set<std::string> ids;
        for (const RawFeature& f : file->features) {
            auto rec = cache::decodeRecord(*collection, f.properties, f.geometry, f.featureId);
            if (!rec) {
                out.problems.push_back(rec.error().message + " (" + path.filename().string() + " #" +
                                       std::to_string(f.index) + ")");
            } else if (!ids.insert(rec->id).second) {
                out.problems.push_back(std::string(cache::collectionKey(*collection)) + "/" + rec->id +
                                       ": id: duplicate (" + path.filename().string() + ")");
            } else {
                records.push_back(std::move(rec).value());
            }
        }
        std::sort(records.begin(), records.end(),
                  [](const cache::Record& a, const cache::Record& b) { return a.id < b.id; });
    }
    return out;
}

cache::Result<BuildReport> buildFeed(const BuildOptions& o, const SecretKey& key) {
    // Options first: nothing is written for a build that cannot be signed.
    auto times = manifestTimes(o.now, o.validDays);
    if (!times) return times.error();
    SourceRecords src = readSourceFolder(o.source);
    BuildReport report;
    if (o.skipInvalid) {
        for (const std::string& p : src.problems) report.warnings.push_back("left out: " + p);
        report.problemsLeftOut = static_cast<int>(src.problems.size());
        src.problems.clear();
    }
    if (!src.problems.empty()) {
        std::string msg = std::to_string(src.problems.size()) + " problem(s) in " + o.source.string() +
                          ", nothing published:";
        for (std::size_t i = 0; i < src.problems.size() && i < 20; ++i) msg += "\n  " + src.problems[i];
        if (src.problems.size() > 20) msg += "\n  …";
        return makeError(msg);
    }
    if (src.collections.empty()) return makeError(o.source.string() + ": no .geojson or .csv files");

    Manifest& m = report.manifest;
    std::string error;
    const auto writeBlob = [&](std::string_view bytes) -> std::optional<BlobRef> {
        BlobRef ref{sha256Hex(bytes), bytes.size()};
        const fs::path path = o.output / blobPath(ref.sha256);
        std::error_code ec;
        if (fs::exists(path, ec) && fs::file_size(path, ec) == bytes.size()) {
            ++report.blobsReused;
            return ref;
        }
        if (!writeFileAtomic(path, bytes, error)) return std::nullopt;
        ++report.blobsWritten;
        report.bytesWritten += bytes.size();
        return ref;
    };

    for (const auto& [collection, records] : src.collections) {
        CollectionContent content;
        content.records = static_cast<int>(records.size());
        for (const auto& [begin, end] : chunkRanges(records)) {
            const auto blob = writeBlob(gzipCompress(chunkDocument(collection, records, begin, end)));
            if (!blob) return makeError(error);
            content.chunks.push_back({*blob, static_cast<int>(end - begin)});
        }
        m.collections.emplace(collection, std::move(content));
    }

    std::error_code ec;
    std::vector<SourceImage> sourceImages;
    const fs::path mediaDir = o.source / "media";
    if (fs::is_directory(mediaDir, ec)) {
        std::vector<fs::path> images;
        for (const auto& e : fs::directory_iterator(mediaDir, ec))
            if (e.is_regular_file()) images.push_back(e.path());
        std::sort(images.begin(), images.end());
        for (const fs::path& p : images) {
            const std::string bytes = readAll(p);
            const auto type = imageType(bytes);
            if (!type && o.skipInvalid) {
                report.warnings.push_back("left out: " + p.string() + ": not a PNG or JPEG image");
                ++report.problemsLeftOut;
                continue;
            }
            if (!type) return makeError(p.string() + ": not a PNG or JPEG image");
            const auto blob = writeBlob(bytes);
            if (!blob) return makeError(error);
            m.media.push_back({*blob, *type});
            // The terminals' own check, so the publisher hears of a bomb or a
            // broken file first; the image is still published (a terminal
            // refuses it alone and keeps its records).
            const auto normalised = media::normaliseImage(bytes);
            sourceImages.push_back({p.filename().string(), blob->sha256, normalised ? "" : normalised.error().message});
        }
    }
    {
        std::vector<cache::Record> all;
        for (const auto& [collection, records] : src.collections) all.insert(all.end(), records.begin(), records.end());
        for (auto& w : mediaWarnings(all, sourceImages)) report.warnings.push_back(std::move(w));
        for (auto& w : glyphWarnings(all)) report.warnings.push_back(std::move(w));
    }
    for (const auto& e : fs::directory_iterator(o.source, ec)) {
        if (e.path().extension() != ".mbtiles") continue;
        if (m.tiles) return makeError(o.source.string() + ": more than one .mbtiles file");
        const auto blob = writeBlob(readAll(e.path()));
        if (!blob) return makeError(error);
        m.tiles = *blob;
    }

    std::int64_t previous = 0;
    if (const fs::path prev = o.output / "manifest.json"; fs::exists(prev, ec))
        if (auto pm = parseManifest(readAll(prev))) previous = pm->sequence;
    m.sequence = o.sequence.value_or(previous + 1);
    if (m.sequence <= previous && !o.sequence)
        return makeError("sequence would not increase");
    if (o.sequence && *o.sequence <= previous)
        return makeError("--sequence " + std::to_string(*o.sequence) + " is not above the published " +
                         std::to_string(previous) + "; terminals would refuse it as a rollback");
    m.generatedAt = times->generatedAt;
    m.expiresAt = times->expiresAt;

    const std::string text = formatManifest(m);
    const std::string sig = signDetached(key, text, "sequence:" + std::to_string(m.sequence) +
                                                        " generated_at:" + m.generatedAt);
    // Signature first: a client that sees the new manifest with the old
    // signature refuses it and retries; the reverse order would not help.
    const fs::path manifestPath = o.output / "manifest.json";
    const auto previousTime = fs::last_write_time(manifestPath, ec);
    const bool hadPrevious = !ec;
    if (!writeFileAtomic(o.output / "manifest.json.minisig", sig, error)) return makeError(error);
    if (!writeFileAtomic(manifestPath, text, error)) return makeError(error);
    // Web servers make a manifest's ETag from its modification time in whole
    // seconds and its size (nginx): two manifests of one size published
    // within a second would share one, and terminals asking "changed since?"
    // would be told no and miss the second. Each is dated a second past the last.
    if (hadPrevious) {
        using namespace std::chrono;
        const auto now = fs::last_write_time(manifestPath, ec);
        if (!ec && floor<seconds>(now) <= floor<seconds>(previousTime))
            fs::last_write_time(manifestPath, floor<seconds>(previousTime) + seconds(1), ec);
        if (ec) return makeError("cannot date " + manifestPath.string() + ": " + ec.message());
    }
    return report;
}

cache::Result<int> pruneFeed(const fs::path& output) {
    auto m = parseManifest(readAll(output / "manifest.json"));
    if (!m) return makeError((output / "manifest.json").string() + ": " + m.error().message);
    std::set<std::string> keep;
    for (const auto& b : m->allBlobs()) keep.insert(b.sha256);
    int removed = 0;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(output / "blobs", ec)) {
        if (!e.is_regular_file()) continue;
        if (keep.count(e.path().filename().string())) continue;
        if (fs::remove(e.path(), ec)) ++removed;
    }
    return removed;
}

} // namespace feed
