#include "collections.hpp"
#include "identifiers.hpp"
#include "prng.hpp"

#include <array>

namespace demo {

namespace {

using namespace std::string_view_literals;

constexpr auto kZdrowie = "Wydział Zdrowia i Polityki Społecznej"sv;
constexpr auto kInwestycje = "Wydział Inwestycji i Remontów"sv;
constexpr auto kKomunikacja = "Wydział Komunikacji Społecznej i Informacji"sv;
constexpr auto kOrganizacja = "Wydział Organizacji i Kontroli"sv;
constexpr auto kZgm = "Zakład Gospodarki Mieszkaniowej w Toruniu"sv;
constexpr auto kKomunalny = "Wydział Gospodarki Komunalnej"sv;
constexpr auto kKultura = "Wydział Kultury"sv;
constexpr auto kEdukacja = "Wydział Edukacji"sv;
constexpr auto kSrodowisko = "Wydział Środowiska i Ekologii"sv;
constexpr auto kSport = "Wydział Sportu i Turystyki"sv;
constexpr auto kMopr = "Miejski Ośrodek Pomocy Rodzinie w Toruniu"sv;

constexpr auto kCoops = "spoldzielnia_socjalna;spoldzielnia_pracy;cis;zaz"sv;
constexpr auto kNgos = "fundacja;stowarzyszenie;spoldzielnia_socjalna"sv;
constexpr auto kBuilders = "spoldzielnia_socjalna;spoldzielnia_pracy;spolka_non_profit"sv;
constexpr auto kMakers = "spoldzielnia_socjalna;wtz;zaz;kgw"sv;

enum class Clause { None, Unemployed, Trainee };

struct DemandTemplate {
    std::string_view title;
    std::string_view department;
    std::string_view kind;
    std::string_view description;
    std::int64_t minValue; // whole złoty
    std::int64_t maxValue;
    std::string_view eligible; // ';'-separated legal-form keys
    Clause clause = Clause::None;
    int unemployed = 0; // persons the clause asks for
};

// The seven social-clause procedures reported by the programme (slides 10–11).
const std::array<DemandTemplate, 7> kSeedDemands = {{
    {.title =
         "Budowa Zespołu Usług Społecznych przy ul. Skłodowskiej-Curie 82/84 w Toruniu – etap IV",
     .department = kInwestycje,
     .kind = "zamowienie",
     .description = "Przetarg nieograniczony na roboty budowlane – IV etap budowy Zespołu Usług "
                    "Społecznych przy ul. Skłodowskiej-Curie 82/84.",
     .minValue = 3800000,
     .maxValue = 5200000,
     .eligible = kBuilders,
     .clause = Clause::Unemployed,
     .unemployed = 1},
    {.title = "Budowa dwóch budynków gospodarczo-magazynowych, portierni UMK i ogrodzenia przy ul. "
              "Szosa Okrężna i ul. Gagarina",
     .department = kInwestycje,
     .kind = "zamowienie",
     .description = "Przetarg nieograniczony obejmujący także wyburzenie i rozbiórkę 6 obiektów na "
                    "terenie Uniwersytetu Mikołaja Kopernika, w ramach projektu „Rozwój sieci "
                    "komunikacji tramwajowej w Toruniu”.",
     .minValue = 1900000,
     .maxValue = 2600000,
     .eligible = kBuilders,
     .clause = Clause::Unemployed,
     .unemployed = 1},
    {.title = "Utrzymanie czystości w nieruchomościach gminnych w rejonie BOM I i BOM II oraz przy "
              "ul. Olsztyńskiej 116",
     .department = kZgm,
     .kind = "zamowienie",
     .description =
         "Utrzymanie czystości i porządku w nieruchomościach administrowanych przez ZGM w rejonie "
         "BOM I i BOM II, a także usługi gospodarza osiedlowego na 4 nieruchomościach przy ul. "
         "Olsztyńskiej 116/116A, 116B, 116C, 116D (budynki socjalne).",
     .minValue = 420000,
     .maxValue = 650000,
     .eligible = kCoops,
     .clause = Clause::Unemployed,
     .unemployed = 10},
    {.title = "Utrzymanie czystości w nieruchomościach gminnych w rejonie BOM III",
     .department = kZgm,
     .kind = "zamowienie",
     .description = "Utrzymanie czystości i porządku w nieruchomościach gminnych administrowanych "
                    "przez ZGM w rejonie BOM III.",
     .minValue = 210000,
     .maxValue = 330000,
     .eligible = kCoops,
     .clause = Clause::Unemployed,
     .unemployed = 5},
    {.title = "Analiza „Wpływ Bella Skyway Festival na rozwój turystyczny i gospodarczy miasta”",
     .department = kKomunikacja,
     .kind = "zapytanie_ofertowe",
     .description = "Opracowanie analizy wpływu festiwalu na ruch turystyczny i lokalną "
                    "gospodarkę, z raportem i prezentacją wyników.",
     .minValue = 18000,
     .maxValue = 30000,
     .eligible = kNgos,
     .clause = Clause::Trainee,
     .unemployed = 1},
    {.title = "Przygotowanie 900 porcji zupy grochowej na zakończenie rajdu turystycznego",
     .department = kZdrowie,
     .kind = "zapytanie_ofertowe",
     .description = "",
     .minValue = 5500,
     .maxValue = 9000,
     .eligible = kMakers,
     .clause = Clause::Trainee,
     .unemployed = 1},
    {.title = "Usprawnienie systemu sterowania klapami dymowymi w budynku UMT przy ul. "
              "Grudziądzkiej 126b",
     .department = kOrganizacja,
     .kind = "zapytanie_ofertowe",
     .description = "Usprawnienie i uruchomienie systemu sterowania klapami dymowymi na klatkach "
                    "schodowych w budynku Urzędu Miasta Torunia przy ul. Grudziądzkiej 126b.",
     .minValue = 12000,
     .maxValue = 24000,
     .eligible = kBuilders,
     .clause = Clause::Trainee,
     .unemployed = 1},
}};

const std::array<DemandTemplate, 29> kDemands = {{
    {.title = "Catering na posiedzenie Zespołu ds. monitoringu programu współpracy",
     .department = kZdrowie,
     .kind = "zapytanie_ofertowe",
     .description = "Przerwa kawowa i lunch dla 20 osób.",
     .minValue = 800,
     .maxValue = 1500,
     .eligible = kMakers},
    {.title = "Druk 500 egzemplarzy broszury o ekonomii społecznej",
     .department = kKomunikacja,
     .kind = "zapytanie_ofertowe",
     .description = "Broszura A5, 24 strony, pełny kolor, oprawa zeszytowa.",
     .minValue = 2000,
     .maxValue = 4000,
     .eligible = "spoldzielnia_pracy;spoldzielnia_inwalidow;wtz"},
    {.title = "Sprzątanie terenu po imprezie plenerowej na Bulwarze Filadelfijskim",
     .department = kKomunalny,
     .kind = "zlecenie",
     .description = "Sprzątanie w dniu imprezy i następnego dnia do godz. 8:00.",
     .minValue = 3000,
     .maxValue = 8000,
     .eligible = kCoops,
     .clause = Clause::Unemployed,
     .unemployed = 2},
    {.title = "Pielęgnacja zieleni przy budynkach komunalnych na Podgórzu",
     .department = kZgm,
     .kind = "zamowienie",
     .description = "Koszenie, przycinanie żywopłotów i jesienne grabienie liści w sezonie.",
     .minValue = 40000,
     .maxValue = 90000,
     .eligible = kCoops,
     .clause = Clause::Unemployed,
     .unemployed = 3},
    {.title = "Warsztaty kulinarne dla seniorów",
     .department = kZdrowie,
     .kind = "zlecenie",
     .description = "Cykl 8 spotkań w klubach seniora.",
     .minValue = 3000,
     .maxValue = 6000,
     .eligible = kNgos},
    {.title = "Transport osób z niepełnosprawnościami na zajęcia rehabilitacyjne",
     .department = kZdrowie,
     .kind = "zamowienie",
     .description = "Przewozy w dni robocze busem przystosowanym do przewozu wózków.",
     .minValue = 60000,
     .maxValue = 120000,
     .eligible = "fundacja;stowarzyszenie;spolka_non_profit"},
    {.title = "Opieka wytchnieniowa dla opiekunów osób zależnych",
     .department = kZdrowie,
     .kind = "zlecenie",
     .description = "Zadanie publiczne realizowane w trybie pozakonkursowym.",
     .minValue = 20000,
     .maxValue = 50000,
     .eligible = kNgos},
    {.title = "Wykonanie 300 toreb bawełnianych z nadrukiem",
     .department = kKomunikacja,
     .kind = "zapytanie_ofertowe",
     .description = "Torby z nadrukiem promującym ekonomię społeczną w Toruniu.",
     .minValue = 3000,
     .maxValue = 6000,
     .eligible = kMakers},
    {.title = "Przygotowanie 300 zestawów pierników na Toruńskie Forum Ekonomii Społecznej",
     .department = kZdrowie,
     .kind = "zapytanie_ofertowe",
     .description = "Pierniki pakowane w kartoniki z logo programu.",
     .minValue = 2500,
     .maxValue = 4000,
     .eligible = kMakers},
    {.title = "Malowanie klatek schodowych w budynkach socjalnych przy ul. Olsztyńskiej",
     .department = kZgm,
     .kind = "zamowienie",
     .description = "Malowanie ścian i balustrad w 4 budynkach.",
     .minValue = 50000,
     .maxValue = 110000,
     .eligible = kBuilders,
     .clause = Clause::Unemployed,
     .unemployed = 2},
    {.title = "Mycie okien w budynku Urzędu Miasta przy ul. Wały gen. Sikorskiego 8",
     .department = kOrganizacja,
     .kind = "zapytanie_ofertowe",
     .description = "Mycie okien dwa razy w roku, z zabezpieczeniem zabytkowej stolarki.",
     .minValue = 6000,
     .maxValue = 12000,
     .eligible = kCoops},
    {.title = "Obsługa szatni i punktu informacyjnego podczas Forum",
     .department = kZdrowie,
     .kind = "zlecenie",
     .description = "Dwie osoby przez cały dzień wydarzenia.",
     .minValue = 1500,
     .maxValue = 3000,
     .eligible = kNgos},
    {.title = "Animacje dla dzieci podczas pikniku rodzinnego na Rubinkowie",
     .department = kKultura,
     .kind = "zlecenie",
     .description = "Animatorzy, gry podwórkowe i malowanie twarzy.",
     .minValue = 2500,
     .maxValue = 5000,
     .eligible = kNgos},
    {.title = "Koszenie i grabienie liści na terenach gminnych w Kaszczorku",
     .department = kKomunalny,
     .kind = "zamowienie",
     .description = "Prace sezonowe na działkach gminnych.",
     .minValue = 15000,
     .maxValue = 30000,
     .eligible = kCoops,
     .clause = Clause::Unemployed,
     .unemployed = 2},
    {.title = "Tłumaczenie materiałów informacyjnych na język ukraiński",
     .department = kKomunikacja,
     .kind = "zapytanie_ofertowe",
     .description = "Około 40 stron ulotek i informatorów.",
     .minValue = 2000,
     .maxValue = 5000,
     .eligible = kNgos},
    {.title = "Drobne naprawy stolarki okiennej w lokalach użytkowych",
     .department = kZgm,
     .kind = "zapytanie_ofertowe",
     .description = "Regulacja i uszczelnienie okien w 12 lokalach.",
     .minValue = 10000,
     .maxValue = 25000,
     .eligible = kBuilders},
    {.title = "Dostawa ceramicznych upominków dla gości zagranicznych",
     .department = kKomunikacja,
     .kind = "zapytanie_ofertowe",
     .description = "50 kompletów ceramiki z motywami toruńskimi.",
     .minValue = 2000,
     .maxValue = 4000,
     .eligible = "wtz;zaz;spoldzielnia_socjalna"},
    {.title = "Warsztaty z pierwszej pomocy dla pracowników Urzędu",
     .department = kOrganizacja,
     .kind = "zapytanie_ofertowe",
     .description = "Trzy grupy po 15 osób.",
     .minValue = 3000,
     .maxValue = 7000,
     .eligible = kNgos},
    {.title = "Prowadzenie punktu nieodpłatnego poradnictwa dla organizacji pozarządowych",
     .department = kZdrowie,
     .kind = "zlecenie",
     .description = "Dyżury dwa razy w tygodniu przez 12 miesięcy.",
     .minValue = 30000,
     .maxValue = 60000,
     .eligible = kNgos},
    {.title = "Digitalizacja archiwalnych zdjęć toruńskich osiedli",
     .department = kKultura,
     .kind = "zapytanie_ofertowe",
     .description = "Skanowanie i opis około 2000 fotografii.",
     .minValue = 8000,
     .maxValue = 15000,
     .eligible = "spoldzielnia_inwalidow;wtz;zaz"},
    {.title = "Sprzątanie pomieszczeń filii Miejskiego Ośrodka Pomocy Rodzinie na Podgórzu",
     .department = kMopr,
     .kind = "zamowienie",
     .description = "Sprzątanie codzienne po godzinach pracy filii.",
     .minValue = 20000,
     .maxValue = 40000,
     .eligible = kCoops,
     .clause = Clause::Unemployed,
     .unemployed = 1},
    {.title = "Przygotowanie posiłków dla uczestników półkolonii",
     .department = kEdukacja,
     .kind = "zamowienie",
     .description = "Obiady dla około 120 dzieci przez 4 tygodnie wakacji.",
     .minValue = 40000,
     .maxValue = 80000,
     .eligible = kMakers},
    {.title = "Szycie worków na odzież do punktów zbiórki",
     .department = kSrodowisko,
     .kind = "zapytanie_ofertowe",
     .description = "200 worków z grubej tkaniny z nadrukiem.",
     .minValue = 1500,
     .maxValue = 3000,
     .eligible = kMakers},
    {.title = "Wykonanie budek lęgowych do parków miejskich",
     .department = kSrodowisko,
     .kind = "zapytanie_ofertowe",
     .description = "60 budek dla ptaków i 20 domków dla owadów.",
     .minValue = 3000,
     .maxValue = 6000,
     .eligible = "wtz;cis;spoldzielnia_socjalna"},
    {.title = "Przewóz uczestników wizyty studyjnej",
     .department = kZdrowie,
     .kind = "zapytanie_ofertowe",
     .description = "Bus dla 20 osób, trasa na terenie województwa.",
     .minValue = 1500,
     .maxValue = 2500,
     .eligible = "spolka_non_profit;fundacja;stowarzyszenie"},
    {.title = "Diagnoza potrzeb mieszkańców Stawek",
     .department = kZdrowie,
     .kind = "zapytanie_ofertowe",
     .description = "Badanie ankietowe i wywiady grupowe z raportem.",
     .minValue = 10000,
     .maxValue = 20000,
     .eligible = kNgos},
    {.title = "Konserwacja ławek i koszy na Rynku Nowomiejskim",
     .department = kKomunalny,
     .kind = "zlecenie",
     .description = "Szlifowanie i malowanie 40 ławek oraz naprawa koszy.",
     .minValue = 5000,
     .maxValue = 9000,
     .eligible = kBuilders,
     .clause = Clause::Unemployed,
     .unemployed = 1},
    {.title = "Nagłośnienie i obsługa techniczna Toruńskiego Forum Ekonomii Społecznej",
     .department = kZdrowie,
     .kind = "zapytanie_ofertowe",
     .description = "Nagłośnienie sali, dwa mikrofony bezprzewodowe, rzutnik.",
     .minValue = 3000,
     .maxValue = 6000,
     .eligible = "spolka_non_profit;stowarzyszenie"},
    {.title = "Zajęcia sportowe dla dzieci z osiedla Na Skarpie",
     .department = kSport,
     .kind = "zlecenie",
     .description = "Dwa razy w tygodniu przez cały rok szkolny.",
     .minValue = 10000,
     .maxValue = 18000,
     .eligible = "klub_sportowy;stowarzyszenie"},
}};

std::string personsPl(int n) {
    if (n == 1) {
        return "1 osoba bezrobotna";
    }
    if (n >= 2 && n <= 4) {
        return std::to_string(n) + " osoby bezrobotne";
    }
    return std::to_string(n) + " osób bezrobotnych";
}

std::string personsUk(int n) {
    if (n == 1) {
        return "1 безробітну особу";
    }
    if (n >= 2 && n <= 4) {
        return std::to_string(n) + " безробітні особи";
    }
    return std::to_string(n) + " безробітних осіб";
}

LText clauseText(const DemandTemplate& t) {
    if (t.clause == Clause::Trainee) {
        return {"Zgodnie z art. 29 ust. 4 pkt 1a ustawy Prawo zamówień publicznych zamawiający "
                "przewiduje zatrudnienie przy realizacji zamówienia 1 osoby bezrobotnej w celu "
                "przygotowania zawodowego, zgodnie z przepisami o promocji zatrudnienia i "
                "instytucjach rynku pracy.",
                "Under art. 29(4)(1a) of the Public Procurement Law the contractor shall employ "
                "1 unemployed person for vocational preparation.",
                "Відповідно до ст. 29 ч. 4 п. 1a Закону про публічні закупівлі виконавець "
                "працевлаштовує 1 безробітну особу для професійної підготовки."};
    }
    const std::string n = std::to_string(t.unemployed);
    return {"Na podstawie art. 29 ust. 4 ustawy Prawo zamówień publicznych zamawiający wymaga, "
            "aby wśród osób bezpośrednio uczestniczących w wykonywaniu zamówienia zatrudniona "
            "była co najmniej " +
                personsPl(t.unemployed) + ".",
            "Under art. 29(4) of the Public Procurement Law at least " + n + " unemployed " +
                (t.unemployed == 1 ? "person" : "people") +
                " must be employed among those directly performing the contract.",
            "Відповідно до ст. 29 ч. 4 Закону про публічні закупівлі серед осіб, які "
            "безпосередньо виконують замовлення, має бути працевлаштовано щонайменше " +
                personsUk(t.unemployed) + "."};
}

std::vector<std::string> splitTags(std::string_view list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto end = list.find(';', start);
        out.emplace_back(list.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    return out;
}

Feature makeDemand(const GenContext& ctx, const DemandTemplate& t, std::size_t index,
                   std::int64_t deadlineOffset, Rng& rng) {
    const Date today = ctx.options.today;
    const Date deadline = addDays(today, deadlineOffset);
    const bool past = deadlineOffset < 0;
    Feature f{"demand-" + zeroPadded(index + 1, 3), std::nullopt, {}};
    auto& p = f.properties;
    p.text("updated_at", pastTimestamp(today, rng, past ? 20 : 10))
        .text("status", past ? (rng.percent(80) ? "awarded" : "closed") : "open")
        .ltext("title", LText{std::string(t.title), "", ""})
        .text("department", t.department)
        .text("kind", t.kind);
    std::string description(t.description);
    if (description.empty()) {
        // The pea-soup request names the rally day, a few days after the deadline.
        description = "Przygotowanie 900 porcji (500 ml/porcja) zupy grochowej z pieczywem i "
                      "dostarczenie jej na godz. 11:30 na miejsce zakończenia rajdu turystycznego "
                      "(błonia nadwiślańskie k/Martówki) w dniu " +
                      formatDatePolish(addDays(deadline, 9)) + // ends with "r."
                      " Rajd inauguruje lokalną kampanię profilaktyczną „Zdrowiu Mówimy TAK, "
                      "Uzależnieniom NIE”.";
    }
    p.ltext("description", LText{description, "", ""})
        .text("deadline", formatWarsaw(deadline, 12, 0))
        .fixed("estimated_value_pln", rng.range(t.minValue / 10, t.maxValue / 10) * 1000, 2)
        .boolean("social_clause", t.clause != Clause::None);
    if (t.clause != Clause::None) {
        p.ltext("social_clause_text", clauseText(t));
    }
    p.tags("eligible_forms", splitTags(t.eligible))
        .text("contact", std::string(t.department) + ", sekretariat, tel. " + fictionalPhone(rng))
        .text("documents_url", "https://bip.pestor.example/zamowienia/" + f.id);
    const Date published = addDays(deadline, -rng.range(10, 30));
    p.text("published",
           formatDate(daysFromCivil(published) > daysFromCivil(today) ? today : published));
    return f;
}

} // namespace

std::vector<Feature> generateDemands(const GenContext& ctx) {
    std::vector<Feature> out;
    std::size_t index = 0;
    for (const auto& t : kSeedDemands) {
        Rng rng = Rng::stream(ctx.options.seed, "demands", index);
        // The reported clauses were applied already: their deadlines are past.
        out.push_back(makeDemand(ctx, t, index, -rng.range(20, 200), rng));
        ++index;
    }
    for (std::size_t i = 0; i < kDemands.size(); ++i, ++index) {
        Rng rng = Rng::stream(ctx.options.seed, "demands", index);
        const std::int64_t offset = i % 6 == 5 ? -rng.range(3, 45) : rng.range(3, 75);
        out.push_back(makeDemand(ctx, kDemands[i], index, offset, rng));
    }
    return out;
}

} // namespace demo
