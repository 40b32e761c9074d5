// Detached signatures in minisign's formats: our own round trip and its
// failure messages, files exchanged with the real minisign tool in both
// directions, and malformed input that must be refused without crashing.
#include "feed/signature.hpp"
#include "test_support.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <sodium.h>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <vector>

#ifndef PESTOR_MINISIGN_EXE
#define PESTOR_MINISIGN_EXE "/usr/bin/minisign"
#endif

namespace {

using Bytes = std::vector<unsigned char>;
namespace fs = std::filesystem;

// The same shape as minisign's key and signature files, for building
// malformed variants byte by byte.
constexpr std::size_t kSecretKeynumOffset =
    54; // alg, kdf, chk (2 each), salt (32), opslimit, memlimit (8 each)

Bytes unbase64(std::string_view text) {
    REQUIRE(sodium_init() >= 0);
    Bytes out(text.size());
    std::size_t length = 0;
    REQUIRE_MESSAGE(sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr,
                                      &length, nullptr, sodium_base64_VARIANT_ORIGINAL) == 0,
                    "not base64: " << text);
    out.resize(length);
    return out;
}

std::string base64(const Bytes& bytes) {
    const std::size_t size =
        sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    std::string out(size, '\0');
    sodium_bin2base64(out.data(), size, bytes.data(), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(size - 1);
    return out;
}

std::vector<std::string> linesOf(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto nl = text.find('\n', start);
        lines.emplace_back(text.substr(start, nl - start));
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

std::string joinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines)
        out += line + "\n";
    return out;
}

std::string replaceLine(std::string_view text, std::size_t index, std::string line) {
    auto lines = linesOf(text);
    REQUIRE(index < lines.size());
    lines[index] = std::move(line);
    return joinLines(lines);
}

// Decodes base64 line `index`, lets `edit` change the bytes, re-encodes.
template <class Edit>
std::string editBase64Line(std::string_view text, std::size_t index, Edit edit) {
    const auto lines = linesOf(text);
    REQUIRE(index < lines.size());
    Bytes bytes = unbase64(lines[index]);
    edit(bytes);
    return replaceLine(text, index, base64(bytes));
}

std::string flipDecodedByte(std::string_view text, std::size_t line, std::size_t offset) {
    return editBase64Line(text, line, [offset](Bytes& b) {
        REQUIRE(offset < b.size());
        b[offset] ^= 0x01;
    });
}

template <class T> std::string errorOf(const cache::Result<T>& r) {
    REQUIRE_MESSAGE(!r.ok(), "expected an error");
    return r.error().message;
}

cache::Result<std::string> verifyWith(const feed::PublicKey& key, std::string_view message,
                                      std::string_view sig) {
    return feed::verifyDetached(std::span<const feed::PublicKey>(&key, 1), message, sig);
}

// A legacy ("Ed") signature: minisign before 0.8 signed the message itself.
std::string legacySignature(const feed::SecretKey& key, std::string_view message,
                            std::string_view comment) {
    REQUIRE(sodium_init() >= 0);
    // Fixed sizes filled in place (growing a vector with insert() trips a
    // GCC 12 -Warray-bounds false positive).
    Bytes sigStruct(2 + 8 + crypto_sign_BYTES);
    sigStruct[0] = 'E';
    sigStruct[1] = 'd';
    std::copy(key.keyId.begin(), key.keyId.end(), sigStruct.begin() + 2);
    unsigned char* sig = sigStruct.data() + 10;
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                         message.size(), key.key.data());
    Bytes signedComment(crypto_sign_BYTES + comment.size());
    std::copy(sig, sig + crypto_sign_BYTES, signedComment.begin());
    std::copy(comment.begin(), comment.end(), signedComment.begin() + crypto_sign_BYTES);
    Bytes global(crypto_sign_BYTES);
    crypto_sign_detached(global.data(), nullptr, signedComment.data(), signedComment.size(),
                         key.key.data());
    return "untrusted comment: legacy\n" + base64(sigStruct) +
           "\ntrusted comment: " + std::string(comment) + "\n" + base64(global) + "\n";
}

// --- the real minisign tool -------------------------------------------------

std::string quoted(const fs::path& path) {
    return "'" + path.string() + "'";
}

