#include "venues.hpp"

#include "prng.hpp"

namespace demo {

namespace {

Venue atLandmark(const GenContext& ctx, std::string_view landmarkId, LText name,
                 std::string address, std::string_view fallbackDistrict) {
    Venue v{std::move(name), std::move(address), std::string(fallbackDistrict), {}};
    const auto mark = ctx.basemap.landmark(landmarkId);
    const District* d = mark ? ctx.basemap.districtAt(*mark) : nullptr;
    if (mark && d) {
        v.point = *mark;
        v.district = d->key;
    } else {
        Rng rng = Rng::stream(ctx.options.seed, landmarkId);
        v.point = ctx.basemap.randomPoint(fallbackDistrict, rng);
    }
    return v;
}

Venue sampled(const GenContext& ctx, std::string_view purpose, LText name, std::string address,
              std::string_view district) {
    Rng rng = Rng::stream(ctx.options.seed, purpose);
    return Venue{std::move(name), std::move(address), std::string(district),
                 ctx.basemap.randomPoint(district, rng)};
}

} // namespace

Venue cityHall(const GenContext& ctx) {
    return atLandmark(ctx, "landmark-urzad-miasta",
                      {"Urząd Miasta Torunia", "Toruń City Hall", "Міська управа Торуня"},
                      "ul. Wały gen. Sikorskiego 8, 87-100 Toruń", "stare_miasto");
}

Venue cityHallAnnex(const GenContext& ctx) {
    return sampled(ctx, "venue:umt-grudziadzka",
                   {"Urząd Miasta Torunia – budynek przy ul. Grudziądzkiej",
                    "Toruń City Hall – Grudziądzka Street building",
                    "Міська управа Торуня – будівля на вул. Грудзьондзькій"},
                   "ul. Grudziądzka 126b, 87-100 Toruń", "koniuchy");
}

Venue artusCourt(const GenContext& ctx) {
    return atLandmark(ctx, "landmark-dwor-artusa", {"Dwór Artusa", "Artus Court", "Двір Артуса"},
                      "Rynek Staromiejski 6, 87-100 Toruń", "stare_miasto");
}

Venue owesOffice(const GenContext& ctx) {
    return sampled(ctx, "venue:owes",
                   {"Ośrodek Wsparcia Ekonomii Społecznej w Toruniu",
                    "Social Economy Support Centre in Toruń",
                    "Центр підтримки соціальної економіки в Торуні"},
                   "ul. Mickiewicza 24, 87-100 Toruń", "bydgoskie_przedmiescie");
}

Venue incubator(const GenContext& ctx) {
    return sampled(ctx, "venue:incubator",
                   {"Inkubator Przedsiębiorczości Społecznej", "Social Enterprise Incubator",
                    "Інкубатор соціального підприємництва"},
                   "ul. Legionów 45, 87-100 Toruń", "mokre");
}

} // namespace demo
