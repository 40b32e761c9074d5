// The hostile data set: the longest texts validation allows, words without
// spaces, combining marks, emoji, right-to-left scripts, Ukrainian, missing,
// broken and bomb images, points outside the service area and hundreds of
// records at one address. Fixed content, no random numbers: the set changes
// only when this file does.
#include "hostile.hpp"

#include "json_out.hpp"
#include "context.hpp"
#include "geometry.hpp"

#include <fstream>
#include <functional>
#include <stdexcept>
#include <vector>

namespace demo {
namespace {

// Validation's limit for every text value (sync/cache/field_decode.cpp).
constexpr std::size_t kMaxTextChars = 4000;
// Records at one address: the map's cluster and the list's scrolling.
constexpr int kRynekRecords = 300;
// The bomb's side: 20000 x 20000 = 400 MP declared (the sync's budget is 40).
constexpr std::uint32_t kBombSide = 20000;

// Rynek Staromiejski 1: the records sharing one address stand here.
constexpr Coord kRynek{1860472, 5301052};

// A combining mark (U+0300-U+036F) in UTF-8: two bytes. The generator links
// no cache library (no text_fold's appendUtf8) and needs no other range.
void appendCombiningMark(std::string& out, char32_t cp) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

// `unit` repeated to exactly `count` code points, never ending in white
// space (validation trims it, which would make the text shorter).
std::string repeatedTo(std::string_view unit, std::size_t count) {
    std::string text;
    while (codePointCount(text) < count) text += unit;
    text = firstCodePoints(text, count);
    if (!text.empty() && text.back() == ' ') text.back() = '.';
    return text;
}

const std::string kPolishUnit =
    "Spółdzielnia socjalna „Zażółć gęślą jaźń” z Łodzi prowadzi kawiarnię, pracownię krawiecką i sklep — ";
const std::string kEnglishUnit =
    "The social co-operative runs a café, a tailoring workshop and a shop for the whole neighbourhood — ";
const std::string kUkrainianUnit =
    "Соціальний кооператив «Єднання» об’єднує пʼять ґазд: Їжак, Іскра, Ґанок і Євген працюють разом — ";
// One word, no spaces: the 32-letter Polish classic, repeated.
const std::string kLongWordUnit = "Konstantynopolitańczykowianeczka";

// Letters of "ZALGO" each under a stack of 12 combining marks (U+0300–U+036F).
std::string zalgo() {
    std::string out;
    const std::string_view letters = "ZALGO";
    for (std::size_t i = 0; i < 15; ++i) {
        out.push_back(letters[i % letters.size()]);
        for (std::size_t k = 0; k < 12; ++k) appendCombiningMark(out, 0x0300 + static_cast<char32_t>((i * 7 + k * 13) % 0x70));
    }
    return out;
}

std::string stamp(const Date& day, int hour) {
    const int offset = warsawOffsetMinutes(day, hour);
    return formatDate(day) + "T" + zeroPadded(static_cast<std::uint64_t>(hour), 2) + ":00:00+" +
           zeroPadded(static_cast<std::uint64_t>(offset / 60), 2) + ":00";
}

struct Images {
    std::string good;         // a valid PNG
    std::string goodJpeg;     // a valid JPEG
    std::string truncatedPng; // the first half of a valid PNG
    std::string truncatedJpeg;
    std::string bomb;
    std::string notAnImage;   // text in a .png file
    std::string missing;      // the hash of bytes that are not in the feed
};

Images makeImages() {
    Images img;
    img.good = hostileGoodPng();
    img.goodJpeg = hostileGoodJpeg();
    img.truncatedPng = img.good.substr(0, img.good.size() / 2);
    img.truncatedJpeg = img.goodJpeg.substr(0, img.goodJpeg.size() / 2);
    img.bomb = hostilePngBomb(kBombSide);
    img.notAnImage = "This file is called .png but holds text.\n";
    img.missing = sha256Hex("an image that was never published");
    return img;
}

Feature entity(std::string id, Coord point, const LText& name, std::string_view address,
               const std::string& updated) {
    Feature f{std::move(id), point, {}};
    f.properties.text("updated_at", updated).text("status", "active").ltext("name", name)
        .text("legal_form", "spoldzielnia_socjalna").text("address", address).text("district", "stare_miasto");
    return f;
}

std::vector<Feature> entities(const Images& img, const std::string& updated) {
    std::vector<Feature> out;
    const std::string rynek = "Rynek Staromiejski 1, 87-100 Toruń";

    {
        Feature f = entity("hostile-longest", kRynek,
                           {repeatedTo(kPolishUnit, kMaxTextChars), repeatedTo(kEnglishUnit, kMaxTextChars),
                            repeatedTo(kUkrainianUnit, kMaxTextChars)},
                           repeatedTo("ul. Długa " + kPolishUnit, kMaxTextChars), updated);
        f.properties.text("short_name", repeatedTo(kPolishUnit, kMaxTextChars))
            .ltext("description", {repeatedTo(kPolishUnit, kMaxTextChars), repeatedTo(kEnglishUnit, kMaxTextChars),
                                   repeatedTo(kUkrainianUnit, kMaxTextChars)})
            .tags("areas", {repeatedTo("bardzo długi obszar działania ", 200), "gastronomia"});
        out.push_back(std::move(f));
    }
    // One character over the limit: refused by validation.
    out.push_back(entity("hostile-too-long", kRynek, {repeatedTo(kPolishUnit, kMaxTextChars + 1), "", ""}, rynek,
                         updated));
    {
        Feature f = entity("hostile-long-word", kRynek,
                           {"Spółdzielnia " + repeatedTo(kLongWordUnit, 320), "", ""}, rynek, updated);
        f.properties.ltext("description", {repeatedTo(kLongWordUnit, kMaxTextChars), "", ""});
        out.push_back(std::move(f));
    }
    {
        Feature f = entity("hostile-combining", kRynek,
                           {"Kawiarnia Cafe\u0301 i Cafe\u0301 — " + zalgo(), "", ""}, rynek, updated);
        f.properties.ltext("description",
                           {"Znaki łączone: e\u0301 a\u0328 z\u0307 o\u0301 (rozłożone), é ą ż ó (złożone). " +
                                zalgo() + " " + zalgo(),
                            "", ""});
        out.push_back(std::move(f));
    }
    {
        Feature f = entity("hostile-emoji", kRynek,
                           {"Piekarnia 🍞🥐 Rodzinna 👩‍👩‍👧‍👦 🇵🇱🇺🇦", "Family Bakery 🍞🥐 👩‍👩‍👧‍👦 🇵🇱🇺🇦",
                            "Сімейна пекарня 🍞🥐 👩‍👩‍👧‍👦 🇵🇱🇺🇦"},
                           rynek, updated);
        f.properties.ltext("description",
                           {"Chleb 🍞, rogale 🥐, kawa ☕ i dobre słowo 👍🏽. Kochamy ❤️ Toruń 🏰! "
                            "Rodziny 👨‍👩‍👧 👩‍👩‍👦 👨‍👨‍👧‍👧, flagi 🇵🇱 🇺🇦 🇪🇺 🏳️‍🌈.",
                            "", ""});
        out.push_back(std::move(f));
    }
    {
        Feature f = entity("hostile-hebrew", kRynek,
                           {"Stowarzyszenie Szalom — עמותת שלום לכולם", "Shalom Association — עמותת שלום לכולם",
                            "Товариство Шалом — עמותת שלום לכולם"},
                           rynek, updated);
        f.properties.ltext("description",
                           {"העמותה מסייעת למשפחות בטורון. Stowarzyszenie pomaga rodzinom w Toruniu.", "", ""});
        out.push_back(std::move(f));
    }
    {
        Feature f = entity("hostile-arabic", kRynek,
                           {"Fundacja Al-Amal — جمعية الأمل للتنمية الاجتماعية",
                            "Al-Amal Foundation — جمعية الأمل للتنمية الاجتماعية",
                            "Фонд Аль-Амаль — جمعية الأمل للتنمية الاجتماعية"},
                           rynek, updated);
        f.properties.ltext("description", {"تقدم الجمعية دروس اللغة البولندية. Fundacja uczy języka polskiego.", "", ""});
        out.push_back(std::move(f));
    }
    {
        Feature f = entity("hostile-ukrainian", kRynek,
                           {"Fundacja „Єднання”", "Yednannia Foundation",
                            "Благодійний фонд «Єднання» — Ґанок, Їжак, Іскра, пʼять обʼєднань"},
                           rynek, updated);
        f.properties.ltext("description",
                           {"Pomoc dla osób z Ukrainy.", "Help for people from Ukraine.",
                            "Допомога людям з України: консультації, ґрунтовні курси, їжа, інформація, "
                            "єдність. Апостроф двома способами: пʼять (U+02BC) і п’ять (U+2019)."});
        out.push_back(std::move(f));
    }

    // Images: one good, one named by a hash that is not in the feed, one by a
    // file name (the format names images by SHA-256), two truncated, a bomb.
    const auto withLogo = [&](std::string id, std::string_view name, const std::string& logo) {
        Feature f = entity(std::move(id), kRynek, {std::string(name), "", ""}, rynek, updated);
        f.properties.tags("logo", {logo});
        out.push_back(std::move(f));
    };
    withLogo("hostile-logo-ok", "Logo w porządku (PNG 96×64)", sha256Hex(img.good));
    withLogo("hostile-logo-missing", "Logo, którego nie ma w kanale", img.missing);
    withLogo("hostile-logo-by-name", "Logo podane nazwą pliku", "brak-logo.png");
    withLogo("hostile-logo-truncated-png", "Logo: ucięty PNG", sha256Hex(img.truncatedPng));
    withLogo("hostile-logo-truncated-jpeg", "Logo: ucięty JPEG", sha256Hex(img.truncatedJpeg));
    withLogo("hostile-logo-bomb", "Logo: bomba dekompresyjna 20000×20000", sha256Hex(img.bomb));

    // Outside the service area (18.40–18.80 E, 52.93–53.10 N): refused.
    out.push_back(entity("hostile-outside-warszawa", Coord{2101222, 5222977}, {"Poza obszarem: Warszawa", "", ""},
                         "Plac Defilad 1, 00-901 Warszawa", updated));
    out.push_back(entity("hostile-outside-gdansk", Coord{1864664, 5435203}, {"Poza obszarem: Gdańsk", "", ""},
                         "Długi Targ 1, 80-830 Gdańsk", updated));
    out.push_back(entity("hostile-outside-swapped", Coord{kRynek.lat, kRynek.lon},
                         {"Poza obszarem: zamienione współrzędne", "", ""}, rynek, updated));
    // Inside the service area's box but outside the city: accepted.
    out.push_back(entity("hostile-edge-of-area", Coord{1841000, 5294000}, {"Na skraju obszaru (poza miastem)", "", ""},
                         "Zła Wieś Wielka, 87-134", updated));

    for (int i = 1; i <= kRynekRecords; ++i) {
        const std::string n = zeroPadded(static_cast<std::uint64_t>(i), 3);
        out.push_back(entity("hostile-rynek-" + n, kRynek,
                             {"Spółdzielnia pod jednym adresem nr " + n, "Co-operative at one address no. " + n,
                              "Кооператив за однією адресою № " + n},
                             rynek, updated));
    }
    return out;
}

std::vector<Feature> premises(const Images& img, const std::string& updated, const Date& today) {
    std::vector<Feature> out;
    Feature f{"hostile-premises-longest", kRynek, {}};
    f.properties.text("updated_at", updated).text("status", "available")
        .ltext("title", {repeatedTo(kPolishUnit, kMaxTextChars), repeatedTo(kEnglishUnit, kMaxTextChars),
                         repeatedTo(kUkrainianUnit, kMaxTextChars)})
        .text("address", repeatedTo("Rynek Staromiejski 1 " + kPolishUnit, kMaxTextChars))
        .text("district", "stare_miasto").text("purpose", "office").fixed("area_m2", 10000, 0)
        .integer("rooms", 200).integer("floor", 20)
        .ltext("conditions", {repeatedTo(kPolishUnit, kMaxTextChars), "", ""})
        .ltext("how_to_apply", {repeatedTo(kLongWordUnit, kMaxTextChars), "", ""})
        .text("apply_deadline", formatDate(addDays(today, 30)))
        .text("managing_unit", repeatedTo("Zakład Gospodarki Mieszkaniowej ", kMaxTextChars))
        .tags("photos", {sha256Hex(img.goodJpeg), img.missing, sha256Hex(img.bomb)});
    out.push_back(std::move(f));

    Feature rtl{"hostile-premises-rtl", kRynek, {}};
    rtl.properties.text("updated_at", updated).text("status", "available")
        .ltext("title", {"Sala spotkań — חדר ישיבות — قاعة اجتماعات", "", ""})
        .text("address", "Rynek Staromiejski 1, 87-100 Toruń").text("district", "stare_miasto")
        .text("purpose", "meeting_room").fixed("area_m2", 425, 1);
    out.push_back(std::move(rtl));
    return out;
}

std::vector<Feature> equipment(const Images& img, const std::string& updated) {
    Feature f{"hostile-equipment-emoji", kRynek, {}};
    f.properties.text("updated_at", updated).text("status", "available")
        .ltext("title", {"Rower 🚲 dla dziecka 👶🏽 ❤️", "Bike 🚲 for a child 👶🏽", "Велосипед 🚲 для дитини 👶🏽"})
        .ltext("description", {"Prawie nowy ✨, z dzwonkiem 🔔. Odbiór: Rynek 🏰.", "", ""})
        .text("category", "sport").text("mode", "give").text("condition", "good")
        .tags("photos", {sha256Hex(img.truncatedJpeg), sha256Hex(img.goodJpeg)});
    Feature word{"hostile-equipment-long-word", std::nullopt, {}};
    word.properties.text("updated_at", updated).text("status", "available")
        .ltext("title", {repeatedTo(kLongWordUnit, 400), "", ""})
        .text("category", "other").text("mode", "lend");
    return {std::move(f), std::move(word)};
}

std::vector<Feature> offers(const std::string& updated) {
    Feature f{"hostile-offer-arabic", std::nullopt, {}};
    f.properties.text("updated_at", updated).text("status", "active")
        .ltext("title", {"Tłumaczenia: خدمات الترجمة والعربية", "Translations: خدمات الترجمة", ""})
        .text("entity_id", "hostile-arabic").text("kind", "service").text("category", "other")
        .ltext("description", {"نترجم الوثائق. Tłumaczymy dokumenty z arabskiego i hebrajskiego (עברית).", "", ""});
    Feature longest{"hostile-offer-longest", kRynek, {}};
    longest.properties.text("updated_at", updated).text("status", "active")
        .ltext("title", {repeatedTo(kPolishUnit, kMaxTextChars), "", repeatedTo(kUkrainianUnit, kMaxTextChars)})
        .text("entity_id", "hostile-longest").text("kind", "product").text("category", "crafts")
        .ltext("description", {repeatedTo(kPolishUnit, kMaxTextChars), "", ""})
        .fixed("price_min_pln", 1000000000, 2).ltext("price_unit", {repeatedTo("za sztukę ", 200), "", ""})
        .text("where", repeatedTo("Toruń i okolice ", kMaxTextChars)).text("district", "stare_miasto");
    return {std::move(f), std::move(longest)};
}

std::vector<Feature> demands(const std::string& updated, const Date& today) {
    Feature f{"hostile-demand-longest", std::nullopt, {}};
    f.properties.text("updated_at", updated).text("status", "open")
        .ltext("title", {repeatedTo(kPolishUnit, kMaxTextChars), repeatedTo(kEnglishUnit, kMaxTextChars),
                         repeatedTo(kUkrainianUnit, kMaxTextChars)})
        .text("department", repeatedTo("Wydział Gospodarki Komunalnej ", kMaxTextChars))
        .text("kind", "zapytanie_ofertowe")
        .ltext("description", {"Dostawa 🍲 900 porcji grochówki 🥣 na festyn 🎉. " + zalgo(), "", ""})
        .text("deadline", stamp(addDays(today, 10), 12)).boolean("social_clause", true)
        .ltext("social_clause_text", {repeatedTo(kLongWordUnit, kMaxTextChars), "", ""});
    return {std::move(f)};
}

std::vector<Feature> supportPoints(const std::string& updated) {
    Feature f{"hostile-support-ukrainian", kRynek, {}};
    f.properties.text("updated_at", updated).text("status", "active")
        .ltext("name", {"Punkt pomocy „Єднання”", "Help point “Yednannia”",
                        "Пункт допомоги «Єднання» — Ґражда, Їдальня, Інформація, обʼєднання"})
        .text("kind", "help_point")
        .ltext("services", {"Porady, język polski, jedzenie.", "", "Консультації, польська мова, їжа, ґрунтовна допомога."})
        .text("address", "Rynek Staromiejski 1, 87-100 Toruń").text("district", "stare_miasto");
    return {std::move(f)};
}

std::vector<Feature> events(const std::string& updated, const Date& today) {
    Feature f{"hostile-event-mixed", kRynek, {}};
    f.properties.text("updated_at", updated).text("status", "scheduled")
        .ltext("title", {"Warsztaty 🎨 Cafe\u0301 — שלום — مرحبا — Вітаємо, Ґаздо!", "", ""})
        .text("kind", "training").text("starts_at", stamp(addDays(today, 7), 10))
        .text("ends_at", stamp(addDays(today, 7), 14)).text("place", repeatedTo(kLongWordUnit, 500))
        .ltext("description", {repeatedTo(kPolishUnit, kMaxTextChars), "", ""});
    return {std::move(f)};
}

std::vector<Feature> announcements(const Images& img, const std::string& updated) {
    Feature f{"hostile-announcement-longest", std::nullopt, {}};
    f.properties.text("updated_at", updated).text("status", "published")
        .ltext("title", {repeatedTo(kPolishUnit, kMaxTextChars), repeatedTo(kEnglishUnit, kMaxTextChars),
                         repeatedTo(kUkrainianUnit, kMaxTextChars)})
        .ltext("body", {repeatedTo(kPolishUnit, kMaxTextChars), repeatedTo(kEnglishUnit, kMaxTextChars),
                        repeatedTo(kUkrainianUnit, kMaxTextChars)})
        .tags("image", {img.missing}).integer("priority", 9);
    Feature e{"hostile-announcement-emoji", std::nullopt, {}};
    e.properties.text("updated_at", updated).text("status", "published")
        .ltext("title", {"Świętujemy 🎉🎂 z rodzinami 👨‍👩‍👧 🇺🇦", "", "Святкуємо 🎉🎂 з родинами 👨‍👩‍👧 🇺🇦"})
        .ltext("body", {"Zapraszamy 🙌 — שלום — أهلا", "", ""}).tags("image", {sha256Hex(img.bomb)});
    return {std::move(f), std::move(e)};
}

std::vector<Feature> indicators(const std::string& updated) {
    Feature f{"hostile-indicator-emoji", std::nullopt, {}};
    f.properties.text("updated_at", updated).text("status", "active")
        .ltext("name", {"Uśmiechy 😀 na minutę 👍🏽 " + repeatedTo(kLongWordUnit, 120), "", ""})
        .fixed("target", 100, 0).fixed("current", 42, 0).ltext("unit", {"😀", "", ""});
    return {std::move(f)};
}

void writeFile(const std::filesystem::path& path, std::string_view content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

} // namespace

std::size_t codePointCount(std::string_view utf8) {
    std::size_t n = 0;
    for (char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string firstCodePoints(std::string_view utf8, std::size_t count) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80 && seen++ == count) return std::string(utf8.substr(0, i));
    }
    return std::string(utf8);
}

std::string writeHostileSet(const std::filesystem::path& basemap, const std::filesystem::path& outDir,
                            const Date& today) {
    const Images img = makeImages();
    const std::string updated = stamp(addDays(today, -1), 9);
    std::filesystem::create_directories(outDir / "media");
    std::string report;
    const auto emit = [&](std::string_view name, const std::vector<Feature>& features) {
        writeFile(outDir / (std::string(name) + ".geojson"), collectionJson(name, features));
        report += std::string(name) + ": " + std::to_string(features.size()) + "\n";
    };
    emit("entities", entities(img, updated));
    emit("premises", premises(img, updated, today));
    emit("equipment", equipment(img, updated));
    emit("offers", offers(updated));
    emit("demands", demands(updated, today));
    emit("support_points", supportPoints(updated));
    emit("events", events(updated, today));
    emit("announcements", announcements(img, updated));
    emit("indicators", indicators(updated));
    std::filesystem::copy_file(basemap, outDir / "basemap.geojson",
                               std::filesystem::copy_options::overwrite_existing);
    report += "basemap: copied\n";

    const std::pair<const char*, const std::string*> files[] = {
        {"ok.png", &img.good},           {"ok.jpg", &img.goodJpeg},
        {"truncated.png", &img.truncatedPng}, {"truncated.jpg", &img.truncatedJpeg},
        {"bomb.png", &img.bomb},         {"not-an-image.png", &img.notAnImage}};
    for (const auto& [name, bytes] : files) writeFile(outDir / "media" / name, *bytes);
    report += "media: " + std::to_string(std::size(files)) + "\n";
    return report;
}

} // namespace demo
