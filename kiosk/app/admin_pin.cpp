#include "admin_pin.hpp"

#include <algorithm>
#include <sodium.h>

namespace kiosk::app {
namespace {

bool sodiumReady() {
    return sodium_init() >= 0;
} // idempotent and thread-safe after the first call

constexpr std::string_view kPrefix = "$argon2id$";

} // namespace

std::string pinProblem(std::string_view pin) {
    if (pin.size() < 4 || pin.size() > 12 ||
        !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return "the PIN must be 4 to 12 digits";
    return {};
}

std::optional<std::string> hashPin(std::string_view pin) {
    if (!sodiumReady()) return std::nullopt;
    // Interactive limits: verification takes ~0.1 s on a terminal, which a
    // person at the admin pad does not notice but an offline guesser does.
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return std::nullopt;
    return std::string(out);
}

bool isPinHash(std::string_view hash) {
    if (!sodiumReady() || hash.size() >= crypto_pwhash_STRBYTES ||
        hash.substr(0, kPrefix.size()) != kPrefix)
        return false;
    const std::string s(hash); // libsodium wants a NUL-terminated string
    // -1 = the string does not decode as argon2id; 0/1 = valid (1: weaker
    // parameters than ours, still verifiable).
    return crypto_pwhash_str_needs_rehash(s.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != -1;
}

bool verifyPin(std::string_view hash, std::string_view pin) {
    if (!isPinHash(hash)) return false;
    const std::string s(hash);
    return crypto_pwhash_str_verify(s.c_str(), pin.data(), pin.size()) == 0;
}

} // namespace kiosk::app
