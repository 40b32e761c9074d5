#pragma once
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "client/tile_pack.hpp"
#include "feed/signature.hpp"
#include "net/http_client.hpp"

namespace syncclient {

struct Limits {
    std::uint64_t manifestBytes = 4u << 20;     // manifest.json
    std::uint64_t signatureBytes = 4096;         // manifest.json.minisig
    std::uint64_t blobBytes = 512ull << 20;      // any one blob (an MBTiles pack can be large)
    std::uint64_t chunkExpandedBytes = 64u << 20; // a chunk after gunzip (bomb guard)
    TilePackLimits tilePack;                      // the map tile pack's tiles, counts and pixels
};

struct SyncConfig {
    std::string feedUrl;                       // ends without '/': ".../feed"
    std::vector<feed::PublicKey> pinnedKeys;   // one, or two during a key rotation
    net::ClientOptions http;
    std::filesystem::path stateDir;            // stateDir/blobs (verified), /media, /tiles (installed)
    Limits limits;
};

} // namespace syncclient
