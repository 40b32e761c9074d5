#include "collections.hpp"
#include "districts.hpp"
#include "entity_names.hpp"
#include "identifiers.hpp"
#include "prng.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

namespace demo {

namespace {

using namespace std::string_view_literals;

constexpr int kMaxNameTries = 12;
// Past this many entities the name pools are exhausted anyway; fewer retries
// keep 100k-entity benchmark sets fast. Depends on the index only, so entity k
// stays the same whatever --entities says.
constexpr std::size_t kManyEntities = 5000;
constexpr int kFewNameTries = 2;

// Organisations named in the seed documents. They keep their real names but
// get no identifiers, contacts or invented facts; except for CISTOR (whose
// address the seeds give) they are pinned at city level.
struct SeedOrganisation {
    std::string_view name;
    std::string_view shortName;
    LegalForm form;
    std::string_view address;
    std::string_view district;
    LText description;
};

const std::array<SeedOrganisation, 6> kSeedOrganisations = {{
    {"CISTOR Stowarzyszenie Partnerstwo Społeczne",
     "CISTOR",
     LegalForm::Stowarzyszenie,
     "ul. Stokrotkowa 22, 87-100 Toruń",
     "wrzosy",
     {"Lider projektu „Toruński program współpracy instytucji ekonomii społecznej z administracją "
      "lokalną” (2012–2015), w którym powstała platforma PES-TOR.",
      "Leader of the project “Toruń programme of cooperation between social economy institutions "
      "and local government” (2012–2015), which created the PES-TOR platform.",
      "Лідер проєкту «Торунська програма співпраці інституцій соціальної економіки з місцевою "
      "владою» (2012–2015), у межах якого створено платформу PES-TOR."}},
    {"Stowarzyszenie Pomocy Dzieciom Niepełnosprawnym i Osobom Potrzebującym Wsparcia „JESTEM”",
     "JESTEM",
     LegalForm::Stowarzyszenie,
     "87-100 Toruń",
     "stare_miasto",
     {"Gospodarz wizyty studyjnej programu współpracy (2013). Założyciel stowarzyszenia otrzymał "
      "wyróżnienie Prezydenta Miasta Torunia w kategorii „Przedsiębiorczość i ekonomia "
      "społeczna”.",
      "Host of a study visit of the cooperation programme (2013). The association's founder "
      "received the Mayor of Toruń's distinction for entrepreneurship and social economy.",
      ""}},
    {"Fundacja ALMA",
     "",
     LegalForm::Fundacja,
     "87-100 Toruń",
     "stare_miasto",
     {"Gospodarz wizyty studyjnej programu współpracy Gminy Miasta Toruń z podmiotami ekonomii "
      "społecznej (2013).",
      "", ""}},
    {"Stowarzyszenie Św. Łukasza",
     "",
     LegalForm::Stowarzyszenie,
     "87-100 Toruń",
     "stare_miasto",
     {"Gospodarz wizyty studyjnej programu współpracy Gminy Miasta Toruń z podmiotami ekonomii "
      "społecznej (2013).",
      "", ""}},
    {"AIESEC Toruń",
     "",
     LegalForm::Stowarzyszenie,
     "87-100 Toruń",
     "bielany",
     {"Toruński oddział międzynarodowej organizacji studenckiej AIESEC; gospodarz spotkania "
      "przedstawicieli PES i administracji lokalnej (2013).",
      "Toruń branch of the international student organisation AIESEC; hosted a meeting of social "
      "economy entities and local government (2013).",
      ""}},
    {"Towarzystwo Powrót z U",
     "",
     LegalForm::Stowarzyszenie,
     "87-100 Toruń",
     "stare_miasto",
     {"Gospodarz wizyty studyjnej programu współpracy Gminy Miasta Toruń z podmiotami ekonomii "
      "społecznej (2013).",
      "", ""}},
}};

constexpr std::array kMailboxes = {"biuro"sv, "kontakt"sv, "sekretariat"sv, "info"sv};

std::uint32_t socialEnterprisePercent(LegalForm form) {
    switch (form) {
    case LegalForm::SpoldzielniaSocjalna:
        return 70;
    case LegalForm::SpolkaNonProfit:
        return 40;
    case LegalForm::Zaz:
        return 30;
    case LegalForm::SpoldzielniaPracy:
    case LegalForm::SpoldzielniaInwalidow:
        return 25;
    case LegalForm::Fundacja:
    case LegalForm::Stowarzyszenie:
        return 6;
    default:
        return 0;
    }
}

bool mayBeOpp(LegalForm form) {
    return form == LegalForm::Fundacja || form == LegalForm::Stowarzyszenie ||
           form == LegalForm::SpolkaNonProfit || form == LegalForm::KlubSportowy ||
           form == LegalForm::OrganizacjaKoscielna;
}

std::optional<bool> triState(Rng& rng, std::uint32_t yes, std::uint32_t no) {
    const auto draw = static_cast<std::uint32_t>(rng.below(100));
    if (draw < yes) {
        return true;
    }
    if (draw < yes + no) {
        return false;
    }
    return std::nullopt; // unknown: the field is left out
}

std::vector<std::size_t> pickAreas(LegalForm form, int hint, Rng& rng) {
    const auto preferred = preferredAreas(form);
    const auto all = allAreas();
    std::vector<std::size_t> chosen;
    if (hint >= 0) {
        chosen.push_back(static_cast<std::size_t>(hint));
    }
    const auto count = static_cast<std::size_t>(rng.range(2, 4));
    while (chosen.size() < count) {
        const std::size_t candidate = chosen.size() < 2 || rng.percent(50)
                                          ? preferred[rng.below(preferred.size())]
                                          : static_cast<std::size_t>(rng.below(all.size()));
        if (std::find(chosen.begin(), chosen.end(), candidate) == chosen.end()) {
            chosen.push_back(candidate);
        }
    }
    return chosen;
}

LText describe(LegalForm form, const DistrictInfo& district, const std::vector<std::size_t>& areas,
               bool translated, Rng& rng) {
    const auto& kind = legalFormInfo(form).kind;
    const auto all = allAreas();
    auto join = [&](auto member) {
        std::string out;
        for (const auto a : areas) {
            out += (out.empty() ? "" : ", ") + std::string(member(all[a]));
        }
        return out;
    };
    const LText sentence = formSentence(form, rng);
    LText text;
    text.pl = kind.pl + " z Torunia (" + std::string(district.name) +
              "). Obszary działania: " + join([](const Area& a) { return a.pl; }) + ". " +
              sentence.pl;
    if (translated) {
        text.en = kind.en + " based in Toruń (" + std::string(district.name) +
                  "). Areas of activity: " + join([](const Area& a) { return a.en; }) + ". " +
                  sentence.en;
        text.uk = kind.uk + " з Торуня (" + std::string(district.name) +
                  "). Сфери діяльності: " + join([](const Area& a) { return a.uk; }) + ". " +
                  sentence.uk;
    }
    return text;
}

class EntityBuilder {
  public:
    explicit EntityBuilder(GenContext& ctx) : m_ctx(ctx) {}

