#include "signature.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <sodium.h>
#include <stdexcept>
#include <vector>

// Byte layouts follow minisign's src/minisign.h (PubkeyStruct, SeckeyStruct,
// SigStruct): fixed-size fields, packed in this order, then base64 with
// padding (libsodium's ORIGINAL variant is the alphabet and padding minisign
// uses).

namespace feed {

using cache::makeError;

namespace {

constexpr std::string_view kUntrustedPrefix = "untrusted comment: ";
constexpr std::string_view kTrustedPrefix = "trusted comment: ";
constexpr std::string_view kPasswordProtected =
    "secret key is password-protected; create one with `minisign -G -W` or `pestor-feed keygen`";

constexpr std::string_view kSigAlg = "Ed"; // keys, and legacy signatures over the message itself
constexpr std::string_view kSigAlgHashed = "ED"; // signatures over BLAKE2b-512(message)
constexpr std::string_view kKdfNone = std::string_view("\0\0", 2);
constexpr std::string_view kKdfScrypt = "Sc";
constexpr std::string_view kChkAlg = "B2";

constexpr std::size_t kKeyIdBytes = 8;
constexpr std::size_t kPublicKeyBytes = 2 + kKeyIdBytes + crypto_sign_PUBLICKEYBYTES; // 42
constexpr std::size_t kSignatureBytes = 2 + kKeyIdBytes + crypto_sign_BYTES;          // 74
constexpr std::size_t kSaltBytes = 32;                                                // scrypt salt
constexpr std::size_t kChecksumBytes = crypto_generichash_BYTES;                      // 32
constexpr std::size_t kKeynumSkOffset = 2 + 2 + 2 + kSaltBytes + 8 + 8;               // 54
constexpr std::size_t kSecretKeyBytes =
    kKeynumSkOffset + kKeyIdBytes + crypto_sign_SECRETKEYBYTES + kChecksumBytes; // 158

// minisign reads the trusted-comment line with an 8192-byte fgets buffer; a
// longer comment would be cut there and refused, so neither side allows it.
constexpr std::size_t kTrustedCommentMaxBytes = 8192 - kTrustedPrefix.size() - 2;

static_assert(crypto_sign_PUBLICKEYBYTES == 32 && crypto_sign_SECRETKEYBYTES == 64 &&
              crypto_sign_BYTES == 64);

using Bytes = std::vector<unsigned char>;

// libsodium must be initialised before use; sodium_init() is idempotent and
// thread-safe, so every entry point calls it instead of relying on a global.
bool sodiumReady() {
    return sodium_init() >= 0;
}

void requireSodium() {
    if (!sodiumReady()) throw std::runtime_error("libsodium cannot be initialised");
}

const unsigned char* bytesOf(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool fieldIs(const Bytes& bytes, std::size_t offset, std::string_view expected) {
    return std::memcmp(bytes.data() + offset, expected.data(), expected.size()) == 0;
}

std::string toBase64(const unsigned char* bytes, std::size_t n) {
    const std::size_t size =
        sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL); // counts the NUL
    std::string out(size, '\0');
    sodium_bin2base64(out.data(), size, bytes, n, sodium_base64_VARIANT_ORIGINAL);
    out.resize(size - 1);
    return out;
}

// Decodes one base64 line that must hold exactly `expected` bytes. Bad
// characters and wrong lengths get different messages: the first usually
// means a damaged file, the second a file of another kind.
cache::Result<Bytes> fromBase64(std::string_view b64, std::size_t expected, std::string_view what) {
    Bytes out(b64.size() / 4 * 3 + 3);
    std::size_t length = 0;
    const char* end = nullptr;
    if (b64.empty() ||
        sodium_base642bin(out.data(), out.size(), b64.data(), b64.size(), nullptr, &length, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != b64.data() + b64.size()) {
        sodium_memzero(out.data(), out.size());
        return makeError(std::string(what) + " is not valid base64");
    }
    if (length != expected) {
        sodium_memzero(out.data(), out.size());
        return makeError(std::string(what) + " decodes to " + std::to_string(length) +
                         " bytes, expected " + std::to_string(expected));
    }
    out.resize(length);
    return out;
}

// Lines as minisign reads them (fgets, then one trailing "\r" dropped so
// files edited on Windows still work). Blank lines at the end are dropped:
// a final newline or an editor's extra empty line changes nothing.
std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
    }
    while (!lines.empty() && lines.back().find_first_not_of(" \t") == std::string_view::npos)
        lines.pop_back();
    return lines;
}

std::string_view trimBlanks(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// minisign refuses trusted comments with control characters (tab aside):
// they could hide text on a terminal. Keeping the same rule means a
// signature we accept is one `minisign -V` accepts too.
bool printable(std::string_view s) {
    return std::none_of(s.begin(), s.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return (c < 0x20 && c != '\t') || c == 0x7f;
    });
}

std::uint64_t loadLe64(const std::uint8_t* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

// minisign's secret-key checksum: BLAKE2b-256 over sig alg, key id, secret key.
std::array<unsigned char, kChecksumBytes> secretKeyChecksum(const SecretKey& key) {
    std::array<unsigned char, kChecksumBytes> chk{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, chk.size());
    crypto_generichash_update(&state, bytesOf(kSigAlg), kSigAlg.size());
    crypto_generichash_update(&state, key.keyId.data(), key.keyId.size());
    crypto_generichash_update(&state, key.key.data(), key.key.size());
    crypto_generichash_final(&state, chk.data(), chk.size());
    sodium_memzero(&state, sizeof state);
    return chk;
}

// What the global signature signs: the message signature, then the trusted
// comment (without its prefix and line end).
Bytes signatureAndComment(const unsigned char* sig, std::string_view comment) {
    Bytes out(crypto_sign_BYTES + comment.size());
    std::copy(sig, sig + crypto_sign_BYTES, out.begin());
    std::copy(comment.begin(), comment.end(), out.begin() + crypto_sign_BYTES);
    return out;
}

// The four parts of a .minisig file, decoded but not yet verified.
struct ParsedSignature {
    Bytes sigStruct; // alg (2) + key id (8) + signature (64)
    std::string trustedComment;
    Bytes globalSignature; // over signature || trusted comment
};

cache::Result<ParsedSignature> parseSignatureFile(std::string_view text) {
    const auto malformed = [](std::string detail) {
        return makeError("malformed signature file: " + detail);
    };
    if (trimBlanks(text).empty()) return malformed("it is empty");
    const auto lines = splitLines(text);
    if (!startsWith(lines[0], kUntrustedPrefix))
        return malformed("the first line must start with \"" + std::string(kUntrustedPrefix) +
                         "\"");
    if (lines.size() < 4)
        return malformed("expected 4 lines (untrusted comment, signature, trusted comment, global "
                         "signature), found " +
                         std::to_string(lines.size()));
    if (lines.size() > 4) return malformed("unexpected text after the global signature (line 5)");

    auto sig = fromBase64(lines[1], kSignatureBytes, "the signature line");
    if (!sig) return malformed(sig.error().message);
    if (!startsWith(lines[2], kTrustedPrefix))
        return malformed("the third line must start with \"" + std::string(kTrustedPrefix) + "\"");
    const std::string_view comment = lines[2].substr(kTrustedPrefix.size());
    if (comment.size() > kTrustedCommentMaxBytes)
        return malformed("the trusted comment is longer than " +
                         std::to_string(kTrustedCommentMaxBytes) + " bytes");
    if (!printable(comment)) return malformed("the trusted comment contains control characters");
    auto global = fromBase64(lines[3], crypto_sign_BYTES, "the global signature line");
    if (!global) return malformed(global.error().message);

    if (!fieldIs(*sig, 0, kSigAlgHashed) && !fieldIs(*sig, 0, kSigAlg))
        return malformed("unsupported signature algorithm (expected \"ED\" or \"Ed\")");
    return ParsedSignature{std::move(sig).value(), std::string(comment), std::move(global).value()};
}

std::string joinKeyIds(std::span<const PublicKey> keys) {
    std::string out;
    for (const auto& k : keys)
        out += (out.empty() ? "" : ", ") + keyIdHex(k.keyId);
    return out;
}

} // namespace

KeyPair generateKeyPair() {
    requireSodium();
    KeyPair pair;
    // minisign draws the key id at random too; it only tells keys apart.
    randombytes_buf(pair.secretKey.keyId.data(), pair.secretKey.keyId.size());
    pair.publicKey.keyId = pair.secretKey.keyId;
    crypto_sign_keypair(pair.publicKey.key.data(), pair.secretKey.key.data());
    return pair;
}

cache::Result<PublicKey> parsePublicKey(std::string_view text) {
    if (!sodiumReady()) return makeError("public key: libsodium cannot be initialised");
    const auto lines = splitLines(trimBlanks(text));
    if (lines.empty()) return makeError("public key: it is empty");
    std::string_view b64;
    if (startsWith(lines[0], kUntrustedPrefix)) {
        if (lines.size() < 2)
            return makeError("public key: the key line after the comment is missing");
        if (lines.size() > 2) return makeError("public key: unexpected text after the key line");
        b64 = trimBlanks(lines[1]);
    } else if (lines.size() == 1) {
        b64 = trimBlanks(lines[0]);
    } else {
        return makeError("public key: expected a minisign .pub file (\"" +
                         std::string(kUntrustedPrefix) +
                         "...\" then the key) or a single base64 key line");
    }
    auto bytes = fromBase64(b64, kPublicKeyBytes, "public key");
    if (!bytes) return bytes.error();
    if (!fieldIs(*bytes, 0, kSigAlg))
        return makeError("public key: unsupported signature algorithm (expected \"Ed\")");
    PublicKey key;
    std::copy_n(bytes->begin() + 2, kKeyIdBytes, key.keyId.begin());
    std::copy_n(bytes->begin() + 2 + kKeyIdBytes, key.key.size(), key.key.begin());
    return key;
}

std::string formatPublicKey(const PublicKey& key) {
    requireSodium();
    std::array<unsigned char, kPublicKeyBytes> bytes{};
    std::memcpy(bytes.data(), kSigAlg.data(), 2);
    std::copy(key.keyId.begin(), key.keyId.end(), bytes.begin() + 2);
    std::copy(key.key.begin(), key.key.end(), bytes.begin() + 2 + kKeyIdBytes);
    return std::string(kUntrustedPrefix) + "minisign public key " + keyIdHex(key.keyId) + "\n" +
           toBase64(bytes.data(), bytes.size()) + "\n";
}

std::string keyIdHex(const std::array<std::uint8_t, 8>& keyId) {
    // minisign prints the id as a little-endian 64-bit number, zero-padded
    // ("%016" PRIX64), so the bytes appear in reverse order.
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llX",
                  static_cast<unsigned long long>(loadLe64(keyId.data())));
    return buf;
}

