#include "collections.hpp"
#include "districts.hpp"
#include "identifiers.hpp"
#include "prng.hpp"

#include <array>

namespace demo {

namespace {

using namespace std::string_view_literals;

constexpr std::size_t kEquipmentCount = 43;

struct Item {
    std::string_view category;
    LText title;
    std::int64_t maxQuantity;
};

const std::array<Item, 30> kItems = {{
    {"furniture", {"Biurka drewniane", "Wooden desks", "Дерев’яні письмові столи"}, 6},
    {"furniture", {"Krzesła konferencyjne", "Conference chairs", "Конференц-стільці"}, 30},
    {"furniture", {"Szafa aktowa z zamkiem", "Lockable filing cabinet", "Шафа для документів"}, 2},
    {"furniture", {"Stoły składane", "Folding tables", "Складні столи"}, 10},
    {"office", {"Niszczarka dokumentów", "Paper shredder", "Шредер"}, 1},
    {"office", {"Kserokopiarka A3", "A3 photocopier", "Копіювальний апарат A3"}, 1},
    {"office",
     {"Tablica korkowa i flipchart", "Pinboard and flipchart", "Коркова дошка і фліпчарт"},
     3},
    {"it",
     {"Laptop 15,6″ z ładowarką", "15.6″ laptop with charger", "Ноутбук 15,6″ із зарядним"},
     4},
    {"it", {"Monitor 24″", "24″ monitor", "Монітор 24″"}, 6},
    {"it", {"Drukarka laserowa A4", "A4 laser printer", "Лазерний принтер A4"}, 2},
    {"it", {"Rzutnik multimedialny", "Projector", "Мультимедійний проєктор"}, 1},
    {"household", {"Lodówka", "Fridge", "Холодильник"}, 1},
    {"household", {"Kuchenka mikrofalowa", "Microwave oven", "Мікрохвильова піч"}, 2},
    {"household", {"Czajniki elektryczne", "Electric kettles", "Електрочайники"}, 5},
    {"household", {"Pralka automatyczna", "Washing machine", "Пральна машина"}, 1},
    {"clothing",
     {"Odzież zimowa dziecięca (rozm. 110–128)", "Children's winter clothes",
      "Дитячий зимовий одяг"},
     40},
    {"clothing",
     {"Kurtki i buty robocze", "Work jackets and boots", "Робочі куртки та черевики"},
     20},
    {"toys", {"Gry planszowe", "Board games", "Настільні ігри"}, 15},
    {"toys", {"Klocki konstrukcyjne", "Construction bricks", "Конструктор"}, 8},
    {"sport", {"Rowery trekkingowe", "Trekking bikes", "Трекінгові велосипеди"}, 4},
    {"sport", {"Namioty 4-osobowe", "4-person tents", "Чотиримісні намети"}, 6},
    {"sport",
     {"Kije do nordic walking", "Nordic walking poles", "Палиці для скандинавської ходьби"},
     20},
    {"tools", {"Wiertarka udarowa", "Hammer drill", "Ударний дриль"}, 1},
    {"tools", {"Drabina aluminiowa", "Aluminium ladder", "Алюмінієва драбина"}, 2},
    {"tools", {"Kosiarka spalinowa", "Petrol lawn mower", "Бензинова газонокосарка"}, 1},
    {"medical", {"Wózek inwalidzki", "Wheelchair", "Інвалідний візок"}, 3},
    {"medical", {"Balkonik rehabilitacyjny", "Walking frame", "Ходунки"}, 4},
    {"medical", {"Łóżko rehabilitacyjne", "Hospital bed", "Реабілітаційне ліжко"}, 1},
    {"other", {"Namiot wystawowy 3×3 m", "3×3 m exhibition gazebo", "Виставковий намет 3×3 м"}, 2},
    {"other", {"Przenośne nagłośnienie", "Portable PA system", "Портативна акустична система"}, 1},
}};

struct Mode {
    std::string_view key;
    std::string_view verb; // how the offer is phrased in Polish
};

constexpr std::array<Mode, 3> kModes = {{
    {"give", "Oddam nieodpłatnie"sv},
    {"lend", "Użyczę na czas wydarzenia lub projektu"sv},
    {"swap", "Wymienię na sprzęt biurowy lub materiały plastyczne"sv},
}};

constexpr std::array kConditions = {"new"sv, "good"sv, "used"sv, "for_repair"sv};
constexpr std::array kConditionPl = {"nowy"sv, "dobry"sv, "używany"sv, "do drobnej naprawy"sv};

} // namespace

std::vector<Feature> generateEquipment(const GenContext& ctx) {
    const auto pool = ctx.referencePool();
    std::vector<Feature> out;
    for (std::size_t i = 0; i < kEquipmentCount; ++i) {
        Rng rng = Rng::stream(ctx.options.seed, "equipment", i);
        const Item& item = kItems[rng.below(kItems.size())];
        const auto modeIndex = rng.weighted(std::array<std::uint32_t, 3>{50, 35, 15});
        const Mode& mode = kModes[modeIndex];
        const auto conditionIndex = rng.weighted(std::array<std::uint32_t, 4>{10, 50, 32, 8});
        const auto quantity = rng.range(1, item.maxQuantity);
        const bool fromEntity = !pool.empty() && rng.percent(75);
        const EntityRef* entity = fromEntity ? pool[rng.below(pool.size())] : nullptr;
        const auto statusDraw = rng.below(100);

        Feature f{"equipment-" + zeroPadded(i + 1, 3), std::nullopt, {}};
        auto& p = f.properties;
        p.text("updated_at", pastTimestamp(ctx.options.today, rng, 60))
            .text("status",
                  statusDraw < 70 ? "available" : (statusDraw < 90 ? "reserved" : "gone"));
        const bool translated = rng.percent(35);
        p.ltext("title", translated ? item.title : LText{item.title.pl, "", ""});
        std::string description = std::string(mode.verb) + ": " + item.title.pl;
        if (quantity > 1) {
            description += " (" + std::to_string(quantity) + " szt.)";
        }
        description += ", stan: " + std::string(kConditionPl[conditionIndex]) + ".";
        if (mode.key == "lend") {
            description += " Prosimy o zwrot w stanie niepogorszonym.";
        }
        p.ltext("description", LText{description, "", ""})
            .text("category", item.category)
            .text("mode", mode.key)
            .text("condition", kConditions[conditionIndex])
            .integer("quantity", quantity);
        const DistrictInfo* district = nullptr;
        std::string pickup;
        if (entity) {
            p.text("entity_id", entity->id);
            district = &districtInfo(entity->districtKey);
            pickup = entity->address;
            f.point = entity->point;
        } else {
            // Items from residents wait at a neutral desk, never at a home address.
            p.text("contact", "Punkt banku sprzętu PES-TOR, tel. " + fictionalPhone(rng));
            district = &pickDistrictForPremises(rng);
            pickup = withCity(randomStreetAddress(*district, rng));
            f.point = ctx.basemap.randomPoint(district->key, rng);
        }
        p.text("pickup_address", pickup).text("district", district->key);
        const Date from = addDays(ctx.options.today, rng.range(-30, 14));
        p.text("available_from", formatDate(from));
        if (mode.key == "lend") {
            p.text("available_until", formatDate(addDays(from, rng.range(14, 90))));
        }
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace demo
