#include "blob_store.hpp"

#include <cstdio>
#include <fstream>

#include "feed/hashing.hpp"

namespace syncclient {

namespace fs = std::filesystem;
using cache::makeError;

BlobStore::BlobStore(fs::path dir) : m_dir(std::move(dir)) {
    std::error_code ec;
    fs::create_directories(m_dir, ec);
}

fs::path BlobStore::pathOf(const feed::BlobRef& blob) const { return m_dir / blob.sha256; }

bool BlobStore::has(const feed::BlobRef& blob) const {
    std::error_code ec;
    return fs::file_size(pathOf(blob), ec) == blob.bytes && !ec;
}

cache::Result<void> BlobStore::fetch(net::HttpClient& http, const std::string& url, const feed::BlobRef& blob,
                                     std::uint64_t maxBytes, FetchStats& stats) {
    if (has(blob)) return {};
    if (blob.bytes > maxBytes)
        return makeError("blob " + blob.sha256.substr(0, 12) + " is " + std::to_string(blob.bytes) +
                         " bytes, over the limit of " + std::to_string(maxBytes));
    const fs::path tmp = m_dir / (blob.sha256 + ".part");
    std::FILE* out = std::fopen(tmp.c_str(), "wb");
    if (!out) return makeError("cannot write " + tmp.string() + " (is the state directory writable?)");
    feed::Sha256 hash;
    bool writeFailed = false;
    net::Request req{url, "", blob.bytes}; // a blob larger than announced is cut off right there
    const auto outcome = http.get(req, [&](std::string_view chunk) {
        hash.update(chunk);
        if (std::fwrite(chunk.data(), 1, chunk.size(), out) != chunk.size()) {
            writeFailed = true;
            return false;
        }
        return true;
    });
    const bool closeFailed = std::fclose(out) != 0;
    ++stats.requests;
    if (outcome.response)
        stats.bytes += outcome.response->bodyBytes + outcome.response->headerBytes + outcome.response->requestBytes;
    const auto fail = [&](std::string message) -> cache::Result<void> {
        std::error_code ec;
        fs::remove(tmp, ec);
        return makeError(std::move(message));
    };
    if (writeFailed || closeFailed)
        return fail("cannot store blob " + blob.sha256.substr(0, 12) + ": disk full or not writable (" + m_dir.string() + ")");
    if (!outcome.ok()) return fail(outcome.failure->message);
    if (outcome.response->bodyBytes != blob.bytes)
        return fail("blob " + blob.sha256.substr(0, 12) + " has " + std::to_string(outcome.response->bodyBytes) +
                    " bytes, the manifest says " + std::to_string(blob.bytes));
    if (hash.finishHex() != blob.sha256)
        return fail("blob " + blob.sha256.substr(0, 12) + " does not match its SHA-256 (corrupted in transit or on the server)");
    std::error_code ec;
    fs::rename(tmp, pathOf(blob), ec);
    if (ec) return fail("cannot store blob: " + ec.message());
    return {};
}

int BlobStore::prune(const std::set<std::string>& keep) {
    int removed = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(m_dir, ec)) {
        const std::string name = e.path().filename().string();
        if (keep.count(name)) continue;
        if (fs::remove(e.path(), ec)) ++removed;
    }
    return removed;
}

} // namespace syncclient