cache::Result<SecretKey> parseSecretKey(std::string_view text) {
    if (!sodiumReady()) return makeError("secret key: libsodium cannot be initialised");
    const auto lines = splitLines(text);
    if (lines.empty()) return makeError("secret key: it is empty");
    if (!startsWith(lines[0], kUntrustedPrefix))
        return makeError("secret key: the first line must start with \"" +
                         std::string(kUntrustedPrefix) + "\"");
    if (lines.size() < 2) return makeError("secret key: the key line after the comment is missing");
    if (lines.size() > 2) return makeError("secret key: unexpected text after the key line");
    auto decoded = fromBase64(lines[1], kSecretKeyBytes, "secret key");
    if (!decoded) return decoded.error();
    Bytes& bytes = *decoded;
    // The decoded bytes hold the secret key: wipe them on every way out.
    struct Wipe {
        Bytes& b;
        ~Wipe() { sodium_memzero(b.data(), b.size()); }
    } wipe{bytes};

    if (!fieldIs(bytes, 0, kSigAlg))
        return makeError("secret key: unsupported signature algorithm (expected \"Ed\")");
    if (!fieldIs(bytes, 4, kChkAlg))
        return makeError("secret key: unsupported checksum algorithm (expected \"B2\")");
    if (fieldIs(bytes, 2, kKdfScrypt)) return makeError(std::string(kPasswordProtected));
    if (!fieldIs(bytes, 2, kKdfNone))
        return makeError("secret key: unsupported key derivation function");

    SecretKey key;
    const unsigned char* keynum = bytes.data() + kKeynumSkOffset;
    std::copy_n(keynum, kKeyIdBytes, key.keyId.begin());
    std::copy_n(keynum + kKeyIdBytes, key.key.size(), key.key.begin());
    const unsigned char* storedChk = keynum + kKeyIdBytes + key.key.size();

    // `minisign -G -W` leaves the checksum zero (it is only computed when
    // encrypting), so a zero checksum is accepted; any other must match.
    const auto chk = secretKeyChecksum(key);
    if (!sodium_is_zero(storedChk, kChecksumBytes) &&
        sodium_memcmp(storedChk, chk.data(), chk.size()) != 0) {
        sodium_memzero(key.key.data(), key.key.size());
        return makeError("secret key: checksum mismatch, the key file is damaged");
    }
    // With no checksum to rely on, the key's second half (its public key)
    // must be the one its first half (the seed) derives: this catches a
    // damaged file before it produces signatures nobody can verify.
    unsigned char derivedPk[crypto_sign_PUBLICKEYBYTES];
    unsigned char derivedSk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(derivedPk, derivedSk, key.key.data());
    const bool consistent = sodium_memcmp(derivedSk, key.key.data(), sizeof derivedSk) == 0;
    sodium_memzero(derivedSk, sizeof derivedSk);
    if (!consistent) {
        sodium_memzero(key.key.data(), key.key.size());
        return makeError(
            "secret key: its public half does not match its seed, the key file is damaged");
    }
    return key;
}

