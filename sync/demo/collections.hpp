#pragma once

#include "context.hpp"
#include "json_out.hpp"

#include <vector>

namespace demo {

// Entities come first: they fill ctx.entities, which the others refer to.
std::vector<Feature> generateEntities(GenContext& ctx);
std::vector<Feature> generatePremises(const GenContext& ctx);
std::vector<Feature> generateEquipment(const GenContext& ctx);
std::vector<Feature> generateOffers(const GenContext& ctx);
std::vector<Feature> generateDemands(const GenContext& ctx);
std::vector<Feature> generateSupportPoints(const GenContext& ctx);
std::vector<Feature> generateEvents(const GenContext& ctx);
std::vector<Feature> generateAnnouncements(const GenContext& ctx);
std::vector<Feature> generateIndicators(const GenContext& ctx);

} // namespace demo