struct CommandResult {
    int exitCode = -1;
    std::string output; // stdout and stderr together, for failure messages
};

// Runs minisign with stdin from /dev/null, so a command that unexpectedly
// asks for a password fails at once instead of waiting for a terminal.
CommandResult minisign(const pestor_test::TempDir& dir, const std::string& args) {
    REQUIRE_MESSAGE(fs::exists(PESTOR_MINISIGN_EXE),
                    "these tests need the minisign tool (Debian package minisign) at "
                        << PESTOR_MINISIGN_EXE);
    const fs::path log = dir / "minisign-output.txt";
    const std::string command = std::string("'") + PESTOR_MINISIGN_EXE + "' " + args +
                                " </dev/null >" + quoted(log) + " 2>&1";
    const int status = std::system(command.c_str());
    CommandResult result;
    result.exitCode = (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
    result.output = fs::exists(log) ? pestor_test::readFile(log) : std::string();
    return result;
}

void requireSuccess(const CommandResult& r, std::string_view what) {
    REQUIRE_MESSAGE(r.exitCode == 0, what << " failed (exit " << r.exitCode << "):\n" << r.output);
}

// A key pair made by `minisign -G -W` (no password) in `dir`.
void minisignKeyPair(const pestor_test::TempDir& dir) {
    requireSuccess(minisign(dir, "-G -W -f -p " + quoted(dir / "mini.pub") + " -s " +
                                     quoted(dir / "mini.key")),
                   "minisign -G -W");
}

// Binary-safe: a NUL and bytes that are not UTF-8 must be signed like any other.
constexpr char kMessageBytes[] = "feed manifest\n\0binary \xff\xfe bytes\n";
constexpr std::string_view kMessage(kMessageBytes, sizeof kMessageBytes - 1);
constexpr std::string_view kComment = "timestamp:1700000000\tfile:manifest.json\tbatch 42";

} // namespace

TEST_CASE(
    "signDetached output verifies with the signer's public key and returns the trusted comment") {
    const auto kp = feed::generateKeyPair();
    const std::string sig = feed::signDetached(kp.secretKey, kMessage, kComment);

    const auto r = verifyWith(kp.publicKey, kMessage, sig);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(*r == kComment);

    // The file has minisign's four lines and a prehashed ("ED") signature by this key id.
    const auto lines = linesOf(sig);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].starts_with("untrusted comment: "));
    CHECK(lines[2] == "trusted comment: " + std::string(kComment));
    const Bytes sigStruct = unbase64(lines[1]);
    REQUIRE(sigStruct.size() == 74);
    CHECK(std::string(sigStruct.begin(), sigStruct.begin() + 2) == "ED");
    CHECK(std::equal(kp.publicKey.keyId.begin(), kp.publicKey.keyId.end(), sigStruct.begin() + 2));
    CHECK(unbase64(lines[3]).size() == 64);
}

TEST_CASE("an empty message and an empty trusted comment round-trip") {
    const auto kp = feed::generateKeyPair();
    const auto r = verifyWith(kp.publicKey, "", feed::signDetached(kp.secretKey, "", ""));
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(r->empty());
}

TEST_CASE("a changed message, signature or trusted comment is refused, each with its own reason") {
    const auto kp = feed::generateKeyPair();
    const std::string sig = feed::signDetached(kp.secretKey, kMessage, kComment);

    std::string message(kMessage);
    message[5] ^= 0x01;
    const std::string dataError = errorOf(verifyWith(kp.publicKey, message, sig));
    CHECK(dataError.find("signed data does not match") != std::string::npos);

    // Byte 20 of the signature line is inside the 64-byte Ed25519 signature
    // (after "ED" and the 8-byte key id).
    const std::string sigError =
        errorOf(verifyWith(kp.publicKey, kMessage, flipDecodedByte(sig, 1, 20)));
    CHECK(sigError.find("damaged or forged") != std::string::npos);

    const std::string changedComment =
        replaceLine(sig, 2, "trusted comment: " + std::string(kComment) + "3");
    const std::string commentError = errorOf(verifyWith(kp.publicKey, kMessage, changedComment));
    CHECK(commentError.find("trusted comment was tampered with") != std::string::npos);

    // The global signature line protects the trusted comment the same way.
    CHECK(errorOf(verifyWith(kp.publicKey, kMessage, flipDecodedByte(sig, 3, 7))) == commentError);

    CHECK(dataError != sigError);
    CHECK(dataError != commentError);
    CHECK(sigError != commentError);
}

