#include "mbtiles.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <sqlite3.h>
#include <vector>

namespace cache {

namespace {

// Metadata shown on screen (the attribution under the map) comes from a file
// made elsewhere: valid UTF-8, one line, and short enough for a status line.
std::string displayText(std::string_view raw) {
    std::string s = toValidUtf8(utf8Prefix(raw, 300));
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return s;
}


// Zoom 30 is the deepest level whose 2^z columns still fit an int.
constexpr int kDeepestZoom = 30;

// [SECTION] Opening

// A `file:` URI for `path`: every byte outside the unreserved set is
// percent-encoded, so '?', '#' and '%' in a folder name stay part of the path.
std::string fileUri(const std::filesystem::path& path, MbtilesOpenMode mode) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string uri = "file:";
    for (const unsigned char c : path.string()) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
            uri.push_back(static_cast<char>(c));
        } else {
            uri.push_back('%');
            uri.push_back(kHex[c >> 4]);
            uri.push_back(kHex[c & 0xF]);
        }
    }
    uri += mode == MbtilesOpenMode::Immutable ? "?mode=ro&immutable=1" : "?mode=ro";
    return uri;
}

// A pack may come from anywhere: no schema-defined function may have side
// effects, corrupt cells are caught early, and the file cannot be damaged
// through this connection (it is read-only anyway).
void harden(SQLite::Database& db) {
    sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    db.exec("PRAGMA cell_size_check = ON");
}

// [SECTION] Metadata values

std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return std::string(s);
}

std::string lowered(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::optional<double> parseDouble(std::string_view s) {
    const std::string t = trimmed(s);
    double v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc{} || end != t.data() + t.size() || t.empty()) return std::nullopt;
    return v;
}

std::optional<int> parseInt(std::string_view s) {
    const std::string t = trimmed(s);
    int v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc{} || end != t.data() + t.size() || t.empty()) return std::nullopt;
    return v;
}

// "a,b,c" into exactly N numbers.
template <std::size_t N> std::optional<std::array<double, N>> parseNumbers(std::string_view s) {
    std::array<double, N> out{};
    std::size_t i = 0;
    while (true) {
        const auto comma = s.find(',');
        if (i == N) return std::nullopt;
        const auto v = parseDouble(s.substr(0, comma));
        if (!v) return std::nullopt;
        out[i++] = *v;
        if (comma == std::string_view::npos) break;
        s.remove_prefix(comma + 1);
    }
    if (i != N) return std::nullopt;
    return out;
}

bool validAddress(int z, std::int64_t x, std::int64_t y) {
    if (z < 0 || z > kDeepestZoom) return false;
    const std::int64_t side = std::int64_t{1} << z;
    return x >= 0 && x < side && y >= 0 && y < side;
}

} // namespace

// [SECTION] MbtilesReader

MbtilesReader::MbtilesReader(MbtilesReader&&) noexcept = default;
MbtilesReader& MbtilesReader::operator=(MbtilesReader&&) noexcept = default;
MbtilesReader::~MbtilesReader() = default;