    Feature seedOrganisation(const SeedOrganisation& org, const std::string& id, Rng& rng) {
        const Coord point = m_ctx.basemap.randomPoint(org.district, rng);
        Feature f{id, point, {}};
        f.properties.text("updated_at", pastTimestamp(m_ctx.options.today, rng, 60))
            .text("status", "active")
            .text("name", org.name);
        if (!org.shortName.empty()) {
            f.properties.text("short_name", org.shortName);
        }
        f.properties.text("legal_form", legalFormInfo(org.form).key)
            .ltext("description", org.description)
            .text("address", org.address)
            .text("district", org.district);
        m_names.insert(fnv1a64(org.name));
        m_ctx.entities.push_back(EntityRef{id,
                                           std::string(org.name),
                                           org.form,
                                           std::string(org.district),
                                           std::string(org.address),
                                           point,
                                           true,
                                           {},
                                           {}});
        return f;
    }

    Feature fictional(const std::string& id, Rng& rng) {
        const LegalForm form = pickLegalForm(rng);
        const auto& info = legalFormInfo(form);
        const DistrictInfo& district = pickDistrictForEntity(rng);
        const EntityRef* parent = nullptr;
        // Prefer a name whose full and short forms are both new; settle for a
        // new full name (dropping the short one), and only then number it.
        EntityName name;
        std::optional<EntityName> fallback;
        const EntityRef* fallbackParent = nullptr;
        bool found = false;
        const int maxTries = m_ctx.entities.size() < kManyEntities ? kMaxNameTries : kFewNameTries;
        for (int attempt = 0; attempt < maxTries && !found; ++attempt) {
            parent = nullptr;
            if (info.runByParent && !m_parents.empty() && rng.percent(85)) {
                parent = &m_ctx.entities[m_parents[rng.below(m_parents.size())]];
            }
            name = fictionalEntityName(form, district, parent ? parent->name : "", rng);
            const bool fullNew = !m_names.contains(fnv1a64(name.full));
            found =
                fullNew && (name.shortName.empty() || !m_names.contains(fnv1a64(name.shortName)));
            if (fullNew && !fallback) {
                fallback = name;
                fallbackParent = parent;
            }
        }
        if (!found && fallback) {
            name = *fallback;
            parent = fallbackParent;
        }
        if (m_names.contains(fnv1a64(name.full))) {
            // Only large benchmark sets run out of names.
            name.full += " nr " + std::to_string(++m_duplicates[name.full] + 1);
        }
        if (!name.shortName.empty() && m_names.contains(fnv1a64(name.shortName))) {
            name.shortName.clear();
        }
        m_names.insert(fnv1a64(name.full));
        if (!name.shortName.empty()) {
            m_names.insert(fnv1a64(name.shortName));
        }

        const auto areas = pickAreas(form, name.areaHint, rng);
        const bool hasDescription = rng.percent(80);
        const bool translated = hasDescription && rng.percent(25);
        const std::string address = withCity(randomStreetAddress(district, rng));
        const Coord point = m_ctx.basemap.randomPoint(district.key, rng);

        Feature f{id, point, {}};
        auto& p = f.properties;
        p.text("updated_at", pastTimestamp(m_ctx.options.today, rng, 400));
        const auto statusDraw = rng.below(100);
        p.text("status", statusDraw < 94 ? "active" : (statusDraw < 98 ? "suspended" : "closed"));
        p.text("name", name.full);
        if (!name.shortName.empty()) {
            p.text("short_name", name.shortName);
        }
        p.text("legal_form", info.key);
        if (hasDescription) {
            p.ltext("description", describe(form, district, areas, translated, rng));
        }
        std::vector<std::string> areaTags;
        for (const auto a : areas) {
            areaTags.emplace_back(allAreas()[a].pl);
        }
        p.tags("areas", areaTags).text("address", address).text("district", district.key);
        addContacts(p, name, rng);
        const std::string regon = addIdentifiers(p, form, parent, rng);
        if (mayBeOpp(form)) {
            p.boolean("opp",
                      rng.percent(form == LegalForm::Fundacja || form == LegalForm::Stowarzyszenie
                                      ? 35
                                      : 10));
        }
        p.boolean("social_enterprise", rng.percent(socialEnterprisePercent(form)));
        if (rng.percent(70)) {
            const auto& hours = rng.pick(openingHoursChoices());
            p.ltext("opening_hours",
                    translated
                        ? LText{std::string(hours.pl), std::string(hours.en), std::string(hours.uk)}
                        : LText{std::string(hours.pl), "", ""});
        }
        p.optionalBoolean("step_free", triState(rng, 45, 25))
            .optionalBoolean("accessible_toilet", triState(rng, 30, 30))
            .optionalBoolean("hearing_loop", triState(rng, 10, 20));
        if (parent) {
            p.text("parent_id", parent->id);
        }

        m_ctx.entities.push_back(EntityRef{id, name.full, form, std::string(district.key), address,
                                           point, false, regon, areas});
        if ((form == LegalForm::Fundacja || form == LegalForm::Stowarzyszenie) && !regon.empty() &&
            locativeOf(name.full)) {
            m_parents.push_back(m_ctx.entities.size() - 1);
        }
        return f;
    }