TEST_CASE("the untrusted comment is not covered by the signature and may change") {
    const auto kp = feed::generateKeyPair();
    const std::string sig = replaceLine(feed::signDetached(kp.secretKey, kMessage, kComment), 0,
                                        "untrusted comment: edited by hand");
    const auto r = verifyWith(kp.publicKey, kMessage, sig);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(*r == kComment);
}

TEST_CASE(
    "a signature by a key that is not pinned is refused, naming its key id and the pinned ones") {
    const auto pinned = feed::generateKeyPair();
    const auto stranger = feed::generateKeyPair();
    const std::string error = errorOf(verifyWith(
        pinned.publicKey, kMessage, feed::signDetached(stranger.secretKey, kMessage, kComment)));
    CHECK(error.find("not pinned") != std::string::npos);
    CHECK(error.find(feed::keyIdHex(stranger.publicKey.keyId)) != std::string::npos);
    CHECK(error.find(feed::keyIdHex(pinned.publicKey.keyId)) != std::string::npos);
}

TEST_CASE("a different key reusing a pinned key id is refused") {
    const auto pinned = feed::generateKeyPair();
    auto impostor = feed::generateKeyPair();
    impostor.secretKey.keyId = pinned.publicKey.keyId;
    const auto r = verifyWith(pinned.publicKey, kMessage,
                              feed::signDetached(impostor.secretKey, kMessage, kComment));
    CHECK(errorOf(r).find("damaged or forged") != std::string::npos);
}

TEST_CASE("with two pinned keys (rotation) a signature by either is accepted, and only by them") {
    const auto oldKey = feed::generateKeyPair();
    const auto newKey = feed::generateKeyPair();
    const std::vector<feed::PublicKey> pinned{oldKey.publicKey, newKey.publicKey};

    for (const auto* signer : {&oldKey, &newKey}) {
        const auto r = feed::verifyDetached(
            pinned, kMessage, feed::signDetached(signer->secretKey, kMessage, kComment));
        REQUIRE_MESSAGE(r.ok(), r.error().message);
        CHECK(*r == kComment);
    }
    const auto third = feed::generateKeyPair();
    const std::string error = errorOf(feed::verifyDetached(
        pinned, kMessage, feed::signDetached(third.secretKey, kMessage, kComment)));
    CHECK(error.find(feed::keyIdHex(oldKey.publicKey.keyId)) != std::string::npos);
    CHECK(error.find(feed::keyIdHex(newKey.publicKey.keyId)) != std::string::npos);
}

TEST_CASE("legacy 'Ed' signatures over the message itself are accepted, and checked") {
    const auto kp = feed::generateKeyPair();
    const std::string sig = legacySignature(kp.secretKey, kMessage, kComment);
    const auto r = verifyWith(kp.publicKey, kMessage, sig);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(*r == kComment);
    CHECK_FALSE(verifyWith(kp.publicKey, std::string(kMessage) + "x", sig).ok());
}

TEST_CASE("a signature made by minisign 0.11 (recorded text) verifies, and only over its message") {
    // Recorded from: minisign -G -W; echo hello > f; minisign -S -m f -t comment
    constexpr std::string_view pub = "untrusted comment: minisign public key 724A491D699AA30B\n"
                                     "RWQLo5ppHUlKcs3pRDOQ5iqgHWQUcfJQGZZ9CqBRQKXZJxdEFkLs0Ofk\n";
    constexpr std::string_view sig = "untrusted comment: signature from minisign secret key\n"
                                     "RUQLo5ppHUlKcgijIf/suhWl8jgtT62+cTKtV+cBut2DRFPD4b5W/"
                                     "e+nTiTOmnv7xqkK3nzR8+UDAa35HOoGEqDosX9n8KVseAw=\n"
                                     "trusted comment: comment\n"
                                     "7z4isJUXFjd0VJwa6ByLnwBxTUPMqjCWGNY6QaCY0dwsCE+"
                                     "1CINpApbeXayaJqFNS0hpdCnr9l7m7lf9lZcPCQ==\n";
    const auto key = feed::parsePublicKey(pub);
    REQUIRE_MESSAGE(key.ok(), key.error().message);
    CHECK(feed::keyIdHex(key->keyId) == "724A491D699AA30B");
    const auto r = verifyWith(*key, "hello\n", sig);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(*r == "comment");
    CHECK_FALSE(verifyWith(*key, "hello", sig).ok());
}

