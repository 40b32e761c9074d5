#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace demo {

class Rng;

// Check digits per docs/data-format.md and the Polish registers' rules.
int nipCheckDigit(std::string_view firstNine); // -1 when the sum gives 10 (invalid)
int regon9CheckDigit(std::string_view firstEight);
int regon14CheckDigit(std::string_view firstThirteen);

// Unique, checksum-valid fictional identifiers. The numbers are random: any
// collision with a real register entry would be a coincidence.
class IdentifierFactory {
  public:
    std::string nip(Rng& rng); // 10 digits, Toruń tax-office prefixes
    std::string regon9(Rng& rng);
    std::string regon14(std::string_view parentRegon9, Rng& rng); // local unit of a parent
    std::string krs(Rng& rng);

  private:
    // Bitmaps over the drawn parts keep 100k-entity runs fast (a tree of
    // numbers costs a cache miss per level).
    std::vector<bool> m_nips;
    std::vector<bool> m_regons;
    std::vector<bool> m_krs;
    std::set<std::string> m_regons14;
};

// "+48 56 000 12 34": the 000 exchange marks the number as fictional.
std::string fictionalPhone(Rng& rng);
// ASCII slug from Polish text ("Spółdzielnia Socjalna Złota Łąka" -> "zlota-laka"),
// skipping legal-form words so that domains stay short.
std::string slugify(std::string_view text, std::size_t maxLength = 40);

} // namespace demo
