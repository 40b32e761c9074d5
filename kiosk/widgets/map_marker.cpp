#include "map_marker.hpp"

#include <array>
#include <cmath>
#include <numbers>
#include <string>

namespace kiosk::widgets {
namespace {

constexpr ImU32 kOutline = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kSelectedRing = IM_COL32(20, 24, 30, 255);

// Regular polygon points, first vertex at angle `start` (radians).
template <std::size_t N> std::array<ImVec2, N> regular(ImVec2 c, float r, float start) {
    std::array<ImVec2, N> pts{};
    for (std::size_t i = 0; i < N; ++i) {
        const float a = start + static_cast<float>(i) * 2.0f * std::numbers::pi_v<float> / static_cast<float>(N);
        pts[i] = ImVec2(c.x + r * std::cos(a), c.y + r * std::sin(a));
    }
    return pts;
}

void fillShape(ImDrawList* dl, ImVec2 c, float r, MarkerShape shape, ImU32 colour) {
    constexpr float up = -std::numbers::pi_v<float> / 2.0f;
    switch (shape) {
    case MarkerShape::Circle: dl->AddCircleFilled(c, r, colour, 20); break;
    case MarkerShape::Square: dl->AddRectFilled(ImVec2(c.x - r * 0.86f, c.y - r * 0.86f), ImVec2(c.x + r * 0.86f, c.y + r * 0.86f), colour, r * 0.2f); break;
    case MarkerShape::Diamond: {
        auto p = regular<4>(c, r * 1.12f, up);
        dl->AddConvexPolyFilled(p.data(), 4, colour);
        break;
    }
    case MarkerShape::Triangle: {
        auto p = regular<3>(ImVec2(c.x, c.y + r * 0.18f), r * 1.25f, up);
        dl->AddConvexPolyFilled(p.data(), 3, colour);
        break;
    }
    case MarkerShape::Hexagon: {
        auto p = regular<6>(c, r * 1.02f, 0.0f);
        dl->AddConvexPolyFilled(p.data(), 6, colour);
        break;
    }
    case MarkerShape::Star: {
        // Five points; filled as a convex pentagon plus five tip triangles.
        auto outer = regular<5>(c, r * 1.25f, up);
        auto inner = regular<5>(c, r * 0.58f, up + std::numbers::pi_v<float> / 5.0f);
        dl->AddConvexPolyFilled(inner.data(), 5, colour);
        for (std::size_t i = 0; i < 5; ++i) dl->AddTriangleFilled(outer[i], inner[i], inner[(i + 4) % 5], colour);
        break;
    }
    }
}

// The shape's outline as a stroke: cheaper than filling a larger copy
// underneath (software GL pays per pixel, and a map has many markers).
void strokeShape(ImDrawList* dl, ImVec2 c, float r, MarkerShape shape, ImU32 colour, float width) {
    constexpr float up = -std::numbers::pi_v<float> / 2.0f;
    switch (shape) {
    case MarkerShape::Circle: dl->AddCircle(c, r, colour, 20, width); break;
    case MarkerShape::Square: dl->AddRect(ImVec2(c.x - r * 0.86f, c.y - r * 0.86f), ImVec2(c.x + r * 0.86f, c.y + r * 0.86f), colour, r * 0.2f, 0, width); break;
    case MarkerShape::Diamond: {
        auto p = regular<4>(c, r * 1.12f, up);
        dl->AddPolyline(p.data(), 4, colour, ImDrawFlags_Closed, width);
        break;
    }
    case MarkerShape::Triangle: {
        auto p = regular<3>(ImVec2(c.x, c.y + r * 0.18f), r * 1.25f, up);
        dl->AddPolyline(p.data(), 3, colour, ImDrawFlags_Closed, width);
        break;
    }
    case MarkerShape::Hexagon: {
        auto p = regular<6>(c, r * 1.02f, 0.0f);
        dl->AddPolyline(p.data(), 6, colour, ImDrawFlags_Closed, width);
        break;
    }
    case MarkerShape::Star: {
        auto outer = regular<5>(c, r * 1.25f, up);
        auto inner = regular<5>(c, r * 0.58f, up + std::numbers::pi_v<float> / 5.0f);
        std::array<ImVec2, 10> p{};
        for (std::size_t i = 0; i < 5; ++i) {
            p[2 * i] = outer[i];
            p[2 * i + 1] = inner[i];
        }
        dl->AddPolyline(p.data(), 10, colour, ImDrawFlags_Closed, width);
        break;
    }
    }
}

} // namespace

MarkerStyle markerStyle(int layerIndex) {
    // Okabe–Ito colours (distinguishable with the common colour-vision
    // deficiencies), each paired with its own shape.
    static constexpr std::array<MarkerStyle, 6> kStyles{
        MarkerStyle{MarkerShape::Circle, IM_COL32(0, 114, 178, 255)},   // entities
        MarkerStyle{MarkerShape::Star, IM_COL32(213, 94, 0, 255)},      // support points
        MarkerStyle{MarkerShape::Square, IM_COL32(0, 140, 100, 255)},   // premises
        MarkerStyle{MarkerShape::Diamond, IM_COL32(200, 130, 0, 255)},  // equipment
        MarkerStyle{MarkerShape::Triangle, IM_COL32(190, 95, 150, 255)}, // offers
        MarkerStyle{MarkerShape::Hexagon, IM_COL32(100, 70, 160, 255)}, // events
    };
    return kStyles[static_cast<std::size_t>(layerIndex) % kStyles.size()];
}

void drawMarker(ImDrawList* dl, ImVec2 c, float radius, const MarkerStyle& style, bool selected) {
    fillShape(dl, c, radius, style.shape, style.fill);
    strokeShape(dl, c, radius + 1.0f, style.shape, kOutline, 2.5f);
    if (selected) strokeShape(dl, c, radius + 4.5f, style.shape, kSelectedRing, 4.0f);
}

void drawClusterMarker(ImDrawList* dl, ImVec2 c, float radius, const MarkerStyle& style, unsigned count,
                       ImFont* font) {
    drawMarker(dl, c, radius, style);
    // A second, outer ring sets a cluster apart from a single marker.
    strokeShape(dl, c, radius + 5.0f, style.shape, style.fill, 2.5f);
    const std::string text = count > 999 ? std::to_string(count / 1000) + "k" : std::to_string(count);
    const float size = font->FontSize * (radius > font->FontSize ? 1.0f : 0.85f);
    const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str());
    dl->AddText(font, size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), kOutline, text.c_str());
}

void drawHereMarker(ImDrawList* dl, ImVec2 c, float radius) {
    dl->AddCircleFilled(c, radius * 2.2f, IM_COL32(30, 110, 230, 60), 32);
    dl->AddCircleFilled(c, radius + 3.0f, IM_COL32(255, 255, 255, 255), 24);
    dl->AddCircleFilled(c, radius, IM_COL32(30, 110, 230, 255), 24);
}

} // namespace kiosk::widgets