Result<MbtilesReader> MbtilesReader::open(const std::filesystem::path& file, MbtilesOpenMode mode) {
    const std::string name = file.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        return makeError("map tile pack " + name + ": no such file");

    MbtilesReader r;
    r.m_file = file;
    try {
        r.m_db = std::make_unique<SQLite::Database>(fileUri(std::filesystem::absolute(file), mode),
                                                    SQLite::OPEN_READONLY | SQLite::OPEN_URI);
    } catch (const std::exception& e) {
        return makeError("map tile pack " + name + ": cannot open it (" + e.what() + ")");
    }
    SQLite::Database& db = *r.m_db;

    // The first read shows whether this is SQLite at all.
    std::map<std::string, std::string> objects; // name -> table/view
    try {
        harden(db);
        SQLite::Statement q(db,
                            "SELECT name, type FROM sqlite_master "
                            "WHERE name IN ('tiles', 'metadata') AND type IN ('table', 'view')");
        while (q.executeStep())
            objects[q.getColumn(0).getString()] = q.getColumn(1).getString();
    } catch (const std::exception& e) {
        return makeError("map tile pack " + name +
                         " is not an MBTiles file: it cannot be read as an SQLite database (" +
                         e.what() + ")");
    }
    if (!objects.count("tiles"))
        return makeError("map tile pack " + name +
                         " is not an MBTiles file: it has no 'tiles' table or view");
    if (!objects.count("metadata"))
        return makeError("map tile pack " + name +
                         " is not an MBTiles file: it has no 'metadata' table");

    std::map<std::string, std::string> meta;
    try {
        SQLite::Statement q(db, "SELECT name, value FROM metadata");
        while (q.executeStep())
            if (!q.getColumn(0).isNull() && !q.getColumn(1).isNull())
                meta[trimmed(q.getColumn(0).getString())] = q.getColumn(1).getString();
        r.m_tileQuery = std::make_unique<SQLite::Statement>(
            db, "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND "
                "tile_row = ?3 LIMIT 1");
    } catch (const std::exception& e) {
        return makeError("map tile pack " + name +
                         ": its 'metadata' or 'tiles' do not have the MBTiles columns (" +
                         e.what() + ")");
    }

    MbtilesInfo& info = r.m_info;
    const auto value = [&](const char* key) -> const std::string* {
        const auto it = meta.find(key);
        return it == meta.end() ? nullptr : &it->second;
    };
    const auto bad = [&](const char* key, const std::string& v, const char* expected) {
        return makeError("map tile pack " + name + ": metadata '" + key + "' is '" + v +
                         "', expected " + expected);
    };

    const std::string* format = value("format");
    if (!format)
        return makeError("map tile pack " + name +
                         ": metadata has no 'format' (expected png or jpg)");
    info.format = lowered(trimmed(*format));
    if (info.format == "jpeg") info.format = "jpg";
    if (info.format != "png" && info.format != "jpg")
        return makeError("map tile pack " + name + ": metadata 'format' is '" + *format +
                         "'; only png and jpg raster tiles are supported");

    if (const std::string* v = value("bounds")) {
        info.bounds = parseNumbers<4>(*v);
        if (!info.bounds) return bad("bounds", *v, "four numbers west,south,east,north");
    }
    if (const std::string* v = value("center")) {
        info.centre = parseNumbers<3>(*v);
        if (!info.centre) return bad("center", *v, "three numbers lon,lat,zoom");
    }
    if (const std::string* v = value("name")) info.name = displayText(*v);
    if (const std::string* v = value("attribution")) info.attribution = displayText(*v);

    std::optional<int> minZoom, maxZoom;
    if (const std::string* v = value("minzoom")) {
        minZoom = parseInt(*v);
        if (!minZoom) return bad("minzoom", *v, "a whole number");
    }
    if (const std::string* v = value("maxzoom")) {
        maxZoom = parseInt(*v);
        if (!maxZoom) return bad("maxzoom", *v, "a whole number");
    }
    if (!minZoom || !maxZoom) {
        // Optional in MBTiles 1.3: the tiles say it (an index lookup when
        // `tiles` has the usual unique index).
        try {
            SQLite::Statement q(db, "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles");
            if (q.executeStep() && !q.getColumn(0).isNull()) {
                if (!minZoom) minZoom = q.getColumn(0).getInt();
                if (!maxZoom) maxZoom = q.getColumn(1).getInt();
            }
        } catch (const std::exception& e) {
            return makeError("map tile pack " + name + ": cannot read its zoom levels (" +
                             e.what() + ")");
        }
    }
    info.minZoom = minZoom.value_or(0);
    info.maxZoom = maxZoom.value_or(0);
    if (info.minZoom < 0 || info.maxZoom > kDeepestZoom || info.minZoom > info.maxZoom)
        return makeError("map tile pack " + name + ": zoom levels " + std::to_string(info.minZoom) +
                         "–" + std::to_string(info.maxZoom) + " are not a range within 0–" +
                         std::to_string(kDeepestZoom));
    return r;
}

Result<std::optional<std::string>> MbtilesReader::tile(int z, int x, int y) {
    if (!validAddress(z, x, y)) return std::optional<std::string>{};
    const std::int64_t row = (std::int64_t{1} << z) - 1 - y;
    try {
        SQLite::Statement& q = *m_tileQuery;
        q.reset();
        q.bind(1, z);
        q.bind(2, x);
        q.bind(3, static_cast<std::int64_t>(row));
        std::optional<std::string> out;
        if (q.executeStep() && !q.getColumn(0).isNull()) { // a row without data is no tile
            const SQLite::Column c = q.getColumn(0);
            out.emplace(static_cast<const char*>(c.getBlob()),
                        static_cast<std::size_t>(c.getBytes()));
        }
        q.reset();
        return out;
    } catch (const std::exception& e) {
        return makeError("map tile pack " + m_file.string() + ": reading tile " +
                         std::to_string(z) + "/" + std::to_string(x) + "/" + std::to_string(y) +
                         " failed (" + e.what() + ")");
    }
}

