#include "collections.hpp"
#include "districts.hpp"
#include "prng.hpp"

#include <algorithm>
#include <array>

namespace demo {

namespace {

using namespace std::string_view_literals;

constexpr std::size_t kPremisesCount = 85;

struct Purpose {
    std::string_view key;
    LText label;
    std::uint32_t weight;
    std::int64_t minArea; // m² × 10
    std::int64_t maxArea;
};

const std::array<Purpose, 6> kPurposes = {{
    {"office", {"Lokal biurowy", "Office", "Офісне приміщення"}, 40, 150, 1200},
    {"storage", {"Magazyn", "Storage room", "Складське приміщення"}, 12, 80, 2500},
    {"service", {"Lokal usługowy", "Service premises", "Приміщення для послуг"}, 22, 250, 1800},
    {"meeting_room", {"Sala spotkań", "Meeting room", "Зала для зустрічей"}, 8, 300, 1500},
    {"workshop", {"Pracownia", "Workshop", "Майстерня"}, 10, 200, 2200},
    {"other", {"Lokal użytkowy", "Commercial unit", "Нежитлове приміщення"}, 8, 120, 3200},
}};

const std::array<LText, 5> kConditions = {{
    {"Najem na czas oznaczony do 3 lat. Stawka preferencyjna dla organizacji pozarządowych "
     "prowadzących działalność pożytku publicznego.",
     "Fixed-term lease of up to 3 years. Preferential rate for NGOs doing public-benefit work.",
     "Оренда на строк до 3 років. Пільгова ставка для громадських організацій, що здійснюють "
     "суспільно корисну діяльність."},
    {"Lokal do odświeżenia na koszt najemcy; nakłady mogą zostać zaliczone na poczet czynszu.",
     "The tenant refreshes the unit at own cost; the outlay may be offset against the rent.", ""},
    {"Pierwszeństwo mają podmioty ekonomii społecznej prowadzące działalność na rzecz "
     "mieszkańców osiedla.",
     "", ""},
    {"Wymagane ubezpieczenie OC najemcy i kaucja w wysokości trzymiesięcznego czynszu.", "", ""},
    {"Możliwość wspólnego najmu przez kilka organizacji (tzw. lokal wspólny).", "", ""},
}};

const std::array<LText, 5> kDescriptions = {{
    {"Lokal po remoncie, z osobnym wejściem od ulicy.",
     "Renovated unit with its own street "
     "entrance.",
     "Приміщення після ремонту з окремим входом з вулиці."},
    {"Lokal w oficynie kamienicy, wejście od podwórza.", "", ""},
    {"Duże okna witrynowe, dobra widoczność od ulicy.", "", ""},
    {"Lokal w suterenie, suchy, z instalacją elektryczną i wodną.", "", ""},
    {"W budynku działają już inne organizacje pozarządowe.", "", ""},
}};

const LText kHowToApply = {
    "Wniosek o najem lokalu na cele statutowe składa się w Zakładzie Gospodarki Mieszkaniowej "
    "(Biuro Obsługi Mieszkańców) albo przez ePUAP. Do wniosku dołącza się statut i "
    "sprawozdanie z działalności.",
    "Apply for a lease for statutory purposes at the Municipal Housing Company (customer office) "
    "or through ePUAP, attaching the statute and the latest activity report.",
    "Заяву на оренду приміщення для статутних цілей подають до Управління житлового "
    "господарства або через ePUAP, додавши статут і звіт про діяльність."};

constexpr std::array kManagers = {"Zakład Gospodarki Mieszkaniowej w Toruniu"sv,
                                  "Wydział Gospodarki Nieruchomościami Urzędu Miasta Torunia"sv,
                                  "Miejski Ośrodek Pomocy Rodzinie w Toruniu"sv};

bool suitsAsTenant(const EntityRef& e) {
    return e.form != LegalForm::Kgw;
}

} // namespace

std::vector<Feature> generatePremises(const GenContext& ctx) {
    const auto pool = ctx.referencePool();
    std::vector<Feature> out;
    std::array<std::uint32_t, kPurposes.size()> purposeWeights{};
    for (std::size_t i = 0; i < kPurposes.size(); ++i) {
        purposeWeights[i] = kPurposes[i].weight;
    }
    for (std::size_t i = 0; i < kPremisesCount; ++i) {
        Rng rng = Rng::stream(ctx.options.seed, "premises", i);
        const Purpose& purpose = kPurposes[rng.weighted(purposeWeights)];
        const DistrictInfo& district = pickDistrictForPremises(rng);
        std::string street = randomStreetAddress(district, rng);
        if (rng.percent(60)) {
            street +=
                '/'; // "12/3": flat number (split to dodge a GCC 12 -Wrestrict false positive)
            street += std::to_string(rng.range(1, 12));
        }
        const Coord point = ctx.basemap.randomPoint(district.key, rng);
        const auto floor =
            static_cast<int>(rng.weighted(std::array<std::uint32_t, 5>{8, 60, 20, 8, 4})) - 1;
        const bool lift = floor > 0 && rng.percent(25);
        const bool stepFree = (floor == 0 && rng.percent(55)) || lift;
        const auto statusDraw = rng.below(100);
        const std::string_view status =
            statusDraw < 45 ? "available"sv : (statusDraw < 60 ? "reserved"sv : "let"sv);
        const bool translated = rng.percent(30);

        const std::int64_t area = rng.range(purpose.minArea, purpose.maxArea); // m² × 10
        // Roughly one room per 15–25 m²; storage is often a single open space.
        const std::int64_t rooms = purpose.key == "storage"
                                       ? rng.range(0, 1)
                                       : std::max<std::int64_t>(1, area / rng.range(150, 250));
        Feature f{"premises-" + zeroPadded(i + 1, 3), point, {}};
        auto& p = f.properties;
        p.text("updated_at", pastTimestamp(ctx.options.today, rng, 180)).text("status", status);
        LText title{purpose.label.pl + ", " + street, "", ""};
        if (translated) {
            title.en = purpose.label.en + ", " + street;
            title.uk = purpose.label.uk + ", " + street;
        }
        p.ltext("title", title)
            .text("address", withCity(street))
            .text("district", district.key)
            .text("purpose", purpose.key)
            .fixed("area_m2", area, 1)
            .integer("rooms", rooms)
            .integer("floor", floor)
            .boolean("lift", lift)
            .boolean("step_free", stepFree)
            .fixed("rent_pln_m2", rng.range(8, 36) * 50, 2); // 4.00–18.00 zł in 0.50 steps
        const LText& conditions = kConditions[rng.below(kConditions.size())];
        p.ltext("conditions", translated ? conditions : LText{conditions.pl, "", ""});
        if (status == "let" && !pool.empty()) {
            const EntityRef* tenant = pool[rng.below(pool.size())];
            for (int tries = 0; tries < 8 && !suitsAsTenant(*tenant); ++tries) {
                tenant = pool[rng.below(pool.size())];
            }
            p.text("tenant_id", tenant->id);
        }
        const std::string_view manager =
            kManagers[rng.weighted(std::array<std::uint32_t, 3>{85, 10, 5})];
        if (manager == kManagers[0]) {
            p.ltext("how_to_apply", translated ? kHowToApply : LText{kHowToApply.pl, "", ""});
        } else {
            p.ltext("how_to_apply", LText{"Wniosek o najem składa się w sekretariacie jednostki "
                                          "zarządzającej lokalem albo przez ePUAP.",
                                          "", ""});
        }
        if (status == "available") {
            p.text("apply_deadline", formatDate(addDays(ctx.options.today, rng.range(7, 60))));
        }
        p.text("managing_unit", manager);
        if (rng.percent(60)) {
            const LText& d = kDescriptions[rng.below(kDescriptions.size())];
            p.ltext("description", translated ? d : LText{d.pl, "", ""});
        }
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace demo
