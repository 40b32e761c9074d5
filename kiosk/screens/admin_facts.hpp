#pragma once
// The admin screen's figures as label/value lines in the visitor's
// language: version, terminal, data sequence and age, the last sync and its
// error in words, disk and memory. Pure (no ImGui): tested without a window.
#include "app/admin_panel.hpp"
#include "i18n/translator.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::screens {

struct AdminFact {
    std::string label;
    std::string value;
    bool problem = false; // shown in the warning colour (failed sync, expired data, probe error)
};

// "under a minute", "12 min", "5 h", "3 days" for a non-negative number of seconds.
std::string formatAge(const i18n::Translator& tr, cache::Lang lang, std::int64_t seconds);
// "12,3 GB" / "850 MB" (decimal units, as disks are sold).
std::string formatBytes(const i18n::Translator& tr, cache::Lang lang, std::uint64_t bytes);
// A stored RFC 3339 time for a person: "21.11.2026, 14:02 UTC".
std::string formatStamp(cache::Lang lang, std::string_view rfc3339);

// `panel.health` null: the probe has not answered yet ("checking…").
std::vector<AdminFact> adminFacts(const app::AdminPanel& panel, const i18n::Translator& tr,
                                  cache::Lang lang, std::int64_t nowUnix, std::string_view version);

// Replaces each "%s" or "%d" in `pattern`, in order, by the next of `args`.
std::string fillIn(std::string_view pattern, std::initializer_list<std::string_view> args);

} // namespace kiosk::screens
