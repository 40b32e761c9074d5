#include "legal_forms.hpp"

#include "prng.hpp"

#include <array>
#include <stdexcept>

namespace demo {

namespace {

using namespace std::string_view_literals;

const std::array<LegalFormInfo, 15> kForms = {{
    {LegalForm::SpoldzielniaSocjalna,
     "spoldzielnia_socjalna",
     80,
     {"Spółdzielnia socjalna", "Social cooperative", "Соціальний кооператив"},
     true,
     false},
    {LegalForm::SpoldzielniaPracy,
     "spoldzielnia_pracy",
     30,
     {"Spółdzielnia pracy", "Workers' cooperative", "Виробничий кооператив"},
     true,
     false},
    {LegalForm::SpoldzielniaInwalidow,
     "spoldzielnia_inwalidow",
     20,
     {"Spółdzielnia inwalidów i niewidomych", "Cooperative of disabled and blind people",
      "Кооператив осіб з інвалідністю та незрячих"},
     true,
     false},
    {LegalForm::Fundacja, "fundacja", 250, {"Fundacja", "Foundation", "Фонд"}, true, false},
    {LegalForm::Stowarzyszenie,
     "stowarzyszenie",
     350,
     {"Stowarzyszenie", "Association", "Громадське об’єднання"},
     true,
     false},
    {LegalForm::StowarzyszenieZwykle,
     "stowarzyszenie_zwykle",
     50,
     {"Stowarzyszenie zwykłe", "Ordinary association", "Звичайне об’єднання"},
     false,
     false},
    {LegalForm::SpolkaNonProfit,
     "spolka_non_profit",
     30,
     {"Spółka non-profit", "Non-profit company", "Неприбуткова компанія"},
     true,
     false},
    {LegalForm::Kgw,
     "kgw",
     15,
     {"Koło gospodyń wiejskich", "Rural women's circle", "Гурток сільських господинь"},
     false,
     false},
    {LegalForm::KlubSportowy,
     "klub_sportowy",
     60,
     {"Klub sportowy non-profit", "Non-profit sports club", "Неприбутковий спортивний клуб"},
     true,
     false},
    {LegalForm::OrganizacjaKoscielna,
     "organizacja_koscielna",
     30,
     {"Organizacja kościelna", "Church organisation", "Церковна організація"},
     false,
     false},
    {LegalForm::Cis,
     "cis",
     15,
     {"Centrum integracji społecznej", "Social integration centre", "Центр соціальної інтеграції"},
     false,
     true},
    {LegalForm::Kis,
     "kis",
     15,
     {"Klub integracji społecznej", "Social integration club", "Клуб соціальної інтеграції"},
     false,
     true},
    {LegalForm::Zaz,
     "zaz",
     10,
     {"Zakład aktywności zawodowej", "Vocational activity establishment",
      "Заклад професійної активності"},
     false,
     true},
    {LegalForm::Wtz,
     "wtz",
     35,
     {"Warsztat terapii zajęciowej", "Occupational therapy workshop", "Майстерня трудотерапії"},
     false,
     true},
    {LegalForm::Other,
     "other",
     10,
     {"Podmiot ekonomii społecznej", "Social economy entity", "Суб’єкт соціальної економіки"},
     false,
     false},
}};

const std::array<Area, 27> kAreas = {{
    {"pomoc społeczna", "social assistance", "соціальна допомога"},                       // 0
    {"aktywizacja zawodowa", "vocational activation", "професійна активізація"},          // 1
    {"osoby z niepełnosprawnościami", "people with disabilities", "люди з інвалідністю"}, // 2
    {"seniorzy", "older people", "люди похилого віку"},                                   // 3
    {"dzieci i młodzież", "children and young people", "діти та молодь"},                 // 4
    {"kultura", "culture", "культура"},                                                   // 5
    {"sport", "sport", "спорт"},                                                          // 6
    {"ekologia", "ecology", "екологія"},                                                  // 7
    {"gastronomia", "catering", "громадське харчування"},                                 // 8
    {"usługi porządkowe", "cleaning services", "клінінгові послуги"},                     // 9
    {"edukacja", "education", "освіта"},                                                  // 10
    {"ochrona zdrowia", "health care", "охорона здоров’я"},                               // 11
    {"rewitalizacja", "urban regeneration", "ревіталізація"},                             // 12
    {"turystyka", "tourism", "туризм"},                                                   // 13
    {"rękodzieło", "handicrafts", "рукоділля"},                                           // 14
    {"integracja cudzoziemców", "integration of foreigners", "інтеграція іноземців"},     // 15
    {"przeciwdziałanie wykluczeniu", "preventing social exclusion",
     "протидія соціальному виключенню"},                                             // 16
    {"wolontariat", "volunteering", "волонтерство"},                                 // 17
    {"bezdomność", "homelessness", "бездомність"},                                   // 18
    {"profilaktyka uzależnień", "addiction prevention", "профілактика залежностей"}, // 19
    {"wsparcie rodziny", "family support", "підтримка сім’ї"},                       // 20
    {"ogrodnictwo", "gardening", "садівництво"},                                     // 21
    {"poligrafia", "printing", "поліграфія"},                                        // 22
    {"usługi opiekuńcze", "care services", "послуги догляду"},                       // 23
    {"remonty", "renovation", "ремонтні роботи"},                                    // 24
    {"transport", "transport", "транспорт"},                                         // 25
    {"rozwój lokalny", "local development", "місцевий розвиток"},                    // 26
}};

constexpr std::array<std::size_t, 7> kSocialCoopAreas = {1, 8, 9, 21, 24, 14, 23};
constexpr std::array<std::size_t, 5> kWorkCoopAreas = {1, 22, 9, 24, 14};
constexpr std::array<std::size_t, 4> kDisabledCoopAreas = {2, 1, 22, 14};
constexpr std::array<std::size_t, 12> kFoundationAreas = {0, 3, 4, 10, 11, 15, 16, 18, 20, 2, 7, 5};
constexpr std::array<std::size_t, 12> kAssociationAreas = {5,  26, 3, 4,  2,  17,
                                                           12, 13, 7, 19, 20, 6};
constexpr std::array<std::size_t, 5> kInformalAreas = {26, 12, 5, 7, 17};
constexpr std::array<std::size_t, 5> kCompanyAreas = {1, 23, 8, 9, 25};
constexpr std::array<std::size_t, 4> kKgwAreas = {8, 5, 14, 26};
constexpr std::array<std::size_t, 3> kSportAreas = {6, 4, 11};
constexpr std::array<std::size_t, 5> kChurchAreas = {0, 18, 20, 3, 17};
constexpr std::array<std::size_t, 4> kCisAreas = {1, 16, 18, 19};
constexpr std::array<std::size_t, 3> kKisAreas = {16, 1, 20};
constexpr std::array<std::size_t, 4> kZazAreas = {2, 1, 8, 9};
constexpr std::array<std::size_t, 4> kWtzAreas = {2, 14, 5, 10};
constexpr std::array<std::size_t, 3> kOtherAreas = {26, 17, 0};

const std::array<OpeningHours, 8> kHours = {{
    {"pn–pt 8:00–16:00", "Mon–Fri 8:00–16:00", "пн–пт 8:00–16:00"},
    {"pn–pt 9:00–17:00", "Mon–Fri 9:00–17:00", "пн–пт 9:00–17:00"},
    {"pn–pt 7:30–15:30", "Mon–Fri 7:30–15:30", "пн–пт 7:30–15:30"},
    {"pn, śr, pt 10:00–14:00", "Mon, Wed, Fri 10:00–14:00", "пн, ср, пт 10:00–14:00"},
    {"wt, czw 12:00–18:00", "Tue, Thu 12:00–18:00", "вт, чт 12:00–18:00"},
    {"pn–pt 8:00–16:00, sob 9:00–13:00", "Mon–Fri 8:00–16:00, Sat 9:00–13:00",
     "пн–пт 8:00–16:00, сб 9:00–13:00"},
    {"pn–czw 8:00–15:00, pt 8:00–13:00", "Mon–Thu 8:00–15:00, Fri 8:00–13:00",
     "пн–чт 8:00–15:00, пт 8:00–13:00"},
    {"pn–pt 10:00–18:00", "Mon–Fri 10:00–18:00", "пн–пт 10:00–18:00"},
}};

const std::array<LText, 3> kGenericSentences = {{
    {"Działamy dzięki pracy wolontariuszy i wsparciu mieszkańców Torunia.",
     "We rely on volunteers and on the support of Toruń residents.",
     "Ми працюємо завдяки волонтерам і підтримці мешканців Торуня."},
    {"Współpracujemy z Urzędem Miasta Torunia i innymi organizacjami z regionu.",
     "We work with Toruń City Hall and other organisations in the region.",
     "Ми співпрацюємо з Міською управою Торуня та іншими організаціями регіону."},
    {"Zapraszamy do współpracy instytucje, firmy i osoby prywatne.",
     "Institutions, companies and individuals are welcome to work with us.",
     "Запрошуємо до співпраці установи, компанії та приватних осіб."},
}};

} // namespace

const LegalFormInfo& legalFormInfo(LegalForm form) {
    for (const auto& info : kForms) {
        if (info.form == form) {
            return info;
        }
    }
    throw std::logic_error("legal form without info");
}

LegalForm pickLegalForm(Rng& rng) {
    std::array<std::uint32_t, kForms.size()> weights{};
    for (std::size_t i = 0; i < kForms.size(); ++i) {
        weights[i] = kForms[i].weight;
    }
    return kForms[rng.weighted(weights)].form;
}

std::span<const Area> allAreas() {
    return kAreas;
}

std::span<const std::size_t> preferredAreas(LegalForm form) {
    switch (form) {
    case LegalForm::SpoldzielniaSocjalna:
        return kSocialCoopAreas;
    case LegalForm::SpoldzielniaPracy:
        return kWorkCoopAreas;
    case LegalForm::SpoldzielniaInwalidow:
        return kDisabledCoopAreas;
    case LegalForm::Fundacja:
        return kFoundationAreas;
    case LegalForm::Stowarzyszenie:
        return kAssociationAreas;
    case LegalForm::StowarzyszenieZwykle:
        return kInformalAreas;
    case LegalForm::SpolkaNonProfit:
        return kCompanyAreas;
    case LegalForm::Kgw:
        return kKgwAreas;
    case LegalForm::KlubSportowy:
        return kSportAreas;
    case LegalForm::OrganizacjaKoscielna:
        return kChurchAreas;
    case LegalForm::Cis:
        return kCisAreas;
    case LegalForm::Kis:
        return kKisAreas;
    case LegalForm::Zaz:
        return kZazAreas;
    case LegalForm::Wtz:
        return kWtzAreas;
    case LegalForm::Other:
        return kOtherAreas;
    }
    return kOtherAreas;
}

LText formSentence(LegalForm form, Rng& rng) {
    switch (form) {
    case LegalForm::SpoldzielniaSocjalna:
    case LegalForm::SpolkaNonProfit:
        return {"Zatrudniamy osoby zagrożone wykluczeniem społecznym i przyjmujemy zlecenia od "
                "instytucji oraz mieszkańców.",
                "We employ people at risk of social exclusion and take orders from institutions "
                "and residents.",
                "Ми працевлаштовуємо людей, яким загрожує соціальне виключення, і приймаємо "
                "замовлення від установ та мешканців."};
    case LegalForm::SpoldzielniaPracy:
    case LegalForm::SpoldzielniaInwalidow:
    case LegalForm::Zaz:
        return {"Tworzymy stałe miejsca pracy dla osób z niepełnosprawnościami i sprzedajemy "
                "własne wyroby i usługi.",
                "We create lasting jobs for people with disabilities and sell our own products "
                "and services.",
                "Ми створюємо постійні робочі місця для людей з інвалідністю та продаємо власні "
                "вироби й послуги."};
    case LegalForm::Cis:
    case LegalForm::Kis:
        return {"Prowadzimy reintegrację społeczną i zawodową: warsztaty, praktyki i wsparcie w "
                "szukaniu pracy.",
                "We run social and vocational reintegration: workshops, placements and job-search "
                "support.",
                "Ми проводимо соціальну та професійну реінтеграцію: майстер-класи, практики та "
                "допомогу в пошуку роботи."};
    case LegalForm::Wtz:
        return {"Uczestnicy rozwijają umiejętności w pracowniach: plastycznej, stolarskiej, "
                "kulinarnej i komputerowej.",
                "Participants build skills in art, carpentry, cooking and computer workshops.",
                "Учасники розвивають навички в художній, столярній, кулінарній та комп’ютерній "
                "майстернях."};
    default:
        return rng.pick(std::span<const LText>(kGenericSentences));
    }
}

std::span<const OpeningHours> openingHoursChoices() {
    return kHours;
}

} // namespace demo
