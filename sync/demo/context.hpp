#pragma once

#include "calendar.hpp"
#include "geometry.hpp"
#include "legal_forms.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace demo {

class Rng;

// Sizes of the seed platform (PES-TOR, 2013).
inline constexpr std::uint64_t kDefaultEntities = 207;
inline constexpr std::uint64_t kDefaultSeed = 2013;
inline constexpr Date kDefaultToday{2026, 11, 1};

struct Options {
    std::filesystem::path basemap;
    std::filesystem::path outDir;
    std::uint64_t entities = kDefaultEntities;
    std::uint64_t seed = kDefaultSeed;
    Date today = kDefaultToday;
    bool hostile = false; // --set hostile (hostile.hpp)
};

// What other collections need to know about an entity to refer to it.
struct EntityRef {
    std::string id;
    std::string name;
    LegalForm form = LegalForm::Other;
    std::string districtKey;
    std::string address;
    Coord point;
    bool real = false;              // named in the seeds: never linked to invented facts
    std::string regon9;             // parent number for units' 14-digit REGON
    std::vector<std::size_t> areas; // indices into allAreas()
};

struct GenContext {
    Options options;
    Basemap basemap;
    std::vector<EntityRef> entities;

    // Entities other collections may refer to: the fictional ones among the
    // first kDefaultEntities, so that offers, premises etc. stay the same
    // whatever --entities says.
    std::vector<const EntityRef*> referencePool() const;
};

// A time 1 to maxDaysBack days before --today, as an RFC 3339 Warsaw time.
std::string pastTimestamp(const Date& today, Rng& rng, int maxDaysBack);
std::string zeroPadded(std::uint64_t value, int width);
// "biuro@zlota-laka.pestor.example" style contacts on a reserved domain.
std::string fictionalDomain(const std::string& slug);

} // namespace demo
