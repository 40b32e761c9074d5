#include "districts.hpp"

#include "prng.hpp"

#include <array>
#include <stdexcept>
#include <vector>

namespace demo {

namespace {

using namespace std::string_view_literals;

// Street-to-district assignment is approximate: good enough for a demo map,
// not a gazetteer.
constexpr std::array kStareMiasto = {
    "ul. Szeroka"sv,   "ul. Żeglarska"sv,       "ul. Chełmińska"sv,     "ul. Królowej Jadwigi"sv,
    "ul. Piekary"sv,   "ul. Mostowa"sv,         "ul. Łazienna"sv,       "ul. Prosta"sv,
    "ul. Szczytna"sv,  "ul. Podmurna"sv,        "ul. Ducha Świętego"sv, "ul. Kopernika"sv,
    "ul. Różana"sv,    "ul. Wielkie Garbary"sv, "ul. Małe Garbary"sv,   "ul. Szewska"sv,
    "ul. Rabiańska"sv, "ul. Strumykowa"sv,      "ul. Ślusarska"sv,      "ul. Przedzamcze"sv,
    "ul. Bankowa"sv,   "ul. Browarna"sv,        "Rynek Nowomiejski"sv,  "ul. Franciszkańska"sv};
constexpr std::array kBydgoskie = {
    "ul. Bydgoska"sv,     "ul. Mickiewicza"sv, "ul. Słowackiego"sv,   "ul. Kraszewskiego"sv,
    "ul. Krasińskiego"sv, "ul. Moniuszki"sv,   "ul. Chopina"sv,       "ul. Kochanowskiego"sv,
    "ul. Matejki"sv,      "ul. Fałata"sv,      "ul. Wyspiańskiego"sv, "ul. Sienkiewicza"sv};
constexpr std::array kChelminskie = {
    "Szosa Chełmińska"sv, "ul. Grunwaldzka"sv,    "ul. Kasprowicza"sv,    "ul. Wybickiego"sv,
    "ul. Mościckiego"sv,  "ul. Poniatowskiego"sv, "ul. Żwirki i Wigury"sv};
constexpr std::array kJakubskie = {"ul. Lubicka"sv,         "ul. Targowa"sv,   "ul. Kościuszki"sv,
                                   "ul. Przy Kaszowniku"sv, "Szosa Lubicka"sv, "ul. Jęczmienna"sv};
constexpr std::array kMokre = {"ul. Legionów"sv,  "ul. Żółkiewskiego"sv,    "ul. Batorego"sv,
                               "ul. Chrobrego"sv, "ul. Wojska Polskiego"sv, "ul. Sobieskiego"sv};
constexpr std::array kNaSkarpie = {"ul. Konstytucji 3 Maja"sv, "ul. Dziewulskiego"sv,
                                   "ul. Ligi Polskiej"sv, "ul. Wschodnia"sv,
                                   "ul. Skłodowskiej-Curie"sv};
constexpr std::array kRubinkowo = {"ul. Niesiołowskiego"sv, "ul. Rydygiera"sv,
                                   "ul. Buszczyńskich"sv, "ul. Łyskowskiego"sv};
constexpr std::array kKoniuchy = {"ul. Grudziądzka"sv, "ul. Polna"sv, "ul. Olimpijska"sv,
                                  "ul. Kasztanowa"sv};
constexpr std::array kWrzosy = {"ul. Stokrotkowa"sv, "ul. Storczykowa"sv, "ul. Ugory"sv,
                                "ul. Bratkowa"sv,    "ul. Fiołkowa"sv,    "ul. Św. Jana Bosco"sv};
constexpr std::array kBielany = {"ul. Gagarina"sv, "ul. Św. Józefa"sv, "ul. Okólna"sv,
                                 "Szosa Bydgoska"sv};
constexpr std::array kKatarzynka = {"Szosa Okrężna"sv, "ul. Przy Lesie"sv, "ul. Lipowa"sv,
                                    "ul. Cicha"sv};
constexpr std::array kGrebocin = {"ul. Olsztyńska"sv, "ul. Grębocińska"sv, "ul. Nad Strugą"sv,
                                  "ul. Sosnowa"sv};
constexpr std::array kKaszczorek = {"ul. Turystyczna"sv, "ul. Kaszczorska"sv, "ul. Przy Grobli"sv,
                                    "ul. Nadwiślańska"sv};
constexpr std::array kPodgorz = {"ul. Poznańska"sv, "ul. Podgórska"sv,   "ul. Rejtana"sv,
                                 "ul. Parkowa"sv,   "ul. Warneńczyka"sv, "ul. Inowrocławska"sv};
constexpr std::array kStawki = {"ul. Kniaziewicza"sv, "ul. Woyczyńskiego"sv, "ul. Andersa"sv,
                                "ul. Strzałowa"sv,    "ul. Stara Droga"sv,   "ul. Lipnowska"sv};
constexpr std::array kRudak = {"ul. Łódzka"sv, "ul. Rudacka"sv, "ul. Winnica"sv, "ul. Portowa"sv};
constexpr std::array kGlinki = {"ul. Włocławska"sv, "ul. Piaskowa"sv, "ul. Ciechocińska"sv};
constexpr std::array kCzerniewice = {"ul. Tokarska"sv, "ul. Czerniewicka"sv, "ul. Nieszawska"sv};

const std::array<DistrictInfo, 18> kDistricts = {{
    {"stare_miasto", "Stare Miasto", "Starego Miasta", "na Starym Mieście", 30, 26, kStareMiasto},
    {"bydgoskie_przedmiescie", "Bydgoskie Przedmieście", "Bydgoskiego Przedmieścia",
     "na Bydgoskim Przedmieściu", 22, 14, kBydgoskie},
    {"chelminskie_przedmiescie", "Chełmińskie Przedmieście", "Chełmińskiego Przedmieścia",
     "na Chełmińskim Przedmieściu", 18, 12, kChelminskie},
    {"jakubskie_przedmiescie", "Jakubskie Przedmieście", "Jakubskiego Przedmieścia",
     "na Jakubskim Przedmieściu", 14, 10, kJakubskie},
    {"mokre", "Mokre", "Mokrego", "na Mokrem", 16, 10, kMokre},
    {"na_skarpie", "Na Skarpie", "Skarpy", "na Skarpie", 12, 4, kNaSkarpie},
    {"rubinkowo", "Rubinkowo", "Rubinkowa", "na Rubinkowie", 12, 4, kRubinkowo},
    {"koniuchy", "Koniuchy", "Koniuch", "na Koniuchach", 6, 2, kKoniuchy},
    {"wrzosy", "Wrzosy", "Wrzosów", "na Wrzosach", 8, 1, kWrzosy},
    {"bielany", "Bielany", "Bielan", "na Bielanach", 8, 2, kBielany},
    {"katarzynka", "Katarzynka", "Katarzynki", "na Katarzynce", 3, 0, kKatarzynka},
    {"grebocin", "Grębocin nad Strugą", "Grębocina nad Strugą", "w Grębocinie nad Strugą", 3, 1,
     kGrebocin},
    {"kaszczorek", "Kaszczorek", "Kaszczorka", "w Kaszczorku", 4, 1, kKaszczorek},
    {"podgorz", "Podgórz", "Podgórza", "na Podgórzu", 14, 8, kPodgorz},
    {"stawki", "Stawki", "Stawek", "na Stawkach", 8, 3, kStawki},
    {"rudak", "Rudak", "Rudaku", "na Rudaku", 3, 1, kRudak},
    {"glinki", "Glinki", "Glinek", "na Glinkach", 4, 1, kGlinki},
    {"czerniewice", "Czerniewice", "Czerniewic", "w Czerniewicach", 3, 0, kCzerniewice},
}};

const std::array<std::string_view, 18> kKeys = [] {
    std::array<std::string_view, 18> keys{};
    for (std::size_t i = 0; i < kDistricts.size(); ++i) {
        keys[i] = kDistricts[i].key;
    }
    return keys;
}();

const DistrictInfo& pickWeighted(Rng& rng, bool forPremises) {
    std::array<std::uint32_t, 18> weights{};
    for (std::size_t i = 0; i < kDistricts.size(); ++i) {
        weights[i] = forPremises ? kDistricts[i].premisesWeight : kDistricts[i].entityWeight;
    }
    return kDistricts[rng.weighted(weights)];
}

} // namespace

std::span<const DistrictInfo> allDistricts() {
    return kDistricts;
}

std::span<const std::string_view> districtKeys() {
    return kKeys;
}

bool isDistrictKey(std::string_view key) {
    for (const auto k : kKeys) {
        if (k == key) {
            return true;
        }
    }
    return false;
}

const DistrictInfo& districtInfo(std::string_view key) {
    for (const auto& d : kDistricts) {
        if (d.key == key) {
            return d;
        }
    }
    throw std::runtime_error("unknown district " + std::string(key));
}

const DistrictInfo& pickDistrictForEntity(Rng& rng) {
    return pickWeighted(rng, false);
}

const DistrictInfo& pickDistrictForPremises(Rng& rng) {
    return pickWeighted(rng, true);
}

std::string randomStreetAddress(const DistrictInfo& district, Rng& rng) {
    std::string out(rng.pick(district.streets));
    out += ' ';
    out += std::to_string(rng.range(1, rng.percent(70) ? 40 : 160));
    if (rng.percent(12)) {
        out += static_cast<char>('a' + rng.below(4));
    }
    return out;
}

std::string withCity(std::string_view streetAddress) {
    return std::string(streetAddress) + ", 87-100 Toruń";
}

} // namespace demo
