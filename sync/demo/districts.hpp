#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace demo {

class Rng;

struct DistrictInfo {
    std::string_view key;
    std::string_view name;        // Stare Miasto
    std::string_view genitive;    // Starego Miasta ("Stowarzyszenie Przyjaciół …")
    std::string_view locative;    // na Starym Mieście ("Klub … na …")
    std::uint32_t entityWeight;   // share of entities seated there
    std::uint32_t premisesWeight; // share of municipal premises there
    std::span<const std::string_view> streets;
};

std::span<const DistrictInfo> allDistricts();
std::span<const std::string_view> districtKeys();
bool isDistrictKey(std::string_view key);
const DistrictInfo& districtInfo(std::string_view key);

const DistrictInfo& pickDistrictForEntity(Rng& rng);
const DistrictInfo& pickDistrictForPremises(Rng& rng);

// "ul. Szeroka 12" — a real street of the district with a made-up number.
std::string randomStreetAddress(const DistrictInfo& district, Rng& rng);
// Appends the city's postal code: "ul. Szeroka 12, 87-100 Toruń".
std::string withCity(std::string_view streetAddress);

} // namespace demo
