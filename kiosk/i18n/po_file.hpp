#pragma once
// A reader for gettext PO files (the format Poedit and Weblate edit), UTF-8
// only. It keeps what the kiosk needs: each message's context, source text,
// plural source, translations, fuzzy flag and translator notes. Obsolete
// entries ("#~") are skipped, as msgfmt does. Errors name the file, the line
// and what was wrong there ("en.po:12: unterminated string").
#include "cache/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::i18n {

struct PoMessage {
    std::optional<std::string> context; // msgctxt; the kiosk's key, e.g. "home.prompt"
    std::string id;                     // msgid: the Polish source text
    std::string idPlural;               // msgid_plural; empty for a singular message
    bool plural = false;                // has msgid_plural (and msgstr[0..])
    std::vector<std::string> strings;   // msgstr, or msgstr[0], msgstr[1], ...
    bool fuzzy = false;                 // "#, fuzzy": a guess nobody confirmed; not shown
    std::vector<std::string> flags;     // every "#," flag, e.g. "c-format"
    std::string notes;                  // "#." lines, joined by '\n'
    int line = 0;                       // where the message's first keyword is
};

struct PoFile {
    std::string name;   // for messages: the file name as given
    std::string header; // the msgstr of the empty msgid: "Language: pl\nPlural-Forms: ...\n"
    int headerLine = 0; // where the header's msgid is; 0 = no header
    std::vector<PoMessage> messages; // in file order, without the header

    // A header field's value ("Plural-Forms"), trimmed; nullopt if absent.
    std::optional<std::string> headerField(std::string_view field) const;
};

// Parses PO text; `name` prefixes error messages.
cache::Result<PoFile> parsePo(std::string_view text, std::string name);
// Reads and parses a file; a missing or unreadable file is an error too.
cache::Result<PoFile> readPoFile(const std::filesystem::path& path);

} // namespace kiosk::i18n
