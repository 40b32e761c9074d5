#include "identifiers.hpp"

#include <array>
#include <span>

namespace cache {
namespace {

// Keeps digits, drops the separators people type ("123-456-32-18", "PL ..."
// is not accepted: a country prefix is a different identifier).
Result<std::string> digitsOnly(std::string_view text, std::string_view what) {
    std::string out;
    for (char c : text) {
        if (c >= '0' && c <= '9') out.push_back(c);
        else if (c == '-' || c == ' ') continue;
        else return makeError(std::string(what) + " may contain only digits, '-' and spaces");
    }
    if (out.empty()) return makeError(std::string(what) + " is empty");
    return out;
}

int weightedMod11(std::string_view digits, std::span<const int> weights) {
    int sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) sum += (digits[i] - '0') * weights[i];
    return sum % 11;
}

constexpr std::array kNipWeights{6, 5, 7, 2, 3, 4, 5, 6, 7};
constexpr std::array kRegon9Weights{8, 9, 2, 3, 4, 5, 6, 7};
constexpr std::array kRegon14Weights{2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8};

bool regonChecks(std::string_view d, std::span<const int> weights) {
    int check = weightedMod11(d, weights);
    if (check == 10) check = 0;
    return check == d.back() - '0';
}

} // namespace

Result<std::string> normaliseNip(std::string_view text) {
    auto d = digitsOnly(text, "NIP");
    if (!d) return d;
    if (d->size() != 10) return makeError("NIP must have 10 digits, got " + std::to_string(d->size()));
    const int check = weightedMod11(*d, kNipWeights);
    if (check == 10 || check != d->back() - '0') return makeError("NIP checksum does not match");
    return d;
}

Result<std::string> normaliseRegon(std::string_view text) {
    auto d = digitsOnly(text, "REGON");
    if (!d) return d;
    if (d->size() == 14 && d->ends_with("00000") && regonChecks(d->substr(0, 9), kRegon9Weights))
        return d->substr(0, 9);
    if (d->size() == 9) {
        if (!regonChecks(*d, kRegon9Weights)) return makeError("REGON checksum does not match");
        return d;
    }
    if (d->size() == 14) {
        if (!regonChecks(*d, kRegon14Weights)) return makeError("REGON checksum does not match");
        return d;
    }
    return makeError("REGON must have 9 or 14 digits, got " + std::to_string(d->size()));
}

Result<std::string> normaliseKrs(std::string_view text) {
    auto d = digitsOnly(text, "KRS");
    if (!d) return d;
    if (d->size() > 10) return makeError("KRS must have at most 10 digits");
    return std::string(10 - d->size(), '0') + *d;
}

} // namespace cache