TEST_CASE(
    "keyIdHex prints the id as minisign does: a little-endian number in 16 upper-case hex digits") {
    CHECK(feed::keyIdHex({0x0b, 0xa3, 0x9a, 0x69, 0x1d, 0x49, 0x4a, 0x72}) == "724A491D699AA30B");
    CHECK(feed::keyIdHex({0x01, 0, 0, 0, 0, 0, 0, 0}) == "0000000000000001");
}

TEST_CASE("keys survive formatPublicKey/parsePublicKey and formatSecretKey/parseSecretKey") {
    const auto kp = feed::generateKeyPair();
    const std::string pubFile = feed::formatPublicKey(kp.publicKey);
    CHECK(linesOf(pubFile).at(0) ==
          "untrusted comment: minisign public key " + feed::keyIdHex(kp.publicKey.keyId));

    const auto pub = feed::parsePublicKey(pubFile);
    REQUIRE_MESSAGE(pub.ok(), pub.error().message);
    CHECK(*pub == kp.publicKey);

    // Just the key line, as pasted into a config file, with stray blanks and CRLF.
    const std::string keyLine = linesOf(pubFile).at(1);
    CHECK(keyLine.starts_with("RW"));
    for (const std::string& text :
         {keyLine, "  " + keyLine + " \r\n", "untrusted comment: x\r\n" + keyLine + "\r\n"}) {
        const auto parsed = feed::parsePublicKey(text);
        REQUIRE_MESSAGE(parsed.ok(), parsed.error().message);
        CHECK(*parsed == kp.publicKey);
    }

    // The secret key file carries minisign's checksum, BLAKE2b-256("Ed" || key id || secret key),
    // right after the key id and key; kdf "\0\0" (not encrypted), checksum "B2".
    const std::string secFile = feed::formatSecretKey(kp.secretKey);
    const Bytes secBytes = unbase64(linesOf(secFile).at(1));
    REQUIRE(secBytes.size() == 158);
    CHECK(std::string(secBytes.begin(), secBytes.begin() + 6) == std::string("Ed\0\0B2", 6));
    CHECK(std::equal(kp.secretKey.keyId.begin(), kp.secretKey.keyId.end(),
                     secBytes.begin() + kSecretKeynumOffset));
    CHECK(std::equal(kp.secretKey.key.begin(), kp.secretKey.key.end(),
                     secBytes.begin() + kSecretKeynumOffset + 8));
    Bytes checksummed(2 + 8 + 64);
    checksummed[0] = 'E';
    checksummed[1] = 'd';
    std::copy(kp.secretKey.keyId.begin(), kp.secretKey.keyId.end(), checksummed.begin() + 2);
    std::copy(kp.secretKey.key.begin(), kp.secretKey.key.end(), checksummed.begin() + 10);
    Bytes checksum(32);
    crypto_generichash(checksum.data(), checksum.size(), checksummed.data(), checksummed.size(),
                       nullptr, 0);
    CHECK(Bytes(secBytes.end() - 32, secBytes.end()) == checksum);

    const auto sec = feed::parseSecretKey(secFile);
    REQUIRE_MESSAGE(sec.ok(), sec.error().message);
    CHECK(sec->keyId == kp.secretKey.keyId);
    CHECK(sec->key == kp.secretKey.key);
}

TEST_CASE("signDetached refuses a trusted comment that cannot be written on one line") {
    const auto kp = feed::generateKeyPair();
    CHECK_THROWS_AS(feed::signDetached(kp.secretKey, kMessage, "two\nlines"),
                    std::invalid_argument);
    CHECK_THROWS_AS(feed::signDetached(kp.secretKey, kMessage, "carriage\rreturn"),
                    std::invalid_argument);
    CHECK_THROWS_AS(feed::signDetached(kp.secretKey, kMessage, std::string(9000, 'x')),
                    std::invalid_argument);
    CHECK_NOTHROW(
        feed::signDetached(kp.secretKey, kMessage, "tabs\tare\tfine, so is UTF-8: zażółć"));
}

