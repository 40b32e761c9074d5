#include "translator.hpp"

#include <cstdio>

namespace kiosk::i18n {

int pluralForm(Lang lang, long n) {
    if (n < 0) n = -n;
    if (lang == Lang::En) return n == 1 ? 0 : 2;
    if (lang == Lang::Pl) {
        if (n == 1) return 0;
    } else if (n % 10 == 1 && n % 100 != 11) {
        return 0; // Ukrainian: 21 позиція
    }
    const long d = n % 10, h = n % 100;
    if (d >= 2 && d <= 4 && !(h >= 12 && h <= 14)) return 1;
    return 2;
}

Translator::Translator() {
    for (auto table : {&uiEntries, &recordLabelEntries})
        for (const Entry& e : (*table)()) m_entries.emplace(e.key, &e);
}

const Entry* Translator::find(std::string_view key) const {
    const auto it = m_entries.find(key);
    return it == m_entries.end() ? nullptr : it->second;
}

std::string_view Translator::text(Lang lang, std::string_view key) const {
    const Entry* e = find(key);
    if (!e) return key;
    const std::string_view s = lang == Lang::En ? e->en : lang == Lang::Uk ? e->uk : e->pl;
    return s.empty() ? e->pl : s;
}

std::string Translator::count(Lang lang, std::string_view key, long n) const {
    const std::string full = std::string(key) + "." + std::to_string(pluralForm(lang, n));
    std::string pattern(text(lang, full));
    const auto pos = pattern.find("%d");
    if (pos != std::string::npos) pattern.replace(pos, 2, std::to_string(n));
    return pattern;
}

std::string_view Translator::collection(Lang lang, cache::Collection c) const {
    return text(lang, "collection." + std::string(cache::collectionKey(c)));
}

std::string_view Translator::collectionDescription(Lang lang, cache::Collection c) const {
    return text(lang, "collection." + std::string(cache::collectionKey(c)) + ".desc");
}

std::string_view Translator::field(Lang lang, cache::Collection c, std::string_view fieldKey) const {
    const std::string specific = "field." + std::string(cache::collectionKey(c)) + "." + std::string(fieldKey);
    if (find(specific)) return text(lang, specific);
    const std::string shared = "field." + std::string(fieldKey);
    if (find(shared)) return text(lang, shared);
    return fieldKey;
}

std::string_view Translator::status(Lang lang, cache::Collection c, std::string_view status) const {
    const std::string key = "status." + std::string(cache::collectionKey(c)) + "." + std::string(status);
    return find(key) ? text(lang, key) : status;
}

std::string_view Translator::enumValue(Lang lang, cache::Collection c, std::string_view fieldKey,
                                       std::string_view value) const {
    const std::string specific =
        "enum." + std::string(cache::collectionKey(c)) + "." + std::string(fieldKey) + "." + std::string(value);
    if (find(specific)) return text(lang, specific);
    const std::string shared = "enum." + std::string(fieldKey) + "." + std::string(value);
    return find(shared) ? text(lang, shared) : value;
}

} // namespace kiosk::i18n
