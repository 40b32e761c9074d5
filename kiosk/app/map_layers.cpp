#include "map_layers.hpp"

namespace kiosk::app {

const cache::Record* placeOnMap(const cache::Catalog& catalog, const cache::Record& r) {
    if (r.point && isMapLayer(r.collection)) return &r;
    for (const cache::FieldSpec& f : r.spec().fields) {
        if (f.type != cache::FieldType::Ref || !f.refTo || !isMapLayer(*f.refTo)) continue;
        const std::string* id = r.text(f.key);
        if (!id) continue;
        if (const cache::Record* t = catalog.find(*f.refTo, *id); t && t->point) return t;
    }
    return nullptr;
}

} // namespace kiosk::app