// --- interoperability with the minisign tool --------------------------------

TEST_CASE(
    "minisign: a key pair from `minisign -G -W` and a file signed by `minisign -S` verify here") {
    pestor_test::TempDir dir;
    minisignKeyPair(dir);
    pestor_test::writeFile(dir / "feed.json", kMessage);
    requireSuccess(minisign(dir, "-S -s " + quoted(dir / "mini.key") + " -m " +
                                     quoted(dir / "feed.json") + " -t 'comment'"),
                   "minisign -S");

    const auto key = feed::parsePublicKey(pestor_test::readFile(dir / "mini.pub"));
    REQUIRE_MESSAGE(key.ok(), key.error().message);
    const std::string sig = pestor_test::readFile(dir / "feed.json.minisig");
    const auto r = verifyWith(*key, kMessage, sig);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(*r == "comment");
    CHECK_FALSE(verifyWith(*key, std::string(kMessage) + "\n", sig).ok());
}

TEST_CASE("minisign: legacy signatures from `minisign -S -l` verify here") {
    pestor_test::TempDir dir;
    minisignKeyPair(dir);
    pestor_test::writeFile(dir / "feed.json", kMessage);
    requireSuccess(minisign(dir, "-S -l -s " + quoted(dir / "mini.key") + " -m " +
                                     quoted(dir / "feed.json") + " -t 'legacy comment'"),
                   "minisign -S -l");
    const std::string sig = pestor_test::readFile(dir / "feed.json.minisig");
    CHECK(sig.find("\nRW") != std::string::npos); // base64 of "Ed": really the legacy format
    const auto key = feed::parsePublicKey(pestor_test::readFile(dir / "mini.pub"));
    REQUIRE_MESSAGE(key.ok(), key.error().message);
    const auto r = verifyWith(*key, kMessage, sig);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(*r == "legacy comment");
}

TEST_CASE("minisign: a secret key from `minisign -G -W` is read here, and what it signs minisign "
          "verifies") {
    pestor_test::TempDir dir;
    minisignKeyPair(dir);
    const auto sec = feed::parseSecretKey(pestor_test::readFile(dir / "mini.key"));
    REQUIRE_MESSAGE(sec.ok(), sec.error().message);
    const auto pub = feed::parsePublicKey(pestor_test::readFile(dir / "mini.pub"));
    REQUIRE_MESSAGE(pub.ok(), pub.error().message);
    CHECK(sec->keyId == pub->keyId);
    CHECK(std::equal(pub->key.begin(), pub->key.end(),
                     sec->key.begin() + 32)); // libsodium sk = seed || pk

    pestor_test::writeFile(dir / "feed.json", kMessage);
    pestor_test::writeFile(dir / "feed.json.minisig", feed::signDetached(*sec, kMessage, kComment));
    requireSuccess(
        minisign(dir, "-V -p " + quoted(dir / "mini.pub") + " -m " + quoted(dir / "feed.json")),
        "minisign -V");
}

TEST_CASE(
    "minisign: keys written by formatPublicKey/formatSecretKey work with `minisign -S` and `-R`") {
    pestor_test::TempDir dir;
    const auto kp = feed::generateKeyPair();
    pestor_test::writeFile(dir / "our.pub", feed::formatPublicKey(kp.publicKey));
    pestor_test::writeFile(dir / "our.key", feed::formatSecretKey(kp.secretKey));
    pestor_test::writeFile(dir / "feed.json", kMessage);

    // With -p, minisign also checks that the signature verifies with our public key.
    requireSuccess(minisign(dir, "-S -s " + quoted(dir / "our.key") + " -p " +
                                     quoted(dir / "our.pub") + " -m " + quoted(dir / "feed.json") +
                                     " -t 'signed by minisign'"),
                   "minisign -S with our key files");
    const auto key = feed::parsePublicKey(pestor_test::readFile(dir / "our.pub"));
    REQUIRE_MESSAGE(key.ok(), key.error().message);
    const auto r = verifyWith(*key, kMessage, pestor_test::readFile(dir / "feed.json.minisig"));
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(*r == "signed by minisign");

    // minisign derives the same public key from our secret key file.
    requireSuccess(
        minisign(dir, "-R -s " + quoted(dir / "our.key") + " -p " + quoted(dir / "recreated.pub")),
        "minisign -R");
    const auto recreated = feed::parsePublicKey(pestor_test::readFile(dir / "recreated.pub"));
    REQUIRE_MESSAGE(recreated.ok(), recreated.error().message);
    CHECK(*recreated == kp.publicKey);
}

