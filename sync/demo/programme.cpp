#include "collections.hpp"
#include "prng.hpp"

#include <array>

namespace demo {

namespace {

using namespace std::string_view_literals;

struct AnnouncementTemplate {
    LText title;
    LText body;
    int priority;
    std::int64_t fromOffset; // days relative to --today
    std::int64_t untilOffset;
    bool withdrawn;
};

const std::array<AnnouncementTemplate, 8> kAnnouncements = {{
    {{"Nabór wniosków o lokale dla organizacji pozarządowych",
      "Call for applications: municipal premises for NGOs",
      "Прийом заяв на муніципальні приміщення для громадських організацій"},
     {"Zakład Gospodarki Mieszkaniowej przyjmuje wnioski o najem lokali na cele statutowe. Lista "
      "wolnych lokali jest w zakładce „Lokale”.",
      "The Municipal Housing Company accepts applications to lease premises for statutory "
      "purposes. See the “Premises” tab for available units.",
      "Управління житлового господарства приймає заяви на оренду приміщень для статутної "
      "діяльності. Перелік вільних приміщень – у розділі «Приміщення»."},
     6,
     -10,
     45,
     false},
    {{"Toruńskie Forum Ekonomii Społecznej – zapisy otwarte",
      "Toruń Social Economy Forum – registration open",
      "Торунський форум соціальної економіки – реєстрацію відкрито"},
     {"Zapraszamy przedstawicieli PES, urzędników i mieszkańców do Dworu Artusa.",
      "Social economy entities, officials and residents are welcome at the Artus Court.",
      "Запрошуємо представників соціальної економіки, урядовців і мешканців до Двору Артуса."},
     8,
     -5,
     37,
     false},
    {{"Punkt pomocy dla obywateli Ukrainy – nowe godziny pracy",
      "Help point for citizens of Ukraine – new opening hours",
      "Пункт допомоги для громадян України – новий графік роботи"},
     {"Punkty na Starym Mieście, Rubinkowie i Podgórzu są czynne także w soboty 10:00–14:00.",
      "The points in the Old Town, Rubinkowo and Podgórz also open on Saturdays 10:00–14:00.",
      "Пункти на Старому Місті, Рубінково та Подгужі також працюють у суботу 10:00–14:00."},
     9,
     -3,
     60,
     false},
    {{"Bank sprzętu: oddaj, użycz, wymień", "Equipment bank: give, lend, swap",
      "Банк обладнання: віддай, позич, обміняй"},
     {"ODDAM • UŻYCZĘ • WYMIENIĘ – meble, komputery i sprzęt rehabilitacyjny czekają na nowych "
      "właścicieli.",
      "Furniture, computers and rehabilitation equipment are waiting for new "
      "owners.",
      "Меблі, комп’ютери та реабілітаційне обладнання чекають на нових власників."},
     4,
     -20,
     90,
     false},
    {{"Klauzule społeczne w zamówieniach miasta", "Social clauses in city procurement",
      "Соціальні застереження в міських закупівлях"},
     {"Sprawdź zapotrzebowania urzędu z klauzulą społeczną – zatrudnienie osób bezrobotnych "
      "przy realizacji zamówienia.",
      "See the city's requests with a social clause – employing "
      "unemployed people on the contract.",
      "Перегляньте запити міста із соціальним "
      "застереженням – працевлаштування безробітних під час виконання замовлення."},
     5,
     -15,
     30,
     false},
    {{"Kiermasz podmiotów ekonomii społecznej", "Social economy fair",
      "Ярмарок суб’єктів соціальної економіки"},
     {"KIERMASZ W DWORZE ARTUSA: rękodzieło, pierniki i wyroby warsztatów terapii zajęciowej. "
      "BĄDŹ NA BIEŻĄCO!",
      "Crafts, gingerbread and products of occupational therapy workshops "
      "at the Artus Court.",
      "Рукоділля, пряники та вироби майстерень трудотерапії у Дворі "
      "Артуса."},
     3,
     0,
     42,
     false},
    {{"Szkolenie: Finanse i PR w podmiotach ekonomii społecznej",
      "Training: Finance and PR in social economy entities",
      "Навчання: фінанси та PR у суб’єктах соціальної економіки"},
     {"Bezpłatne szkolenie w Urzędzie Miasta Torunia, zapisy przez kiosk lub platformę PES-TOR.",
      "Free training at Toruń City Hall; register at the kiosk or on the PES-TOR platform.",
      "Безкоштовне навчання в Міській управі Торуня; реєстрація через кіоск або платформу "
      "PES-TOR."},
     7,
     -7,
     23,
     false},
    {{"Przerwa techniczna w działaniu kiosku", "Kiosk maintenance break",
      "Технічна перерва в роботі кіоску"},
     {"TORUŃ, URZĄD MIASTA: kiosk nie będzie działał w nocy z niedzieli na poniedziałek.",
      "The kiosk will be off overnight from Sunday to Monday.",
      "Кіоск не працюватиме в ніч з неділі на понеділок."},
     2,
     -30,
     -20,
     true},
}};

struct IndicatorTemplate {
    std::string_view id;
    LText name;
    std::int64_t target;
    std::int64_t current;
    LText unit;
    LText description;
};

// Values exactly as reported by the programme (slides 9, 12, 13, 14 and 21).
const std::array<IndicatorTemplate, 7> kIndicators = {{
    {"indicator-social-clauses",
     {"Zastosowania klauzuli społecznej w zamówieniach publicznych",
      "Social clauses applied in public procurement",
      "Застосування соціального застереження в публічних закупівлях"},
     10,
     7,
     {"zastosowań", "applications", "застосувань"},
     {"Przetargi nieograniczone i zapytania ofertowe Urzędu Miasta Torunia z wymogiem "
      "zatrudnienia osób bezrobotnych.",
      "", ""}},
    {"indicator-trainings",
     {"Szkolenia dla PES i pracowników Urzędu Miasta Torunia",
      "Trainings for social economy entities and city staff",
      "Навчання для суб’єктів соціальної економіки та працівників міської управи"},
     3,
     2,
     {"szkoleń", "trainings", "навчань"},
     {}},
    {"indicator-study-visits",
     {"Wizyty studyjne", "Study visits", "Навчальні візити"},
     1,
     4,
     {"wizyt", "visits", "візитів"},
     {}},
    {"indicator-monitoring-meetings",
     {"Spotkania Zespołu ds. monitoringu programu współpracy", "Monitoring team meetings",
      "Засідання моніторингової групи"},
     4,
     2,
     {"spotkań", "meetings", "засідань"},
     {}},
    {"indicator-evaluation-cards",
     {"Wypełnione karty oceny działalności PES w obszarze kultury",
      "Completed evaluation cards of social economy entities in culture",
      "Заповнені картки оцінки діяльності суб’єктів соціальної економіки у сфері культури"},
     20,
     20,
     {"kart", "cards", "карток"},
     {}},
    {"indicator-students",
     {"Studenci ścieżki specjalizacyjnej „Usługi społeczne”",
      "Students of the “Social services” specialisation",
      "Студенти спеціалізації «Соціальні послуги»"},
     15,
     24,
     {"studentów", "students", "студентів"},
     {}},
    {"indicator-award",
     {"Wyróżnienia Prezydenta Miasta Torunia w kategorii „Przedsiębiorczość i "
      "ekonomia społeczna”",
      "Mayor of Toruń distinctions for entrepreneurship and social economy",
      "Відзнаки Президента міста Торуня у категорії «Підприємництво та соціальна економіка»"},
     1,
     1,
     {"wyróżnień", "distinctions", "відзнак"},
     {}},
}};

} // namespace

std::vector<Feature> generateAnnouncements(const GenContext& ctx) {
    std::vector<Feature> out;
    const Date today = ctx.options.today;
    for (std::size_t i = 0; i < kAnnouncements.size(); ++i) {
        const auto& t = kAnnouncements[i];
        Rng rng = Rng::stream(ctx.options.seed, "announcements", i);
        Feature f{"announcement-" + zeroPadded(i + 1, 3), std::nullopt, {}};
        f.properties.text("updated_at", pastTimestamp(today, rng, 10))
            .text("status", t.withdrawn ? "withdrawn" : "published")
            .ltext("title", t.title)
            .ltext("body", t.body)
            .text("valid_from", formatWarsaw(addDays(today, t.fromOffset), 0, 0))
            .text("valid_until", formatWarsaw(addDays(today, t.untilOffset), 23, 59))
            .integer("priority", t.priority);
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<Feature> generateIndicators(const GenContext& ctx) {
    std::vector<Feature> out;
    for (std::size_t i = 0; i < kIndicators.size(); ++i) {
        const auto& t = kIndicators[i];
        Rng rng = Rng::stream(ctx.options.seed, "indicators", i);
        Feature f{std::string(t.id), std::nullopt, {}};
        f.properties.text("updated_at", pastTimestamp(ctx.options.today, rng, 30))
            .text("status", "active")
            .ltext("name", t.name)
            .integer("target", t.target)
            .integer("current", t.current)
            .ltext("unit", t.unit);
        if (!t.description.pl.empty()) {
            f.properties.ltext("description", t.description);
        }
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace demo
