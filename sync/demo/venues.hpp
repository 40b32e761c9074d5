#pragma once

#include "context.hpp"
#include "json_out.hpp"

#include <string>

namespace demo {

// Places used by more than one collection (a support point that also hosts
// events), so that both agree on the address, district and map position.
struct Venue {
    LText name;
    std::string address;
    std::string district;
    Coord point;
};

Venue cityHall(const GenContext& ctx);      // ul. Wały gen. Sikorskiego 8 (seeds)
Venue cityHallAnnex(const GenContext& ctx); // ul. Grudziądzka 126b (seeds)
Venue artusCourt(const GenContext& ctx);    // Dwór Artusa, Rynek Staromiejski 6
Venue owesOffice(const GenContext& ctx);    // fictional support centre
Venue incubator(const GenContext& ctx);     // fictional incubator

} // namespace demo