std::string formatSecretKey(const SecretKey& key) {
    requireSodium();
    // Unencrypted layout as `minisign -G -W` writes it (kdf "\0\0", zero
    // salt and limits), but with the checksum filled in so we can detect
    // damage when reading it back; minisign ignores it for such keys.
    std::array<unsigned char, kSecretKeyBytes> bytes{}; // salt, opslimit, memlimit stay zero
    std::memcpy(bytes.data(), kSigAlg.data(), 2);
    std::memcpy(bytes.data() + 2, kKdfNone.data(), 2);
    std::memcpy(bytes.data() + 4, kChkAlg.data(), 2);
    unsigned char* keynum = bytes.data() + kKeynumSkOffset;
    std::copy(key.keyId.begin(), key.keyId.end(), keynum);
    std::copy(key.key.begin(), key.key.end(), keynum + kKeyIdBytes);
    const auto chk = secretKeyChecksum(key);
    std::copy(chk.begin(), chk.end(), keynum + kKeyIdBytes + key.key.size());
    std::string out = std::string(kUntrustedPrefix) + "minisign secret key " + keyIdHex(key.keyId) +
                      " (not encrypted)\n" + toBase64(bytes.data(), bytes.size()) + "\n";
    sodium_memzero(bytes.data(), bytes.size());
    return out;
}

