#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace cache {

enum class Lang { Pl, En, Uk };

// Text with language variants. Polish is always present; a missing variant
// falls back to Polish so a visitor never sees an empty field.
struct LocalText {
    std::string pl;
    std::string en;
    std::string uk;

    const std::string& in(Lang lang) const {
        if (lang == Lang::En && !en.empty()) return en;
        if (lang == Lang::Uk && !uk.empty()) return uk;
        return pl;
    }
    bool empty() const { return pl.empty(); }
    bool operator==(const LocalText&) const = default;
};

using TextList = std::vector<std::string>;

// One field's value. monostate = absent (unknown), which is different from
// false or 0: "step-free: unknown" must not read as "not step-free".
using Value = std::variant<std::monostate, std::string, LocalText, double, std::int64_t, bool,
                           TextList>;

inline bool isAbsent(const Value& v) { return std::holds_alternative<std::monostate>(v); }

} // namespace cache
