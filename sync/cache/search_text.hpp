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

} // namespace cache
