#include "record_summary.hpp"

#include "i18n/format.hpp"

namespace kiosk::screens {
namespace {

using cache::Collection;

void join(std::string& out, std::string_view part) {
    if (part.empty()) return;
    if (!out.empty()) out += " · ";
    out += part;
}

std::string enumOf(const cache::Record& r, std::string_view field, const i18n::Translator& tr, cache::Lang lang) {
    const std::string* v = r.text(field);
    return v ? std::string(tr.enumValue(lang, r.collection, field, *v)) : std::string();
}

std::string districtOf(const cache::Record& r) {
    const std::string* d = r.text("district");
    return d ? std::string(cache::districtName(*d)) : std::string();
}

} // namespace

std::string displayValue(const cache::Record& r, const cache::FieldSpec& f, const i18n::Translator& tr,
                         cache::Lang lang) {
    using FT = cache::FieldType;
    const cache::Value& v = r.value(f.key);
    if (cache::isAbsent(v)) return {};
    switch (f.type) {
    case FT::Bool: return std::string(tr.text(lang, std::get<bool>(v) ? "detail.yes" : "detail.no"));
    case FT::Enum: return std::string(tr.enumValue(lang, r.collection, f.key, std::get<std::string>(v)));
    case FT::District: return std::string(cache::districtName(std::get<std::string>(v)));
    case FT::Date: return i18n::formatDate(lang, std::get<std::string>(v));
    case FT::DateTime: return i18n::formatDateTime(lang, std::get<std::string>(v));
    case FT::LocalText: return std::get<cache::LocalText>(v).in(lang);
    case FT::Tags: {
        std::string out;
        for (const auto& item : std::get<cache::TextList>(v)) {
            if (!out.empty()) out += ", ";
            out += f.choices.empty() ? item : std::string(tr.enumValue(lang, r.collection, f.key, item));
        }
        return out;
    }
    case FT::Media: return {};
    case FT::Int:
    case FT::Number: {
        const double n = *r.number(f.key);
        const std::string_view key = f.key;
        if (key == "area_m2") return i18n::formatNumber(lang, n) + "\u00A0" + std::string(tr.text(lang, "unit.m2"));
        if (key == "rent_pln_m2")
            return i18n::formatNumber(lang, n, 2) + "\u00A0" + std::string(tr.text(lang, "unit.per_m2_month"));
        if (key.ends_with("_pln")) return n == 0 ? std::string(tr.text(lang, "detail.free")) : i18n::formatPrice(lang, n);
        if (key == "floor" && n == 0) return std::string(tr.text(lang, "unit.floor_ground"));
        return i18n::formatNumber(lang, n);
    }
    default: {
        const std::string* s = std::get_if<std::string>(&v);
        return s ? *s : std::string();
    }
    }
}

std::string subtitleOf(const cache::Record& r, const i18n::Translator& tr, cache::Lang lang) {
    std::string out;
    switch (r.collection) {
    case Collection::Entities:
        join(out, enumOf(r, "legal_form", tr, lang));
        join(out, districtOf(r));
        break;
    case Collection::Premises: {
        join(out, enumOf(r, "purpose", tr, lang));
        if (auto a = r.number("area_m2")) join(out, i18n::formatNumber(lang, *a) + "\u00A0m²");
        join(out, districtOf(r));
        break;
    }
    case Collection::Equipment:
        join(out, enumOf(r, "mode", tr, lang));
        join(out, enumOf(r, "category", tr, lang));
        join(out, districtOf(r));
        break;
    case Collection::Offers: {
        join(out, enumOf(r, "category", tr, lang));
        if (r.flag("free") == true) join(out, tr.text(lang, "detail.free"));
        else if (auto p = r.number("price_min_pln"))
            join(out, std::string(r.number("price_max_pln") && *r.number("price_max_pln") != *p
                                      ? i18n::formatPrice(lang, *p) + " – " + i18n::formatPrice(lang, *r.number("price_max_pln"))
                                      : i18n::formatPrice(lang, *p)));
        break;
    }
    case Collection::Demands:
        if (const std::string* d = r.text("department")) join(out, *d);
        if (const std::string* dl = r.text("deadline"))
            join(out, std::string(tr.field(lang, r.collection, "deadline")) + ": " + i18n::formatDateTime(lang, *dl));
        break;
    case Collection::SupportPoints:
        join(out, enumOf(r, "kind", tr, lang));
        if (const std::string* a = r.text("address")) join(out, *a);
        break;
    case Collection::Events:
        if (const std::string* s = r.text("starts_at")) join(out, i18n::formatDateTime(lang, *s));
        if (const std::string* p = r.text("place")) join(out, *p);
        break;
    case Collection::Announcements:
        if (const std::string* s = r.text("valid_from")) join(out, i18n::formatDateTime(lang, *s));
        break;
    case Collection::Indicators:
        if (auto c = r.number("current"), t = r.number("target"); c && t) {
            std::string pattern(tr.text(lang, "detail.progress"));
            const auto a = pattern.find("%s");
            if (a != std::string::npos) pattern.replace(a, 2, i18n::formatNumber(lang, *c));
            const auto b = pattern.find("%s");
            if (b != std::string::npos) pattern.replace(b, 2, i18n::formatNumber(lang, *t));
            join(out, pattern);
        }
        break;
    case Collection::Basemap: break;
    }
    return out;
}

Badge statusBadge(const cache::Record& r, const i18n::Translator& tr, cache::Lang lang) {
    Badge b{std::string(tr.status(lang, r.collection, r.status)), Tone::Neutral};
    const std::string& s = r.status;
    if (s == "available" || s == "open" || s == "active" || s == "scheduled" || s == "published") b.tone = Tone::Good;
    else if (s == "reserved" || s == "paused" || s == "suspended") b.tone = Tone::Warn;
    else if (s == "let" || s == "gone" || s == "closed" || s == "withdrawn" || s == "cancelled" || s == "awarded")
        b.tone = Tone::Bad;
    return b;
}

} // namespace kiosk::screens
