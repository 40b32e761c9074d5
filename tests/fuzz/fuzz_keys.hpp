#pragma once
// The fuzz seed key: a fixed Ed25519 key pair derived from a constant seed,
// so the committed manifest seeds carry signatures that verify and the
// fuzzer starts from inputs that reach the end of verifyDetached (key id
// match, signature check, trusted comment) rather than failing at the first
// byte. It signs nothing but fuzz seeds; it is not secret.
#include <array>
#include <cstring>
#include <sodium.h>
#include <stdexcept>

#include "feed/signature.hpp"

namespace pestor_fuzz {

inline feed::KeyPair seedKeyPair() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
    constexpr char kSeed[crypto_sign_SEEDBYTES + 1] = "pestor-fuzz seed key, not secret";
    static_assert(sizeof kSeed == crypto_sign_SEEDBYTES + 1);
    feed::KeyPair kp;
    kp.publicKey.keyId = {'p', 'e', 's', 't', 'o', 'r', 'f', 'z'};
    kp.secretKey.keyId = kp.publicKey.keyId;
    crypto_sign_seed_keypair(kp.publicKey.key.data(), kp.secretKey.key.data(),
                             reinterpret_cast<const unsigned char*>(kSeed));
    return kp;
}

// A second, unrelated pinned key: the sync pins two during a key rotation,
// and the fuzzer should see the "not this key, try the next" path.
inline feed::PublicKey otherPinnedKey() {
    feed::PublicKey key;
    key.keyId = {'o', 't', 'h', 'e', 'r', 'k', 'e', 'y'};
    key.key.fill(0x5a);
    return key;
}

// Manifest inputs hold manifest.json, then this line, then the .minisig.
inline constexpr char kSignatureMarker[] = "\n--pestor-fuzz-minisig--\n";

} // namespace pestor_fuzz
