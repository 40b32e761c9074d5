#include "field_decode.hpp"

#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "datetime.hpp"
#include "identifiers.hpp"
#include "text_fold.hpp"
#include "utf8.hpp"

namespace cache {
namespace {

using json = nlohmann::json;
constexpr std::size_t kMaxTextChars = 4000;

std::string trim(std::string_view s) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return std::string(s);
}

Result<std::string> cleanText(std::string_view raw) {
    std::string s = trim(raw);
    // Checked first and by the strict rule (a literal U+FFFD is fine; a
    // stray byte, overlong form or surrogate is not).
    if (!isValidUtf8(s)) return makeError("text is not valid UTF-8");
    std::size_t pos = 0, chars = 0;
    while (pos < s.size()) {
        const char32_t cp = decodeUtf8(s, pos);
        if (++chars > kMaxTextChars) return makeError("text longer than 4000 characters");
        if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F)
            return makeError("text contains a control character");
    }
    return s;
}

// Strings for text-like fields: numbers are accepted too (a QGIS column of
// house numbers or postcodes is often typed as integer).
Result<std::string> asString(const json& raw) {
    if (raw.is_string()) return cleanText(raw.get_ref<const std::string&>());
    if (raw.is_number_integer()) return std::to_string(raw.get<std::int64_t>());
    return makeError(std::string("expected text, got ") + raw.type_name());
}

Result<double> asNumber(const json& raw) {
    if (raw.is_number()) {
        const double v = raw.get<double>();
        if (!std::isfinite(v)) return makeError("number is not finite");
        return v;
    }
    if (raw.is_string()) {
        std::string s = trim(raw.get_ref<const std::string&>());
        for (char& c : s)
            if (c == ',') c = '.'; // Polish decimal comma
        std::string digits;
        for (char c : s)
            if (c != ' ' && c != '\xA0') digits.push_back(c);
        char* end = nullptr;
        const double v = std::strtod(digits.c_str(), &end);
        if (digits.empty() || end != digits.c_str() + digits.size() || !std::isfinite(v))
            return makeError("\"" + std::string(utf8Prefix(s, 30)) + "\" is not a number");
        return v;
    }
    return makeError(std::string("expected a number, got ") + raw.type_name());
}

Result<bool> asBool(const json& raw) {
    if (raw.is_boolean()) return raw.get<bool>();
    if (raw.is_number_integer()) {
        const auto v = raw.get<std::int64_t>();
        if (v == 0 || v == 1) return v == 1;
    }
    if (raw.is_string()) {
        const std::string s = foldForSearch(trim(raw.get_ref<const std::string&>()));
        if (s == "true" || s == "tak" || s == "yes" || s == "1") return true;
        if (s == "false" || s == "nie" || s == "no" || s == "0") return false;
    }
    // replace: the raw text may hold invalid UTF-8, which dump() would throw on.
    return makeError("expected true or false, got " +
                     raw.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).substr(0, 30));
}

bool contains(std::span<const std::string_view> choices, std::string_view v) {
    for (auto c : choices)
        if (c == v) return true;
    return false;
}

std::string choiceList(std::span<const std::string_view> choices) {
    std::string out;
    for (auto c : choices) {
        if (!out.empty()) out += ", ";
        out += c;
    }
    return out;
}

Result<Value> decodeLocalText(const json& raw) {
    if (raw.is_string()) {
        auto s = cleanText(raw.get_ref<const std::string&>());
        if (!s) return s.error();
        if (s->empty()) return Value{};
        return Value{LocalText{*s, {}, {}}};
    }
    if (!raw.is_object()) return makeError(std::string("expected text or {\"pl\": ...}, got ") + raw.type_name());
    LocalText lt;
    for (auto [lang, target] : {std::pair{"pl", &lt.pl}, {"en", &lt.en}, {"uk", &lt.uk}}) {
        const auto it = raw.find(lang);
        if (it == raw.end() || it->is_null()) continue;
        if (!it->is_string()) return makeError(std::string("language variant '") + lang + "' is not text");
        auto s = cleanText(it->get_ref<const std::string&>());
        if (!s) return s.error();
        *target = *s;
    }
    if (lt.pl.empty()) {
        if (lt.en.empty() && lt.uk.empty()) return Value{};
        return makeError("the Polish variant 'pl' is missing");
    }
    return Value{lt};
}

Result<Value> decodeTags(const FieldSpec& spec, const json& raw) {
    TextList items;
    auto add = [&](std::string_view s) -> Result<void> {
        auto t = cleanText(s);
        if (!t) return t.error();
        if (t->empty()) return {};
        if (!spec.choices.empty() && !contains(spec.choices, *t))
            return makeError("unknown value '" + *t + "' (expected one of: " + choiceList(spec.choices) + ")");
        items.push_back(*t);
        return {};
    };
    if (raw.is_string()) {
        std::string_view s = raw.get_ref<const std::string&>();
        std::size_t start = 0;
        while (start <= s.size()) {
            const std::size_t semi = std::min(s.find(';', start), s.size());
            if (auto r = add(s.substr(start, semi - start)); !r) return r.error();
            start = semi + 1;
        }
    } else if (raw.is_array()) {
        for (const json& item : raw) {
            if (!item.is_string()) return makeError("list items must be text");
            if (auto r = add(item.get_ref<const std::string&>()); !r) return r.error();
        }
    } else {
        return makeError(std::string("expected a list, got ") + raw.type_name());
    }
    if (items.empty()) return Value{};
    return Value{std::move(items)};
}

