#include "filters.hpp"

#include <algorithm>
#include <array>

#include "cache/datetime.hpp"

namespace kiosk::app {
namespace {

using FK = FilterKind;

constexpr std::array kEntityFilters{
    FilterDef{"legal_form", FK::Choice, "legal_form", ""},
    FilterDef{"district", FK::Choice, "district", ""},
    FilterDef{"step_free", FK::Flag, "step_free", "filter.step_free"},
    FilterDef{"opp", FK::Flag, "opp", "filter.opp"},
    FilterDef{"social_enterprise", FK::Flag, "social_enterprise", "filter.social_enterprise"},
};
constexpr std::array kPremisesFilters{
    FilterDef{"status", FK::Choice, "status", ""},
    FilterDef{"purpose", FK::Choice, "purpose", ""},
    FilterDef{"district", FK::Choice, "district", ""},
    FilterDef{"step_free", FK::Flag, "step_free", "filter.step_free"},
};
constexpr std::array kEquipmentFilters{
    FilterDef{"mode", FK::Choice, "mode", ""},
    FilterDef{"category", FK::Choice, "category", ""},
    FilterDef{"status", FK::Choice, "status", ""},
    FilterDef{"district", FK::Choice, "district", ""},
};
constexpr std::array kOfferFilters{
    FilterDef{"kind", FK::Choice, "kind", ""},
    FilterDef{"category", FK::Choice, "category", ""},
    FilterDef{"free", FK::Flag, "free", "filter.free"},
};
constexpr std::array kDemandFilters{
    FilterDef{"status", FK::Choice, "status", ""},
    FilterDef{"kind", FK::Choice, "kind", ""},
    FilterDef{"deadline", FK::DaysAhead, "deadline", "filter.deadline"},
    FilterDef{"social_clause", FK::Flag, "social_clause", "filter.social_clause"},
};
constexpr std::array kSupportFilters{
    FilterDef{"kind", FK::Choice, "kind", ""},
    FilterDef{"district", FK::Choice, "district", ""},
    FilterDef{"step_free", FK::Flag, "step_free", "filter.step_free"},
};
constexpr std::array kEventFilters{
    FilterDef{"kind", FK::Choice, "kind", ""},
    FilterDef{"starts_at", FK::DaysAhead, "starts_at", "filter.when"},
    FilterDef{"step_free", FK::Flag, "step_free", "filter.step_free"},
};

// Status is a record member, not a field; read both the same way.
std::string_view fieldText(const cache::Record& r, std::string_view field) {
    if (field == "status") return r.status;
    const std::string* s = r.text(field);
    return s ? std::string_view(*s) : std::string_view();
}

std::optional<std::int64_t> timeOf(const cache::Record& r, std::string_view field) {
    const std::string* s = r.text(field);
    if (!s) return std::nullopt;
    if (s->size() == 10) return cache::unixSecondsOfDate(*s, 60);
    return cache::unixSecondsOfDateTime(*s);
}

bool passes(const cache::Record& r, std::span<const FilterDef> defs, const FilterState& st, std::int64_t now) {
    for (const FilterDef& d : defs) {
        switch (d.kind) {
        case FK::Choice: {
            const auto it = st.choices.find(d.id);
            if (it == st.choices.end() || it->second.empty()) break;
            if (!it->second.count(fieldText(r, d.field))) return false;
            break;
        }
        case FK::Flag:
            if (st.flags.count(d.id) && r.flag(d.field) != true) return false;
            break;
        case FK::DaysAhead: {
            const auto it = st.daysAhead.find(d.id);
            if (it == st.daysAhead.end()) break;
            const auto t = timeOf(r, d.field);
            if (!t || *t < now || *t > now + std::int64_t(it->second) * 86400) return false;
            break;
        }
        }
    }
    return true;
}

} // namespace

std::span<const FilterDef> filtersFor(cache::Collection c) {
    switch (c) {
    case cache::Collection::Entities: return kEntityFilters;
    case cache::Collection::Premises: return kPremisesFilters;
    case cache::Collection::Equipment: return kEquipmentFilters;
    case cache::Collection::Offers: return kOfferFilters;
    case cache::Collection::Demands: return kDemandFilters;
    case cache::Collection::SupportPoints: return kSupportFilters;
    case cache::Collection::Events: return kEventFilters;
    default: return {};
    }
}

std::vector<const cache::Record*> applyFilters(const cache::Catalog& catalog, cache::Collection c,
                                               const FilterState& filters, std::int64_t now) {
    const auto defs = filtersFor(c);
    std::vector<const cache::Record*> out;
    for (const cache::Record& r : catalog.records(c))
        if (passes(r, defs, filters, now)) out.push_back(&r);

    const auto byTime = [&](std::string_view field, bool upcomingFirst) {
        std::stable_sort(out.begin(), out.end(), [&](const cache::Record* a, const cache::Record* b) {
            const auto ta = timeOf(*a, field).value_or(0), tb = timeOf(*b, field).value_or(0);
            if (upcomingFirst) {
                // Upcoming first (soonest first), then the past (most recent first).
                const bool fa = ta >= now, fb = tb >= now;
                if (fa != fb) return fa;
                return fa ? ta < tb : ta > tb;
            }
            return ta > tb;
        });
    };
    if (c == cache::Collection::Events) byTime("starts_at", true);
    else if (c == cache::Collection::Demands) byTime("deadline", true);
    else if (c == cache::Collection::Announcements) byTime("valid_from", false);
    return out;
}

std::vector<std::string> choiceValues(const cache::Catalog& catalog, cache::Collection c, std::string_view field) {
    std::set<std::string, std::less<>> present;
    for (const cache::Record& r : catalog.records(c)) {
        const auto v = fieldText(r, field);
        if (!v.empty()) present.emplace(v);
    }
    std::vector<std::string> out;
    const auto& spec = cache::specFor(c);
    if (field == "status") {
        for (auto s : spec.statuses)
            if (present.count(s)) out.emplace_back(s);
        return out;
    }
    const auto idx = cache::fieldIndex(spec, field);
    if (idx && spec.fields[*idx].type == cache::FieldType::District) {
        for (auto k : cache::districtKeys())
            if (present.count(k)) out.emplace_back(k);
        return out;
    }
    if (idx)
        for (auto k : spec.fields[*idx].choices)
            if (present.count(k)) out.emplace_back(k);
    return out;
}

} // namespace kiosk::app
