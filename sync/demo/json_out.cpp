#include "json_out.hpp"

#include <cstdio>

namespace demo {

std::string jsonString(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out.push_back('"');
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(u));
                out += buf;
            } else {
                out.push_back(c); // UTF-8 passes through unchanged
            }
        }
    }
    out.push_back('"');
    return out;
}

std::string fixedDecimal(std::int64_t scaled, int decimals) {
    std::string sign;
    std::uint64_t magnitude = 0;
    if (scaled < 0) {
        sign = "-";
        magnitude = static_cast<std::uint64_t>(-(scaled + 1)) + 1;
    } else {
        magnitude = static_cast<std::uint64_t>(scaled);
    }
    std::uint64_t divisor = 1;
    for (int i = 0; i < decimals; ++i) {
        divisor *= 10;
    }
    std::string out = sign + std::to_string(magnitude / divisor);
    if (decimals > 0) {
        std::string frac = std::to_string(magnitude % divisor);
        out += '.';
        out += std::string(static_cast<std::size_t>(decimals) - frac.size(), '0') + frac;
    }
    return out;
}

void JsonObject::key(std::string_view name) {
    if (!m_body.empty()) {
        m_body.push_back(',');
    }
    m_body += jsonString(name);
    m_body.push_back(':');
}

JsonObject& JsonObject::text(std::string_view name, std::string_view value) {
    key(name);
    m_body += jsonString(value);
    return *this;
}

JsonObject& JsonObject::ltext(std::string_view name, const LText& value) {
    key(name);
    if (value.en.empty() && value.uk.empty()) {
        m_body += jsonString(value.pl);
        return *this;
    }
    m_body += "{\"pl\":" + jsonString(value.pl);
    if (!value.en.empty()) {
        m_body += ",\"en\":" + jsonString(value.en);
    }
    if (!value.uk.empty()) {
        m_body += ",\"uk\":" + jsonString(value.uk);
    }
    m_body.push_back('}');
    return *this;
}

JsonObject& JsonObject::integer(std::string_view name, std::int64_t value) {
    key(name);
    m_body += std::to_string(value);
    return *this;
}

JsonObject& JsonObject::fixed(std::string_view name, std::int64_t scaled, int decimals) {
    key(name);
    m_body += fixedDecimal(scaled, decimals);
    return *this;
}

JsonObject& JsonObject::boolean(std::string_view name, bool value) {
    key(name);
    m_body += value ? "true" : "false";
    return *this;
}

JsonObject& JsonObject::optionalBoolean(std::string_view name, std::optional<bool> value) {
    if (value) {
        boolean(name, *value);
    }
    return *this;
}

JsonObject& JsonObject::tags(std::string_view name, const std::vector<std::string>& values) {
    key(name);
    m_body.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) {
            m_body.push_back(',');
        }
        m_body += jsonString(values[i]);
    }
    m_body.push_back(']');
    return *this;
}

JsonObject& JsonObject::raw(std::string_view name, std::string_view json) {
    key(name);
    m_body += json;
    return *this;
}

std::string JsonObject::str() const {
    return "{" + m_body + "}";
}

std::string pointJson(const Coord& point) {
    return "{\"type\":\"Point\",\"coordinates\":[" + fixedDecimal(point.lon, 5) + "," +
           fixedDecimal(point.lat, 5) + "]}";
}

std::string featureJson(const Feature& feature) {
    return "{\"type\":\"Feature\",\"id\":" + jsonString(feature.id) +
           ",\"geometry\":" + (feature.point ? pointJson(*feature.point) : std::string("null")) +
           ",\"properties\":" + feature.properties.str() + "}";
}

std::string collectionJson(std::string_view collection, const std::vector<Feature>& features) {
    std::string out = "{\"type\":\"FeatureCollection\",\"collection\":" + jsonString(collection) +
                      ",\"features\":[\n";
    for (std::size_t i = 0; i < features.size(); ++i) {
        out += featureJson(features[i]);
        out += i + 1 < features.size() ? ",\n" : "\n";
    }
    out += "]}\n";
    return out;
}

} // namespace demo
