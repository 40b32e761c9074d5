#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace demo {

class Rng;

// Coordinates in 1e-5 degrees (the precision written to the files), kept as
// integers so that point-in-polygon decisions are exact on every machine.
struct Coord {
    std::int32_t lon = 0;
    std::int32_t lat = 0;
};

struct BBox {
    Coord min;
    Coord max;
};

struct Polygon {
    std::vector<Coord> outer; // closing vertex not repeated
    std::vector<std::vector<Coord>> holes;
    BBox box;
};

bool ringContains(const std::vector<Coord>& ring, const Coord& p);
bool polygonContains(const Polygon& polygon, const Coord& p);
BBox boundsOf(const std::vector<Coord>& ring);

struct District {
    std::string key;
    std::string name;
    std::vector<Polygon> parts; // Polygon or MultiPolygon
    BBox box;
};

// The parts of basemap.geojson the generator needs: district polygons (to
// place points and set `district`), water (to keep points out of the Vistula)
// and landmarks (fixed addresses such as the city hall).
class Basemap {
  public:
    // Throws std::runtime_error with a readable message on a bad file.
    static Basemap load(const std::filesystem::path& path);

    const District& district(std::string_view key) const;
    const std::vector<District>& districts() const { return m_districts; }
    std::optional<Coord> landmark(std::string_view id) const;

    bool inDistrict(const District& district, const Coord& p) const;
    bool inWater(const Coord& p) const;
    // Rejection sampling inside the district's bounding box; a point must be
    // well inside (its neighbours too), so that a different point-in-polygon
    // implementation reading the 5-decimal output reaches the same verdict.
    Coord randomPoint(std::string_view districtKey, Rng& rng) const;
    // The district whose polygon holds the point, if any.
    const District* districtAt(const Coord& p) const;

  private:
    std::vector<District> m_districts;
    std::vector<Polygon> m_water;
    std::vector<std::pair<std::string, Coord>> m_landmarks;
};

} // namespace demo
