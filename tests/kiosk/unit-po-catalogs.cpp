// The kiosk's own catalogs (assets/i18n/*.po): complete in every language,
// covering every key the code uses, with plural rules that give the right
// Polish, Ukrainian and English forms; and the Translator's fallbacks.
#include "app/filters.hpp"
#include "cache/record_schema.hpp"
#include "code_keys.hpp"
#include "i18n/plural_expression.hpp"
#include "i18n/po_file.hpp"
#include "i18n/translator.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

using cache::Lang;
using kiosk::i18n::PoFile;
using kiosk::i18n::PoMessage;
using kiosk::i18n::Translator;

namespace {

const std::filesystem::path kCatalogDir = std::filesystem::path(PESTOR_ASSETS_DIR) / "i18n";
constexpr std::array<const char*, 3> kFiles{"pl.po", "en.po", "uk.po"};

// A catalog file by key, read with the kiosk's own reader.
struct Catalog {
    std::string name;
    PoFile file;
    int nplurals = 0;
    std::map<std::string, const PoMessage*> byKey;
    const PoMessage* find(const std::string& key) const {
        const auto it = byKey.find(key);
        return it == byKey.end() ? nullptr : it->second;
    }
};

Catalog readCatalog(const std::string& name) {
    auto file = kiosk::i18n::readPoFile(kCatalogDir / name);
    REQUIRE_MESSAGE(file.ok(), (file.ok() ? "" : file.error().message));
    Catalog c{name, std::move(file).value(), 0, {}};
    const auto header = c.file.headerField("Plural-Forms");
    REQUIRE_MESSAGE(header.has_value(), name << ": no Plural-Forms");
    const auto forms = kiosk::i18n::parsePluralForms(*header);
    REQUIRE_MESSAGE(forms.ok(), name << ": " << (forms.ok() ? "" : forms.error().message));
    c.nplurals = forms->count;
    for (const PoMessage& m : c.file.messages) {
        INFO(name << ":" << m.line);
        REQUIRE_MESSAGE(m.context.has_value(),
                        "every message needs a msgctxt (the key the code looks up)");
        c.byKey.emplace(*m.context, &m);
    }
    return c;
}

// The printf conversions of a text, in order: "%s z %s" -> {"%s", "%s"}.
std::vector<std::string> placeholders(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] != '%') continue;
        if (s[i + 1] == '%') {
            ++i;
            continue;
        }
        std::size_t k = i + 1;
        while (k < s.size() && !std::isalpha(static_cast<unsigned char>(s[k])))
            ++k;
        out.emplace_back(s.substr(i, k + 1 - i));
        i = k;
    }
    return out;
}

std::string joinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines)
        out += "\n  " + l;
    return out;
}

Translator loadFrom(const std::filesystem::path& dir) {
    auto tr = Translator::load(dir);
    REQUIRE_MESSAGE(tr.ok(), (tr.ok() ? "" : tr.error().message));
    return std::move(tr).value();
}

// A fresh directory for hand-written catalogs, removed afterwards.
struct TempDir {
    TempDir() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / ("pestor-po-" + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    void write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
    }
    std::filesystem::path path;
};

std::string header(const char* lang, const char* pluralForms) {
    return std::string("msgid \"\"\nmsgstr \"\"\n\"Language: ") + lang +
           "\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Plural-Forms: " + pluralForms +
           "\\n\"\n";
}
constexpr const char* kPlForms =
    "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";

} // namespace

