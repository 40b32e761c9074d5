#include "collections.hpp"
#include "prng.hpp"
#include "venues.hpp"

#include <array>

namespace demo {

namespace {

using namespace std::string_view_literals;

enum class Place { CityHall, Artus, Owes, Incubator, Host, None };

struct EventTemplate {
    std::string_view kind;
    LText title;
    std::int64_t dayOffset; // from --today
    int startHour;
    int hours;
    Place place;
    // Place::Host: legal-form key of a fictional host;
    // Place::None: name of the seed organisation visited.
    std::string_view host = {};
    std::string_view organiser;
    std::string_view description;
    std::int64_t priceGrosze = 0;
    bool cancelled = false;
};

constexpr auto kCity = "Urząd Miasta Torunia, Wydział Zdrowia i Polityki Społecznej"sv;
constexpr auto kOwes = "Ośrodek Wsparcia Ekonomii Społecznej w Toruniu"sv;
constexpr auto kTeam = "Zespół ds. monitoringu programu współpracy Gminy Miasta Toruń z PES"sv;

const std::array<EventTemplate, 24> kEvents = {{
    {.kind = "training",
     .title =
         {"Mechanizmy współpracy podmiotów ekonomii społecznej z administracją publiczną",
          "Mechanisms of cooperation between social economy entities and public administration",
          "Механізми співпраці суб’єктів соціальної економіки з публічною адміністрацією"},
     .dayOffset = 9,
     .startHour = 9,
     .hours = 6,
     .place = Place::CityHall,
     .organiser = kCity,
     .description = "Wspólne szkolenie dla przedstawicieli PES i pracowników Urzędu Miasta "
                    "Torunia, także o klauzulach społecznych."},
    {.kind = "training",
     .title = {"Spółdzielnia socjalna – zakładanie i funkcjonowanie",
               "Social cooperatives: setting up and running",
               "Соціальний кооператив: створення та діяльність"},
     .dayOffset = 16,
     .startHour = 10,
     .hours = 5,
     .place = Place::Owes,
     .organiser = kOwes,
     .description = "Krok po kroku od pomysłu do rejestracji w KRS."},
    {.kind = "training",
     .title = {"Finanse i PR w podmiotach ekonomii społecznej",
               "Finance and PR in social economy entities",
               "Фінанси та PR у суб’єктах соціальної економіки"},
     .dayOffset = 23,
     .startHour = 9,
     .hours = 7,
     .place = Place::CityHall,
     .organiser = kCity,
     .description = "Budżet, rozliczenia i komunikacja z mediami."},
    {.kind = "training",
     .title = {"Klauzule społeczne w zamówieniach publicznych – dobre praktyki",
               "Social clauses in public procurement: good practice", ""},
     .dayOffset = 30,
     .startHour = 10,
     .hours = 4,
     .place = Place::CityHall,
     .organiser = kCity,
     .description = "Seminarium dla pracowników Urzędu Miasta Torunia."},
    {.kind = "training",
     .title = {"Jak korzystać z platformy PES-TOR", "How to use the PES-TOR platform",
               "Як користуватися платформою PES-TOR"},
     .dayOffset = 5,
     .startHour = 12,
     .hours = 3,
     .place = Place::Owes,
     .organiser = kOwes,
     .description = "Baza podmiotów, bank sprzętu, baza lokali i zapotrzebowania urzędu."},
    {.kind = "training",
     .title = {"Dostępność w organizacjach pozarządowych", "Accessibility in NGOs", ""},
     .dayOffset = 44,
     .startHour = 10,
     .hours = 5,
     .place = Place::Incubator,
     .organiser = kOwes,
     .description = "Dostępność architektoniczna, cyfrowa i informacyjno-komunikacyjna."},
    {.kind = "training",
     .title = {"Sprawozdawczość finansowa organizacji pozarządowych", "", ""},
     .dayOffset = 58,
     .startHour = 9,
     .hours = 6,
     .place = Place::Owes,
     .organiser = kOwes,
     .description = "Sprawozdanie finansowe i merytoryczne OPP.",
     .priceGrosze = 5000},
    {.kind = "training",
     .title = {"Pozyskiwanie funduszy na działalność odpłatną", "", ""},
     .dayOffset = 72,
     .startHour = 10,
     .hours = 5,
     .place = Place::Incubator,
     .organiser = kOwes,
     .description = "Pożyczki, dotacje i sprzedaż usług.",
     .priceGrosze = 5000,
     .cancelled = true},
    {.kind = "study_visit",
     .title = {"Wizyta studyjna: Fundacja ALMA i Stowarzyszenie Św. Łukasza", "", ""},
     .dayOffset = -85,
     .startHour = 9,
     .hours = 6,
     .place = Place::None,
     .host = "Fundacja ALMA",
     .organiser = kTeam,
     .description = "Wizyta przedstawicieli PES i urzędu."},
    {.kind = "study_visit",
     .title = {"Wizyta studyjna: Stowarzyszenie „JESTEM”", "", ""},
     .dayOffset = -64,
     .startHour = 10,
     .hours = 4,
     .place = Place::None,
     .host =
         "Stowarzyszenie Pomocy Dzieciom Niepełnosprawnym i Osobom Potrzebującym Wsparcia „JESTEM”",
     .organiser = kTeam,
     .description = "Wizyta przedstawicieli PES i urzędu."},
    {.kind = "study_visit",
     .title = {"Spotkanie PES i administracji u AIESEC Toruń", "", ""},
     .dayOffset = -43,
     .startHour = 16,
     .hours = 3,
     .place = Place::None,
     .host = "AIESEC Toruń",
     .organiser = kTeam,
     .description = "Spotkanie przedstawicieli PES i administracji lokalnej."},
    {.kind = "study_visit",
     .title = {"Wizyta studyjna: Towarzystwo Powrót z U", "", ""},
     .dayOffset = -22,
     .startHour = 10,
     .hours = 4,
     .place = Place::None,
     .host = "Towarzystwo Powrót z U",
     .organiser = kTeam,
     .description = "Wizyta przedstawicieli PES i urzędu."},
    {.kind = "study_visit",
     .title = {"Wizyta studyjna w spółdzielni socjalnej", "Study visit to a social cooperative",
               "Навчальний візит до соціального кооперативу"},
     .dayOffset = 19,
     .startHour = 10,
     .hours = 4,
     .place = Place::Host,
     .host = "spoldzielnia_socjalna",
     .organiser = kOwes,
     .description = "Zwiedzanie, rozmowa z członkami spółdzielni."},
    {.kind = "study_visit",
     .title = {"Wizyta studyjna w centrum integracji społecznej", "", ""},
     .dayOffset = 40,
     .startHour = 10,
     .hours = 4,
     .place = Place::Host,
     .host = "cis",
     .organiser = kOwes,
     .description = "Reintegracja zawodowa w praktyce."},
    {.kind = "study_visit",
     .title = {"Wizyta studyjna w warsztacie terapii zajęciowej", "", ""},
     .dayOffset = 65,
     .startHour = 10,
     .hours = 3,
     .place = Place::Host,
     .host = "wtz",
     .organiser = kOwes,
     .description = "Pracownie i wyroby uczestników."},
    {.kind = "meeting",
     .title = {"Posiedzenie Zespołu ds. monitoringu programu współpracy", "Monitoring team meeting",
               "Засідання моніторингової групи"},
     .dayOffset = -8,
     .startHour = 13,
     .hours = 2,
     .place = Place::CityHall,
     .organiser = kTeam,
     .description = "Ocena realizacji programu współpracy."},
    {.kind = "meeting",
     .title = {"Posiedzenie Zespołu ds. monitoringu programu współpracy", "Monitoring team meeting",
               "Засідання моніторингової групи"},
     .dayOffset = 27,
     .startHour = 13,
     .hours = 2,
     .place = Place::CityHall,
     .organiser = kTeam,
     .description = "Plan działań na kolejny kwartał."},
    {.kind = "meeting",
     .title = {"Posiedzenie Zespołu ds. monitoringu programu współpracy", "Monitoring team meeting",
               "Засідання моніторингової групи"},
     .dayOffset = 83,
     .startHour = 13,
     .hours = 2,
     .place = Place::CityHall,
     .organiser = kTeam,
     .description = "Podsumowanie wskaźników programu."},
    {.kind = "forum",
     .title = {"Toruńskie Forum Ekonomii Społecznej", "Toruń Social Economy Forum",
               "Торунський форум соціальної економіки"},
     .dayOffset = 37,
     .startHour = 10,
     .hours = 7,
     .place = Place::Artus,
     .organiser = kCity,
     .description = "Panele dyskusyjne, prezentacje PES i giełda współpracy z urzędem."},
    {.kind = "other",
     .title = {"Kiermasz podmiotów ekonomii społecznej", "Social economy fair",
               "Ярмарок суб’єктів соціальної економіки"},
     .dayOffset = 41,
     .startHour = 10,
     .hours = 6,
     .place = Place::Artus,
     .organiser = kOwes,
     .description = "Rękodzieło, pierniki i wyroby warsztatów terapii zajęciowej."},
    {.kind = "other",
     .title = {"Gala Nagrody Prezydenta Miasta Torunia – Przedsiębiorczość i ekonomia społeczna",
               "Mayor of Toruń Award gala: entrepreneurship and social economy", ""},
     .dayOffset = 55,
     .startHour = 18,
     .hours = 2,
     .place = Place::Artus,
     .organiser = kCity,
     .description = "Wręczenie wyróżnień za działalność na rzecz ekonomii społecznej."},
    {.kind = "other",
     .title = {"Dzień otwarty Inkubatora Przedsiębiorczości Społecznej", "Incubator open day",
               "День відкритих дверей інкубатора"},
     .dayOffset = 12,
     .startHour = 11,
     .hours = 5,
     .place = Place::Incubator,
     .organiser = kOwes,
     .description = "Prezentacja biur i usług inkubatora."},
    {.kind = "other",
     .title = {"Konsultacje indywidualne dla PES", "One-to-one advice for social economy entities",
               ""},
     .dayOffset = 3,
     .startHour = 9,
     .hours = 6,
     .place = Place::Owes,
     .organiser = kOwes,
     .description = "Zapisy na 45-minutowe spotkania."},
    {.kind = "other",
     .title = {"Targi pracy dla osób z niepełnosprawnościami",
               "Job fair for people with disabilities",
               "Ярмарок вакансій для людей з інвалідністю"},
     .dayOffset = 33,
     .startHour = 10,
     .hours = 5,
     .place = Place::CityHall,
     .organiser = kCity,
     .description = "Oferty zakładów aktywności zawodowej i spółdzielni socjalnych."},
}};

Date onWeekday(Date date, bool saturdayWanted) {
    // Trainings fall on working days, fairs on Saturdays.
    if (saturdayWanted) {
        return addDays(date, (5 - weekday(date) + 7) % 7);
    }
    const int wd = weekday(date);
    return wd >= 5 ? addDays(date, 7 - wd) : date;
}

const EntityRef* findSeedOrganisation(const GenContext& ctx, std::string_view name) {
    for (const auto& e : ctx.entities) {
        if (e.real && e.name == name) {
            return &e;
        }
    }
    return nullptr;
}

const EntityRef* findHost(const GenContext& ctx, std::string_view formKey, Rng& rng) {
    const auto pool = ctx.referencePool();
    if (pool.empty()) {
        return nullptr;
    }
    const auto start = static_cast<std::size_t>(rng.below(pool.size()));
    for (std::size_t k = 0; k < pool.size(); ++k) {
        const EntityRef* e = pool[(start + k) % pool.size()];
        if (legalFormInfo(e->form).key == formKey) {
            return e;
        }
    }
    return nullptr;
}

} // namespace

std::vector<Feature> generateEvents(const GenContext& ctx) {
    std::vector<Feature> out;
    const Date today = ctx.options.today;
    for (std::size_t i = 0; i < kEvents.size(); ++i) {
        const EventTemplate& t = kEvents[i];
        Rng rng = Rng::stream(ctx.options.seed, "events", i);
        const bool fair = t.title.pl.starts_with("Kiermasz");
        const Date day = onWeekday(addDays(today, t.dayOffset), fair);
        const bool upcoming = daysFromCivil(day) >= daysFromCivil(today);

        Feature f{"event-" + zeroPadded(i + 1, 3), std::nullopt, {}};
        auto& p = f.properties;
        p.text("updated_at", pastTimestamp(today, rng, 30))
            .text("status", t.cancelled ? "cancelled" : "scheduled");
        LText title = t.title;
        const EntityRef* host = t.place == Place::Host ? findHost(ctx, t.host, rng) : nullptr;
        if (host) {
            title = LText{"Wizyta studyjna: " + host->name, "", ""};
        }
        p.ltext("title", title)
            .text("kind", t.kind)
            .text("starts_at", formatWarsaw(day, t.startHour, 0))
            .text("ends_at", formatWarsaw(day, t.startHour + t.hours, 0));
        std::optional<Venue> venue;
        switch (t.place) {
        case Place::CityHall:
            venue = cityHall(ctx);
            break;
        case Place::Artus:
            venue = artusCourt(ctx);
            break;
        case Place::Owes:
            venue = owesOffice(ctx);
            break;
        case Place::Incubator:
            venue = incubator(ctx);
            break;
        case Place::Host:
            if (host) {
                venue =
                    Venue{LText{host->name, "", ""}, host->address, host->districtKey, host->point};
            }
            break;
        case Place::None:
            break; // seed visits: hosts are real, so no invented place
        }
        if (venue) {
            p.text("place", venue->name.pl)
                .text("address", venue->address)
                .text("district", venue->district);
            f.point = venue->point;
        }
        p.text("organiser", t.organiser);
        if (host) {
            p.text("entity_id", host->id);
        } else if (t.place == Place::None && !t.host.empty()) {
            if (const EntityRef* visited = findSeedOrganisation(ctx, t.host)) {
                p.text("entity_id", visited->id);
            }
        }
        p.ltext("description", LText{std::string(t.description), "", ""});
        if (upcoming && t.kind != "meeting") {
            p.text("registration_url", "https://rejestracja.pestor.example/" + f.id)
                .text("registration_deadline", formatWarsaw(addDays(day, -2), 15, 0));
        }
        p.fixed("price_pln", t.priceGrosze, 2);
        if (venue) {
            p.boolean("step_free", t.place != Place::Host || rng.percent(60));
        }
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace demo