TEST_CASE(
    "minisign: `minisign -V` accepts signDetached output and refuses a tampered file or comment") {
    pestor_test::TempDir dir;
    const auto kp = feed::generateKeyPair();
    pestor_test::writeFile(dir / "our.pub", feed::formatPublicKey(kp.publicKey));
    pestor_test::writeFile(dir / "feed.json", kMessage);
    const std::string sig = feed::signDetached(kp.secretKey, kMessage, kComment);
    pestor_test::writeFile(dir / "feed.json.minisig", sig);
    const std::string verify =
        "-V -p " + quoted(dir / "our.pub") + " -m " + quoted(dir / "feed.json");

    const auto ok = minisign(dir, verify + " -Q"); // -Q prints only the trusted comment
    requireSuccess(ok, "minisign -V");
    CHECK(ok.output == std::string(kComment) + "\n");

    std::string tampered(kMessage);
    tampered[0] = 'F';
    pestor_test::writeFile(dir / "feed.json", tampered);
    const auto badFile = minisign(dir, verify);
    CHECK_MESSAGE(badFile.exitCode != 0, badFile.output);

    pestor_test::writeFile(dir / "feed.json", kMessage);
    pestor_test::writeFile(dir / "feed.json.minisig",
                           replaceLine(sig, 2, "trusted comment: forged"));
    const auto badComment = minisign(dir, verify);
    CHECK_MESSAGE(badComment.exitCode != 0, badComment.output);
}

TEST_CASE("minisign: a password-protected secret key is refused with a message saying how to make "
          "a usable one") {
    // `minisign -G` with a password spends ~1 GiB and seconds in scrypt, so
    // the encrypted key is built from a real -W key: kdf "Sc", salt and
    // limits set, and the key block scrambled as encryption would leave it.
    pestor_test::TempDir dir;
    minisignKeyPair(dir);
    const std::string file = pestor_test::readFile(dir / "mini.key");
    const std::string encrypted = editBase64Line(file, 1, [](Bytes& b) {
        REQUIRE(b.size() == 158);
        CHECK(std::string(b.begin(), b.begin() + 6) ==
              std::string("Ed\0\0B2", 6)); // what -W writes
        b[2] = 'S';
        b[3] = 'c';
        randombytes_buf(b.data() + 6, 32); // salt
        const auto storeLe64 = [&b](std::size_t at, std::uint64_t v) {
            for (std::size_t i = 0; i < 8; ++i)
                b[at + i] = static_cast<unsigned char>(v >> (8 * i));
        };
        storeLe64(38, 33554432); // opslimit, minisign's default (scrypt "sensitive")
        storeLe64(46, 1u << 30); // memlimit, 1 GiB
        for (std::size_t i = kSecretKeynumOffset; i < b.size(); ++i)
            b[i] ^= static_cast<unsigned char>(0x5a + i);
    });
    CHECK(linesOf(encrypted).at(1).starts_with(
        "RWRTY0Iy")); // base64 of "EdScB2", as in real encrypted keys

    const std::string expected = "secret key is password-protected; create one with `minisign -G "
                                 "-W` or `pestor-feed keygen`";
    CHECK(errorOf(feed::parseSecretKey(encrypted)) == expected);

    // The same for a key we wrote, with only the kdf bytes changed.
    const auto kp = feed::generateKeyPair();
    const std::string ours = editBase64Line(feed::formatSecretKey(kp.secretKey), 1, [](Bytes& b) {
        b[2] = 'S';
        b[3] = 'c';
    });
    CHECK(errorOf(feed::parseSecretKey(ours)) == expected);
}

// --- malformed input ------------------------------------------------------