TEST_CASE("every message in pl.po is translated in en.po and uk.po, with the same placeholders") {
    const Catalog pl = readCatalog("pl.po");
    CHECK(pl.nplurals == 3);
    CHECK(pl.file.headerField("Language") == "pl");
    REQUIRE(pl.byKey.size() > 300);
    std::vector<std::string> problems;
    const auto checkForms = [&](const Catalog& c, const std::string& key, const PoMessage& m,
                                const PoMessage& source) {
        const std::string where = c.name + ":" + std::to_string(m.line) + ": \"" + key + "\"";
        if (m.fuzzy) problems.push_back(where + " is fuzzy (not shown until someone confirms it)");
        if (m.id != source.id || m.idPlural != source.idPlural)
            problems.push_back(where +
                               " translates an old Polish text (msgid differs from pl.po's)");
        if (m.plural != source.plural)
            problems.push_back(where + " must " + (source.plural ? "" : "not ") + "be a plural");
        const std::size_t forms = m.plural ? static_cast<std::size_t>(c.nplurals) : 1;
        if (m.strings.size() != forms)
            problems.push_back(where + " has " + std::to_string(m.strings.size()) +
                               " forms, the language has " + std::to_string(forms));
        for (std::size_t i = 0; i < m.strings.size(); ++i) {
            if (m.strings[i].empty())
                problems.push_back(where + " has no translation (msgstr[" + std::to_string(i) +
                                   "])");
            else if (placeholders(m.strings[i]) != placeholders(source.id))
                problems.push_back(where + " must keep the placeholders of \"" + source.id +
                                   "\": \"" + m.strings[i] + "\"");
        }
    };
    for (const auto& [key, m] : pl.byKey)
        checkForms(pl, key, *m, *m);
    for (const char* name : {"en.po", "uk.po"}) {
        const Catalog c = readCatalog(name);
        CHECK(c.file.headerField("Language") == std::string(name).substr(0, 2));
        for (const auto& [key, source] : pl.byKey) {
            const PoMessage* m = c.find(key);
            if (!m)
                problems.push_back(c.name + ": \"" + key +
                                   "\" is missing (pl.po:" + std::to_string(source->line) + ")");
            else
                checkForms(c, key, *m, *source);
        }
        for (const auto& [key, m] : c.byKey)
            if (!pl.find(key))
                problems.push_back(c.name + ":" + std::to_string(m->line) + ": \"" + key +
                                   "\" is not in pl.po");
    }
    INFO("catalog problems:" << joinLines(problems));
    CHECK(problems.empty());
}

TEST_CASE("every key the kiosk's code and record schema use is in pl.po, en.po and uk.po") {
    std::map<std::string, std::string> used =
        uitest::translationKeysInCode(std::filesystem::path(PESTOR_SOURCE_DIR) / "kiosk");
    // The scanner must keep finding each pattern it knows.
    for (const char* key :
         {"home.count", "search.results", "nav.back", "status.no_data", "detail.yes", "detail.no",
          "filter.when.week", "filter.deadline.30", "detail.contact", "qr.map"}) {
        INFO(key);
        CHECK(used.count(key) == 1);
    }
    CHECK(used.size() > 60);

    // Keys built at run time from the schema and the filter table.
    for (Lang lang : {Lang::Pl, Lang::En, Lang::Uk}) {
        const std::string file(kiosk::i18n::catalogFileName(lang));
        used.emplace("lang." + file.substr(0, 2), "kiosk/screens/shell.cpp (language buttons)");
    }
    std::vector<std::pair<std::string, std::string>> eitherOf; // specific, shared
    for (cache::Collection c : cache::kAllCollections) {
        const std::string ck(cache::collectionKey(c));
        used.emplace("collection." + ck, "the record schema");
        used.emplace("collection." + ck + ".desc", "the record schema");
        const auto& spec = cache::specFor(c);
        for (auto s : spec.statuses)
            used.emplace("status." + ck + "." + std::string(s), "the record schema");
        for (const auto& f : spec.fields) {
            const std::string fk(f.key);
            eitherOf.emplace_back("field." + ck + "." + fk, "field." + fk);
            for (auto v : f.choices)
                eitherOf.emplace_back("enum." + ck + "." + fk + "." + std::string(v),
                                      "enum." + fk + "." + std::string(v));
        }
        for (const auto& d : kiosk::app::filtersFor(c))
            if (!d.labelKey.empty()) used.emplace(std::string(d.labelKey), "kiosk/app/filters.cpp");
    }

    std::vector<std::string> problems;
    for (const char* name : kFiles) {
        const Catalog c = readCatalog(name);
        for (const auto& [key, where] : used)
            if (!c.find(key))
                problems.push_back(c.name + ": no message \"" + key + "\" (used by " + where + ")");
        for (const auto& [specific, shared] : eitherOf)
            if (!c.find(specific) && !c.find(shared))
                problems.push_back(c.name + ": no message \"" + shared + "\" or \"" + specific +
                                   "\" (the record schema)");
    }
    INFO("keys without a message:" << joinLines(problems));
    CHECK(problems.empty());
}

