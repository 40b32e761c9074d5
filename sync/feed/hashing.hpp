#pragma once
#include <string>
#include <string_view>

namespace feed {

// Lower-case hex SHA-256 of `bytes` (libsodium).
std::string sha256Hex(std::string_view bytes);

// Incremental SHA-256 for blobs streamed from the network or disk.
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    std::string finishHex();

private:
    alignas(64) unsigned char m_state[128]; // crypto_hash_sha256_state (104 bytes in 1.0.18)
};

bool isSha256Hex(std::string_view s);

} // namespace feed