  private:
    void addContacts(JsonObject& p, const EntityName& name, Rng& rng) {
        std::string slug = slugify(name.shortName.empty() ? name.full : name.shortName);
        if (!m_slugs.insert(fnv1a64(slug)).second) {
            const std::string base = slug + "-" + std::to_string(m_ctx.entities.size() + 1);
            slug = base;
            for (int n = 2; !m_slugs.insert(fnv1a64(slug)).second; ++n) {
                slug = base + "-" + std::to_string(n);
            }
        }
        const std::string domain = fictionalDomain(slug);
        if (rng.percent(65)) {
            p.text("phone", fictionalPhone(rng));
        }
        if (rng.percent(75)) {
            p.text("email", std::string(rng.pick(std::span<const std::string_view>(kMailboxes))) +
                                "@" + domain);
        }
        if (rng.percent(45)) {
            p.text("www", "https://" + domain);
        }
    }

    // Returns the 9-digit REGON (empty when none) for units to derive theirs from.
    std::string addIdentifiers(JsonObject& p, LegalForm form, const EntityRef* parent, Rng& rng) {
        const auto& info = legalFormInfo(form);
        if (parent && !parent->regon9.empty()) {
            // A unit run by an NGO is a local unit: parent REGON + unit number.
            p.text("regon", m_ids.regon14(parent->regon9, rng));
            return {};
        }
        const bool krs = info.inKrs && (form != LegalForm::KlubSportowy || rng.percent(60));
        if (krs) {
            p.text("krs", m_ids.krs(rng));
        }
        const std::uint32_t nipPercent =
            form == LegalForm::Kgw ? 50 : (form == LegalForm::StowarzyszenieZwykle ? 60 : 92);
        if (rng.percent(nipPercent)) {
            p.text("nip", m_ids.nip(rng));
        }
        std::string regon;
        if (rng.percent(90)) {
            regon = m_ids.regon9(rng);
            p.text("regon", regon);
        }
        return regon;
    }

