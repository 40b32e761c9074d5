#include "apply_action.hpp"

namespace kiosk::app {
namespace {

constexpr std::size_t kMaxHistory = 32;

void push(Session& s, Route r, Effects& fx) {
    if (s.current() == r) return;
    s.history.push_back(std::move(r));
    if (s.history.size() > kMaxHistory) s.history.erase(s.history.begin() + 1);
    fx.routeChanged = true;
}

template <class... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

void applyAction(Session& s, const Action& action, Effects& fx) {
    std::visit(Overloaded{
                   [&](const GoHome&) {
                       if (s.history.size() > 1 || s.current().screen != ScreenId::Home) fx.routeChanged = true;
                       s.history.assign(1, Route{});
                   },
                   [&](const GoBack&) {
                       if (s.history.size() > 1) {
                           s.history.pop_back();
                           fx.routeChanged = true;
                       }
                   },
                   [&](const OpenList& a) { push(s, Route{ScreenId::List, a.collection, {}}, fx); },
                   [&](const OpenDetail& a) { push(s, Route{ScreenId::Detail, a.collection, a.id}, fx); },
                   [&](const OpenSearch&) { push(s, Route{ScreenId::Search, {}, {}}, fx); },
                   [&](const SetQuery& a) {
                       if (a.text == s.query) return;
                       s.query = a.text;
                       ++s.queryGeneration;
                       s.results.reset();
                       fx.searchChanged = true;
                       if (s.current().screen != ScreenId::Search && !a.text.empty())
                           push(s, Route{ScreenId::Search, {}, {}}, fx);
                   },
                   [&](const SetLanguage& a) { s.lang = a.lang; },
                   [&](const ToggleChoice& a) {
                       auto& set = s.filters[a.collection].choices[a.filterId];
                       if (!set.erase(a.value)) set.insert(a.value);
                       if (set.empty()) s.filters[a.collection].choices.erase(a.filterId);
                   },
                   [&](const ToggleFlag& a) {
                       auto& flags = s.filters[a.collection].flags;
                       if (!flags.erase(a.filterId)) flags.insert(a.filterId);
                   },
                   [&](const SetDaysAhead& a) {
                       auto& days = s.filters[a.collection].daysAhead;
                       if (a.days <= 0) days.erase(a.filterId);
                       else days[a.filterId] = a.days;
                   },
                   [&](const ClearFilters& a) { s.filters.erase(a.collection); },
                   [&](const OpenMap&) { push(s, Route{ScreenId::Map, {}, {}}, fx); },
                   [&](const ShowOnMap& a) {
                       push(s, Route{ScreenId::Map, a.collection, a.id}, fx);
                       s.mapSelection = MapSelection{a.collection, a.id};
                       s.hiddenMapLayers.erase(a.collection); // what was asked for is visible
                   },
                   [&](const ToggleMapLayer& a) {
                       if (!s.hiddenMapLayers.erase(a.collection)) {
                           s.hiddenMapLayers.insert(a.collection);
                           if (s.mapSelection && s.mapSelection->collection == a.collection) s.mapSelection.reset();
                       }
                   },
                   [&](const SelectOnMap& a) {
                       if (a.id.empty()) s.mapSelection.reset();
                       else s.mapSelection = MapSelection{a.collection, a.id};
                   },
                   [&](const ToggleHighContrast&) {
                       s.highContrast = !s.highContrast;
                       fx.lookChanged = true;
                   },
                   [&](const ToggleLargeText&) {
                       s.largeText = !s.largeText;
                       fx.lookChanged = true;
                   },
                   [&](const OpenAdmin&) { push(s, Route{ScreenId::Admin, {}, {}}, fx); },
                   [&](const SubmitAdminPin& a) {
                       if (s.current().screen == ScreenId::Admin && !s.adminUnlocked) fx.adminPin = a.pin;
                   },
                   [&](const AdminCommand& a) {
                       // Only from the unlocked screen, whoever emitted it.
                       if (s.current().screen == ScreenId::Admin && s.adminUnlocked) fx.adminCommand = a.kind;
                   },
               },
               action);
    // Leaving the admin screen locks it and takes it out of the history, so
    // "back" from a later screen never lands a visitor on its PIN pad.
    if (s.current().screen != ScreenId::Admin) {
        s.adminUnlocked = false;
        std::erase_if(s.history, [](const Route& r) { return r.screen == ScreenId::Admin; });
    }
}

void unlockAdmin(Session& s) {
    if (s.current().screen == ScreenId::Admin) s.adminUnlocked = true;
}

} // namespace kiosk::app
