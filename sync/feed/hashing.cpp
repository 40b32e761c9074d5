#include "hashing.hpp"

#include <sodium.h>

namespace feed {
namespace {

std::string toHex(const unsigned char* bytes, std::size_t n) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(n * 2, '0');
    for (std::size_t i = 0; i < n; ++i) {
        out[2 * i] = kHex[bytes[i] >> 4];
        out[2 * i + 1] = kHex[bytes[i] & 15];
    }
    return out;
}

crypto_hash_sha256_state* state(unsigned char* storage) {
    return reinterpret_cast<crypto_hash_sha256_state*>(storage);
}

} // namespace

static_assert(sizeof(crypto_hash_sha256_state) <= 128);

std::string sha256Hex(std::string_view bytes) {
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return toHex(out, sizeof out);
}

Sha256::Sha256() { crypto_hash_sha256_init(state(m_state)); }

void Sha256::update(std::string_view bytes) {
    crypto_hash_sha256_update(state(m_state), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::string Sha256::finishHex() {
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(state(m_state), out);
    return toHex(out, sizeof out);
}

bool isSha256Hex(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

} // namespace feed
