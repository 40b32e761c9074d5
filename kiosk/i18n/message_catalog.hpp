#pragma once
// One language's messages, looked up by key (the msgctxt), with the
// language's plural rule from the catalog's Plural-Forms header.
#include "cache/result.hpp"
#include "plural_expression.hpp"
#include "po_file.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk::i18n {

class MessageCatalog {
  public:
    // Needs a valid Plural-Forms header. Messages without a msgctxt are not
    // reachable by key and are left out.
    static cache::Result<MessageCatalog> fromPo(const PoFile& file);

    bool contains(std::string_view key) const { return m_messages.find(key) != m_messages.end(); }
    // The translation to show, or nullopt when it is missing, empty or fuzzy
    // (so the caller can fall back to another language). A plural message
    // answers with its first form.
    std::optional<std::string_view> text(std::string_view key) const;
    // The form for count n by the catalog's plural rule.
    std::optional<std::string_view> plural(std::string_view key, long n) const;
    // The source text (msgid; msgid_plural for any form but the first), for
    // the last fallback when even the source language's msgstr is empty.
    std::optional<std::string_view> source(std::string_view key, long n = 1) const;

    const PluralForms& pluralForms() const { return m_plural; }
    // Every key, sorted.
    std::vector<std::string> keys() const;
    // Whether key has a usable translation: not fuzzy, no form empty or
    // missing.
    bool translated(std::string_view key) const;
    std::size_t size() const { return m_messages.size(); }

  private:
    struct Message {
        std::string id, idPlural;
        std::vector<std::string> strings;
        bool plural = false, fuzzy = false;
        int line = 0;
    };
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    const Message* find(std::string_view key) const;

    PluralForms m_plural;
    // Node-based: the strings never move, so the views handed out stay valid
    // as long as the catalog lives (moving the catalog included).
    std::unordered_map<std::string, Message, Hash, std::equal_to<>> m_messages;
};

} // namespace kiosk::i18n
