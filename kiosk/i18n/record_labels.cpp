// Labels for the record schema (sync/cache/record_schema.cpp): collection
// tiles, field labels, statuses and enum values, in Polish, English and
// Ukrainian. Key scheme: see recordLabelEntries() in translator.hpp.
//
// Field labels sit left of a value on a detail screen, so they stay short.
// Ukrainian uses the ASCII apostrophe (Суб'єкти): the kiosk font atlas has
// no glyph for U+02BC (Spacing Modifier Letters are not in its ranges).
// District names are proper nouns shown as-is (cache::districtName) and
// have no entries here.
#include "translator.hpp"

#include <array>
#include <cstddef>

namespace kiosk::i18n {
namespace {

// [SECTION] legal forms
// Shared by entities.legal_form and demands.eligible_forms (a list of
// legal_form keys), so they live apart and the second set is derived below.
constexpr std::array<Entry, 15> kLegalForms{{
    {"enum.legal_form.spoldzielnia_socjalna", "Spółdzielnia socjalna", "Social cooperative",
     "Соціальний кооператив"},
    {"enum.legal_form.spoldzielnia_pracy", "Spółdzielnia pracy", "Worker cooperative",
     "Виробничий кооператив"},
    {"enum.legal_form.spoldzielnia_inwalidow", "Spółdzielnia inwalidów i niewidomych",
     "Cooperative of disabled and blind people", "Кооператив осіб з інвалідністю та незрячих"},
    {"enum.legal_form.fundacja", "Fundacja", "Foundation", "Фонд"},
    {"enum.legal_form.stowarzyszenie", "Stowarzyszenie", "Association", "Громадське об'єднання"},
    {"enum.legal_form.stowarzyszenie_zwykle", "Stowarzyszenie zwykłe", "Simple association",
     "Просте громадське об'єднання"},
    {"enum.legal_form.spolka_non_profit", "Spółka non-profit", "Non-profit company",
     "Неприбуткова компанія"},
    {"enum.legal_form.kgw", "Koło gospodyń wiejskich", "Rural women's circle",
     "Гурток сільських господинь"},
    {"enum.legal_form.klub_sportowy", "Klub sportowy (non-profit)", "Sports club (non-profit)",
     "Спортивний клуб (неприбутковий)"},
    {"enum.legal_form.organizacja_koscielna", "Organizacja kościelna", "Church organisation",
     "Церковна організація"},
    {"enum.legal_form.cis", "Centrum Integracji Społecznej (CIS)",
     "Social Integration Centre (CIS)", "Центр соціальної інтеграції (CIS)"},
    {"enum.legal_form.kis", "Klub Integracji Społecznej (KIS)", "Social Integration Club (KIS)",
     "Клуб соціальної інтеграції (KIS)"},
    {"enum.legal_form.zaz", "Zakład Aktywności Zawodowej (ZAZ)",
     "Vocational Activity Centre (ZAZ)", "Заклад професійної активності (ZAZ)"},
    {"enum.legal_form.wtz", "Warsztat Terapii Zajęciowej (WTZ)",
     "Occupational Therapy Workshop (WTZ)", "Майстерня трудотерапії (WTZ)"},
    {"enum.legal_form.other", "Inna forma", "Other form", "Інша форма"},
}};

// The labels of legal form `of` under another key. An unknown `of` yields
// empty texts, which the static_assert at the end rejects.
constexpr Entry legalFormAs(std::string_view key, std::string_view of) {
    for (const Entry& e : kLegalForms)
        if (e.key == of) return {key, e.pl, e.en, e.uk};
    return {key, {}, {}, {}};
}

constexpr std::array kLabels{
    // [SECTION] collections: tile titles
    Entry{"collection.entities", "Podmioty ekonomii społecznej", "Social economy entities",
          "Суб'єкти соціальної економіки"},
    Entry{"collection.premises", "Lokale dla organizacji", "Premises for organisations",
          "Приміщення для організацій"},
    Entry{"collection.equipment", "Bank sprzętu", "Equipment bank", "Банк речей і обладнання"},
    Entry{"collection.offers", "Produkty i usługi", "Products and services", "Товари та послуги"},
    Entry{"collection.demands", "Zapotrzebowanie Urzędu Miasta", "What City Hall needs",
          "Потреби міської адміністрації"},
    Entry{"collection.support_points", "Punkty wsparcia", "Support points", "Пункти підтримки"},
    Entry{"collection.events", "Wydarzenia i szkolenia", "Events and training",
          "Заходи та навчання"},
    Entry{"collection.announcements", "Ogłoszenia", "Announcements", "Оголошення"},
    Entry{"collection.indicators", "Wskaźniki programu", "Programme indicators",
          "Показники програми"},
    Entry{"collection.basemap", "Mapa", "Map", "Мапа"},

    // [SECTION] collections: one line under the tile title
    Entry{"collection.entities.desc",
          "Spółdzielnie socjalne, fundacje, stowarzyszenia, CIS, KIS, ZAZ, WTZ",
          "Social cooperatives, foundations, associations, CIS, KIS, ZAZ, WTZ",
          "Соціальні кооперативи, фонди, громадські об'єднання, CIS, KIS, ZAZ, WTZ"},
    Entry{"collection.premises.desc", "Lokale miejskie do wynajęcia dla organizacji społecznych",
          "City-owned premises to rent for non-profit organisations",
          "Міські приміщення в оренду для громадських організацій"},
    Entry{"collection.equipment.desc", "Oddam, użyczę, wymienię — sprzęt od organizacji i urzędu",
          "Give away, lend, swap — items from organisations and City Hall",
          "Віддам, позичу, обміняю — речі від організацій та міської адміністрації"},
    Entry{"collection.offers.desc",
          "Catering, sprzątanie, remonty, rękodzieło — od podmiotów ekonomii społecznej",
          "Catering, cleaning, renovation, crafts — from social economy entities",
          "Кейтеринг, прибирання, ремонт, рукоділля — від суб'єктів соціальної економіки"},
    Entry{"collection.demands.desc", "Zamówienia i zapytania ofertowe, także z klauzulą społeczną",
          "Public contracts and requests for quotation, some with a social clause",
          "Закупівлі та запити пропозицій, зокрема із соціальним застереженням"},
    Entry{"collection.support_points.desc", "Gdzie uzyskać poradę, szkolenie lub finansowanie",
          "Where to get advice, training or funding",
          "Де отримати консультацію, навчання чи фінансування"},
    Entry{"collection.events.desc", "Szkolenia, wizyty studyjne, spotkania i forum",
          "Training, study visits, meetings and the forum",
          "Навчання, навчальні візити, зустрічі та форум"},
    Entry{"collection.announcements.desc", "Aktualności i komunikaty programu",
          "News and notices from the programme", "Новини та повідомлення програми"},
    Entry{"collection.indicators.desc", "Jak miasto realizuje program — cele i postępy",
          "How the city is doing on the programme — targets and progress",
          "Як місто виконує програму — цілі та прогрес"},
    Entry{"collection.basemap.desc", "Plan Torunia z dzielnicami — wszystkie miejsca na mapie",
          "Toruń and its districts — every place on one map",
          "Торунь і його райони — усі місця на мапі"},

    // [SECTION] fields: members common to every record
    Entry{"field.status", "Status", "Status", "Статус"},
    Entry{"field.updated_at", "Aktualizacja", "Updated", "Оновлено"},

    // [SECTION] fields: entities
    Entry{"field.name", "Nazwa", "Name", "Назва"},
    Entry{"field.short_name", "Nazwa skrócona", "Short name", "Скорочена назва"},
    Entry{"field.legal_form", "Forma prawna", "Legal form", "Правова форма"},
    Entry{"field.description", "Opis", "Description", "Опис"},
    Entry{"field.areas", "Obszary działania", "Areas of activity", "Сфери діяльності"},
    Entry{"field.address", "Adres", "Address", "Адреса"},
    Entry{"field.district", "Dzielnica", "District", "Район"},
    Entry{"field.phone", "Telefon", "Phone", "Телефон"},
    Entry{"field.email", "E-mail", "Email", "Ел. пошта"},
    Entry{"field.www", "Strona internetowa", "Website", "Вебсайт"},
    Entry{"field.krs", "Numer KRS", "KRS number", "Номер KRS"},
    Entry{"field.nip", "NIP", "Tax ID (NIP)", "Податковий номер (NIP)"},
    Entry{"field.regon", "REGON", "REGON number", "Номер REGON"},
    Entry{"field.opp", "Status OPP", "Public benefit status (OPP)",
          "Статус суспільної користі (OPP)"},
    Entry{"field.social_enterprise", "Przedsiębiorstwo społeczne", "Social enterprise",
          "Соціальне підприємство"},
    Entry{"field.opening_hours", "Godziny otwarcia", "Opening hours", "Години роботи"},
    Entry{"field.step_free", "Wejście bez schodów", "Step-free entrance", "Вхід без сходів"},
    Entry{"field.accessible_toilet", "Dostępna toaleta", "Accessible toilet", "Доступний туалет"},
    Entry{"field.hearing_loop", "Pętla indukcyjna", "Hearing loop", "Індукційна петля"},
    Entry{"field.logo", "Logo", "Logo", "Логотип"},
    Entry{"field.parent_id", "Podmiot nadrzędny", "Parent organisation", "Головна організація"},
    Entry{"field.entities.parent_id", "Organizacja prowadząca", "Run by",
          "Організація-засновник"},

    // [SECTION] fields: premises
    Entry{"field.title", "Nazwa", "Name", "Назва"},
    Entry{"field.purpose", "Przeznaczenie", "Use", "Призначення"},
    Entry{"field.area_m2", "Powierzchnia", "Floor area", "Площа"},
    Entry{"field.rooms", "Liczba pomieszczeń", "Rooms", "Кількість кімнат"},
    Entry{"field.floor", "Piętro", "Floor", "Поверх"},
    Entry{"field.lift", "Winda", "Lift", "Ліфт"},
    Entry{"field.rent_pln_m2", "Czynsz za m² (miesięcznie)", "Rent per m² (monthly)",
          "Оренда за м² (на місяць)"},
    Entry{"field.conditions", "Warunki najmu", "Rental terms", "Умови оренди"},
    Entry{"field.tenant_id", "Najemca", "Tenant", "Орендар"},
    Entry{"field.premises.tenant_id", "Najemca", "Tenant", "Орендар"},
    Entry{"field.how_to_apply", "Jak złożyć wniosek", "How to apply", "Як подати заявку"},
    Entry{"field.apply_deadline", "Termin składania wniosków", "Application deadline",
          "Термін подання заявок"},
    Entry{"field.managing_unit", "Zarządca", "Managed by", "Управитель"},
    Entry{"field.photos", "Zdjęcia", "Photos", "Фото"},

    // [SECTION] fields: equipment
    Entry{"field.category", "Kategoria", "Category", "Категорія"},
    Entry{"field.mode", "Sposób przekazania", "Offered as", "Спосіб передачі"},
    Entry{"field.condition", "Stan", "Condition", "Стан"},
    Entry{"field.quantity", "Liczba sztuk", "Quantity", "Кількість"},
    Entry{"field.entity_id", "Podmiot", "Organisation", "Організація"},
    Entry{"field.equipment.entity_id", "Przekazuje", "Given by", "Передає"},
    Entry{"field.contact", "Kontakt", "Contact", "Контакт"},
    Entry{"field.pickup_address", "Miejsce odbioru", "Pick-up address", "Місце отримання"},
    Entry{"field.available_from", "Dostępne od", "Available from", "Доступно з"},
    Entry{"field.available_until", "Dostępne do", "Available until", "Доступно до"},

    // [SECTION] fields: offers
    Entry{"field.offers.entity_id", "Oferuje", "Offered by", "Пропонує"},
    Entry{"field.kind", "Rodzaj", "Type", "Вид"},
    Entry{"field.offers.kind", "Rodzaj", "Type", "Вид"},
    Entry{"field.price_min_pln", "Cena od", "Price from", "Ціна від"},
    Entry{"field.price_max_pln", "Cena do", "Price up to", "Ціна до"},
    Entry{"field.price_unit", "Jednostka ceny", "Price unit", "Одиниця ціни"},
    Entry{"field.free", "Bezpłatnie", "Free of charge", "Безкоштовно"},
    Entry{"field.where", "Gdzie dostępne", "Where available", "Де доступно"},

    // [SECTION] fields: demands
    Entry{"field.demands.title", "Przedmiot", "Subject", "Предмет"},
    Entry{"field.department", "Wydział", "Department", "Відділ"},
    Entry{"field.demands.kind", "Tryb", "Procedure", "Процедура"},
    Entry{"field.deadline", "Termin składania ofert", "Deadline for offers",
          "Термін подання пропозицій"},
    Entry{"field.estimated_value_pln", "Szacunkowa wartość", "Estimated value",
          "Орієнтовна вартість"},
    Entry{"field.social_clause", "Klauzula społeczna", "Social clause", "Соціальне застереження"},
    Entry{"field.social_clause_text", "Treść klauzuli", "Clause details", "Зміст застереження"},
    Entry{"field.eligible_forms", "Kto może złożyć ofertę", "Who can apply",
          "Хто може подати пропозицію"},
    Entry{"field.demands.contact", "Kontakt w urzędzie", "City Hall contact",
          "Контакт в адміністрації"},
    Entry{"field.documents_url", "Dokumentacja", "Documents", "Документи"},
    Entry{"field.published", "Data publikacji", "Published", "Опубліковано"},

    // [SECTION] fields: support points
    Entry{"field.support_points.kind", "Rodzaj punktu", "Type of support", "Тип пункту"},
    Entry{"field.services", "Zakres wsparcia", "Support offered", "Види підтримки"},

    // [SECTION] fields: events
    Entry{"field.events.kind", "Rodzaj wydarzenia", "Event type", "Тип заходу"},
    Entry{"field.starts_at", "Początek", "Starts", "Початок"},
    Entry{"field.ends_at", "Koniec", "Ends", "Завершення"},
    Entry{"field.place", "Miejsce", "Venue", "Місце"},
    Entry{"field.organiser", "Organizator", "Organiser", "Організатор"},
    Entry{"field.events.entity_id", "Współorganizator", "Co-organiser", "Співорганізатор"},
    Entry{"field.registration_url", "Zapisy", "Registration", "Реєстрація"},
    Entry{"field.registration_deadline", "Zapisy do", "Register by", "Реєстрація до"},
    Entry{"field.price_pln", "Cena", "Price", "Ціна"},
    Entry{"field.events.price_pln", "Opłata za udział", "Fee", "Вартість участі"},

    // [SECTION] fields: announcements
    Entry{"field.announcements.title", "Tytuł", "Title", "Заголовок"},
    Entry{"field.body", "Treść", "Text", "Текст"},
    Entry{"field.image", "Ilustracja", "Image", "Зображення"},
    Entry{"field.valid_from", "Ważne od", "Valid from", "Дійсне з"},
    Entry{"field.valid_until", "Ważne do", "Valid until", "Дійсне до"},
    Entry{"field.priority", "Priorytet", "Priority", "Пріоритет"},

    // [SECTION] fields: indicators
    Entry{"field.indicators.name", "Wskaźnik", "Indicator", "Показник"},
    Entry{"field.target", "Wartość docelowa", "Target", "Цільове значення"},
    Entry{"field.current", "Wartość bieżąca", "Current value", "Поточне значення"},
    Entry{"field.unit", "Jednostka", "Unit", "Одиниця"},

    // [SECTION] fields: basemap
    Entry{"field.layer", "Warstwa", "Layer", "Шар"},
    Entry{"field.basemap.name", "Etykieta", "Label", "Підпис"},
    Entry{"field.rank", "Ranga", "Rank", "Ранг"},

    // [SECTION] statuses
    // Adjectives agree with the record's noun: podmiot, lokal, sprzęt (m),
    // oferta (f), zapotrzebowanie (n); in Ukrainian приміщення, обладнання
    // (n), пропозиція (f); impersonal forms where no noun fits all records.
    Entry{"status.entities.active", "Aktywny", "Active", "Активний"},
    Entry{"status.entities.suspended", "Działalność zawieszona", "Suspended",
          "Діяльність призупинено"},
    Entry{"status.entities.closed", "Zakończył działalność", "Closed", "Припинив діяльність"},

    Entry{"status.premises.available", "Wolny", "Available", "Вільне"},
    Entry{"status.premises.reserved", "Zarezerwowany", "Reserved", "Заброньоване"},
    Entry{"status.premises.let", "Wynajęty", "Rented out", "Здане в оренду"},

    Entry{"status.equipment.available", "Dostępny", "Available", "Доступне"},
    Entry{"status.equipment.reserved", "Zarezerwowany", "Reserved", "Заброньоване"},
    Entry{"status.equipment.gone", "Wydany", "Handed out", "Видано"},

    Entry{"status.offers.active", "Aktualna", "Available", "Актуальна"},
    Entry{"status.offers.paused", "Wstrzymana", "Paused", "Призупинена"},
    Entry{"status.offers.withdrawn", "Wycofana", "Withdrawn", "Відкликана"},

    Entry{"status.demands.open", "Otwarte", "Open", "Відкрито"},
    Entry{"status.demands.closed", "Zamknięte", "Closed", "Закрито"},
    Entry{"status.demands.awarded", "Rozstrzygnięte", "Awarded", "Переможця визначено"},

    Entry{"status.support_points.active", "Działa", "Open", "Працює"},
    Entry{"status.support_points.closed", "Zamknięty na stałe", "Permanently closed",
          "Закрито назавжди"},

    Entry{"status.events.scheduled", "Zaplanowane", "Scheduled", "Заплановано"},
    Entry{"status.events.cancelled", "Odwołane", "Cancelled", "Скасовано"},

    Entry{"status.announcements.published", "Opublikowane", "Published", "Опубліковано"},
    Entry{"status.announcements.withdrawn", "Wycofane", "Withdrawn", "Відкликано"},

    Entry{"status.indicators.active", "Aktywny", "Active", "Активний"},
    Entry{"status.indicators.archived", "Archiwalny", "Archived", "Архівний"},

    Entry{"status.basemap.active", "Aktywna", "Active", "Активний"},

    // [SECTION] enum: demands.eligible_forms (legal_form keys, same labels)
    legalFormAs("enum.eligible_forms.spoldzielnia_socjalna",
                "enum.legal_form.spoldzielnia_socjalna"),
    legalFormAs("enum.eligible_forms.spoldzielnia_pracy", "enum.legal_form.spoldzielnia_pracy"),
    legalFormAs("enum.eligible_forms.spoldzielnia_inwalidow",
                "enum.legal_form.spoldzielnia_inwalidow"),
    legalFormAs("enum.eligible_forms.fundacja", "enum.legal_form.fundacja"),
    legalFormAs("enum.eligible_forms.stowarzyszenie", "enum.legal_form.stowarzyszenie"),
    legalFormAs("enum.eligible_forms.stowarzyszenie_zwykle",
                "enum.legal_form.stowarzyszenie_zwykle"),
    legalFormAs("enum.eligible_forms.spolka_non_profit", "enum.legal_form.spolka_non_profit"),
    legalFormAs("enum.eligible_forms.kgw", "enum.legal_form.kgw"),
    legalFormAs("enum.eligible_forms.klub_sportowy", "enum.legal_form.klub_sportowy"),
    legalFormAs("enum.eligible_forms.organizacja_koscielna",
                "enum.legal_form.organizacja_koscielna"),
    legalFormAs("enum.eligible_forms.cis", "enum.legal_form.cis"),
    legalFormAs("enum.eligible_forms.kis", "enum.legal_form.kis"),
    legalFormAs("enum.eligible_forms.zaz", "enum.legal_form.zaz"),
    legalFormAs("enum.eligible_forms.wtz", "enum.legal_form.wtz"),
    legalFormAs("enum.eligible_forms.other", "enum.legal_form.other"),

    // [SECTION] enum: premises.purpose
    Entry{"enum.purpose.office", "Biuro", "Office", "Офіс"},
    Entry{"enum.purpose.storage", "Magazyn", "Storage", "Склад"},
    Entry{"enum.purpose.service", "Lokal usługowy", "Shop or service", "Приміщення для послуг"},
    Entry{"enum.purpose.meeting_room", "Sala spotkań", "Meeting room", "Зал для зустрічей"},
    Entry{"enum.purpose.workshop", "Pracownia", "Workshop", "Майстерня"},
    Entry{"enum.purpose.other", "Inne", "Other", "Інше"},

    // [SECTION] enum: equipment.category
    Entry{"enum.equipment.category.furniture", "Meble", "Furniture", "Меблі"},
    Entry{"enum.equipment.category.office", "Wyposażenie biura", "Office equipment",
          "Офісне обладнання"},
    Entry{"enum.equipment.category.it", "Sprzęt komputerowy", "Computers and IT",
          "Комп'ютерна техніка"},
    Entry{"enum.equipment.category.household", "Artykuły domowe", "Household", "Побутові речі"},
    Entry{"enum.equipment.category.clothing", "Odzież", "Clothing", "Одяг"},
    Entry{"enum.equipment.category.toys", "Zabawki", "Toys", "Іграшки"},
    Entry{"enum.equipment.category.sport", "Sprzęt sportowy", "Sports gear",
          "Спортивне спорядження"},
    Entry{"enum.equipment.category.tools", "Narzędzia", "Tools", "Інструменти"},
    Entry{"enum.equipment.category.medical", "Sprzęt medyczny i rehabilitacyjny",
          "Medical and rehab equipment", "Медичне та реабілітаційне обладнання"},
    Entry{"enum.equipment.category.other", "Inne", "Other", "Інше"},

    // [SECTION] enum: equipment.mode
    Entry{"enum.mode.give", "Oddam", "Give away", "Віддам"},
    Entry{"enum.mode.lend", "Użyczę", "Lend", "Позичу"},
    Entry{"enum.mode.swap", "Wymienię", "Swap", "Обміняю"},

    // [SECTION] enum: equipment.condition
    Entry{"enum.condition.new", "Nowy", "New", "Новий"},
    Entry{"enum.condition.good", "Dobry", "Good", "Добрий"},
    Entry{"enum.condition.used", "Używany", "Used", "Вживаний"},
    Entry{"enum.condition.for_repair", "Do naprawy", "Needs repair", "Потребує ремонту"},

    // [SECTION] enum: offers.kind
    Entry{"enum.offers.kind.product", "Produkt", "Product", "Товар"},
    Entry{"enum.offers.kind.service", "Usługa", "Service", "Послуга"},

    // [SECTION] enum: offers.category
    Entry{"enum.offers.category.catering", "Catering", "Catering", "Кейтеринг"},
    Entry{"enum.offers.category.cleaning", "Sprzątanie", "Cleaning", "Прибирання"},
    Entry{"enum.offers.category.printing", "Druk i poligrafia", "Printing", "Друк і поліграфія"},
    Entry{"enum.offers.category.care", "Opieka", "Care", "Догляд"},
    Entry{"enum.offers.category.training", "Szkolenia", "Training", "Навчання"},
    Entry{"enum.offers.category.crafts", "Rękodzieło", "Crafts", "Рукоділля"},
    Entry{"enum.offers.category.renovation", "Remonty", "Renovation", "Ремонт"},
    Entry{"enum.offers.category.gardening", "Ogrodnictwo i zieleń", "Gardening", "Садівництво"},
    Entry{"enum.offers.category.transport", "Transport", "Transport", "Перевезення"},
    Entry{"enum.offers.category.culture", "Kultura", "Culture", "Культура"},
    Entry{"enum.offers.category.other", "Inne", "Other", "Інше"},

    // [SECTION] enum: demands.kind
    Entry{"enum.demands.kind.zamowienie", "Zamówienie publiczne", "Public procurement",
          "Публічна закупівля"},
    Entry{"enum.demands.kind.zapytanie_ofertowe", "Zapytanie ofertowe", "Request for quotation",
          "Запит цінових пропозицій"},
    Entry{"enum.demands.kind.zlecenie", "Zlecenie", "Commission", "Доручення"},

    // [SECTION] enum: support_points.kind
    Entry{"enum.support_points.kind.owes", "Ośrodek Wsparcia Ekonomii Społecznej (OWES)",
          "Social Economy Support Centre (OWES)", "Центр підтримки соціальної економіки (OWES)"},
    Entry{"enum.support_points.kind.consultation", "Punkt konsultacyjny", "Advice point",
          "Консультаційний пункт"},
    Entry{"enum.support_points.kind.incubator", "Inkubator", "Incubator", "Інкубатор"},
    Entry{"enum.support_points.kind.funding", "Instytucja finansująca", "Funding body",
          "Установа, що фінансує"},
    Entry{"enum.support_points.kind.city_office", "Urząd miasta", "City Hall",
          "Міська адміністрація"},
    Entry{"enum.support_points.kind.help_point", "Punkt pomocy", "Help point", "Пункт допомоги"},

    // [SECTION] enum: events.kind
    Entry{"enum.events.kind.training", "Szkolenie", "Training", "Навчання"},
    Entry{"enum.events.kind.study_visit", "Wizyta studyjna", "Study visit", "Навчальний візит"},
    Entry{"enum.events.kind.meeting", "Spotkanie", "Meeting", "Зустріч"},
    Entry{"enum.events.kind.forum", "Forum", "Forum", "Форум"},
    Entry{"enum.events.kind.other", "Inne", "Other", "Інше"},

    // [SECTION] enum: basemap.layer
    Entry{"enum.layer.boundary", "Granica miasta", "City boundary", "Межа міста"},
    Entry{"enum.layer.district", "Dzielnica", "District", "Район"},
    Entry{"enum.layer.water", "Zbiornik wodny", "Water", "Водойма"},
    Entry{"enum.layer.river", "Rzeka", "River", "Річка"},
    Entry{"enum.layer.road", "Droga", "Road", "Дорога"},
    Entry{"enum.layer.rail", "Kolej", "Railway", "Залізниця"},
    Entry{"enum.layer.park", "Teren zielony", "Park", "Парк"},
    Entry{"enum.layer.label", "Etykieta", "Label", "Підпис"},
    Entry{"enum.layer.landmark", "Punkt orientacyjny", "Landmark", "Орієнтир"},
};

// [SECTION] the table and its compile-time checks
template <std::size_t A, std::size_t B>
constexpr std::array<Entry, A + B> join(const std::array<Entry, A>& a,
                                        const std::array<Entry, B>& b) {
    std::array<Entry, A + B> out{};
    for (std::size_t i = 0; i < A; ++i) out[i] = a[i];
    for (std::size_t i = 0; i < B; ++i) out[A + i] = b[i];
    return out;
}

constexpr auto kEntries = join(kLabels, kLegalForms);

constexpr bool allTranslated() {
    for (const Entry& e : kEntries)
        if (e.key.empty() || e.pl.empty() || e.en.empty() || e.uk.empty()) return false;
    return true;
}

constexpr bool keysUnique() {
    for (std::size_t i = 0; i < kEntries.size(); ++i)
        for (std::size_t j = i + 1; j < kEntries.size(); ++j)
            if (kEntries[i].key == kEntries[j].key) return false;
    return true;
}

static_assert(allTranslated(), "every record label needs pl, en and uk text");
static_assert(keysUnique(), "duplicate record label key");

} // namespace

std::span<const Entry> recordLabelEntries() { return kEntries; }

} // namespace kiosk::i18n