    GenContext& m_ctx;
    IdentifierFactory m_ids;
    // Hashes, not strings: 100k long names sharing prefixes make string
    // comparisons the bottleneck. A 64-bit collision would only rename one
    // entity, deterministically.
    std::set<std::uint64_t> m_names;
    std::set<std::uint64_t> m_slugs;
    std::map<std::string, int> m_duplicates;
    std::vector<std::size_t> m_parents;
};

} // namespace

std::vector<Feature> generateEntities(GenContext& ctx) {
    const std::uint64_t count = ctx.options.entities;
    const int width = std::max<int>(6, static_cast<int>(std::to_string(count).size()));
    std::vector<Feature> features;
    features.reserve(count);
    ctx.entities.reserve(count);
    EntityBuilder builder(ctx);
    for (std::uint64_t i = 0; i < count; ++i) {
        // One stream per entity: entity k is the same whatever --entities says.
        Rng rng = Rng::stream(ctx.options.seed, "entities", i);
        const std::string id = "ent-" + zeroPadded(i + 1, width);
        if (i < kSeedOrganisations.size()) {
            features.push_back(builder.seedOrganisation(kSeedOrganisations[i], id, rng));
        } else {
            features.push_back(builder.fictional(id, rng));
        }
    }
    return features;
}

} // namespace demo
