// Every character of every UI string (all three catalogs) and of every demo
// record has a glyph in the kiosk's fonts: no missing-glyph boxes. That the
// catalogs are complete is checked by unit-po-catalogs.cpp.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cache/record_schema.hpp"
#include "cache/text_fold.hpp"
#include "i18n/po_file.hpp"
#include "ui_harness.hpp"

using cache::Collection;

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
    for (const char* name : {"pl.po", "en.po", "uk.po"}) {
        const auto po = kiosk::i18n::readPoFile(std::filesystem::path(PESTOR_ASSETS_DIR) / "i18n" / name);
        REQUIRE_MESSAGE(po.ok(), (po.ok() ? "" : po.error().message));
        CHECK(po->messages.size() > 300);
        for (const auto& m : po->messages) {
            check(m.id);
            check(m.idPlural);
            for (const std::string& s : m.strings) check(s);
        }
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
