#pragma once
// Detached Ed25519 signatures in minisign's formats, so an operator can sign
// a manifest with `pestor-feed` or with the `minisign` tool, and verify with
// either. Keys and signatures are the files minisign reads and writes:
//   public key   "untrusted comment: ...\nRW...(base64 of 'Ed' + key id + 32-byte key)\n"
//   secret key   minisign's secret-key file, unencrypted (kdf "\0\0", as `minisign -G -W`)
//   signature    "untrusted comment: ...\n<base64 'ED'|'Ed' + key id + sig>\n"
//                "trusted comment: ...\n<base64 global signature>\n"
// 'ED' (BLAKE2b-512 prehashed) is what minisign writes by default and what
// signDetached writes; 'Ed' (legacy, unhashed) is accepted when verifying.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "cache/result.hpp"

namespace feed {

struct PublicKey {
    std::array<std::uint8_t, 8> keyId{};
    std::array<std::uint8_t, 32> key{};
    bool operator==(const PublicKey&) const = default;
};

struct SecretKey {
    std::array<std::uint8_t, 8> keyId{};
    std::array<std::uint8_t, 64> key{}; // libsodium's Ed25519 secret key (seed + public key)
};

struct KeyPair {
    PublicKey publicKey;
    SecretKey secretKey;
};

KeyPair generateKeyPair();

// Accepts a whole .pub file or just its base64 line ("RW...").
cache::Result<PublicKey> parsePublicKey(std::string_view text);
std::string formatPublicKey(const PublicKey& key); // a .pub file minisign reads
// The key id as minisign prints it (16 upper-case hex digits).
std::string keyIdHex(const std::array<std::uint8_t, 8>& keyId);

cache::Result<SecretKey> parseSecretKey(std::string_view text); // unencrypted only; says so otherwise
std::string formatSecretKey(const SecretKey& key);              // a file `minisign -S -s` accepts

// The .minisig text for `message`.
std::string signDetached(const SecretKey& key, std::string_view message, std::string_view trustedComment);

// Verifies `minisig` over `message` with any of the pinned keys (one or two,
// for rotation). Returns the trusted comment. Errors name the reason:
// malformed signature file, signed by a key that is not pinned (with its
// id), signature does not match, trusted comment tampered with.
cache::Result<std::string> verifyDetached(std::span<const PublicKey> pinned, std::string_view message,
                                          std::string_view minisig);

} // namespace feed