std::string signDetached(const SecretKey& key, std::string_view message,
                         std::string_view trustedComment) {
    requireSodium();
    // A line break would end the trusted-comment line early and the other
    // control characters are refused by minisign; either way the signature
    // could never verify, so this is a caller error, not a runtime one.
    if (!printable(trustedComment))
        throw std::invalid_argument(
            "signDetached: the trusted comment contains line breaks or control characters");
    if (trustedComment.size() > kTrustedCommentMaxBytes)
        throw std::invalid_argument("signDetached: the trusted comment is longer than " +
                                    std::to_string(kTrustedCommentMaxBytes) + " bytes");

    unsigned char digest[crypto_generichash_BYTES_MAX];
    crypto_generichash(digest, sizeof digest, bytesOf(message), message.size(), nullptr, 0);

    std::array<unsigned char, kSignatureBytes> sigStruct{};
    std::memcpy(sigStruct.data(), kSigAlgHashed.data(), 2);
    std::copy(key.keyId.begin(), key.keyId.end(), sigStruct.begin() + 2);
    unsigned char* sig = sigStruct.data() + 2 + kKeyIdBytes;
    crypto_sign_detached(sig, nullptr, digest, sizeof digest, key.key.data());

    // The global signature binds the trusted comment to this signature.
    const Bytes signedComment = signatureAndComment(sig, trustedComment);
    unsigned char global[crypto_sign_BYTES];
    crypto_sign_detached(global, nullptr, signedComment.data(), signedComment.size(),
                         key.key.data());

    return std::string(kUntrustedPrefix) + "signature from minisign secret key " +
           keyIdHex(key.keyId) + "\n" + toBase64(sigStruct.data(), sigStruct.size()) + "\n" +
           std::string(kTrustedPrefix) + std::string(trustedComment) + "\n" +
           toBase64(global, sizeof global) + "\n";
}

