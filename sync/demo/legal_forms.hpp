#pragma once

#include "json_out.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace demo {

class Rng;

enum class LegalForm {
    SpoldzielniaSocjalna,
    SpoldzielniaPracy,
    SpoldzielniaInwalidow,
    Fundacja,
    Stowarzyszenie,
    StowarzyszenieZwykle,
    SpolkaNonProfit,
    Kgw,
    KlubSportowy,
    OrganizacjaKoscielna,
    Cis,
    Kis,
    Zaz,
    Wtz,
    Other,
};

struct LegalFormInfo {
    LegalForm form;
    std::string_view key; // enum value in the data format
    std::uint32_t weight; // per mille of generated entities
    LText kind;           // "Spółdzielnia socjalna" / "Social cooperative" / …
    bool inKrs;           // registered in the National Court Register
    bool runByParent;     // a unit (CIS, KIS, WTZ, ZAZ) usually run by an NGO
};

const LegalFormInfo& legalFormInfo(LegalForm form);
LegalForm pickLegalForm(Rng& rng);

// Areas of activity: the Polish tag written to `areas`, plus the English and
// Ukrainian wording used in translated descriptions.
struct Area {
    std::string_view pl;
    std::string_view en;
    std::string_view uk;
};

std::span<const Area> allAreas();
// Areas the legal form usually works in; entities draw most of theirs from here.
std::span<const std::size_t> preferredAreas(LegalForm form);

// Second sentence of a description, per kind of work.
LText formSentence(LegalForm form, Rng& rng);

struct OpeningHours {
    std::string_view pl;
    std::string_view en;
    std::string_view uk;
};
std::span<const OpeningHours> openingHoursChoices();

} // namespace demo
