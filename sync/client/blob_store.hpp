#pragma once
// Verified blobs on disk: downloaded to a temporary file while hashing,
// checked for size and SHA-256, then renamed into place. A blob in the store
// is always complete and correct; a crash leaves at most a temp file.
#include <filesystem>
#include <set>
#include <string>

#include "cache/result.hpp"
#include "feed/manifest.hpp"
#include "net/http_client.hpp"

namespace syncclient {

struct FetchStats {
    std::uint64_t bytes = 0; // body + headers + request
    int requests = 0;
};

class BlobStore {
public:
    explicit BlobStore(std::filesystem::path dir);

    bool has(const feed::BlobRef& blob) const;
    std::filesystem::path pathOf(const feed::BlobRef& blob) const;
    // Downloads `url` into the store unless already there. The error says
    // what was wrong (size, hash, network) and leaves the store unchanged.
    cache::Result<void> fetch(net::HttpClient& http, const std::string& url, const feed::BlobRef& blob,
                              std::uint64_t maxBytes, FetchStats& stats);
    // Removes every blob (and stray temp file) not in `keep`. Returns how many.
    int prune(const std::set<std::string>& keep);

private:
    std::filesystem::path m_dir;
};

} // namespace syncclient