Result<std::int64_t> MbtilesReader::tileCount() {
    try {
        return m_db->execAndGet("SELECT count(*) FROM tiles").getInt64();
    } catch (const std::exception& e) {
        return makeError("map tile pack " + m_file.string() + ": counting tiles failed (" +
                         e.what() + ")");
    }
}

Result<void>
MbtilesReader::forEachTile(std::uint64_t maxTileBytes,
                           const std::function<Result<void>(const MbtilesTile&)>& visit) {
    const std::string name = m_file.string();
    try {
        // The CASE keeps SQLite from loading an oversized blob at all.
        SQLite::Statement q(
            *m_db,
            "SELECT zoom_level, tile_column, tile_row, "
            "typeof(zoom_level) || typeof(tile_column) || typeof(tile_row), "
            "typeof(tile_data), length(tile_data), "
            "CASE WHEN typeof(tile_data) = 'blob' AND length(tile_data) <= ?1 THEN tile_data END "
            "FROM tiles");
        q.bind(1, static_cast<std::int64_t>(std::min<std::uint64_t>(maxTileBytes, INT64_MAX)));
        while (q.executeStep()) {
            if (q.getColumn(3).getString() != "integerintegerinteger")
                return makeError(
                    "map tile pack " + name +
                    ": a tile's zoom_level, tile_column or tile_row is not a whole number");
            const std::int64_t z = q.getColumn(0).getInt64(), col = q.getColumn(1).getInt64(),
                               row = q.getColumn(2).getInt64();
            const std::string where = "zoom " + std::to_string(z) + ", column " +
                                      std::to_string(col) + ", row " + std::to_string(row);
            if (z < 0 || z > kDeepestZoom || !validAddress(static_cast<int>(z), col, row))
                return makeError("map tile pack " + name + ": the tile at " + where +
                                 " is outside the world at its zoom");
            MbtilesTile t;
            t.z = static_cast<int>(z);
            t.x = static_cast<int>(col);
            t.y = static_cast<int>((std::int64_t{1} << z) - 1 - row);
            const std::string address = "tile " + std::to_string(t.z) + "/" + std::to_string(t.x) +
                                        "/" + std::to_string(t.y) + " (TMS row " +
                                        std::to_string(row) + ")";
            const std::string type = q.getColumn(4).getString();
            if (type != "blob")
                return makeError("map tile pack " + name + ": " + address + " holds " +
                                 (type == "null" ? std::string("no data")
                                                 : "a " + type + " instead of image bytes"));
            const std::int64_t bytes = q.getColumn(5).getInt64();
            if (static_cast<std::uint64_t>(bytes) > maxTileBytes)
                return makeError("map tile pack " + name + ": " + address + " is " +
                                 std::to_string(bytes) + " bytes, over the limit of " +
                                 std::to_string(maxTileBytes));
            const SQLite::Column data = q.getColumn(6);
            t.data = std::string_view(static_cast<const char*>(data.getBlob()),
                                      static_cast<std::size_t>(data.getBytes()));
            if (auto ok = visit(t); !ok) return ok;
        }
        return {};
    } catch (const std::exception& e) {
        return makeError("map tile pack " + name + ": reading its tiles failed (" + e.what() + ")");
    }
}

Result<void> MbtilesReader::quickCheck() {
    try {
        SQLite::Statement q(*m_db, "PRAGMA quick_check");
        std::string problems;
        while (q.executeStep()) {
            const std::string line = q.getColumn(0).getString();
            if (line == "ok") continue;
            if (!problems.empty()) problems += "; ";
            problems += line;
            if (problems.size() > 300) break;
        }
        if (problems.empty()) return {};
        return makeError("map tile pack " + m_file.string() + " is damaged: " + problems);
    } catch (const std::exception& e) {
        return makeError("map tile pack " + m_file.string() + " is damaged (" + e.what() + ")");
    }
}

} // namespace cache
