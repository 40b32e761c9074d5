#include "related.hpp"

namespace kiosk::app {

std::vector<const cache::Record*> relatedRecords(const cache::Catalog& catalog, cache::Collection collection,
                                                 std::string_view id) {
    std::vector<const cache::Record*> out;
    for (cache::Collection other : cache::kAllCollections) {
        const cache::CollectionSpec& spec = cache::specFor(other);
        for (const cache::Record& r : catalog.records(other)) {
            for (std::size_t i = 0; i < spec.fields.size(); ++i) {
                const cache::FieldSpec& f = spec.fields[i];
                if (f.type != cache::FieldType::Ref || f.refTo != collection) continue;
                const std::string* v = std::get_if<std::string>(&r.values[i]);
                if (v && *v == id && !(other == collection && r.id == id)) {
                    out.push_back(&r);
                    break;
                }
            }
        }
    }
    return out;
}

} // namespace kiosk::app
