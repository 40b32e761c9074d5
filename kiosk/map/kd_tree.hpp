#pragma once
// A static 2-d tree over world points for box queries: built once (median
// splits, alternating axes, in place), queried many times without allocating
// beyond the caller's output vector.
#include "web_mercator.hpp"

#include <cstdint>
#include <vector>

namespace kiosk::map {

class KdTree {
  public:
    KdTree() = default;
    explicit KdTree(const std::vector<WorldPoint>& points);

    // Appends the indices (into the constructor's vector) of the points
    // inside `box` (edges included), in no particular order.
    void query(const WorldRect& box, std::vector<std::uint32_t>& out) const;
    std::size_t size() const { return m_entries.size(); }

  private:
    struct Entry {
        WorldPoint p;
        std::uint32_t id;
    };
    void split(std::size_t lo, std::size_t hi, int axis);

    std::vector<Entry> m_entries; // permuted in place into tree order
};

} // namespace kiosk::map
