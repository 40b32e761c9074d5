#pragma once
// Map markers: each layer has its own shape AND colour (never colour
// alone), the same in the legend, on the map and in the in-view list.
#include <imgui.h>

namespace kiosk::widgets {

enum class MarkerShape { Circle, Square, Diamond, Triangle, Hexagon, Star };

struct MarkerStyle {
    MarkerShape shape = MarkerShape::Circle;
    ImU32 fill = IM_COL32(0, 114, 178, 255);
};

// `layerIndex`: position in the map's layer list (app::kMapLayers).
MarkerStyle markerStyle(int layerIndex);

// A marker centred at `c`, `radius` px, white outline so it reads on any
// base map. `selected` adds a dark ring.
void drawMarker(ImDrawList* dl, ImVec2 c, float radius, const MarkerStyle& style, bool selected = false);
// A cluster: the layer's shape, larger, with its count in white.
void drawClusterMarker(ImDrawList* dl, ImVec2 c, float radius, const MarkerStyle& style, unsigned count,
                       ImFont* font);
// "You are here": a blue dot in a white ring inside a translucent halo.
void drawHereMarker(ImDrawList* dl, ImVec2 c, float radius);

} // namespace kiosk::widgets