TEST_CASE("malformed public keys are refused with a reason") {
    const auto kp = feed::generateKeyPair();
    const std::string file = feed::formatPublicKey(kp.publicKey);
    const std::string keyLine = linesOf(file).at(1);
    const Bytes raw = unbase64(keyLine);

    struct Case {
        std::string name, text, reason;
    };
    const std::vector<Case> cases{
        {"empty", "", "empty"},
        {"blank", " \n\t\n", "empty"},
        {"comment without key line", "untrusted comment: minisign public key\n", "missing"},
        {"two key lines", file + keyLine + "\n", "unexpected text"},
        {"no comment prefix", "my key\n" + keyLine + "\n", "expected a minisign .pub file"},
        {"bad base64", "RWQ*not-base64*", "not valid base64"},
        {"truncated base64", keyLine.substr(0, keyLine.size() - 1), "not valid base64"},
        {"too short", base64(Bytes(raw.begin(), raw.end() - 1)),
         "decodes to 41 bytes, expected 42"},
        {"too long", base64([&] {
             auto b = raw;
             b.push_back(0);
             return b;
         }()),
         "decodes to 43 bytes, expected 42"},
        {"secret key given", linesOf(feed::formatSecretKey(kp.secretKey)).at(1), "expected 42"},
        {"wrong algorithm", base64([&] {
             auto b = raw;
             b[0] = 'X';
             return b;
         }()),
         "unsupported signature algorithm"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const std::string error = errorOf(feed::parsePublicKey(c.text));
        CHECK_MESSAGE(error.find(c.reason) != std::string::npos, error);
        CHECK(error.starts_with("public key"));
    }
}

TEST_CASE("malformed secret keys are refused with a reason") {
    const auto kp = feed::generateKeyPair();
    const std::string file = feed::formatSecretKey(kp.secretKey);
    const auto edited = [&](auto edit) { return editBase64Line(file, 1, edit); };

    struct Case {
        std::string name, text, reason;
    };
    const std::vector<Case> cases{
        {"empty", "", "empty"},
        {"comment only", linesOf(file).at(0) + "\n", "missing"},
        {"no comment line", linesOf(file).at(1) + "\n", "first line must start with"},
        {"extra line", file + "more\n", "unexpected text"},
        {"bad base64", "untrusted comment: x\n%%%%\n", "not valid base64"},
        {"too short", edited([](Bytes& b) { b.pop_back(); }), "decodes to 157 bytes, expected 158"},
        {"public key given",
         "untrusted comment: x\n" + linesOf(feed::formatPublicKey(kp.publicKey)).at(1),
         "expected 158"},
        {"wrong algorithm", edited([](Bytes& b) { b[1] = 'D'; }),
         "unsupported signature algorithm"},
        {"wrong checksum algorithm", edited([](Bytes& b) { b[5] = '3'; }), "unsupported checksum"},
        {"unknown kdf", edited([](Bytes& b) { b[2] = 'Z'; }), "unsupported key derivation"},
        {"damaged key, checksum set", edited([](Bytes& b) { b[kSecretKeynumOffset + 8 + 3] ^= 1; }),
         "checksum mismatch"},
        // With a zero checksum (as `minisign -G -W` writes) damage is caught
        // by the public half no longer matching the seed.
        {"damaged key, no checksum", edited([](Bytes& b) {
             std::fill(b.end() - 32, b.end(), 0);
             b[kSecretKeynumOffset + 8 + 40] ^= 1;
         }),
         "does not match its seed"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const std::string error = errorOf(feed::parseSecretKey(c.text));
        CHECK_MESSAGE(error.find(c.reason) != std::string::npos, error);
    }

    // A zero checksum by itself is fine: that is what `minisign -G -W` writes.
    const auto zeroChk =
        feed::parseSecretKey(edited([](Bytes& b) { std::fill(b.end() - 32, b.end(), 0); }));
    REQUIRE_MESSAGE(zeroChk.ok(), zeroChk.error().message);
    CHECK(zeroChk->key == kp.secretKey.key);
}

TEST_CASE("malformed signature files are refused with a reason") {
    const auto kp = feed::generateKeyPair();
    const std::string sig = feed::signDetached(kp.secretKey, kMessage, kComment);
    const auto lines = linesOf(sig);

    struct Case {
        std::string name, text, reason;
    };
    const std::vector<Case> cases{
        {"empty", "", "empty"},
        {"blank", "\n\n", "empty"},
        {"first line only", lines[0] + "\n", "expected 4 lines"},
        {"no global signature", lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n", "found 3"},
        {"no untrusted comment prefix", replaceLine(sig, 0, "comment: x"),
         "first line must start with"},
        {"signature line missing", joinLines({lines[0], lines[2], lines[3]}), "found 3"},
        {"no trusted comment prefix", replaceLine(sig, 2, "comment: x"),
         "third line must start with"},
        {"bad signature base64", replaceLine(sig, 1, "RUQ!" + lines[1].substr(4)),
         "signature line is not valid base64"},
        {"short signature", editBase64Line(sig, 1, [](Bytes& b) { b.pop_back(); }),
         "decodes to 73 bytes, expected 74"},
        {"short global signature", editBase64Line(sig, 3, [](Bytes& b) { b.pop_back(); }),
         "global signature line decodes to 63 bytes"},
        {"bad global base64", replaceLine(sig, 3, "===="),
         "global signature line is not valid base64"},
        {"unknown algorithm", editBase64Line(sig, 1, [](Bytes& b) { b[1] = 'X'; }),
         "unsupported signature algorithm"},
        {"control character in trusted comment", replaceLine(sig, 2, "trusted comment: a\x1b[2Jb"),
         "control characters"},
        {"NUL in trusted comment", replaceLine(sig, 2, std::string("trusted comment: a\0b", 20)),
         "control characters"},
        {"too long trusted comment",
         replaceLine(sig, 2, "trusted comment: " + std::string(9000, 'x')), "longer than"},
        {"text after the signature", sig + "more\n", "unexpected text"},
    };
    const std::vector<feed::PublicKey> pinned{kp.publicKey};
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const std::string error = errorOf(feed::verifyDetached(pinned, kMessage, c.text));
        CHECK_MESSAGE(error.find("malformed signature file") != std::string::npos, error);
        CHECK_MESSAGE(error.find(c.reason) != std::string::npos, error);
    }
    CHECK(errorOf(feed::verifyDetached({}, kMessage, sig)).find("no public key is pinned") !=
          std::string::npos);
}

TEST_CASE(
    "every truncation of a key or signature file is refused except dropping the final newline") {
    const auto kp = feed::generateKeyPair();
    const std::string pub = feed::formatPublicKey(kp.publicKey);
    const std::string sec = feed::formatSecretKey(kp.secretKey);
    const std::string sig = feed::signDetached(kp.secretKey, kMessage, kComment);

    int pubAccepted = 0, secAccepted = 0, sigAccepted = 0;
    for (std::size_t n = 0; n <= pub.size(); ++n)
        pubAccepted += feed::parsePublicKey(pub.substr(0, n)).ok();
    for (std::size_t n = 0; n <= sec.size(); ++n)
        secAccepted += feed::parseSecretKey(sec.substr(0, n)).ok();
    for (std::size_t n = 0; n <= sig.size(); ++n)
        sigAccepted += verifyWith(kp.publicKey, kMessage, sig.substr(0, n)).ok();
    CHECK(pubAccepted == 2);
    CHECK(secAccepted == 2);
    CHECK(sigAccepted == 2);
}

TEST_CASE("flipping the low bit of any byte of a signature file is refused, except in the "
          "untrusted comment") {
    const auto kp = feed::generateKeyPair();
    const std::string sig = feed::signDetached(kp.secretKey, kMessage, kComment);
    const std::size_t commentBegin = std::string_view("untrusted comment: ").size();
    const std::size_t commentEnd = sig.find('\n');

    std::vector<std::size_t> wronglyAccepted, wronglyRefused;
    for (std::size_t i = 0; i < sig.size(); ++i) {
        std::string changed = sig;
        changed[i] ^= 0x01;
        const bool ok = verifyWith(kp.publicKey, kMessage, changed).ok();
        const bool expected = i >= commentBegin && i < commentEnd;
        if (ok && !expected) wronglyAccepted.push_back(i);
        if (!ok && expected) wronglyRefused.push_back(i);
    }
    CHECK(wronglyAccepted.empty());
    CHECK(wronglyRefused.empty());
}
