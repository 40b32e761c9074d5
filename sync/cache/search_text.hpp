#pragma once
// What of a record goes into the full-text index, already folded.
#include <string>

#include "record.hpp"

namespace cache {

struct SearchText {
    std::string title; // every language variant of the title (and short name)
    std::string body;  // the other searchable fields, district name
};

SearchText searchTextOf(const Record& record);

// The FTS5 table holding a collection's index ("search_entities"); empty
// for collections that are not searched (the base map).
std::string_view searchTable(Collection c);

} // namespace cache
