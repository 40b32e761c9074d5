#include "record.hpp"

namespace cache {

const Value& Record::value(std::string_view key) const {
    static const Value kAbsent{}; // constant: never mutated
    const auto i = fieldIndex(spec(), key);
    if (!i || *i >= values.size()) return kAbsent;
    return values[*i];
}

const std::string* Record::text(std::string_view key) const {
    return std::get_if<std::string>(&value(key));
}
const LocalText* Record::localText(std::string_view key) const {
    return std::get_if<LocalText>(&value(key));
}
const TextList* Record::list(std::string_view key) const {
    return std::get_if<TextList>(&value(key));
}
std::optional<bool> Record::flag(std::string_view key) const {
    if (const bool* b = std::get_if<bool>(&value(key))) return *b;
    return std::nullopt;
}
std::optional<double> Record::number(std::string_view key) const {
    const Value& v = value(key);
    if (const double* d = std::get_if<double>(&v)) return *d;
    if (const std::int64_t* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    return std::nullopt;
}

std::string Record::title(Lang lang) const {
    const Value& v = value(spec().titleField);
    if (const LocalText* lt = std::get_if<LocalText>(&v); lt && !lt->empty()) return lt->in(lang);
    if (const std::string* s = std::get_if<std::string>(&v); s && !s->empty()) return *s;
    if (!spec().fallbackTitle.empty()) {
        const Value& f = value(spec().fallbackTitle);
        if (const std::string* s = std::get_if<std::string>(&f)) return *s;
    }
    return id;
}

} // namespace cache
