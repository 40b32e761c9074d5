#pragma once
// Small, hand-written records for UI tests (the demo data is tested on its own).
#include <string>

namespace uitest {

inline std::string entityFeature(const std::string& id, const std::string& name, const std::string& form,
                                 const std::string& district, double lon, double lat, bool stepFree) {
    return R"({"type":"Feature","id":")" + id + R"(","geometry":{"type":"Point","coordinates":[)" +
           std::to_string(lon) + "," + std::to_string(lat) + R"(]},"properties":{"status":"active",)"
           R"("updated_at":"2026-11-01T10:00:00+01:00","name":")" + name + R"(","legal_form":")" + form +
           R"(","address":"ul. Szeroka 1, 87-100 Toruń","district":")" + district +
           R"(","step_free":)" + (stepFree ? "true" : "false") + "}}";
}

// 30 entities: enough rows to scroll on a 1080-line screen.
inline std::string manyEntities() {
    std::string out = entityFeature("e-lodz", "Spółdzielnia Socjalna Łódź", "spoldzielnia_socjalna",
                                    "stare_miasto", 18.6047, 53.0103, true);
    out += "," + entityFeature("e-alma", "Fundacja ALMA", "fundacja", "podgorz", 18.60, 52.99, false);
    for (int i = 0; i < 28; ++i)
        out += "," + entityFeature("e-" + std::to_string(i), "Stowarzyszenie Żółw nr " + std::to_string(100 + i),
                                   "stowarzyszenie", i % 2 ? "rubinkowo" : "mokre", 18.63, 53.02, i % 3 == 0);
    return out;
}

} // namespace uitest
