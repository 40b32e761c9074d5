#pragma once
// The filters each collection's list offers, and applying them. Pure
// functions of (catalog, filter state, now): unit-testable and run only
// when something changed, never per frame.
#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cache/catalog.hpp"

namespace kiosk::app {

enum class FilterKind {
    Choice,     // chips for the values of an enum / district field; any-of
    Flag,       // a toggle: the boolean field must be true
    DaysAhead,  // chips "7 days" / "30 days": a date field within N days from now
};

struct FilterDef {
    std::string_view id;       // also the field key for Choice and Flag
    FilterKind kind;
    std::string_view field;    // the record field it reads
    std::string_view labelKey; // translator key for Flag / DaysAhead; Choice uses the field label
};

std::span<const FilterDef> filtersFor(cache::Collection c);

// What the visitor chose. Empty = no filtering.
struct FilterState {
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> choices; // filter id -> values
    std::set<std::string, std::less<>> flags;                         // filter ids switched on
    std::map<std::string, int, std::less<>> daysAhead;                // filter id -> N days
    bool empty() const { return choices.empty() && flags.empty() && daysAhead.empty(); }
    bool operator==(const FilterState&) const = default;
};

// Which records of a collection a list shows, in display order (events and
// demands by date, the rest alphabetically as the catalog holds them).
std::vector<const cache::Record*> applyFilters(const cache::Catalog& catalog, cache::Collection c,
                                               const FilterState& filters, std::int64_t nowUnix);

// Values that occur in the catalog for a Choice filter, in schema order, so
// the chips never offer a value that yields nothing.
std::vector<std::string> choiceValues(const cache::Catalog& catalog, cache::Collection c,
                                      std::string_view field);

} // namespace kiosk::app
