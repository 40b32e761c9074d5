#pragma once

#include "legal_forms.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace demo {

class Rng;
struct DistrictInfo;

struct EntityName {
    std::string full;
    std::string shortName; // empty when the full name is short enough
    int areaHint = -1;     // area the name implies (index into allAreas()), or -1
};

// A fictional but plausible name for the legal form. `parentName` is the name
// of the running NGO for units (a WTZ is often named "… przy Fundacji X");
// `district` flavours neighbourhood names ("Stowarzyszenie Przyjaciół Podgórza").
EntityName fictionalEntityName(LegalForm form, const DistrictInfo& district,
                               std::string_view parentName, Rng& rng);

// "Fundacja Ślad" -> "Fundacji Ślad"; nullopt when the name has no known
// inflection, so that such an entity is not chosen as a named parent.
std::optional<std::string> locativeOf(std::string_view name);

} // namespace demo
