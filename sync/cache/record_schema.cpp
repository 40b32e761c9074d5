#include "record_schema.hpp"

#include <array>

namespace cache {
namespace {

using SV = std::string_view;
using FT = FieldType;

constexpr std::array<SV, 18> kDistrictKeys{
    "stare_miasto", "bydgoskie_przedmiescie", "chelminskie_przedmiescie",
    "jakubskie_przedmiescie", "mokre", "na_skarpie", "rubinkowo", "koniuchy", "wrzosy",
    "bielany", "rudak", "stawki", "podgorz", "czerniewice", "kaszczorek", "glinki",
    "katarzynka", "grebocin"};
constexpr std::array<SV, 18> kDistrictNames{
    "Stare Miasto", "Bydgoskie Przedmieście", "Chełmińskie Przedmieście",
    "Jakubskie Przedmieście", "Mokre", "Na Skarpie", "Rubinkowo", "Koniuchy", "Wrzosy",
    "Bielany", "Rudak", "Stawki", "Podgórz", "Czerniewice", "Kaszczorek", "Glinki",
    "Katarzynka", "Grębocin nad Strugą"};

constexpr std::array<SV, 15> kLegalForms{
    "spoldzielnia_socjalna", "spoldzielnia_pracy", "spoldzielnia_inwalidow", "fundacja",
    "stowarzyszenie", "stowarzyszenie_zwykle", "spolka_non_profit", "kgw", "klub_sportowy",
    "organizacja_koscielna", "cis", "kis", "zaz", "wtz", "other"};

// [SECTION] entities
constexpr std::array<SV, 3> kEntityStatus{"active", "suspended", "closed"};
constexpr std::array kEntityFields{
    FieldSpec{"name", FT::LocalText, true, {}, {}, 0, 0, true},
    FieldSpec{"short_name", FT::Text, false, {}, {}, 0, 0, true},
    FieldSpec{"legal_form", FT::Enum, true, kLegalForms},
    FieldSpec{"description", FT::LocalText, false, {}, {}, 0, 0, true},
    FieldSpec{"areas", FT::Tags, false, {}, {}, 0, 0, true},
    FieldSpec{"address", FT::Text, true, {}, {}, 0, 0, true},
    FieldSpec{"district", FT::District, true},
    FieldSpec{"phone", FT::Phone},
    FieldSpec{"email", FT::Email},
    FieldSpec{"www", FT::Url},
    FieldSpec{"krs", FT::Krs, false, {}, {}, 0, 0, true},
    FieldSpec{"nip", FT::Nip, false, {}, {}, 0, 0, true},
    FieldSpec{"regon", FT::Regon, false, {}, {}, 0, 0, true},
    FieldSpec{"opp", FT::Bool},
    FieldSpec{"social_enterprise", FT::Bool},
    FieldSpec{"opening_hours", FT::LocalText},
    FieldSpec{"step_free", FT::Bool},
    FieldSpec{"accessible_toilet", FT::Bool},
    FieldSpec{"hearing_loop", FT::Bool},
    FieldSpec{"logo", FT::Media},
    FieldSpec{"parent_id", FT::Ref, false, {}, Collection::Entities},
};

// [SECTION] premises
constexpr std::array<SV, 3> kPremisesStatus{"available", "reserved", "let"};
constexpr std::array<SV, 6> kPremisesPurpose{"office", "storage", "service", "meeting_room",
                                             "workshop", "other"};
constexpr std::array kPremisesFields{
    FieldSpec{"title", FT::LocalText, false, {}, {}, 0, 0, true},
    FieldSpec{"address", FT::Text, true, {}, {}, 0, 0, true},
    FieldSpec{"district", FT::District, true},
    FieldSpec{"purpose", FT::Enum, true, kPremisesPurpose},
    FieldSpec{"area_m2", FT::Number, true, {}, {}, 1, 10000},
    FieldSpec{"rooms", FT::Int, false, {}, {}, 0, 200},
    FieldSpec{"floor", FT::Int, false, {}, {}, -2, 20},
    FieldSpec{"lift", FT::Bool},
    FieldSpec{"step_free", FT::Bool},
    FieldSpec{"rent_pln_m2", FT::Number, false, {}, {}, 0, 1000},
    FieldSpec{"conditions", FT::LocalText},
    FieldSpec{"tenant_id", FT::Ref, false, {}, Collection::Entities},
    FieldSpec{"how_to_apply", FT::LocalText},
    FieldSpec{"apply_deadline", FT::Date},
    FieldSpec{"managing_unit", FT::Text, false, {}, {}, 0, 0, true},
    FieldSpec{"description", FT::LocalText, false, {}, {}, 0, 0, true},
    FieldSpec{"photos", FT::Media},
};

// [SECTION] equipment
constexpr std::array<SV, 3> kEquipmentStatus{"available", "reserved", "gone"};
constexpr std::array<SV, 10> kEquipmentCategory{"furniture", "office", "it",    "household",
                                                "clothing",  "toys",   "sport", "tools",
                                                "medical",   "other"};
constexpr std::array<SV, 3> kEquipmentMode{"give", "lend", "swap"};
constexpr std::array<SV, 4> kEquipmentCondition{"new", "good", "used", "for_repair"};
constexpr std::array kEquipmentFields{
    FieldSpec{"title", FT::LocalText, true, {}, {}, 0, 0, true},
    FieldSpec{"description", FT::LocalText, false, {}, {}, 0, 0, true},
    FieldSpec{"category", FT::Enum, true, kEquipmentCategory},
    FieldSpec{"mode", FT::Enum, true, kEquipmentMode},
    FieldSpec{"condition", FT::Enum, false, kEquipmentCondition},
    FieldSpec{"quantity", FT::Int, false, {}, {}, 1, 10000},
    FieldSpec{"entity_id", FT::Ref, false, {}, Collection::Entities},
    FieldSpec{"contact", FT::Text},
    FieldSpec{"pickup_address", FT::Text, false, {}, {}, 0, 0, true},
    FieldSpec{"district", FT::District},
    FieldSpec{"available_from", FT::Date},
    FieldSpec{"available_until", FT::Date},
    FieldSpec{"photos", FT::Media},
};

// [SECTION] offers
constexpr std::array<SV, 3> kOfferStatus{"active", "paused", "withdrawn"};
constexpr std::array<SV, 2> kOfferKind{"product", "service"};
constexpr std::array<SV, 11> kOfferCategory{"catering",  "cleaning",   "printing", "care",
                                            "training",  "crafts",     "renovation",
                                            "gardening", "transport",  "culture",  "other"};
constexpr std::array kOfferFields{
    FieldSpec{"title", FT::LocalText, true, {}, {}, 0, 0, true},
    FieldSpec{"entity_id", FT::Ref, true, {}, Collection::Entities},
    FieldSpec{"kind", FT::Enum, true, kOfferKind},
    FieldSpec{"category", FT::Enum, true, kOfferCategory},
    FieldSpec{"description", FT::LocalText, false, {}, {}, 0, 0, true},
    FieldSpec{"price_min_pln", FT::Number, false, {}, {}, 0, 10000000},
    FieldSpec{"price_max_pln", FT::Number, false, {}, {}, 0, 10000000},
    FieldSpec{"price_unit", FT::LocalText},
    FieldSpec{"free", FT::Bool},
    FieldSpec{"where", FT::Text, false, {}, {}, 0, 0, true},
    FieldSpec{"district", FT::District},
    FieldSpec{"photos", FT::Media},
};

// [SECTION] demands
constexpr std::array<SV, 3> kDemandStatus{"open", "closed", "awarded"};
constexpr std::array<SV, 3> kDemandKind{"zamowienie", "zapytanie_ofertowe", "zlecenie"};
constexpr std::array kDemandFields{
    FieldSpec{"title", FT::LocalText, true, {}, {}, 0, 0, true},
    FieldSpec{"department", FT::Text, true, {}, {}, 0, 0, true},
    FieldSpec{"kind", FT::Enum, true, kDemandKind},
    FieldSpec{"description", FT::LocalText, false, {}, {}, 0, 0, true},
    FieldSpec{"deadline", FT::DateTime, true},
    FieldSpec{"estimated_value_pln", FT::Number, false, {}, {}, 0, 1e10},
    FieldSpec{"social_clause", FT::Bool},
    FieldSpec{"social_clause_text", FT::LocalText, false, {}, {}, 0, 0, true},
    FieldSpec{"eligible_forms", FT::Tags, false, kLegalForms},
    FieldSpec{"contact", FT::Text},
    FieldSpec{"documents_url", FT::Url},
    FieldSpec{"published", FT::Date},
};

// [SECTION] support points
constexpr std::array<SV, 2> kSupportStatus{"active", "closed"};
constexpr std::array<SV, 6> kSupportKind{"owes",    "consultation", "incubator",
                                         "funding", "city_office",  "help_point"};
constexpr std::array kSupportFields{
    FieldSpec{"name", FT::LocalText, true, {}, {}, 0, 0, true},
    FieldSpec{"kind", FT::Enum, true, kSupportKind},
    FieldSpec{"services", FT::LocalText, false, {}, {}, 0, 0, true},
    FieldSpec{"address", FT::Text, true, {}, {}, 0, 0, true},
    FieldSpec{"district", FT::District, true},
    FieldSpec{"opening_hours", FT::LocalText},
    FieldSpec{"phone", FT::Phone},
    FieldSpec{"email", FT::Email},
    FieldSpec{"www", FT::Url},
    FieldSpec{"step_free", FT::Bool},
};

// [SECTION] events
constexpr std::array<SV, 2> kEventStatus{"scheduled", "cancelled"};
constexpr std::array<SV, 5> kEventKind{"training", "study_visit", "meeting", "forum", "other"};
constexpr std::array kEventFields{
    FieldSpec{"title", FT::LocalText, true, {}, {}, 0, 0, true},
    FieldSpec{"kind", FT::Enum, true, kEventKind},
    FieldSpec{"starts_at", FT::DateTime, true},
    FieldSpec{"ends_at", FT::DateTime},
    FieldSpec{"place", FT::Text, false, {}, {}, 0, 0, true},
    FieldSpec{"address", FT::Text, false, {}, {}, 0, 0, true},
    FieldSpec{"district", FT::District},
    FieldSpec{"organiser", FT::Text, false, {}, {}, 0, 0, true},
    FieldSpec{"entity_id", FT::Ref, false, {}, Collection::Entities},
    FieldSpec{"description", FT::LocalText, false, {}, {}, 0, 0, true},
    FieldSpec{"registration_url", FT::Url},
    FieldSpec{"registration_deadline", FT::DateTime},
    FieldSpec{"price_pln", FT::Number, false, {}, {}, 0, 1000000},
    FieldSpec{"step_free", FT::Bool},
};

// [SECTION] announcements
constexpr std::array<SV, 2> kAnnouncementStatus{"published", "withdrawn"};
constexpr std::array kAnnouncementFields{
    FieldSpec{"title", FT::LocalText, true, {}, {}, 0, 0, true},
    FieldSpec{"body", FT::LocalText, false, {}, {}, 0, 0, true},
    FieldSpec{"image", FT::Media},
    FieldSpec{"valid_from", FT::DateTime},
    FieldSpec{"valid_until", FT::DateTime},
    FieldSpec{"priority", FT::Int, false, {}, {}, 0, 9},
};

// [SECTION] indicators
constexpr std::array<SV, 2> kIndicatorStatus{"active", "archived"};
constexpr std::array kIndicatorFields{
    FieldSpec{"name", FT::LocalText, true, {}, {}, 0, 0, true},
    FieldSpec{"target", FT::Number, true, {}, {}, 0, 1e9},
    FieldSpec{"current", FT::Number, true, {}, {}, 0, 1e9},
    FieldSpec{"unit", FT::LocalText},
    FieldSpec{"description", FT::LocalText, false, {}, {}, 0, 0, true},
};

// [SECTION] basemap
constexpr std::array<SV, 1> kBasemapStatus{"active"};
constexpr std::array<SV, 9> kBasemapLayer{"boundary", "district", "water", "river", "road",
                                          "rail",     "park",     "label", "landmark"};
constexpr std::array kBasemapFields{
    FieldSpec{"layer", FT::Enum, true, kBasemapLayer},
    FieldSpec{"name", FT::LocalText},
    FieldSpec{"rank", FT::Int, false, {}, {}, 0, 9},
};

constexpr std::array kSpecs{
    CollectionSpec{Collection::Entities, kEntityFields, kEntityStatus, "name", "",
                   GeometryRule::RequiredPoint},
    CollectionSpec{Collection::Premises, kPremisesFields, kPremisesStatus, "title", "address",
                   GeometryRule::RequiredPoint},
    CollectionSpec{Collection::Equipment, kEquipmentFields, kEquipmentStatus, "title", "",
                   GeometryRule::OptionalPoint},
    CollectionSpec{Collection::Offers, kOfferFields, kOfferStatus, "title", "",
                   GeometryRule::OptionalPoint},
    CollectionSpec{Collection::Demands, kDemandFields, kDemandStatus, "title", "",
                   GeometryRule::None},
    CollectionSpec{Collection::SupportPoints, kSupportFields, kSupportStatus, "name", "",
                   GeometryRule::RequiredPoint},
    CollectionSpec{Collection::Events, kEventFields, kEventStatus, "title", "",
                   GeometryRule::OptionalPoint},
    CollectionSpec{Collection::Announcements, kAnnouncementFields, kAnnouncementStatus,
                   "title", "", GeometryRule::None},
    CollectionSpec{Collection::Indicators, kIndicatorFields, kIndicatorStatus, "name", "",
                   GeometryRule::None},
    CollectionSpec{Collection::Basemap, kBasemapFields, kBasemapStatus, "name", "layer",
                   GeometryRule::RequiredAny},
};

} // namespace

const CollectionSpec& specFor(Collection c) { return kSpecs[static_cast<std::size_t>(c)]; }

std::span<const std::string_view> districtKeys() { return kDistrictKeys; }
std::span<const std::string_view> legalFormKeys() { return kLegalForms; }

std::string_view districtName(std::string_view key) {
    for (std::size_t i = 0; i < kDistrictKeys.size(); ++i)
        if (kDistrictKeys[i] == key) return kDistrictNames[i];
    return key;
}

std::optional<std::size_t> fieldIndex(const CollectionSpec& spec, std::string_view key) {
    for (std::size_t i = 0; i < spec.fields.size(); ++i)
        if (spec.fields[i].key == key) return i;
    return std::nullopt;
}

static_assert(kSpecs.size() == kAllCollections.size());
static_assert([] {
    for (std::size_t i = 0; i < kSpecs.size(); ++i)
        if (kSpecs[i].collection != kAllCollections[i]) return false;
    return true;
}(), "kSpecs must be in Collection order");

} // namespace cache