TEST_CASE("the kiosk's catalogs load with no warnings") {
    const auto tr = Translator::load(kCatalogDir);
    REQUIRE_MESSAGE(tr.ok(), (tr.ok() ? "" : tr.error().message));
    INFO("warnings:" << joinLines(tr->warnings()));
    CHECK(tr->warnings().empty());
    // One translator answers in any language, call by call: switching needs
    // no restart and no locale.
    CHECK(tr->text(Lang::Pl, "nav.back") == "‹ Wstecz");
    CHECK(tr->text(Lang::En, "nav.back") == "‹ Back");
    CHECK(tr->text(Lang::Uk, "nav.back") == "‹ Назад");
    CHECK(tr->collection(Lang::Uk, cache::Collection::Entities) == "Суб'єкти соціальної економіки");
    CHECK(tr->field(Lang::En, cache::Collection::Entities, "parent_id") == "Run by"); // specific
    CHECK(tr->field(Lang::En, cache::Collection::Premises, "parent_id") ==
          "Parent organisation"); // shared
    CHECK(tr->enumValue(Lang::Pl, cache::Collection::Demands, "eligible_forms", "cis") ==
          "Centrum Integracji Społecznej (CIS)");
    CHECK(tr->status(Lang::En, cache::Collection::Premises, "let") == "Rented out");
}

TEST_CASE(
    "count phrases take Polish, Ukrainian and English plural forms from the catalogs' rules") {
    const Translator tr = loadFrom(kCatalogDir);
    const std::map<long, std::string> pl{
        {1, "1 pozycja"},     {2, "2 pozycje"},   {4, "4 pozycje"},   {5, "5 pozycji"},
        {12, "12 pozycji"},   {21, "21 pozycji"}, {22, "22 pozycje"}, {25, "25 pozycji"},
        {112, "112 pozycji"}, {0, "0 pozycji"}};
    for (const auto& [n, text] : pl)
        CHECK(tr.count(Lang::Pl, "home.count", n) == text);
    const std::map<long, std::string> uk{
        {1, "1 позиція"},   {21, "21 позиція"},   {2, "2 позиції"},
        {22, "22 позиції"}, {5, "5 позицій"},     {11, "11 позицій"},
        {12, "12 позицій"}, {111, "111 позицій"}, {101, "101 позиція"}};
    for (const auto& [n, text] : uk)
        CHECK(tr.count(Lang::Uk, "home.count", n) == text);
    CHECK(tr.count(Lang::En, "home.count", 1) == "1 item");
    CHECK(tr.count(Lang::En, "home.count", 2) == "2 items");
    CHECK(tr.count(Lang::En, "home.count", 0) == "0 items");
    CHECK(tr.count(Lang::En, "home.count", 21) == "21 items");
    // The number is written in the language's conventions.
    CHECK(tr.count(Lang::En, "list.count", 1234) == "1,234 items");
    CHECK(tr.count(Lang::Pl, "list.count", 1234) == "1\u202F234 pozycje");
    CHECK(tr.count(Lang::Pl, "search.results", 5) == "5 wyników");
    CHECK(tr.count(Lang::Uk, "search.results", 3) == "3 результати");

    // The header rules themselves against the grammar, for many n.
    const auto few = [](unsigned long n) {
        return n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14);
    };
    const auto rule = [](const char* file) {
        auto f = kiosk::i18n::readPoFile(kCatalogDir / file);
        REQUIRE(f.ok());
        auto forms = kiosk::i18n::parsePluralForms(f->headerField("Plural-Forms").value_or(""));
        REQUIRE(forms.ok());
        return std::move(forms).value();
    };
    const auto plRule = rule("pl.po"), ukRule = rule("uk.po"), enRule = rule("en.po");
    for (unsigned long n = 0; n <= 2000; ++n) {
        INFO(n);
        const long ln = static_cast<long>(n);
        CHECK(plRule.index(ln) == (n == 1 ? 0 : few(n) ? 1 : 2));
        CHECK(ukRule.index(ln) == (n % 10 == 1 && n % 100 != 11 ? 0 : few(n) ? 1 : 2));
        CHECK(enRule.index(ln) == (n == 1 ? 0 : 1));
    }
}

