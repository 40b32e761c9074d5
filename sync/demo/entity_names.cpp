#include "entity_names.hpp"

#include "districts.hpp"
#include "prng.hpp"

#include <array>

namespace demo {

namespace {

using namespace std::string_view_literals;

template <std::size_t N>
std::string_view any(const std::array<std::string_view, N>& items, Rng& rng) {
    return items[static_cast<std::size_t>(rng.below(N))];
}

// A name that says what the entity does ("Kopernikowa Kuchnia" cooks), so
// that its areas and offers can agree with it; area = index into allAreas().
struct HintedName {
    std::string_view name;
    int area;
};

template <std::size_t N>
const HintedName& anyHinted(const std::array<HintedName, N>& items, Rng& rng) {
    return items[static_cast<std::size_t>(rng.below(N))];
}

const std::array<HintedName, 34> kCoopNames = {{
    {"Złota Łąka", 21},
    {"Pod Żaglami", -1},
    {"Piernikowa Pracownia", 8},
    {"Zielony Zakątek", 21},
    {"Dobra Robota", 24},
    {"Źródło", -1},
    {"Żuraw", 24},
    {"Wiślana Przystań", -1},
    {"Pracowita Pszczoła", -1},
    {"Czysty Dom", 9},
    {"Smaczny Kąsek", 8},
    {"Kopernikowa Kuchnia", 8},
    {"Ogród Sąsiadów", 21},
    {"Złota Rączka", 24},
    {"Równe Szanse", -1},
    {"Ślimak", -1},
    {"Gęsie Pióro", 22},
    {"Łańcuszek", -1},
    {"Ścieg", 14},
    {"Nowy Rozdział", -1},
    {"Żagiel", -1},
    {"Ćma", -1},
    {"Kromka Chleba", 8},
    {"Wrzos", 21},
    {"Ogniwo", -1},
    {"Lipowy Dwór", -1},
    {"Bulwar", -1},
    {"Przystanek Praca", 1},
    {"Warsztat Dobra", 14},
    {"Piernik i Spółka", 8},
    {"Zamkowa Pralnia", 9},
    {"Ósemka", -1},
    {"Łódka", -1},
    {"Sąsiedzka Kuchnia", 8},
}};
constexpr std::array kFoundationNames = {"Ślad"sv,
                                         "Dobre Miejsce"sv,
                                         "Żółty Parasol"sv,
                                         "Światło"sv,
                                         "Ósmy Dzień"sv,
                                         "Źródło Nadziei"sv,
                                         "Łączy Nas Toruń"sv,
                                         "Ćwierć Nuty"sv,
                                         "Przystań"sv,
                                         "Wiślany Most"sv,
                                         "Piernikowe Serce"sv,
                                         "Gwiazda Północy"sv,
                                         "Otwarte Drzwi"sv,
                                         "Dom z Ogrodem"sv,
                                         "Krok Dalej"sv,
                                         "Na Fali"sv,
                                         "Sąsiedzka Dłoń"sv,
                                         "Jaskółka"sv,
                                         "Kasztan"sv,
                                         "Wspólny Stół"sv,
                                         "Dobry Start"sv,
                                         "Iskierka"sv,
                                         "Pod Lipami"sv,
                                         "Mosty Pokoleń"sv,
                                         "Szansa"sv,
                                         "Małe Kroki"sv,
                                         "Nowy Horyzont"sv,
                                         "Ciepły Kąt"sv,
                                         "Bursztynowa Nić"sv,
                                         "Złota Jesień"sv,
                                         "Uśmiech Dziecka"sv,
                                         "Ogród Marzeń"sv,
                                         "Skrzydła"sv,
                                         "Rodzinne Gniazdo"sv,
                                         "Żywa Pasieka"sv,
                                         "Książka dla Każdego"sv,
                                         "Wiatrak"sv,
                                         "Dwa Brzegi"sv,
                                         "Serce Torunia"sv,
                                         "Łuk Tęczy"sv,
                                         "Lipowa Aleja"sv,
                                         "Zielony Most"sv,
                                         "Pod Dębem"sv,
                                         "Ziarno"sv,
                                         "Promień"sv,
                                         "Kompas"sv,
                                         "Bez Barier"sv,
                                         "Tratwa"sv,
                                         "Dobre Sąsiedztwo"sv,
                                         "Okno na Świat"sv,
                                         "Kolorowy Zakątek"sv,
                                         "Słoneczny Dom"sv,
                                         "Bliżej Siebie"sv,
                                         "Wędrowiec"sv,
                                         "Czterolistna Koniczyna"sv,
                                         "Ważka"sv,
                                         "Świetlik"sv,
                                         "Żółty Rower"sv,
                                         "Łąka Pełna Życia"sv,
                                         "Spokojna Przystań"sv,
                                         "Nić Porozumienia"sv,
                                         "Mały Książę"sv,
                                         "Drugi Brzeg"sv,
                                         "Wiślana Fala"sv,
                                         "Ogród Pokoleń"sv,
                                         "Pełnia"sv,
                                         "Światłocień"sv,
                                         "Ścieżka Zdrowia"sv,
                                         "Tęczowy Parasol"sv,
                                         "Kopernikański Krąg"sv};
constexpr std::array kFoundationPurposes = {"Rozwoju Przedsiębiorczości Społecznej"sv,
                                            "Pomocy Osobom Starszym"sv,
                                            "Na Rzecz Dzieci i Młodzieży"sv,
                                            "Aktywizacji Zawodowej"sv,
                                            "Wspierania Rodzin"sv,
                                            "Edukacji Ekologicznej"sv,
                                            "Integracji Cudzoziemców"sv,
                                            "Pomocy Osobom w Kryzysie Bezdomności"sv,
                                            "Rehabilitacji i Sportu"sv,
                                            "Kultury Nadwiślańskiej"sv,
                                            "Zdrowia Psychicznego"sv,
                                            "Na Rzecz Osób z Autyzmem"sv};
constexpr std::array kAssociationPurposes = {"Na Rzecz Osób z Niepełnosprawnością Intelektualną"sv,
                                             "Rodzin i Opiekunów Osób z Autyzmem"sv,
                                             "Pomocy Osobom Bezdomnym"sv,
                                             "Aktywnych Seniorów"sv,
                                             "Kobiet Przedsiębiorczych"sv,
                                             "Inicjatyw Lokalnych"sv,
                                             "Edukacji Pozaformalnej"sv,
                                             "Miłośników Starego Torunia"sv,
                                             "Na Rzecz Ekonomii Społecznej"sv,
                                             "Trzeźwości i Profilaktyki"sv,
                                             "Wolontariuszy Hospicyjnych"sv,
                                             "Rowerzystów Miejskich"sv,
                                             "Teatrów Amatorskich"sv,
                                             "Opiekunów Osób Zależnych"sv};
constexpr std::array kAssociationNicknames = {
    "Razem"sv,   "Ostoja"sv,    "Pomocna Dłoń"sv, "Ścieżki"sv, "Źdźbło"sv,   "Łączka"sv,
    "Kotwica"sv, "Przylądek"sv, "Światełko"sv,    "Tęcza"sv,   "Żurawina"sv, "Młyn"sv};
constexpr std::array kTorunAssociation = {
    "Ekonomii Społecznej"sv,   "Opiekunów Osób Zależnych"sv,    "Inicjatyw Sąsiedzkich"sv,
    "Wolontariuszy"sv,         "Ogrodników Miejskich"sv,        "Żeglarzy Śródlądowych"sv,
    "Pszczelarzy Miejskich"sv, "Miłośników Gier Planszowych"sv, "Chórów Amatorskich"sv,
    "Rękodzielników"sv};
constexpr std::array kWorkCoopNames = {
    "Jedność"sv,         "Wspólny Cel"sv, "Przyszłość"sv, "Rzemiosło Toruńskie"sv,
    "Usługi Miejskie"sv, "Wiślanka"sv,    "Zgoda"sv,      "Solidarna Praca"sv,
    "Nadwiślańska"sv,    "Kujawianka"sv};
constexpr std::array kDisabledCoopNames = {
    "Światełko"sv, "Dotyk"sv, "Jutrzenka"sv, "Promyk"sv,   "Pracownia Wiślana"sv, "Zgoda"sv,
    "Nadzieja"sv,  "Perła"sv, "Iskra"sv,     "Horyzont"sv, "Wiślany Brzeg"sv,     "Dłoń"sv};
const std::array<HintedName, 9> kCompanyNames = {{
    {"Centrum Usług Wspólnych", 9},
    {"Toruńska Agencja Rozwoju Społecznego", 1},
    {"Pracownia Możliwości", 1},
    {"Usługi Komunalne Ład", 9},
    {"Przedsiębiorstwo Społeczne Żyrafa", -1},
    {"Kawiarnia Społeczna Ósemka", 8},
    {"Dom Dziennego Pobytu Jesienny Liść", 23},
    {"Catering Społeczny Łyżka", 8},
    {"Przewozy Społeczne Tandem", 25},
}};
constexpr std::array kKgwPlaces = {"w Kaszczorku"sv, "w Grębocinie"sv, "w Czerniewicach"sv,
                                   "na Glinkach"sv,  "na Rudaku"sv,    "na Katarzynce"sv};
constexpr std::array kKgwNicknames = {"Kaszczorzanki"sv,     "Złote Kłosy"sv,
                                      "Wiślanki"sv,          "Gospodynie znad Strugi"sv,
                                      "Babeczki z Glinek"sv, "Pierniczki"sv};
constexpr std::array kSportNames = {"Uczniowski Klub Sportowy Orlik"sv,
                                    "Uczniowski Klub Sportowy Żak"sv,
                                    "Toruński Klub Kajakowy Wiosło"sv,
                                    "Klub Żeglarski Fala"sv,
                                    "Klub Szachowy Goniec"sv,
                                    "Klub Sportowy Niewidomych i Słabowidzących Tandem"sv,
                                    "Klub Biegacza Ślimak"sv,
                                    "Akademia Piłkarska Wiślanie"sv,
                                    "Klub Sportowy Skarpa"sv,
                                    "Klub Tenisa Stołowego Ping"sv,
                                    "Uczniowski Klub Sportowy Jedynka"sv,
                                    "Klub Sportowy Rubin"sv,
                                    "Stowarzyszenie Sportowe Łucznik"sv,
                                    "Klub Koszykówki Kosz"sv,
                                    "Toruński Klub Boccia Rzut"sv,
                                    "Klub Nordic Walking Kijki"sv,
                                    "Uczniowski Klub Sportowy Dwójka"sv,
                                    "Uczniowski Klub Sportowy Piątka"sv,
                                    "Klub Pływacki Delfinek"sv,
                                    "Klub Kolarski Szprycha"sv,
                                    "Klub Siatkarski Blok"sv,
                                    "Klub Turystyki Rowerowej Sakwa"sv,
                                    "Klub Wioślarski Dulka"sv,
                                    "Klub Łuczniczy Cięciwa"sv,
                                    "Klub Szermierczy Floret"sv,
                                    "Klub Biegów na Orientację Azymut"sv,
                                    "Klub Sportowy Osób Niewidomych Dźwięk"sv,
                                    "Stowarzyszenie Kultury Fizycznej Ruch"sv,
                                    "Klub Tańca Sportowego Krok"sv,
                                    "Klub Piłki Ręcznej Rzut Karny"sv};
constexpr std::array kChurchNames = {"Wspólnota Pomocy Betania"sv,
                                     "Kościelna Świetlica Ognisko"sv,
                                     "Diakonia Ewangelicka Dobry Samarytanin"sv,
                                     "Katolickie Stowarzyszenie Pomocy Bliźniemu Emaus"sv,
                                     "Świetlica Parafialna Arka"sv,
                                     "Dzieło Pomocy Bratniej Dłoni"sv,
                                     "Kościelna Jadłodajnia Chleb Powszedni"sv,
                                     "Wspólnota Ognisko Nadziei"sv};
const std::array<HintedName, 16> kUnitNicknames = {{
    {"Przystań", -1},
    {"Nowy Start", -1},
    {"Wiślana Praca", -1},
    {"Pod Kasztanami", -1},
    {"Krok Naprzód", -1},
    {"Żuraw", -1},
    {"Ogniwo", -1},
    {"Razem", -1},
    {"Sąsiedzi", -1},
    {"Ścieżka", -1},
    {"Złoty Róg", -1},
    {"Pracownia Smaku", 8},
    {"Ogrody Torunia", 21},
    {"Wiślany Dwór", -1},
    {"Dobry Dzień", -1},
    {"Ćwiczymy Razem", -1},
}};
constexpr std::array kInformalNames = {"Sąsiedzi"sv, "Inicjatywa Mieszkańców"sv,
                                       "Zielone Podwórko"sv, "Wspólna Ulica"sv};
constexpr std::array kOtherNames = {
    "Społeczna Spiżarnia"sv,         "Bank Czasu"sv,
    "Klub Seniora Złota Jesień"sv,   "Spółdzielnia Mieszkańców Dobre Sąsiedztwo"sv,
    "Uniwersytet Trzeciego Wieku"sv, "Lokalna Grupa Sąsiedzka"sv};

std::string shortFor(std::string_view full, std::string_view prefix) {
    // Short names drop the legal-form words: "Fundacja Ślad" -> "Ślad".
    if (full.size() > prefix.size() && full.substr(0, prefix.size()) == prefix) {
        return std::string(full.substr(prefix.size()));
    }
    return {};
}

} // namespace

EntityName fictionalEntityName(LegalForm form, const DistrictInfo& district,
                               std::string_view parentName, Rng& rng) {
    std::string full;
    std::string shortName;
    const HintedName* hinted = nullptr;
    switch (form) {
    case LegalForm::SpoldzielniaSocjalna:
        hinted = &anyHinted(kCoopNames, rng);
        full = "Spółdzielnia Socjalna " + std::string(hinted->name);
        shortName = shortFor(full, "Spółdzielnia Socjalna ");
        break;
    case LegalForm::SpoldzielniaPracy:
        full = "Spółdzielnia Pracy " + std::string(any(kWorkCoopNames, rng));
        break;
    case LegalForm::SpoldzielniaInwalidow:
        full = "Spółdzielnia Inwalidów i Niewidomych " + std::string(any(kDisabledCoopNames, rng));
        shortName = shortFor(full, "Spółdzielnia Inwalidów i Niewidomych ");
        break;
    case LegalForm::Fundacja:
        if (rng.percent(55)) {
            full = "Fundacja " + std::string(any(kFoundationNames, rng));
            shortName = shortFor(full, "Fundacja ");
        } else {
            const auto nick = any(kFoundationNames, rng);
            full =
                "Fundacja " + std::string(any(kFoundationPurposes, rng)) + " " + std::string(nick);
            shortName = "Fundacja " + std::string(nick);
        }
        break;
    case LegalForm::Stowarzyszenie:
        switch (rng.below(4)) {
        case 0:
            full = "Stowarzyszenie Przyjaciół " + std::string(district.genitive);
            break;
        case 1:
            full = "Stowarzyszenie " + std::string(any(kAssociationPurposes, rng));
            if (rng.percent(50)) {
                const auto nick = any(kAssociationNicknames, rng);
                full += " " + std::string(nick);
                shortName = "Stowarzyszenie " + std::string(nick);
            }
            break;
        case 2:
            full = "Toruńskie Stowarzyszenie " + std::string(any(kTorunAssociation, rng));
            break;
        default:
            full = "Stowarzyszenie " + std::string(any(kAssociationNicknames, rng)) + " " +
                   std::string(district.locative);
            break;
        }
        break;
    case LegalForm::StowarzyszenieZwykle:
        full = "Stowarzyszenie Zwykłe " + std::string(any(kInformalNames, rng)) + " " +
               std::string(district.locative);
        break;
    case LegalForm::SpolkaNonProfit:
        hinted = &anyHinted(kCompanyNames, rng);
        full = std::string(hinted->name) + " sp. z o.o. non-profit";
        break;
    case LegalForm::Kgw:
        full = rng.percent(50)
                   ? "Koło Gospodyń Wiejskich " + std::string(any(kKgwPlaces, rng))
                   : "Koło Gospodyń Wiejskich „" + std::string(any(kKgwNicknames, rng)) + "”";
        shortName = "KGW";
        break;
    case LegalForm::KlubSportowy:
        full = std::string(any(kSportNames, rng));
        break;
    case LegalForm::OrganizacjaKoscielna:
        full = std::string(any(kChurchNames, rng));
        break;
    case LegalForm::Cis:
        hinted = &anyHinted(kUnitNicknames, rng);
        full = "Centrum Integracji Społecznej " + std::string(hinted->name);
        shortName = "CIS " + shortFor(full, "Centrum Integracji Społecznej ");
        break;
    case LegalForm::Kis:
        if (rng.percent(50)) {
            full = "Klub Integracji Społecznej " + std::string(district.locative);
            shortName = "KIS " + std::string(district.locative);
        } else {
            full = "Klub Integracji Społecznej " + std::string(anyHinted(kUnitNicknames, rng).name);
            shortName = "KIS " + shortFor(full, "Klub Integracji Społecznej ");
        }
        break;
    case LegalForm::Zaz:
        hinted = &anyHinted(kUnitNicknames, rng);
        full = "Zakład Aktywności Zawodowej " + std::string(hinted->name);
        shortName = "ZAZ " + shortFor(full, "Zakład Aktywności Zawodowej ");
        break;
    case LegalForm::Wtz: {
        const auto locative = locativeOf(parentName);
        if (locative) {
            full = "Warsztat Terapii Zajęciowej przy " + *locative;
        } else {
            hinted = &anyHinted(kUnitNicknames, rng);
            full = "Warsztat Terapii Zajęciowej " + std::string(hinted->name);
        }
        shortName = "WTZ " + std::string(district.locative);
        break;
    }
    case LegalForm::Other:
        full = std::string(any(kOtherNames, rng)) + " " + std::string(district.locative);
        break;
    }
    return EntityName{full, shortName, hinted ? hinted->area : -1};
}

std::optional<std::string> locativeOf(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kPrefixes = {{
        {"Fundacja ", "Fundacji "},
        {"Stowarzyszenie ", "Stowarzyszeniu "},
        {"Toruńskie Stowarzyszenie ", "Toruńskim Stowarzyszeniu "},
    }};
    for (const auto& [nominative, locative] : kPrefixes) {
        if (name.substr(0, nominative.size()) == nominative) {
            return std::string(locative) + std::string(name.substr(nominative.size()));
        }
    }
    return std::nullopt;
}

} // namespace demo
