#pragma once
// The admin screen's PIN, kept only as a salted, slow hash (argon2id through
// libsodium's crypto_pwhash_str) in the configuration file. Nothing here
// logs or returns the PIN itself.
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::app {

// Why a PIN cannot be used ("" = fine): 4 to 12 digits, so the admin screen's
// digit pad can type it. Never quotes the PIN.
std::string pinProblem(std::string_view pin);

// The string to paste into `admin.pin_hash`, or nullopt when libsodium cannot
// start or runs out of memory (argon2id needs 64 MiB for a moment).
std::optional<std::string> hashPin(std::string_view pin);

// Whether `hash` is a string hashPin() could have produced (argon2id with
// parameters libsodium can decode); anything else disables the admin screen.
bool isPinHash(std::string_view hash);

// True only when `pin` matches `hash`; takes about as long as hashPin().
bool verifyPin(std::string_view hash, std::string_view pin);

} // namespace kiosk::app