cache::Result<std::string> verifyDetached(std::span<const PublicKey> pinned,
                                          std::string_view message, std::string_view minisig) {
    if (!sodiumReady()) return makeError("signature: libsodium cannot be initialised");
    if (pinned.empty())
        return makeError("signature: no public key is pinned, nothing can be verified");
    auto parsed = parseSignatureFile(minisig);
    if (!parsed) return parsed.error();

    std::array<std::uint8_t, 8> keyId{};
    std::copy_n(parsed->sigStruct.begin() + 2, kKeyIdBytes, keyId.begin());
    const unsigned char* sig = parsed->sigStruct.data() + 2 + kKeyIdBytes;

    // "ED" signs BLAKE2b-512 of the message (what minisign writes by default);
    // legacy "Ed" signs the message itself.
    unsigned char digest[crypto_generichash_BYTES_MAX];
    const unsigned char* signedData = bytesOf(message);
    std::size_t signedSize = message.size();
    if (fieldIs(parsed->sigStruct, 0, kSigAlgHashed)) {
        crypto_generichash(digest, sizeof digest, bytesOf(message), message.size(), nullptr, 0);
        signedData = digest;
        signedSize = sizeof digest;
    }

    const Bytes signedComment = signatureAndComment(sig, parsed->trustedComment);

    // Both signatures must verify. Checking both before deciding lets the
    // error say what changed: the global signature covers the signature and
    // the trusted comment but not the data, so
    //   data signature bad, global good -> the data changed;
    //   data signature good, global bad -> the trusted comment changed;
    //   both bad                        -> the signature itself is damaged or forged.
    enum class Outcome { UnknownKey, DataChanged, CommentChanged, SignatureBad };
    Outcome outcome = Outcome::UnknownKey;
    // Two pinned keys may (by bad luck or on purpose) share an id, so every
    // key with the signature's id is tried.
    for (const PublicKey& key : pinned) {
        if (key.keyId != keyId) continue;
        const bool dataOk =
            crypto_sign_verify_detached(sig, signedData, signedSize, key.key.data()) == 0;
        const bool globalOk =
            crypto_sign_verify_detached(parsed->globalSignature.data(), signedComment.data(),
                                        signedComment.size(), key.key.data()) == 0;
        if (dataOk && globalOk) return std::move(parsed->trustedComment);
        // Keep the most telling diagnosis if several keys share the id.
        const Outcome here = dataOk     ? Outcome::CommentChanged
                             : globalOk ? Outcome::DataChanged
                                        : Outcome::SignatureBad;
        if (outcome == Outcome::UnknownKey || outcome == Outcome::SignatureBad) outcome = here;
    }
    const std::string id = keyIdHex(keyId);
    switch (outcome) {
    case Outcome::UnknownKey:
        return makeError("signature: made with key " + id +
                         ", which is not pinned (pinned: " + joinKeyIds(pinned) + ")");
    case Outcome::DataChanged:
        return makeError("signature: the signed data does not match (modified in transit, or not "
                         "the file that key " +
                         id + " signed)");
    case Outcome::CommentChanged:
        return makeError("signature: the trusted comment was tampered with (its global "
                         "signature does not match key " +
                         id + ")");
    case Outcome::SignatureBad:
        break;
    }
    return makeError("signature: the signature is damaged or forged (it does not verify with "
                     "pinned key " +
                     id + ")");
}

} // namespace feed
