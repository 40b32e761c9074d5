#include "identifiers.hpp"

#include "prng.hpp"

#include <array>
#include <vector>

namespace demo {

namespace {

using namespace std::string_view_literals;

constexpr std::array kNipWeights = {6, 5, 7, 2, 3, 4, 5, 6, 7};
constexpr std::array kRegon9Weights = {8, 9, 2, 3, 4, 5, 6, 7};
constexpr std::array kRegon14Weights = {2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8};
// Tax offices of Toruń (NIP prefixes) and REGON prefixes seen in the region.
constexpr std::array kNipPrefixes = {"879"sv, "956"sv};
constexpr std::array kRegonPrefixes = {"87"sv, "34"sv, "36"sv};

template <std::size_t N>
int weightedSum(std::string_view digits, const std::array<int, N>& weights) {
    int sum = 0;
    for (std::size_t i = 0; i < N; ++i) {
        sum += (digits[i] - '0') * weights[i];
    }
    return sum;
}

std::string randomDigits(Rng& rng, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        out.push_back(static_cast<char>('0' + rng.below(10)));
    }
    return out;
}

// Polish letters (2-byte UTF-8) to ASCII; anything else outside ASCII is dropped.
std::string_view foldPolish(std::string_view utf8Pair) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kFold = {{
        {"ą", "a"},
        {"ć", "c"},
        {"ę", "e"},
        {"ł", "l"},
        {"ń", "n"},
        {"ó", "o"},
        {"ś", "s"},
        {"ź", "z"},
        {"ż", "z"},
        {"Ą", "a"},
        {"Ć", "c"},
        {"Ę", "e"},
        {"Ł", "l"},
        {"Ń", "n"},
        {"Ó", "o"},
        {"Ś", "s"},
        {"Ź", "z"},
        {"Ż", "z"},
    }};
    for (const auto& [from, to] : kFold) {
        if (from == utf8Pair) {
            return to;
        }
    }
    return {};
}

bool isSkippedWord(std::string_view word) {
    static constexpr std::array kSkip = {"spoldzielnia"sv,
                                         "socjalna"sv,
                                         "fundacja"sv,
                                         "stowarzyszenie"sv,
                                         "zwykle"sv,
                                         "pracy"sv,
                                         "na"sv,
                                         "rzecz"sv,
                                         "i"sv,
                                         "w"sv,
                                         "z"sv,
                                         "przy"sv,
                                         "sp"sv,
                                         "o"sv,
                                         "non"sv,
                                         "profit"sv,
                                         "pw"sv,
                                         "im"sv,
                                         "klub"sv,
                                         "kolo"sv,
                                         "centrum"sv,
                                         "warsztat"sv,
                                         "terapii"sv,
                                         "zajeciowej"sv,
                                         "zaklad"sv,
                                         "aktywnosci"sv,
                                         "zawodowej"sv,
                                         "torunskie"sv,
                                         "torunski"sv};
    for (const auto s : kSkip) {
        if (s == word) {
            return true;
        }
    }
    return false;
}

} // namespace

int nipCheckDigit(std::string_view firstNine) {
    const int check = weightedSum(firstNine, kNipWeights) % 11;
    return check == 10 ? -1 : check;
}

int regon9CheckDigit(std::string_view firstEight) {
    return weightedSum(firstEight, kRegon9Weights) % 11 % 10;
}

int regon14CheckDigit(std::string_view firstThirteen) {
    return weightedSum(firstThirteen, kRegon14Weights) % 11 % 10;
}

namespace {

constexpr std::size_t kMillion = 1'000'000;

// Marks slot `index` as used; false when it already was.
bool claimSlot(std::vector<bool>& used, std::size_t size, std::size_t index) {
    if (used.empty()) {
        used.resize(size);
    }
    if (used[index]) {
        return false;
    }
    used[index] = true;
    return true;
}

} // namespace

std::string IdentifierFactory::nip(Rng& rng) {
    for (;;) {
        const auto prefix = static_cast<std::size_t>(rng.below(kNipPrefixes.size()));
        const std::string middle = randomDigits(rng, 6);
        std::string digits = std::string(kNipPrefixes[prefix]) + middle;
        const int check = nipCheckDigit(digits);
        if (check < 0) {
            continue;
        }
        digits.push_back(static_cast<char>('0' + check));
        if (claimSlot(m_nips, kNipPrefixes.size() * kMillion,
                      prefix * kMillion + std::stoul(middle))) {
            return digits;
        }
    }
}

std::string IdentifierFactory::regon9(Rng& rng) {
    for (;;) {
        const auto prefix = static_cast<std::size_t>(rng.below(kRegonPrefixes.size()));
        const std::string middle = randomDigits(rng, 6);
        std::string digits = std::string(kRegonPrefixes[prefix]) + middle;
        digits.push_back(static_cast<char>('0' + regon9CheckDigit(digits)));
        if (claimSlot(m_regons, kRegonPrefixes.size() * kMillion,
                      prefix * kMillion + std::stoul(middle))) {
            return digits;
        }
    }
}

std::string IdentifierFactory::regon14(std::string_view parentRegon9, Rng& rng) {
    for (;;) {
        // Unit numbers start at 0001, so the result never ends in 00000 (which
        // importers would fold back to the parent's 9-digit number).
        std::string unit = std::to_string(rng.range(1, 99));
        std::string digits = std::string(parentRegon9) + std::string(4 - unit.size(), '0') + unit;
        digits.push_back(static_cast<char>('0' + regon14CheckDigit(digits)));
        if (m_regons14.insert(digits).second) {
            return digits;
        }
    }
}

std::string IdentifierFactory::krs(Rng& rng) {
    for (;;) {
        const auto number = rng.range(100000, 999999);
        if (claimSlot(m_krs, 900000, static_cast<std::size_t>(number - 100000))) {
            return "0000" + std::to_string(number);
        }
    }
}

std::string fictionalPhone(Rng& rng) {
    const auto a = rng.range(10, 99);
    const auto b = rng.range(10, 99);
    return "+48 56 000 " + std::to_string(a) + " " + std::to_string(b);
}

std::string slugify(std::string_view text, std::size_t maxLength) {
    std::vector<std::string> words;
    std::string current;
    auto flush = [&] {
        if (!current.empty() && !isSkippedWord(current)) {
            words.push_back(current);
        }
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            std::size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2;
            const auto folded = foldPolish(text.substr(i, len));
            if (folded.empty()) {
                flush();
            } else {
                current += folded;
            }
            i += len - 1;
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            current.push_back(static_cast<char>(c));
        } else if (c >= 'A' && c <= 'Z') {
            current.push_back(static_cast<char>(c - 'A' + 'a'));
        } else {
            flush();
        }
    }
    flush();
    std::string slug;
    for (const auto& w : words) {
        if (!slug.empty() && slug.size() + 1 + w.size() > maxLength) {
            break;
        }
        if (!slug.empty()) {
            slug.push_back('-');
        }
        slug += w;
    }
    return slug.empty() ? "pes" : slug.substr(0, maxLength);
}

} // namespace demo
