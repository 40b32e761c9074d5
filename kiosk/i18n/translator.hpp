#pragma once
// UI text in Polish (default), English and Ukrainian. Lookups by key; a
// missing translation falls back to Polish, then to the key itself (which a
// test catches). Issue 5 moves the tables to gettext .po catalogs; the
// Translator interface stays.
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "cache/collection.hpp"
#include "cache/value.hpp"

namespace kiosk::i18n {

using cache::Lang;

struct Entry {
    std::string_view key;
    std::string_view pl;
    std::string_view en;
    std::string_view uk;
};

// Screen chrome and messages ("nav.back", "search.hint", ...).
std::span<const Entry> uiEntries();
// Names of collections, fields, statuses and enum values:
//   "collection.<collection>", "collection.<collection>.desc",
//   "field.<field>"                      (shared label),
//   "field.<collection>.<field>"         (overrides the shared one),
//   "status.<collection>.<status>",
//   "enum.<field>.<value>"               (e.g. "enum.legal_form.fundacja"),
//   "enum.<collection>.<field>.<value>"  (overrides, e.g. offers' category)
std::span<const Entry> recordLabelEntries();

// Plural category for count phrases: 0 = one, 1 = few, 2 = many
// (Polish and Ukrainian: 1 / 2–4 except 12–14 / everything else; English
// uses 0 for 1 and 2 otherwise).
int pluralForm(Lang lang, long n);

class Translator {
public:
    Translator();

    std::string_view text(Lang lang, std::string_view key) const;
    // "list.count" + plural form -> "list.count.0/1/2", with %d replaced.
    std::string count(Lang lang, std::string_view key, long n) const;
    std::string_view collection(Lang lang, cache::Collection c) const;
    std::string_view collectionDescription(Lang lang, cache::Collection c) const;
    std::string_view field(Lang lang, cache::Collection c, std::string_view fieldKey) const;
    std::string_view status(Lang lang, cache::Collection c, std::string_view status) const;
    std::string_view enumValue(Lang lang, cache::Collection c, std::string_view fieldKey,
                               std::string_view value) const;
    bool has(std::string_view key) const { return m_entries.count(key) > 0; }

private:
    const Entry* find(std::string_view key) const;
    std::unordered_map<std::string_view, const Entry*> m_entries;
};

} // namespace kiosk::i18n
