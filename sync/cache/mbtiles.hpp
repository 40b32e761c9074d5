#pragma once
// Reading an MBTiles 1.3 file (SQLite): its metadata and its tiles by XYZ
// address. The kiosk's tile worker reads installed packs with it and the
// sync reads downloaded packs with it before re-encoding every tile, so it
// is SQLite only (no image decoding here) and one reader belongs to one
// thread.
#include "result.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace SQLite {
class Database;
class Statement;
} // namespace SQLite

namespace cache {

struct MbtilesInfo {
    std::string format;           // "png" or "jpg" ('format'; "jpeg" is read as "jpg")
    int minZoom = 0, maxZoom = 0; // 'minzoom'/'maxzoom', else MIN/MAX(zoom_level) of the tiles
    std::optional<std::array<double, 4>> bounds; // west, south, east, north ('bounds')
    std::optional<std::array<double, 3>> centre; // lon, lat, zoom ('center')
    std::string name, attribution;
};

enum class MbtilesOpenMode {
    // Plain read-only: SQLite locks and notices changes. Right for a file an
    // operator provides, which someone may edit or replace while it is open.
    ReadOnly,
    // Read-only with the URI parameter immutable=1: no locks, no change
    // detection, the fastest reads. Only for files nobody ever modifies in
    // place, such as installed packs (content-addressed, replaced by a new
    // name) and verified blobs. Editing such a file while it is open may
    // return wrong tiles or report corruption.
    Immutable,
};

// One tile as stored, with its address turned into XYZ (y down).
struct MbtilesTile {
    int z = 0, x = 0, y = 0;
    std::string_view data; // valid only during the visit
};

class MbtilesReader {
  public:
    // Opens read-only and reads the metadata. The error names the file and
    // what is wrong: missing, not SQLite, no `tiles` table or view, no
    // `metadata` table, an unsupported or missing 'format', unreadable
    // 'bounds'/'center'/'minzoom'/'maxzoom'.
    static Result<MbtilesReader> open(const std::filesystem::path& file,
                                      MbtilesOpenMode mode = MbtilesOpenMode::ReadOnly);

    MbtilesReader(MbtilesReader&&) noexcept;
    MbtilesReader& operator=(MbtilesReader&&) noexcept;
    MbtilesReader(const MbtilesReader&) = delete;
    MbtilesReader& operator=(const MbtilesReader&) = delete;
    ~MbtilesReader();

    const MbtilesInfo& info() const { return m_info; }
    const std::filesystem::path& file() const { return m_file; }

    // XYZ tile address (y down, as slippy maps); the TMS row MBTiles stores
    // is 2^z-1-y. Ok(nullopt) when the pack has no such tile (an address
    // outside the world included); an error only when SQLite fails.
    Result<std::optional<std::string>> tile(int z, int x, int y);

    // The number of rows in `tiles`.
    Result<std::int64_t> tileCount();

    // Visits every tile in storage order, stopping at the first error the
    // visitor returns (which is passed on). Before a tile's bytes are read
    // its row is checked: an address outside the world at its zoom (zoom
    // 0–30), data that is not a BLOB, or more than `maxTileBytes` bytes is an
    // error naming the tile, and an oversized tile is never loaded.
    Result<void> forEachTile(std::uint64_t maxTileBytes,
                             const std::function<Result<void>(const MbtilesTile&)>& visit);

    // PRAGMA quick_check: cheap structural check for a file from elsewhere.
    Result<void> quickCheck();

  private:
    MbtilesReader() = default;

    std::filesystem::path m_file;
    MbtilesInfo m_info;
    std::unique_ptr<SQLite::Database> m_db;         // declared before the statement
    std::unique_ptr<SQLite::Statement> m_tileQuery; // reused for every tile()
};

} // namespace cache
