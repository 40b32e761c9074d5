// Every name a screen can show exists in pl, en and uk, and every character
// of every UI string and demo record has a glyph in the kiosk's fonts (no
// missing-glyph boxes).
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "app/filters.hpp"
#include "cache/record_schema.hpp"
#include "cache/text_fold.hpp"
#include "i18n/translator.hpp"
#include "ui_harness.hpp"

using cache::Collection;

namespace {

void requireComplete(const kiosk::i18n::Translator& tr, const std::string& key) {
    INFO(key);
    CHECK(tr.has(key));
}

} // namespace

TEST_CASE("every collection, field, status and enum value has a pl/en/uk label") {
    const kiosk::i18n::Translator tr;
    for (Collection c : cache::kAllCollections) {
        const std::string ck(cache::collectionKey(c));
        requireComplete(tr, "collection." + ck);
        requireComplete(tr, "collection." + ck + ".desc");
        const auto& spec = cache::specFor(c);
        for (auto s : spec.statuses) requireComplete(tr, "status." + ck + "." + std::string(s));
        for (const auto& f : spec.fields) {
            const std::string fk(f.key);
            INFO(ck << "." << fk);
            CHECK((tr.has("field." + ck + "." + fk) || tr.has("field." + fk)));
            for (auto v : f.choices) {
                const std::string vk(v);
                INFO(ck << "." << fk << "=" << vk);
                CHECK((tr.has("enum." + ck + "." + fk + "." + vk) || tr.has("enum." + fk + "." + vk)));
            }
        }
    }
    for (Collection c : cache::kAllCollections)
        for (const auto& d : kiosk::app::filtersFor(c))
            if (!d.labelKey.empty()) requireComplete(tr, std::string(d.labelKey));
}

TEST_CASE("no UI string is missing its English or Ukrainian variant") {
    for (auto table : {&kiosk::i18n::uiEntries, &kiosk::i18n::recordLabelEntries}) {
        std::set<std::string_view> seen;
        for (const auto& e : (*table)()) {
            INFO(e.key);
            CHECK_FALSE(e.pl.empty());
            CHECK_FALSE(e.en.empty());
            CHECK_FALSE(e.uk.empty());
            CHECK(seen.insert(e.key).second); // no duplicate keys
        }
    }
}

TEST_CASE("the fonts have a glyph for every character of every UI string and demo record") {
    uitest::FixtureCache fixture;
    for (const char* c : {"entities", "premises", "equipment", "offers", "demands", "support_points", "events",
                          "announcements", "indicators"}) {
        std::ifstream in(std::filesystem::path(PESTOR_ASSETS_DIR) / "demo" / (std::string(c) + ".geojson"));
        REQUIRE_MESSAGE(in.good(), "demo data missing: " << std::string(c));
        std::stringstream ss;
        ss << in.rdbuf();
        const auto doc = nlohmann::json::parse(ss.str());
        std::string features;
        for (const auto& f : doc["features"]) features += (features.empty() ? "" : ",") + f.dump();
        fixture.add(c, features);
    }
    const auto cat = fixture.load();
    uitest::UiHarness harness(cat); // builds the real font atlas
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];

    std::set<char32_t> missing;
    const auto check = [&](std::string_view s) {
        std::size_t pos = 0;
        while (pos < s.size()) {
            const char32_t cp = cache::decodeUtf8(s, pos);
            if (cp >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) missing.insert(cp);
        }
    };
    for (auto table : {&kiosk::i18n::uiEntries, &kiosk::i18n::recordLabelEntries})
        for (const auto& e : (*table)()) {
            check(e.pl);
            check(e.en);
            check(e.uk);
        }
    std::size_t records = 0;
    for (Collection c : cache::kAllCollections)
        for (const cache::Record& r : cat->records(c)) {
            ++records;
            for (auto lang : {cache::Lang::Pl, cache::Lang::En, cache::Lang::Uk}) check(r.title(lang));
            for (const auto& v : r.values) {
                if (const auto* s = std::get_if<std::string>(&v)) check(*s);
                if (const auto* lt = std::get_if<cache::LocalText>(&v)) {
                    check(lt->pl);
                    check(lt->en);
                    check(lt->uk);
                }
            }
        }
    CHECK(records > 400);
    std::string list;
    for (char32_t cp : missing) list += "U+" + std::to_string(static_cast<unsigned>(cp)) + " ";
    INFO("code points without a glyph: " << list);
    CHECK(missing.empty());
}
