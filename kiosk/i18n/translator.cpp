#include "translator.hpp"

#include "format.hpp"

namespace kiosk::i18n {
namespace {

constexpr std::array<Lang, 3> kLangs{Lang::Pl, Lang::En, Lang::Uk};

std::size_t slot(Lang lang) {
    return static_cast<std::size_t>(lang);
}

std::string_view languageName(Lang lang) {
    switch (lang) {
    case Lang::En:
        return "English";
    case Lang::Uk:
        return "Ukrainian";
    default:
        return "Polish";
    }
}

cache::Result<MessageCatalog> readCatalog(const std::filesystem::path& path) {
    auto file = readPoFile(path);
    if (!file) return file.error();
    return MessageCatalog::fromPo(*file);
}

// "a, b, c and 4 more": enough for an operator to find the messages.
std::string someKeys(const std::vector<std::string>& keys) {
    constexpr std::size_t kShown = 5;
    std::string out;
    for (std::size_t i = 0; i < keys.size() && i < kShown; ++i)
        out += (i ? ", " : "") + keys[i];
    if (keys.size() > kShown) out += " and " + std::to_string(keys.size() - kShown) + " more";
    return out;
}

} // namespace

std::string_view catalogFileName(Lang lang) {
    switch (lang) {
    case Lang::En:
        return "en.po";
    case Lang::Uk:
        return "uk.po";
    default:
        return "pl.po";
    }
}

cache::Result<Translator> Translator::load(const std::filesystem::path& dir) {
    Translator tr;
    for (Lang lang : kLangs) {
        const std::filesystem::path path = dir / catalogFileName(lang);
        auto catalog = readCatalog(path);
        if (!catalog) {
            if (lang == Lang::Pl)
                return cache::makeError("the Polish UI catalog is unusable: " +
                                        catalog.error().message);
            tr.m_warnings.push_back(catalog.error().message + "; " +
                                    std::string(languageName(lang)) + " texts are shown in Polish");
            continue;
        }
        tr.m_catalogs[slot(lang)] = std::move(catalog).value();
    }
    for (Lang lang : kLangs) {
        const auto& catalog = tr.m_catalogs[slot(lang)];
        if (!catalog) continue;
        std::vector<std::string> missing;
        for (const std::string& key : tr.polish().keys())
            if (!catalog->translated(key)) missing.push_back(key);
        if (!missing.empty())
            tr.m_warnings.push_back(
                (dir / catalogFileName(lang)).string() + ": " + std::to_string(missing.size()) +
                " message(s) untranslated, incomplete or fuzzy" +
                (lang == Lang::Pl ? "" : ", shown in Polish") + ": " + someKeys(missing));
    }
    return tr;
}

std::optional<std::string_view> Translator::lookup(Lang lang, std::string_view key) const {
    if (const auto& catalog = m_catalogs[slot(lang)])
        if (auto s = catalog->text(key)) return s;
    if (auto s = polish().text(key)) return s;
    return polish().source(key);
}

std::string_view Translator::text(Lang lang, std::string_view key) const {
    return lookup(lang, key).value_or(key);
}

std::string Translator::count(Lang lang, std::string_view key, long n) const {
    std::optional<std::string_view> form;
    if (const auto& catalog = m_catalogs[slot(lang)]) form = catalog->plural(key, n);
    if (!form) form = polish().plural(key, n);
    if (!form) form = polish().source(key, n);
    std::string pattern(form.value_or(key));
    if (const auto pos = pattern.find("%d"); pos != std::string::npos)
        pattern.replace(pos, 2, formatNumber(lang, static_cast<double>(n), 0));
    return pattern;
}

std::string_view Translator::collection(Lang lang, cache::Collection c) const {
    return lookup(lang, "collection." + std::string(cache::collectionKey(c)))
        .value_or(cache::collectionKey(c));
}

std::string_view Translator::collectionDescription(Lang lang, cache::Collection c) const {
    return lookup(lang, "collection." + std::string(cache::collectionKey(c)) + ".desc")
        .value_or("");
}

std::string_view Translator::field(Lang lang, cache::Collection c,
                                   std::string_view fieldKey) const {
    const std::string specific =
        "field." + std::string(cache::collectionKey(c)) + "." + std::string(fieldKey);
    if (auto s = lookup(lang, specific)) return *s;
    return lookup(lang, "field." + std::string(fieldKey)).value_or(fieldKey);
}

std::string_view Translator::status(Lang lang, cache::Collection c, std::string_view status) const {
    const std::string key =
        "status." + std::string(cache::collectionKey(c)) + "." + std::string(status);
    return lookup(lang, key).value_or(status);
}

std::string_view Translator::enumValue(Lang lang, cache::Collection c, std::string_view fieldKey,
                                       std::string_view value) const {
    const std::string specific = "enum." + std::string(cache::collectionKey(c)) + "." +
                                 std::string(fieldKey) + "." + std::string(value);
    if (auto s = lookup(lang, specific)) return *s;
    return lookup(lang, "enum." + std::string(fieldKey) + "." + std::string(value)).value_or(value);
}

} // namespace kiosk::i18n
