#include "search_text.hpp"

#include "text_fold.hpp"

#include <cctype>

namespace cache {
namespace {

// "ul. Szeroka 12, 87-100 Toruń" -> "ul. Szeroka 12": the postcode and town
// are in nearly every address, so indexing them only makes "toruń" match
// everything (and every such prefix query slow).
std::string_view withoutLocality(std::string_view address) {
    const auto comma = address.rfind(", ");
    if (comma == std::string_view::npos) return address;
    const std::string_view tail = address.substr(comma + 2);
    const bool postcode = tail.size() > 7 && tail[2] == '-' && tail[6] == ' ' &&
                          std::isdigit(static_cast<unsigned char>(tail[0])) &&
                          std::isdigit(static_cast<unsigned char>(tail[1])) &&
                          std::isdigit(static_cast<unsigned char>(tail[3])) &&
                          std::isdigit(static_cast<unsigned char>(tail[4])) &&
                          std::isdigit(static_cast<unsigned char>(tail[5]));
    return postcode ? address.substr(0, comma) : address;
}

void appendValue(std::string& out, const Value& v) {
    const auto add = [&](const std::string& s) {
        if (s.empty()) return;
        if (!out.empty()) out.push_back(' ');
        out += s;
    };
    if (const auto* s = std::get_if<std::string>(&v)) add(*s);
    else if (const auto* lt = std::get_if<LocalText>(&v)) {
        add(lt->pl);
        add(lt->en);
        add(lt->uk);
    } else if (const auto* l = std::get_if<TextList>(&v)) {
        for (const auto& item : *l) add(item);
    }
}

} // namespace

SearchText searchTextOf(const Record& r) {
    const CollectionSpec& spec = r.spec();
    std::string title, body;
    for (std::size_t i = 0; i < spec.fields.size() && i < r.values.size(); ++i) {
        const FieldSpec& f = spec.fields[i];
        const bool isTitle = f.key == spec.titleField || f.key == "short_name" ||
                             (f.key == spec.fallbackTitle && isAbsent(r.value(spec.titleField)));
        const bool isAddress = f.key == "address" || f.key == "pickup_address";
        const auto* addr = isAddress ? std::get_if<std::string>(&r.values[i]) : nullptr;
        const Value value = addr ? Value{std::string(withoutLocality(*addr))} : r.values[i];
        if (isTitle) appendValue(title, value);
        else if (f.searchable) appendValue(body, value);
        else if (f.type == FieldType::District)
            if (const auto* d = std::get_if<std::string>(&r.values[i]))
                appendValue(body, std::string(districtName(*d)));
    }
    return {foldForSearch(title), foldForSearch(body)};
}

std::string_view searchTable(Collection c) {
    switch (c) {
    case Collection::Entities: return "search_entities";
    case Collection::Premises: return "search_premises";
    case Collection::Equipment: return "search_equipment";
    case Collection::Offers: return "search_offers";
    case Collection::Demands: return "search_demands";
    case Collection::SupportPoints: return "search_support_points";
    case Collection::Events: return "search_events";
    case Collection::Announcements: return "search_announcements";
    case Collection::Indicators: return "search_indicators";
    case Collection::Basemap: return {};
    }
    return {};
}

} // namespace cache
