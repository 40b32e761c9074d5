#pragma once
// UI text in Polish (the source language), English and Ukrainian, read from
// the gettext catalogs assets/i18n/{pl,en,uk}.po. Every message's msgctxt is
// the key the code looks up ("nav.back", "home.count"); count phrases are
// gettext plurals chosen by each catalog's Plural-Forms rule. A missing,
// empty or fuzzy translation falls back to Polish, then to the key itself
// (which the catalog tests catch). No system locale and no libintl: the
// language is the visitor's choice, switched at any time.
//
// Keys for record labels:
//   "collection.<collection>", "collection.<collection>.desc",
//   "field.<field>"                      (shared label),
//   "field.<collection>.<field>"         (overrides the shared one),
//   "status.<collection>.<status>",
//   "enum.<field>.<value>"               (e.g. "enum.legal_form.fundacja"),
//   "enum.<collection>.<field>.<value>"  (overrides, e.g. offers' category)
#include "cache/collection.hpp"
#include "cache/result.hpp"
#include "cache/value.hpp"
#include "message_catalog.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::i18n {

using cache::Lang;

// The catalog file of a language: "pl.po", "en.po", "uk.po".
std::string_view catalogFileName(Lang lang);

class Translator {
  public:
    // Reads dir/pl.po, dir/en.po and dir/uk.po. Without a usable Polish
    // catalog there is nothing to show: an error. A missing or broken English
    // or Ukrainian catalog, or untranslated messages, only add warnings();
    // those texts are shown in Polish.
    static cache::Result<Translator> load(const std::filesystem::path& dir);
    const std::vector<std::string>& warnings() const { return m_warnings; }

    std::string_view text(Lang lang, std::string_view key) const;
    // A plural message ("list.count") in the form for n, with %d replaced by
    // n written in the language's conventions.
    std::string count(Lang lang, std::string_view key, long n) const;
    std::string_view collection(Lang lang, cache::Collection c) const;
    std::string_view collectionDescription(Lang lang, cache::Collection c) const;
    std::string_view field(Lang lang, cache::Collection c, std::string_view fieldKey) const;
    std::string_view status(Lang lang, cache::Collection c, std::string_view status) const;
    std::string_view enumValue(Lang lang, cache::Collection c, std::string_view fieldKey,
                               std::string_view value) const;
    // Whether the Polish catalog defines the key.
    bool has(std::string_view key) const { return polish().contains(key); }

  private:
    Translator() = default;
    const MessageCatalog& polish() const { return *m_catalogs[0]; }
    // The text for key in lang, else in Polish, else Polish source; nullopt
    // only if the key is unknown.
    std::optional<std::string_view> lookup(Lang lang, std::string_view key) const;

    std::array<std::optional<MessageCatalog>, 3> m_catalogs; // by Lang; Polish always set
    std::vector<std::string> m_warnings;
};

} // namespace kiosk::i18n
