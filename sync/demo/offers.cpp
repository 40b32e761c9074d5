#include "collections.hpp"
#include "districts.hpp"
#include "prng.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace demo {

namespace {

using namespace std::string_view_literals;

constexpr std::size_t kOffersCount = 42;

struct OfferTemplate {
    std::string_view category;
    std::string_view kind; // product / service
    LText title;
    std::string_view description;
    std::int64_t minPrice; // grosze; -1 = free of charge
    std::int64_t maxPrice;
    LText unit;
    std::uint32_t forms; // bit set of legal forms that typically offer it
    std::size_t area;    // area of activity (allAreas() index) it belongs to
};

using LF = LegalForm;

constexpr std::uint32_t bit(LegalForm form) {
    return 1U << static_cast<unsigned>(form);
}

const std::array<OfferTemplate, 24> kTemplates = {{
    {.category = "catering",
     .kind = "service",
     .title = {"Catering na spotkania i konferencje", "Catering for meetings and conferences",
               "Кейтеринг для зустрічей і конференцій"},
     .description =
         "Przerwy kawowe, lunche i obiady; menu wegetariańskie i bezglutenowe na życzenie.",
     .minPrice = 2500,
     .maxPrice = 6500,
     .unit = {"za osobę", "per person", "за особу"},
     .forms = bit(LF::SpoldzielniaSocjalna) | bit(LF::Cis) | bit(LF::Zaz),
     .area = 8},
    {.category = "catering",
     .kind = "product",
     .title = {"Pierniki toruńskie na zamówienie", "Toruń gingerbread to order",
               "Торунські пряники на замовлення"},
     .description = "Ręcznie dekorowane pierniki z logo firmy lub instytucji, pakowane w pudełka.",
     .minPrice = 450,
     .maxPrice = 1200,
     .unit = {"za sztukę", "per piece", "за штуку"},
     .forms = bit(LF::SpoldzielniaSocjalna) | bit(LF::Wtz) | bit(LF::Kgw),
     .area = 8},
    {.category = "catering",
     .kind = "service",
     .title = {"Obiady domowe z dowozem", "Home-style lunches delivered",
               "Домашні обіди з доставкою"},
     .description = "Zupa i drugie danie, dowóz na terenie Torunia.",
     .minPrice = 1800,
     .maxPrice = 2400,
     .unit = {"za porcję", "per portion", "за порцію"},
     .forms = bit(LF::SpoldzielniaSocjalna) | bit(LF::Zaz) | bit(LF::Kgw),
     .area = 8},
    {.category = "cleaning",
     .kind = "service",
     .title = {"Sprzątanie biur i klatek schodowych", "Office and stairwell cleaning",
               "Прибирання офісів і під’їздів"},
     .description = "Sprzątanie jednorazowe i stałe umowy; środki ekologiczne.",
     .minPrice = 3500,
     .maxPrice = 5500,
     .unit = {"za godzinę", "per hour", "за годину"},
     .forms =
         bit(LF::SpoldzielniaSocjalna) | bit(LF::Cis) | bit(LF::SpoldzielniaPracy) | bit(LF::Zaz),
     .area = 9},
    {.category = "cleaning",
     .kind = "service",
     .title = {"Mycie okien i witryn", "Window cleaning", "Миття вікон і вітрин"},
     .description = "Również na wysokości do 6 m.",
     .minPrice = 800,
     .maxPrice = 1500,
     .unit = {"za m²", "per m²", "за м²"},
     .forms = bit(LF::SpoldzielniaSocjalna) | bit(LF::Cis),
     .area = 9},
    {.category = "cleaning",
     .kind = "service",
     .title = {"Pranie i maglowanie", "Laundry and ironing", "Прання та прасування"},
     .description = "Odbiór i dostawa pościeli, obrusów i odzieży roboczej.",
     .minPrice = 1200,
     .maxPrice = 1200,
     .unit = {"za kilogram", "per kilogram", "за кілограм"},
     .forms = bit(LF::Zaz) | bit(LF::SpoldzielniaInwalidow),
     .area = 9},
    {.category = "printing",
     .kind = "service",
     .title = {"Druk ulotek i plakatów", "Printing of leaflets and posters",
               "Друк листівок і плакатів"},
     .description = "Druk cyfrowy A6–A2, projekt graficzny w cenie przy większych nakładach.",
     .minPrice = 30,
     .maxPrice = 2500,
     .unit = {"za sztukę", "per piece", "за штуку"},
     .forms = bit(LF::SpoldzielniaPracy) | bit(LF::SpoldzielniaInwalidow) | bit(LF::Wtz),
     .area = 22},
    {.category = "printing",
     .kind = "service",
     .title = {"Introligatorstwo i oprawa prac dyplomowych", "Bookbinding", "Палітурні роботи"},
     .description = "Oprawa twarda i miękka, naprawa starych książek.",
     .minPrice = 2500,
     .maxPrice = 9000,
     .unit = {"za egzemplarz", "per copy", "за примірник"},
     .forms = bit(LF::SpoldzielniaPracy) | bit(LF::Wtz),
     .area = 22},
    {.category = "care",
     .kind = "service",
     .title = {"Opieka wytchnieniowa nad osobą starszą", "Respite care for older people",
               "Тимчасовий догляд за людьми похилого віку"},
     .description = "Kilka godzin opieki w domu podopiecznego, by opiekun rodzinny mógł odpocząć.",
     .minPrice = -1,
     .maxPrice = -1,
     .unit = {},
     .forms = bit(LF::Fundacja) | bit(LF::Stowarzyszenie) | bit(LF::SpoldzielniaSocjalna),
     .area = 23},
    {.category = "care",
     .kind = "service",
     .title = {"Asystent osobisty osoby z niepełnosprawnością",
               "Personal assistant for a disabled person",
               "Особистий асистент людини з інвалідністю"},
     .description = "Pomoc w dojazdach, zakupach i sprawach urzędowych.",
     .minPrice = 3000,
     .maxPrice = 4000,
     .unit = {"za godzinę", "per hour", "за годину"},
     .forms = bit(LF::Fundacja) | bit(LF::Stowarzyszenie),
     .area = 23},
    {.category = "care",
     .kind = "service",
     .title = {"Opieka nad dziećmi podczas wydarzeń", "Childcare during events",
               "Догляд за дітьми під час заходів"},
     .description = "Kącik zabaw z animatorami na konferencjach i festynach.",
     .minPrice = 6000,
     .maxPrice = 9000,
     .unit = {"za godzinę", "per hour", "за годину"},
     .forms = bit(LF::Stowarzyszenie) | bit(LF::Fundacja),
     .area = 23},
    {.category = "training",
     .kind = "service",
     .title = {"Szkolenia z pierwszej pomocy", "First-aid training", "Навчання з першої допомоги"},
     .description = "Kurs 8-godzinny z certyfikatem, ćwiczenia na fantomach.",
     .minPrice = 9000,
     .maxPrice = 15000,
     .unit = {"za osobę", "per person", "за особу"},
     .forms = bit(LF::Stowarzyszenie) | bit(LF::Fundacja),
     .area = 10},
    {.category = "training",
     .kind = "service",
     .title = {"Warsztaty komputerowe dla seniorów", "Computer workshops for older people",
               "Комп’ютерні курси для людей похилого віку"},
     .description = "Smartfon, bankowość internetowa, bezpieczeństwo w sieci.",
     .minPrice = -1,
     .maxPrice = -1,
     .unit = {},
     .forms = bit(LF::Fundacja) | bit(LF::Stowarzyszenie) | bit(LF::Other),
     .area = 10},
    {.category = "training",
     .kind = "service",
     .title = {"Kurs języka polskiego dla cudzoziemców", "Polish course for foreigners",
               "Курс польської мови для іноземців"},
     .description = "Grupy na poziomie A1–B1, zajęcia wieczorowe.",
     .minPrice = -1,
     .maxPrice = -1,
     .unit = {},
     .forms = bit(LF::Fundacja) | bit(LF::Stowarzyszenie),
     .area = 10},
    {.category = "crafts",
     .kind = "product",
     .title = {"Ceramika użytkowa", "Handmade ceramics", "Ужиткова кераміка"},
     .description = "Kubki, misy i podstawki wykonane w pracowni ceramicznej.",
     .minPrice = 2500,
     .maxPrice = 12000,
     .unit = {"za sztukę", "per piece", "за штуку"},
     .forms = bit(LF::Wtz) | bit(LF::Zaz) | bit(LF::SpoldzielniaSocjalna),
     .area = 14},
    {.category = "crafts",
     .kind = "product",
     .title = {"Torby z materiałów z odzysku", "Bags from recycled fabric",
               "Сумки з перероблених матеріалів"},
     .description = "Szyte z banerów i firan; możliwy nadruk logo.",
     .minPrice = 3500,
     .maxPrice = 6000,
     .unit = {"za sztukę", "per piece", "за штуку"},
     .forms = bit(LF::Wtz) | bit(LF::SpoldzielniaSocjalna) | bit(LF::Kgw),
     .area = 14},
    {.category = "crafts",
     .kind = "product",
     .title = {"Kartki okolicznościowe", "Greeting cards", "Вітальні листівки"},
     .description = "Ręcznie robione kartki świąteczne i okolicznościowe.",
     .minPrice = 800,
     .maxPrice = 1500,
     .unit = {"za sztukę", "per piece", "за штуку"},
     .forms = bit(LF::Wtz) | bit(LF::Kis),
     .area = 14},
    {.category = "renovation",
     .kind = "service",
     .title = {"Drobne remonty i malowanie", "Minor repairs and painting",
               "Дрібний ремонт і фарбування"},
     .description = "Malowanie, gładzie, wymiana drzwi i drobne naprawy.",
     .minPrice = 2500,
     .maxPrice = 4500,
     .unit = {"za m²", "per m²", "за м²"},
     .forms = bit(LF::SpoldzielniaSocjalna) | bit(LF::Cis) | bit(LF::SpoldzielniaPracy),
     .area = 24},
    {.category = "gardening",
     .kind = "service",
     .title = {"Pielęgnacja terenów zielonych", "Green-space maintenance",
               "Догляд за зеленими зонами"},
     .description = "Koszenie, przycinanie żywopłotów, sadzenie i grabienie liści.",
     .minPrice = 4000,
     .maxPrice = 6000,
     .unit = {"za godzinę", "per hour", "за годину"},
     .forms = bit(LF::SpoldzielniaSocjalna) | bit(LF::Cis) | bit(LF::Zaz),
     .area = 21},
    {.category = "gardening",
     .kind = "product",
     .title = {"Rozsady warzyw i zioła", "Vegetable seedlings and herbs", "Розсада овочів і трави"},
     .description = "Sezonowo, z własnej szklarni.",
     .minPrice = 300,
     .maxPrice = 1500,
     .unit = {"za sztukę", "per piece", "за штуку"},
     .forms = bit(LF::Wtz) | bit(LF::Kgw) | bit(LF::Cis),
     .area = 21},
    {.category = "transport",
     .kind = "service",
     .title = {"Przewóz osób z niepełnosprawnościami", "Transport for disabled people",
               "Перевезення людей з інвалідністю"},
     .description = "Bus z windą, kierowca z uprawnieniami opiekuna.",
     .minPrice = 350,
     .maxPrice = 500,
     .unit = {"za kilometr", "per km", "за кілометр"},
     .forms = bit(LF::Fundacja) | bit(LF::Stowarzyszenie) | bit(LF::SpolkaNonProfit),
     .area = 25},
    {.category = "culture",
     .kind = "service",
     .title = {"Warsztaty teatralne dla dzieci", "Drama workshops for children",
               "Театральні майстер-класи для дітей"},
     .description = "Zajęcia dla grup szkolnych i przedszkolnych.",
     .minPrice = 40000,
     .maxPrice = 80000,
     .unit = {"za warsztat", "per workshop", "за майстер-клас"},
     .forms = bit(LF::Stowarzyszenie) | bit(LF::Fundacja),
     .area = 5},
    {.category = "culture",
     .kind = "service",
     .title = {"Organizacja pikników rodzinnych", "Family picnics",
               "Організація сімейних пікніків"},
     .description = "Animacje, dmuchańce, nagłośnienie i catering.",
     .minPrice = 150000,
     .maxPrice = 600000,
     .unit = {"za wydarzenie", "per event", "за захід"},
     .forms = bit(LF::Stowarzyszenie) | bit(LF::KlubSportowy),
     .area = 5},
    {.category = "other",
     .kind = "service",
     .title = {"Wypożyczalnia sprzętu rehabilitacyjnego", "Rehabilitation equipment rental",
               "Прокат реабілітаційного обладнання"},
     .description = "Wózki, balkoniki i łóżka na krótki termin.",
     .minPrice = -1,
     .maxPrice = -1,
     .unit = {},
     .forms = bit(LF::Fundacja) | bit(LF::OrganizacjaKoscielna),
     .area = 0},
}};

// 2: the legal form usually offers it and the entity works in that area;
// 1: only the legal form fits; 0: neither.
int fitScore(const OfferTemplate& t, const EntityRef& e) {
    if ((t.forms & bit(e.form)) == 0) {
        return 0;
    }
    return std::find(e.areas.begin(), e.areas.end(), t.area) != e.areas.end() ? 2 : 1;
}

// Best-fitting entity, preferring ones with fewer offers so that a handful of
// cooperatives do not hold the whole catalogue.
const EntityRef* chooseEntity(const OfferTemplate& t, const std::vector<const EntityRef*>& pool,
                              std::map<std::string, int>& used, Rng& rng) {
    const auto start = static_cast<std::size_t>(rng.below(pool.size()));
    const EntityRef* best = nullptr;
    int bestScore = -1000;
    for (std::size_t k = 0; k < pool.size(); ++k) {
        const EntityRef* e = pool[(start + k) % pool.size()];
        const int score = fitScore(t, *e) * 10 - used[e->id] * 7;
        if (score > bestScore) {
            best = e;
            bestScore = score;
        }
    }
    ++used[best->id];
    return best;
}

} // namespace

