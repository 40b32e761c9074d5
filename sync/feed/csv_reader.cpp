#include "csv_reader.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace feed {
namespace {

using cache::makeError;
using nlohmann::json;

// Splits into rows of cells; quoted cells may hold separators, quotes ("")
// and line breaks.
cache::Result<std::vector<std::vector<std::string>>> splitCsv(std::string_view text, char sep) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false, wasQuoted = false;
    int line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    cell.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                cell.push_back(c);
            }
            continue;
        }
        if (c == '"' && cell.empty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == sep) {
            rows.back().push_back(std::move(cell));
            cell.clear();
            wasQuoted = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            rows.back().push_back(std::move(cell));
            cell.clear();
            wasQuoted = false;
            rows.emplace_back();
            ++line;
        } else {
            cell.push_back(c);
        }
    }
    if (quoted) return makeError("a quoted cell is not closed (from line " + std::to_string(line) + ")");
    if (!cell.empty() || !rows.back().empty()) rows.back().push_back(std::move(cell));
    while (!rows.empty() && (rows.back().empty() || (rows.back().size() == 1 && rows.back()[0].empty())))
        rows.pop_back();
    return rows;
}

std::optional<double> number(const std::string& s) {
    std::string t = s;
    for (char& c : t)
        if (c == ',') c = '.';
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (t.empty() || end != t.c_str() + t.size()) return std::nullopt;
    return v;
}

} // namespace

cache::Result<FeatureCollectionFile> parseCsv(std::string_view text, std::string_view name) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3); // Excel's BOM
    const std::string_view firstLine = text.substr(0, text.find('\n'));
    const auto count = [&](char c) { return std::count(firstLine.begin(), firstLine.end(), c); };
    const char sep = count(';') > count(',') ? ';' : ',';
    auto rows = splitCsv(text, sep);
    if (!rows) return makeError(std::string(name) + ": " + rows.error().message);
    if (rows->empty()) return makeError(std::string(name) + ": no header row");
    const auto& header = rows->front();

    int lonCol = -1, latCol = -1;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == "longitude" || header[i] == "lon") lonCol = static_cast<int>(i);
        if (header[i] == "latitude" || header[i] == "lat") latCol = static_cast<int>(i);
    }
    if ((lonCol < 0) != (latCol < 0)) return makeError(std::string(name) + ": has only one of longitude/latitude");

    FeatureCollectionFile out;
    for (std::size_t r = 1; r < rows->size(); ++r) {
        const auto& row = (*rows)[r];
        const int lineNo = static_cast<int>(r) + 1;
        if (row.size() != header.size()) {
            out.envelopeIssues.push_back(std::string(name) + " row " + std::to_string(lineNo) + ": " +
                                         std::to_string(row.size()) + " cells, the header has " +
                                         std::to_string(header.size()));
            continue;
        }
        RawFeature f;
        f.index = lineNo;
        f.properties = json::object();
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (static_cast<int>(i) == lonCol || static_cast<int>(i) == latCol || row[i].empty()) continue;
            const std::string& key = header[i];
            // name_en / name_uk: variants of `name`.
            if (key.size() > 3 && (key.ends_with("_en") || key.ends_with("_uk"))) {
                const std::string base = key.substr(0, key.size() - 3), lang = key.substr(key.size() - 2);
                json& target = f.properties[base];
                if (target.is_string()) target = json{{"pl", target.get<std::string>()}};
                if (target.is_null()) target = json::object();
                target[lang] = row[i];
                continue;
            }
            json& target = f.properties[key];
            if (target.is_object()) target["pl"] = row[i];
            else target = row[i];
        }
        if (lonCol >= 0 && !row[lonCol].empty()) {
            const auto lon = number(row[lonCol]), lat = number(row[latCol]);
            if (lon && lat) f.geometry = json{{"type", "Point"}, {"coordinates", {*lon, *lat}}};
            else f.geometry = json{{"type", "Point"}, {"coordinates", {row[lonCol], row[latCol]}}}; // rejected, with the values
        } else {
            f.geometry = nullptr;
        }
        out.features.push_back(std::move(f));
    }
    return out;
}

cache::Result<FeatureCollectionFile> readCsvFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(path.string() + ": cannot open");
    std::ostringstream ss;
    ss << in.rdbuf();
    return parseCsv(ss.str(), path.string());
}

} // namespace feed
