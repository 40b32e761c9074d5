#include "search_text.hpp"

#include "text_fold.hpp"

namespace cache {
namespace {

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
        if (isTitle) appendValue(title, r.values[i]);
        else if (f.searchable) appendValue(body, r.values[i]);
        else if (f.type == FieldType::District)
            if (const auto* d = std::get_if<std::string>(&r.values[i]))
                appendValue(body, std::string(districtName(*d)));
    }
    return {foldForSearch(title), foldForSearch(body)};
}

} // namespace cache
