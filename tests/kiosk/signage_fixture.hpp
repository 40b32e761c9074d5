#pragma once
// Records for the signage tests, around one "now": Thursday 2026-11-19,
// 10:00 in Toruń (+01:00). Each collection has records that must show and
// records that must not (past deadline, closed, ended, expired, archived).
#include "fixture_records.hpp"
#include "ui_harness.hpp"

#include <string>

namespace signagetest {

inline constexpr std::int64_t kNow = 1795078800; // 2026-11-19T10:00:00+01:00
inline constexpr int kWarsawWinter = 3600;

inline std::string feature(const std::string& id, const std::string& status,
                           const std::string& props,
                           const std::string& updatedAt = "2026-11-01T10:00:00+01:00") {
    return R"({"type":"Feature","id":")" + id + R"(","geometry":null,"properties":{"status":")" +
           status + R"(","updated_at":")" + updatedAt + R"(",)" + props + "}}";
}

inline std::string equipment() {
    const std::string base =
        R"("category":"furniture","mode":"give","description":"Solidne, do odbioru od zaraz.",)"
        R"("pickup_address":"ul. Szeroka 1, 87-100 Toruń","district":"stare_miasto")";
    return feature("eq-old", "available", R"("title":"Krzesła biurowe",)" + base,
                   "2026-10-01T10:00:00+02:00") +
           "," +
           feature("eq-new", "available", R"("title":"Biurko",)" + base,
                   "2026-11-18T09:00:00+01:00") +
           "," +
           feature("eq-mid", "available",
                   R"("title":"Szafa","available_until":"2026-11-19",)" + base,
                   "2026-11-10T09:00:00+01:00") +
           "," +
           feature("eq-reserved", "reserved", R"("title":"Regał",)" + base,
                   "2026-11-18T12:00:00+01:00") +
           "," +
           feature("eq-expired", "available",
                   R"("title":"Lampa","available_until":"2026-11-18",)" + base,
                   "2026-11-18T13:00:00+01:00");
}

inline std::string demand(const std::string& id, const std::string& status,
                          const std::string& deadline, const std::string& extra = "") {
    return feature(id, status,
                   R"("title":"Zamówienie )" + id +
                       R"(","department":"Wydział Zdrowia i Polityki Społecznej",)"
                       R"("kind":"zamowienie","deadline":")" +
                       deadline + "\"" + extra);
}

inline std::string demands() {
    return demand("d-later", "open", "2026-11-30T12:00:00+01:00", R"(,"social_clause":false)") +
           "," + demand("d-soon", "open", "2026-11-21T12:00:00+01:00", R"(,"social_clause":true)") +
           "," + demand("d-today", "open", "2026-11-19T15:00:00+01:00") + "," +
           demand("d-past", "open", "2026-11-18T12:00:00+01:00", R"(,"social_clause":true)") + "," +
           demand("d-this-morning", "open", "2026-11-19T09:00:00+01:00") + "," +
           demand("d-closed", "closed", "2026-12-01T12:00:00+01:00");
}

inline std::string event(const std::string& id, const std::string& status, const std::string& start,
                         const std::string& end = "") {
    return feature(
        id, status,
        R"("title":"Szkolenie )" + id + R"(","kind":"training","starts_at":")" + start + "\"" +
            (end.empty() ? "" : R"(,"ends_at":")" + end + "\"") +
            R"(,"place":"Urząd Miasta Torunia","organiser":"Wydział Zdrowia i Polityki Społecznej")");
}

inline std::string events() {
    return event("ev-later", "scheduled", "2026-12-03T10:00:00+01:00") + "," +
           event("ev-next", "scheduled", "2026-11-20T10:00:00+01:00", "2026-11-20T12:00:00+01:00") +
           "," +
           event("ev-now", "scheduled", "2026-11-19T09:00:00+01:00", "2026-11-19T12:00:00+01:00") +
           "," +
           event("ev-past", "scheduled", "2026-11-18T10:00:00+01:00", "2026-11-18T12:00:00+01:00") +
           "," + event("ev-cancelled", "cancelled", "2026-11-25T10:00:00+01:00");
}

inline std::string entities() {
    std::string closed = uitest::entityFeature("e-closed", "Fundacja Zamknięta", "fundacja",
                                               "mokre", 18.62, 53.01, false);
    closed.replace(closed.find("\"active\""), 8, "\"closed\"");
    return uitest::entityFeature("e-alma", "Fundacja ALMA", "fundacja", "podgorz", 18.60, 52.99,
                                 true) +
           "," +
           uitest::entityFeature("e-jestem", "Stowarzyszenie JESTEM", "stowarzyszenie", "rubinkowo",
                                 18.63, 53.02, false) +
           "," +
           uitest::entityFeature("e-lodz", "Spółdzielnia Socjalna Łódź", "spoldzielnia_socjalna",
                                 "stare_miasto", 18.6047, 53.0103, true) +
           "," + closed;
}

inline std::string announcement(const std::string& id, const std::string& status, int priority,
                                const std::string& from, const std::string& until) {
    return feature(
        id, status,
        R"("title":"Ogłoszenie )" + id +
            R"(","body":"Treść ogłoszenia, dość długa, by się zawinęła )"
            R"(w dwóch lub trzech wierszach na ekranie terminala w holu urzędu.","priority":)" +
            std::to_string(priority) + (from.empty() ? "" : R"(,"valid_from":")" + from + "\"") +
            (until.empty() ? "" : R"(,"valid_until":")" + until + "\""));
}

inline std::string announcements() {
    return announcement("a-normal", "published", 5, "2026-11-01T00:00:00+01:00",
                        "2026-12-16T23:59:00+01:00") +
           "," +
           announcement("a-urgent", "published", 9, "2026-11-10T00:00:00+01:00",
                        "2026-11-19T18:00:00+01:00") +
           "," + announcement("a-low", "published", 1, "", "") + "," +
           announcement("a-future", "published", 9, "2026-11-19T11:00:00+01:00", "") + "," +
           announcement("a-expired", "published", 8, "2026-11-01T00:00:00+01:00",
                        "2026-11-18T23:59:00+01:00") +
           "," + announcement("a-withdrawn", "withdrawn", 9, "", "");
}

inline std::string indicator(const std::string& id, const std::string& status,
                             const std::string& name, double target, double current) {
    return feature(id, status,
                   R"("name":")" + name + R"(","target":)" + std::to_string(target) +
                       R"(,"current":)" + std::to_string(current) +
                       R"(,"unit":{"pl":"szkoleń","en":"trainings","uk":"навчань"})");
}

inline std::string indicators() {
    return indicator("i-half", "active", "A: klauzule społeczne", 10, 7) + "," +
           indicator("i-over", "active", "B: studenci", 15, 24) + "," +
           indicator("i-zero", "active", "C: spotkania", 4, 0) + "," +
           indicator("i-archived", "archived", "D: dawny wskaźnik", 5, 1);
}

// Every signage collection; `skip` names collections left empty.
inline std::shared_ptr<const cache::Catalog> catalog(std::initializer_list<std::string> skip = {}) {
    uitest::FixtureCache cache;
    const auto add = [&](const std::string& name, const std::string& features) {
        for (const auto& s : skip)
            if (s == name) return;
        cache.add(name, features);
    };
    add("equipment", equipment());
    add("demands", demands());
    add("events", events());
    add("entities", entities());
    add("announcements", announcements());
    add("indicators", indicators());
    return cache.load();
}

} // namespace signagetest
