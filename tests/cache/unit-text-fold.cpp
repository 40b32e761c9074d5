// Search folding (the same for index and query) and the Polish sort key.
#include "cache/text_fold.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using cache::foldForSearch;
using cache::polishSortKey;

TEST_CASE("foldForSearch: Polish letters fold to ASCII lowercase, ł included") {
    CHECK(foldForSearch("Łódź") == "lodz");
    CHECK(foldForSearch("ŁÓDŹ") == "lodz");
    CHECK(foldForSearch("SPÓŁDZIELNIA") == "spoldzielnia");
    CHECK(foldForSearch("Spółdzielnia") == "spoldzielnia");
    CHECK(foldForSearch("ąćęłńóśźż") == "acelnoszz");
    CHECK(foldForSearch("ĄĆĘŁŃÓŚŹŻ") == "acelnoszz");
    CHECK(foldForSearch("Żółw") == "zolw");
    CHECK(foldForSearch("Grębocin nad Strugą") == "grebocin nad struga");
}

TEST_CASE("foldForSearch: ASCII is lowercased and otherwise kept") {
    CHECK(foldForSearch("ABC xyz 0-9 (a) \"b\" *") == "abc xyz 0-9 (a) \"b\" *");
    CHECK(foldForSearch("") == "");
}

TEST_CASE("foldForSearch: other Latin diacritics and sharp s") {
    CHECK(foldForSearch("Café Müller") == "cafe muller");
    CHECK(foldForSearch("Straße") == "strasse");
    CHECK(foldForSearch("Čapek Řeka") == "capek reka");
}

TEST_CASE("foldForSearch: Cyrillic capitals become lowercase") {
    CHECK(foldForSearch("ДОПОМОГА") == "допомога");
    CHECK(foldForSearch("Допомога") == "допомога");
    CHECK(foldForSearch("допомога") == "допомога");
    CHECK(foldForSearch("Їжак") == "їжак");
    CHECK(foldForSearch("ЄВРОПА") == "європа");
    CHECK(foldForSearch("Ґанок") == "ґанок");
    CHECK(foldForSearch("ІНША") == "інша");
    CHECK(foldForSearch("ЁЛКА") == "ёлка");
}

TEST_CASE("foldForSearch: typographic quotes and dashes fold to ASCII") {
    CHECK(foldForSearch("„Żółw”") == "\"zolw\"");
    CHECK(foldForSearch("“Promyk”") == "\"promyk\"");
    CHECK(foldForSearch("«Dom»") == "\"dom\"");
    CHECK(foldForSearch("pn–pt") == "pn-pt");
    CHECK(foldForSearch("Toruń — Podgórz") == "torun - podgorz");
}

TEST_CASE("foldForSearch: invalid UTF-8 does not crash and keeps the valid text") {
    const std::string bad = std::string("ab\xC3") + "cd\xFF";
    const std::string folded = foldForSearch(bad);
    CHECK(folded.find("ab") == 0);
    CHECK(folded.find("cd") != std::string::npos);
}

TEST_CASE("polishSortKey: ł after l, ź and ż after z, ć after c") {
    CHECK(polishSortKey("Lzy") < polishSortKey("Łąka"));
    CHECK(polishSortKey("Łąka") < polishSortKey("Mak"));
    CHECK(polishSortKey("Zebra") < polishSortKey("Źrebię"));
    CHECK(polishSortKey("Źrebię") < polishSortKey("Żaba"));
    CHECK(polishSortKey("cyrk") < polishSortKey("ćma"));
    CHECK(polishSortKey("ćma") < polishSortKey("dom"));
    CHECK(polishSortKey("az") < polishSortKey("ąb"));
    CHECK(polishSortKey("ąb") < polishSortKey("ba"));
    CHECK(polishSortKey("oz") < polishSortKey("ól"));
    CHECK(polishSortKey("sz") < polishSortKey("śa"));
    CHECK(polishSortKey("ez") < polishSortKey("ęa"));
    CHECK(polishSortKey("nz") < polishSortKey("ńa"));
}

TEST_CASE("polishSortKey: case-insensitive and punctuation-insensitive") {
    CHECK(polishSortKey("ŁĄKA") == polishSortKey("łąka"));
    CHECK(polishSortKey("Fundacja „ALMA”") == polishSortKey("Fundacja ALMA"));
    CHECK(polishSortKey("Fundacja \"Alma\"") == polishSortKey("fundacja alma"));
}

TEST_CASE("polishSortKey: sorting a word list gives Polish alphabetical order") {
    std::vector<std::string> words{"Żaba", "Mak", "ćma", "Łąka", "Zebra", "dom", "Źrebię", "cyrk", "Lzy", "Ala",
                                   "Ąbc", "Ósemka", "Orzeł"};
    std::sort(words.begin(), words.end(),
              [](const std::string& a, const std::string& b) { return polishSortKey(a) < polishSortKey(b); });
    const std::vector<std::string> expected{"Ala", "Ąbc", "cyrk", "ćma", "dom", "Lzy", "Łąka", "Mak",
                                            "Orzeł", "Ósemka", "Zebra", "Źrebię", "Żaba"};
    CHECK(words == expected);
}

TEST_CASE("polishSortKey: other scripts sort after Latin, in alphabet order") {
    CHECK(polishSortKey("Żaba") < polishSortKey("Абетка"));
    CHECK(polishSortKey("Абетка") < polishSortKey("Бук"));
    CHECK(polishSortKey("бук") == polishSortKey("БУК"));
}
