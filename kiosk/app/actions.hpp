#pragma once
// What screens ask for. Drawing appends actions; they are applied after the
// frame, so a frame never sees half-changed state.
#include <string>
#include <variant>
#include <vector>

#include "cache/collection.hpp"
#include "cache/value.hpp"
#include "pin_digits.hpp"

namespace kiosk::app {

struct GoHome {};
struct GoBack {};
struct OpenList {
    cache::Collection collection;
};
struct OpenDetail {
    cache::Collection collection;
    std::string id;
};
struct OpenSearch {};
struct SetQuery {
    std::string text;
};
struct SetLanguage {
    cache::Lang lang;
};
struct ToggleChoice {
    cache::Collection collection;
    std::string filterId;
    std::string value;
};
struct ToggleFlag {
    cache::Collection collection;
    std::string filterId;
};
struct SetDaysAhead {
    cache::Collection collection;
    std::string filterId;
    int days; // 0 = off
};
struct ClearFilters {
    cache::Collection collection;
};
struct OpenMap {};
// "Show on map" from a detail screen: the map, centred on the record, its card open.
struct ShowOnMap {
    cache::Collection collection;
    std::string id;
};
struct ToggleMapLayer {
    cache::Collection collection;
};
// A marker tapped on the map: its card opens (an empty id closes it).
struct SelectOnMap {
    cache::Collection collection;
    std::string id;
};

struct ToggleHighContrast {};
struct ToggleLargeText {};

// The hidden gesture: the admin screen, locked until its PIN is typed.
struct OpenAdmin {};
// OK on the admin PIN pad. The digits wipe themselves in every copy; the
// frame loop checks them with AdminGate::submit (Effects::adminPin).
struct SubmitAdminPin {
    PinDigits pin;
};
// A button on the unlocked admin screen (Effects::adminCommand).
struct AdminCommand {
    enum class Kind { RequestSync, SignageOn, SignageOff, Quit };
    Kind kind;
};

using Action = std::variant<GoHome, GoBack, OpenList, OpenDetail, OpenSearch, SetQuery, SetLanguage,
                            ToggleChoice, ToggleFlag, SetDaysAhead, ClearFilters, OpenMap, ShowOnMap,
                            ToggleMapLayer, SelectOnMap, ToggleHighContrast, ToggleLargeText, OpenAdmin,
                            SubmitAdminPin, AdminCommand>;
using Actions = std::vector<Action>;

} // namespace kiosk::app