Result<Value> checkRange(const FieldSpec& spec, double v) {
    if ((spec.minValue != 0 || spec.maxValue != 0) && (v < spec.minValue || v > spec.maxValue)) {
        char buf[128];
        std::snprintf(buf, sizeof buf, "%g is outside %g..%g", v, spec.minValue, spec.maxValue);
        return makeError(buf);
    }
    if (spec.type == FieldType::Int) {
        if (v != std::floor(v)) return makeError("expected a whole number");
        return Value{static_cast<std::int64_t>(v)};
    }
    return Value{v};
}

Result<std::string> checkUrl(std::string s) {
    const bool https = s.starts_with("https://"), http = s.starts_with("http://");
    const std::size_t hostStart = https ? 8 : http ? 7 : 0;
    if (hostStart == 0) return makeError("address must start with https:// or http://");
    const std::size_t hostEnd = s.find_first_of("/?#", hostStart);
    const std::string host = s.substr(hostStart, hostEnd == std::string::npos ? std::string::npos : hostEnd - hostStart);
    if (host.empty() || host.find('.') == std::string::npos || s.find(' ') != std::string::npos)
        return makeError("\"" + std::string(utf8Prefix(s, 60)) + "\" is not a web address");
    return s;
}

Result<std::string> checkEmail(std::string s) {
    const auto at = s.find('@');
    if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos ||
        s.find('.', at) == std::string::npos || s.back() == '.' || s.find(' ') != std::string::npos)
        return makeError("\"" + std::string(utf8Prefix(s, 60)) + "\" is not an e-mail address");
    return s;
}

Result<std::string> checkPhone(std::string s) {
    int digits = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') ++digits;
        else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')')
            return makeError("phone number may contain only digits, spaces, + - ( )");
    }
    if (digits < 9 || digits > 15) return makeError("phone number must have 9 to 15 digits");
    return s;
}

Result<std::string> checkDistrict(const std::string& s) {
    for (auto key : districtKeys())
        if (key == s) return s;
    // QGIS users type the name: accept "Podgórz" or "podgorz" for the key.
    const std::string folded = foldForSearch(s);
    for (auto key : districtKeys())
        if (foldForSearch(districtName(key)) == folded) return std::string(key);
    return makeError("unknown Toruń district '" + s + "'");
}

Result<Value> wrap(Result<std::string> r) {
    if (!r) return r.error();
    return Value{std::move(r).value()};
}

} // namespace

bool isValidRecordId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '_' || c == ':' || c == '-';
        if (!ok) return false;
    }
    return true;
}

Result<Value> decodeField(const FieldSpec& spec, const json& raw) {
    if (raw.is_null()) return Value{};
    if (raw.is_string() && trim(raw.get_ref<const std::string&>()).empty()) return Value{};

    switch (spec.type) {
    case FieldType::LocalText: return decodeLocalText(raw);
    case FieldType::Tags: return decodeTags(spec, raw);
    case FieldType::Media: {
        FieldSpec any = spec;
        any.choices = {};
        return decodeTags(any, raw);
    }
    case FieldType::Int:
    case FieldType::Number: {
        auto n = asNumber(raw);
        if (!n) return n.error();
        return checkRange(spec, *n);
    }
    case FieldType::Bool: {
        auto b = asBool(raw);
        if (!b) return b.error();
        return Value{*b};
    }
    default: break;
    }

    auto s = asString(raw);
    if (!s) return s.error();
    switch (spec.type) {
    case FieldType::Text: return Value{std::move(s).value()};
    case FieldType::Enum:
        if (!contains(spec.choices, *s))
            return makeError("unknown value '" + *s + "' (expected one of: " + choiceList(spec.choices) + ")");
        return Value{std::move(s).value()};
    case FieldType::Date: return wrap(normaliseDate(*s));
    case FieldType::DateTime: return wrap(normaliseDateTime(*s));
    case FieldType::Url: return wrap(checkUrl(std::move(s).value()));
    case FieldType::Email: return wrap(checkEmail(std::move(s).value()));
    case FieldType::Phone: return wrap(checkPhone(std::move(s).value()));
    case FieldType::Nip: return wrap(normaliseNip(*s));
    case FieldType::Regon: return wrap(normaliseRegon(*s));
    case FieldType::Krs: return wrap(normaliseKrs(*s));
    case FieldType::District: return wrap(checkDistrict(*s));
    case FieldType::Ref:
        if (!isValidRecordId(*s)) return makeError("'" + std::string(utf8Prefix(*s, 70)) + "' is not a record id");
        return Value{std::move(s).value()};
    default: return makeError("unsupported field type");
    }
}

json encodeField(const FieldSpec&, const Value& value) {
    return std::visit(
        [](const auto& v) -> json {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return nullptr;
            else if constexpr (std::is_same_v<T, LocalText>) {
                if (v.en.empty() && v.uk.empty()) return v.pl;
                json o = {{"pl", v.pl}};
                if (!v.en.empty()) o["en"] = v.en;
                if (!v.uk.empty()) o["uk"] = v.uk;
                return o;
            } else return v;
        },
        value);
}

} // namespace cache
