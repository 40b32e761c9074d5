#pragma once
// One-line descriptions of records for lists and search results, and how a
// value reads on a detail screen. Text only; drawing is the screens' job.
#include <string>

#include "cache/record.hpp"
#include "i18n/translator.hpp"

namespace kiosk::screens {

enum class Tone { Neutral, Good, Warn, Bad };

struct Badge {
    std::string text;
    Tone tone = Tone::Neutral;
};

// "Fundacja · Podgórz", "Oddam · Meble · Rubinkowo", "Termin: 30.11.2026, 12:00"
std::string subtitleOf(const cache::Record& r, const i18n::Translator& tr, cache::Lang lang);
Badge statusBadge(const cache::Record& r, const i18n::Translator& tr, cache::Lang lang);
// A field's value as a visitor reads it ("tak", "45 m²", "1 200 zł", a
// district's name, an enum's label); "" when absent.
std::string displayValue(const cache::Record& r, const cache::FieldSpec& f, const i18n::Translator& tr,
                         cache::Lang lang);

} // namespace kiosk::screens
