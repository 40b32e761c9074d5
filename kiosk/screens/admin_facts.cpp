#include "admin_facts.hpp"

#include "cache/datetime.hpp"
#include "i18n/format.hpp"

#include <cmath>

namespace kiosk::screens {

std::string fillIn(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    auto next = args.begin();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() &&
            (pattern[i + 1] == 's' || pattern[i + 1] == 'd') && next != args.end()) {
            out += *next++;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::string formatAge(const i18n::Translator& tr, cache::Lang lang, std::int64_t seconds) {
    if (seconds < 60) return std::string(tr.text(lang, "admin.age_now"));
    if (seconds < 3600)
        return fillIn(tr.text(lang, "admin.age_minutes"), {std::to_string(seconds / 60)});
    if (seconds < 2 * 86400)
        return fillIn(tr.text(lang, "admin.age_hours"), {std::to_string(seconds / 3600)});
    return tr.count(lang, "admin.age_days", static_cast<long>(seconds / 86400));
}

std::string formatBytes(const i18n::Translator& tr, cache::Lang lang, std::uint64_t bytes) {
    const double mb = static_cast<double>(bytes) / 1e6;
    // One decimal at most, and none when it is 0: "29 GB", "12,3 GB".
    if (mb >= 999.5)
        return fillIn(tr.text(lang, "admin.gb"),
                      {i18n::formatNumber(lang, std::round(mb / 100) / 10)});
    return fillIn(tr.text(lang, "admin.mb"), {i18n::formatNumber(lang, std::round(mb), 0)});
}

std::string formatStamp(cache::Lang lang, std::string_view rfc3339) {
    std::string s = i18n::formatDateTime(lang, rfc3339);
    // The sync records UTC; say so rather than pass it off as Toruń time.
    if (rfc3339.ends_with("+00:00")) s += " UTC";
    return s;
}

std::vector<AdminFact> adminFacts(const app::AdminPanel& panel, const i18n::Translator& tr,
                                  cache::Lang lang, std::int64_t nowUnix,
                                  std::string_view version) {
    const auto t = [&](std::string_view key) { return tr.text(lang, key); };
    std::vector<AdminFact> facts;
    const auto add = [&](std::string_view labelKey, std::string value, bool problem = false) {
        facts.push_back({std::string(t(labelKey)), std::move(value), problem});
    };
    add("admin.version", std::string(version));
    add("admin.terminal",
        panel.terminalId.empty() ? std::string(t("admin.terminal_unset")) : panel.terminalId,
        panel.terminalId.empty());

    const app::HealthReport* h = panel.health;
    const std::string checking(t("admin.checking"));
    const auto unavailable = [&](const cache::Error& e) {
        return fillIn(t("admin.unavailable"), {e.message});
    };

    if (!h) {
        for (const char* key : {"admin.sequence", "admin.data_age", "admin.last_success",
                                "admin.last_attempt", "admin.disk", "admin.memory"})
            add(key, checking);
        return facts;
    }
    if (h->sync.ok()) {
        const cache::SyncStatus& s = *h->sync;
        add("admin.sequence",
            s.sequence > 0 ? std::to_string(s.sequence) : std::string(t("admin.never")),
            s.sequence <= 0);
        const auto success = cache::unixSecondsOfDateTime(s.lastSuccess);
        add("admin.data_age",
            success ? formatAge(tr, lang, std::max<std::int64_t>(0, nowUnix - *success))
                    : std::string(t("admin.never")),
            !success);
        add("admin.last_success",
            success ? formatStamp(lang, s.lastSuccess) : std::string(t("admin.never")), !success);
        if (s.lastAttempt.empty()) {
            add("admin.last_attempt", std::string(t("admin.never")), true);
        } else if (s.lastError.empty()) {
            add("admin.last_attempt",
                fillIn(t("admin.sync_ok"), {formatStamp(lang, s.lastAttempt)}));
        } else {
            add("admin.last_attempt",
                fillIn(t("admin.sync_failed"), {formatStamp(lang, s.lastAttempt), s.lastError}),
                true);
        }
        if (!s.expiresAt.empty()) {
            const bool stale = s.staleAt(nowUnix);
            const std::string when = formatStamp(lang, s.expiresAt);
            add("admin.feed_expires", stale ? fillIn(t("admin.feed_expired"), {when}) : when,
                stale);
        }
    } else {
        add("admin.last_attempt", unavailable(h->sync.error()), true);
    }
    if (h->disk.ok())
        add("admin.disk",
            fillIn(t("admin.disk_value"), {formatBytes(tr, lang, h->disk->freeBytes),
                                           formatBytes(tr, lang, h->disk->totalBytes)}));
    else
        add("admin.disk", unavailable(h->disk.error()), true);
    if (h->memory.ok())
        add("admin.memory",
            fillIn(t("admin.memory_value"), {formatBytes(tr, lang, h->memory->processRssBytes),
                                             formatBytes(tr, lang, h->memory->availableBytes),
                                             formatBytes(tr, lang, h->memory->totalBytes)}));
    else
        add("admin.memory", unavailable(h->memory.error()), true);
    return facts;
}

} // namespace kiosk::screens
