#include "collections.hpp"
#include "identifiers.hpp"
#include "prng.hpp"
#include "venues.hpp"

#include <array>

namespace demo {

namespace {

using namespace std::string_view_literals;

struct PointTemplate {
    std::string_view kind;
    LText name;
    LText services;
    std::string_view address; // empty: taken from a shared venue
    std::string_view district;
    std::string_view slug; // contact domain
    LText hours;
};

const LText kOfficeHours{"pn–pt 8:00–16:00", "Mon–Fri 8:00–16:00", "пн–пт 8:00–16:00"};
const LText kHelpHours{"pn–pt 9:00–17:00, sob 10:00–14:00", "Mon–Fri 9:00–17:00, Sat 10:00–14:00",
                       "пн–пт 9:00–17:00, сб 10:00–14:00"};
const LText kHelpServices{
    "Informacja po ukraińsku i po polsku, pomoc w sprawach numeru PESEL, pracy i zapisów do "
    "szkoły, tłumaczenia, zbiórka darów.",
    "Information in Ukrainian and Polish, help with the PESEL number, jobs and school enrolment, "
    "translations, donations.",
    "Інформація українською та польською мовами, допомога з номером PESEL, працевлаштуванням і "
    "записом до школи, переклади, збір допомоги."};

const std::array<PointTemplate, 12> kPoints = {{
    {"consultation",
     {"Punkt konsultacyjny OWES – Podgórz",
      "Social economy advice point – "
      "Podgórz",
      "Консультаційний пункт соціальної економіки – Подгуж"},
     {"Dyżury doradców: zakładanie spółdzielni socjalnych, księgowość, dotacje.", "", ""},
     "ul. Poznańska 52, 87-100 Toruń",
     "podgorz",
     "owes-podgorz",
     {"wt, czw 12:00–18:00", "Tue, Thu 12:00–18:00", "вт, чт 12:00–18:00"}},
    {"consultation",
     {"Punkt konsultacyjny dla organizacji pozarządowych – Rubinkowo", "", ""},
     {"Pomoc w pisaniu wniosków i sprawozdań, konsultacje statutów.", "", ""},
     "ul. Niesiołowskiego 10, 87-100 Toruń",
     "rubinkowo",
     "ngo-rubinkowo",
     {"pn, śr, pt 10:00–14:00", "", ""}},
    {"consultation",
     {"Punkt nieodpłatnego poradnictwa prawnego dla PES",
      "Free legal advice for "
      "social economy entities",
      ""},
     {"Porady prawne i podatkowe dla podmiotów ekonomii "
      "społecznej, po wcześniejszym zapisie.",
      "", ""},
     "ul. Targowa 13, 87-100 Toruń",
     "jakubskie_przedmiescie",
     "porady-pes",
     {"pn–czw 8:00–15:00, pt 8:00–13:00", "", ""}},
    {"consultation",
     {"Centrum Wolontariatu", "Volunteer Centre", "Волонтерський центр"},
     {"Pośrednictwo wolontariatu, szkolenia dla koordynatorów wolontariuszy.", "", ""},
     "ul. Grunwaldzka 31, 87-100 Toruń",
     "chelminskie_przedmiescie",
     "wolontariat",
     {}},
    {"consultation",
     {"Punkt doradztwa zawodowego dla osób z niepełnosprawnościami", "", ""},
     {"Doradztwo zawodowe, pośrednictwo pracy w zakładach aktywności zawodowej.", "", ""},
     "ul. Włocławska 120, 87-100 Toruń",
     "glinki",
     "doradztwo-zawodowe",
     {}},
    {"incubator",
     {"Inkubator Organizacji Pozarządowych „Ul”", "NGO Incubator “Ul”", ""},
     {"Adres do korespondencji, sala spotkań i biurka do pracy dla młodych organizacji.", "", ""},
     "ul. Dziewulskiego 5, 87-100 Toruń",
     "na_skarpie",
     "inkubator-ul",
     kOfficeHours},
    {"funding",
     {"Punkt informacyjny o pożyczkach dla ekonomii społecznej",
      "Social economy loan "
      "information point",
      ""},
     {"Informacja o pożyczkach i poręczeniach dla PES.", "", ""},
     "ul. Chopina 14, 87-100 Toruń",
     "bydgoskie_przedmiescie",
     "pozyczki-pes",
     kOfficeHours},
    {"funding",
     {"Toruński Fundusz Inicjatyw Lokalnych", "Toruń Local Initiatives Fund", ""},
     {"Mikrodotacje do 5 000 zł na działania sąsiedzkie i młodzieżowe.",
      "Micro-grants up to "
      "PLN 5,000 for neighbourhood and youth projects.",
      ""},
     "ul. Piekary 30, 87-100 Toruń",
     "stare_miasto",
     "fundusz-inicjatyw",
     {}},
    {"help_point",
     {"Punkt pomocy dla obywateli Ukrainy – Stare Miasto",
      "Help point for citizens "
      "of Ukraine – Old Town",
      "Пункт допомоги для громадян України – Старе Місто"},
     kHelpServices,
     "ul. Szeroka 38, 87-100 Toruń",
     "stare_miasto",
     "pomoc-ukraina-centrum",
     kHelpHours},
    {"help_point",
     {"Punkt pomocy dla obywateli Ukrainy – Rubinkowo",
      "Help point for citizens "
      "of Ukraine – Rubinkowo",
      "Пункт допомоги для громадян України – Рубінково"},
     kHelpServices,
     "ul. Rydygiera 20, 87-100 Toruń",
     "rubinkowo",
     "pomoc-ukraina-rubinkowo",
     kHelpHours},
    {"help_point",
     {"Punkt pomocy dla obywateli Ukrainy – Podgórz",
      "Help point for citizens of "
      "Ukraine – Podgórz",
      "Пункт допомоги для громадян України – Подгуж"},
     kHelpServices,
     "ul. Podgórska 8, 87-100 Toruń",
     "podgorz",
     "pomoc-ukraina-podgorz",
     kHelpHours},
    {"help_point",
     {"Punkt informacyjny dla cudzoziemców", "Information point for foreigners",
      "Інформаційний пункт для іноземців"},
     {"Legalizacja pobytu, kursy języka polskiego, "
      "pomoc w kontaktach z urzędami.",
      "Residence permits, Polish courses, help with offices.",
      "Легалізація перебування, курси польської мови, допомога у спілкуванні з установами."},
     "ul. Kościuszki 71, 87-100 Toruń",
     "jakubskie_przedmiescie",
     "cudzoziemcy",
     kOfficeHours},
}};

Feature venuePoint(const GenContext& ctx, const Venue& v, std::string_view kind,
                   const LText& services, std::string_view slug, std::size_t index, Rng& rng) {
    Feature f{"support-" + zeroPadded(index + 1, 3), v.point, {}};
    f.properties.text("updated_at", pastTimestamp(ctx.options.today, rng, 90))
        .text("status", "active")
        .ltext("name", v.name)
        .text("kind", kind)
        .ltext("services", services)
        .text("address", v.address)
        .text("district", v.district)
        .ltext("opening_hours",
               kind == "city_office"
                   ? LText{"pn–pt 7:30–15:30", "Mon–Fri 7:30–15:30", "пн–пт 7:30–15:30"}
                   : kOfficeHours)
        .text("phone", fictionalPhone(rng))
        .text("email", "kontakt@" + fictionalDomain(std::string(slug)))
        .text("www", "https://" + fictionalDomain(std::string(slug)))
        .boolean("step_free", true);
    return f;
}

} // namespace

std::vector<Feature> generateSupportPoints(const GenContext& ctx) {
    std::vector<Feature> out;
    std::size_t index = 0;
    auto next = [&] { return Rng::stream(ctx.options.seed, "support_points", index); };
    {
        Rng rng = next();
        out.push_back(
            venuePoint(ctx, owesOffice(ctx), "owes",
                       {"Doradztwo prawne, księgowe i biznesowe, szkolenia, wsparcie w "
                        "zakładaniu spółdzielni socjalnych, dotacje na nowe miejsca pracy.",
                        "Legal, accounting and business advice, training, help in setting "
                        "up social cooperatives, grants for new jobs.",
                        "Юридичні, бухгалтерські та бізнесові консультації, навчання, "
                        "допомога у створенні соціальних кооперативів, гранти на нові "
                        "робочі місця."},
                       "owes", index++, rng));
    }
    {
        Rng rng = next();
        out.push_back(
            venuePoint(ctx, incubator(ctx), "incubator",
                       {"Biura na preferencyjnych warunkach, mentoring i sala szkoleniowa "
                        "dla nowych podmiotów ekonomii społecznej.",
                        "", ""},
                       "inkubator", index++, rng));
    }
    {
        Rng rng = next();
        out.push_back(venuePoint(ctx, cityHall(ctx), "city_office",
                                 {"Biuro Obsługi Mieszkańców, sprawy organizacji pozarządowych, "
                                  "klauzule społeczne w zamówieniach publicznych.",
                                  "Residents' service desk, NGO matters, social clauses in public "
                                  "procurement.",
                                  "Обслуговування мешканців, питання громадських "
                                  "організацій, соціальні застереження в публічних закупівлях."},
                                 "um", index++, rng));
    }
    {
        Rng rng = next();
        out.push_back(
            venuePoint(ctx, cityHallAnnex(ctx), "city_office",
                       {"Wydziały Urzędu Miasta Torunia obsługujące sprawy komunalne.", "", ""},
                       "um-grudziadzka", index++, rng));
    }
    for (const auto& t : kPoints) {
        Rng rng = next();
        Feature f{
            "support-" + zeroPadded(index + 1, 3), ctx.basemap.randomPoint(t.district, rng), {}};
        auto& p = f.properties;
        p.text("updated_at", pastTimestamp(ctx.options.today, rng, 90))
            .text("status", "active")
            .ltext("name", t.name)
            .text("kind", t.kind)
            .ltext("services", t.services)
            .text("address", t.address)
            .text("district", t.district);
        if (!t.hours.pl.empty()) {
            p.ltext("opening_hours", t.hours);
        }
        p.text("phone", fictionalPhone(rng))
            .text("email", "kontakt@" + fictionalDomain(std::string(t.slug)))
            .text("www", "https://" + fictionalDomain(std::string(t.slug)));
        if (rng.percent(70)) {
            p.boolean("step_free", rng.percent(80));
        }
        out.push_back(std::move(f));
        ++index;
    }
    return out;
}

} // namespace demo