TEST_CASE(
    "a missing, empty or fuzzy translation shows the Polish text; an unknown key shows itself") {
    TempDir dir;
    dir.write("pl.po", header("pl", kPlForms) + R"(
msgctxt "a"
msgid "Tak"
msgstr "Tak"

msgctxt "b"
msgid "Nie"
msgstr "Nie"

msgctxt "c"
msgid "Może"
msgstr ""

msgctxt "n"
msgid "%d dzień"
msgid_plural "%d dni"
msgstr[0] "%d dzień"
msgstr[1] "%d dni"
msgstr[2] "%d dni"
)");
    dir.write("en.po", header("en", "nplurals=2; plural=(n != 1);") + R"(
msgctxt "a"
msgid "Tak"
msgstr ""

#, fuzzy
msgctxt "b"
msgid "Nie"
msgstr "No"

msgctxt "n"
msgid "%d dzień"
msgid_plural "%d dni"
msgstr[0] "%d day"
msgstr[1] ""
)");
    const Translator tr = loadFrom(dir.path);
    CHECK(tr.text(Lang::En, "a") == "Tak");  // empty
    CHECK(tr.text(Lang::En, "b") == "Nie");  // fuzzy
    CHECK(tr.text(Lang::En, "c") == "Może"); // Polish msgstr empty too: the source text
    CHECK(tr.text(Lang::Uk, "a") == "Tak");  // no uk.po at all
    CHECK(tr.text(Lang::En, "zzz.unknown") == "zzz.unknown");
    CHECK(tr.count(Lang::En, "n", 1) == "1 day");
    CHECK(tr.count(Lang::En, "n", 5) ==
          "5 dni"); // the missing English form: Polish, by Polish rules
    CHECK(tr.count(Lang::En, "n", 2) == "2 dni");
    CHECK(tr.has("a"));
    CHECK_FALSE(tr.has("zzz.unknown"));

    const std::vector<std::string>& w = tr.warnings();
    REQUIRE(w.size() == 3);
    CHECK(w[0].find("uk.po: cannot open") != std::string::npos);
    CHECK(w[0].find("Ukrainian texts are shown in Polish") != std::string::npos);
    CHECK(w[1].find("pl.po: 1 message(s) untranslated, incomplete or fuzzy: c") !=
          std::string::npos);
    CHECK(
        w[2].find(
            "en.po: 4 message(s) untranslated, incomplete or fuzzy, shown in Polish: a, b, c, n") !=
        std::string::npos);
}

TEST_CASE("without a readable Polish catalog the translator does not load; a broken English one "
          "only warns") {
    TempDir dir;
    auto missing = Translator::load(dir.path);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("the Polish UI catalog is unusable") != std::string::npos);
    CHECK(missing.error().message.find("pl.po: cannot open") != std::string::npos);

    dir.write("pl.po", header("pl", kPlForms) + "\nmsgctxt \"a\"\nmsgid \"Tak\nmsgstr \"Tak\"\n");
    auto broken = Translator::load(dir.path);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().message.find("pl.po:8: unterminated string") != std::string::npos);

    dir.write("pl.po", header("pl", "nplurals=3; plural=n %% 3;"));
    auto badRule = Translator::load(dir.path);
    REQUIRE_FALSE(badRule.ok());
    CHECK(badRule.error().message.find("pl.po:1: Plural-Forms: plural expression:") !=
          std::string::npos);

    dir.write("pl.po", header("pl", kPlForms) + "\nmsgctxt \"a\"\nmsgid \"Tak\"\nmsgstr \"Tak\"\n");
    dir.write("en.po", header("en", "nplurals=2; plural=(n != 1);") +
                           "\nmsgctxt \"a\"\nmsgid \"Tak\"\nmsgstr[0] \"Yes\"\n");
    dir.write("uk.po", header("uk", kPlForms) + "\nmsgctxt \"a\"\nmsgid \"Tak\"\nmsgstr \"Так\"\n");
    const Translator tr = loadFrom(dir.path);
    REQUIRE(tr.warnings().size() == 1);
    CHECK(tr.warnings()[0].find(
              "en.po:9: msgstr[0] in a message without msgid_plural; English texts are shown in "
              "Polish") != std::string::npos);
    CHECK(tr.text(Lang::En, "a") == "Tak");
    CHECK(tr.text(Lang::Uk, "a") == "Так");
}