std::vector<Feature> generateOffers(const GenContext& ctx) {
    const auto pool = ctx.referencePool();
    std::vector<Feature> out;
    if (pool.empty()) {
        return out; // offers need an offering entity
    }
    std::map<std::string, int> used;
    for (std::size_t i = 0; i < kOffersCount; ++i) {
        Rng rng = Rng::stream(ctx.options.seed, "offers", i);
        // Walk the templates so that every category appears, then draw more.
        const OfferTemplate& t =
            i < kTemplates.size() ? kTemplates[i] : kTemplates[rng.below(kTemplates.size())];
        const EntityRef* entity = chooseEntity(t, pool, used, rng);
        const bool translated = rng.percent(40);
        const auto statusDraw = rng.below(100);

        Feature f{"offer-" + zeroPadded(i + 1, 3), std::nullopt, {}};
        auto& p = f.properties;
        p.text("updated_at", pastTimestamp(ctx.options.today, rng, 120))
            .text("status", statusDraw < 85 ? "active" : (statusDraw < 95 ? "paused" : "withdrawn"))
            .ltext("title", translated ? t.title : LText{t.title.pl, "", ""})
            .text("entity_id", entity->id)
            .text("kind", t.kind)
            .text("category", t.category)
            .ltext("description", LText{std::string(t.description), "", ""});
        if (t.minPrice < 0) {
            p.boolean("free", true);
        } else {
            p.fixed("price_min_pln", t.minPrice, 2);
            if (t.maxPrice > t.minPrice) {
                p.fixed("price_max_pln", t.maxPrice, 2);
            }
            p.ltext("price_unit", translated ? t.unit : LText{t.unit.pl, "", ""});
            p.boolean("free", false);
        }
        if (t.kind == "product" || rng.percent(40)) {
            // Available at the entity's seat: same point and district.
            p.text("where", entity->address).text("district", entity->districtKey);
            f.point = entity->point;
        } else {
            p.text("where", rng.percent(70) ? "na terenie Torunia" : "Toruń i powiat toruński");
        }
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace demo
