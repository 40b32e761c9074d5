// Screen chrome and messages in Polish, English and Ukrainian.
#include <array>

#include "translator.hpp"

namespace kiosk::i18n {
namespace {

constexpr std::array kUi{
    // [SECTION] shell
    Entry{"app.title", "PES-TOR Toruń", "PES-TOR Toruń", "PES-TOR Торунь"},
    Entry{"app.subtitle", "Ekonomia społeczna w Toruniu", "Social economy in Toruń",
          "Соціальна економіка в Торуні"},
    Entry{"nav.back", "‹ Wstecz", "‹ Back", "‹ Назад"},
    Entry{"nav.home", "Start", "Home", "Головна"},
    Entry{"lang.pl", "PL", "PL", "PL"},
    Entry{"lang.en", "EN", "EN", "EN"},
    Entry{"lang.uk", "UA", "UA", "UA"},
    Entry{"status.data_as_of", "Dane z %s", "Data as of %s", "Дані станом на %s"},
    Entry{"status.no_data", "Brak danych — terminal czeka na pierwszą synchronizację",
          "No data yet — the terminal is waiting for its first sync",
          "Даних ще немає — термінал чекає на першу синхронізацію"},
    // [SECTION] home
    Entry{"home.prompt", "Czego szukasz?", "What are you looking for?", "Що ви шукаєте?"},
    Entry{"home.browse", "Przeglądaj", "Browse", "Переглянути"},
    Entry{"home.count.0", "%d pozycja", "%d item", "%d позиція"},
    Entry{"home.count.1", "%d pozycje", "%d items", "%d позиції"},
    Entry{"home.count.2", "%d pozycji", "%d items", "%d позицій"},
    // [SECTION] search
    Entry{"search.hint", "Szukaj: nazwa, usługa, adres…", "Search: name, service, address…",
          "Пошук: назва, послуга, адреса…"},
    Entry{"search.title", "Wyszukiwanie", "Search", "Пошук"},
    Entry{"search.none", "Nic nie znaleziono. Spróbuj krótszego słowa.",
          "Nothing found. Try a shorter word.", "Нічого не знайдено. Спробуйте коротше слово."},
    Entry{"search.start", "Zacznij pisać — wyniki pojawią się od razu.",
          "Start typing — results appear as you type.",
          "Почніть вводити — результати з'являться одразу."},
    Entry{"search.clear", "Wyczyść", "Clear", "Очистити"},
    Entry{"search.results_more", "Ponad %d wyników — dopisz kolejne litery", "More than %d results — keep typing",
          "Понад %d результатів — введіть ще літери"},
    Entry{"search.results.0", "%d wynik", "%d result", "%d результат"},
    Entry{"search.results.1", "%d wyniki", "%d results", "%d результати"},
    Entry{"search.results.2", "%d wyników", "%d results", "%d результатів"},
    // [SECTION] keyboard
    // Words, not symbols: Noto Sans has no arrows or ⌫ (shift and backspace are drawn).
    Entry{"keyboard.space", "spacja", "space", "пробіл"},
    Entry{"keyboard.done", "Gotowe", "Done", "Готово"},
    Entry{"keyboard.symbols", "123", "123", "123"},
    Entry{"keyboard.letters", "ABC", "ABC", "АБВ"},
    // The Polish AltGr key shows what it gives: the letters with diacritics.
    Entry{"keyboard.altgr", "ąęś", "ąęś", "ąęś"},
    // [SECTION] list
    Entry{"list.count.0", "%d pozycja", "%d item", "%d позиція"},
    Entry{"list.count.1", "%d pozycje", "%d items", "%d позиції"},
    Entry{"list.count.2", "%d pozycji", "%d items", "%d позицій"},
    Entry{"list.filters", "Filtry", "Filters", "Фільтри"},
    Entry{"list.clear", "Wyczyść filtry", "Clear filters", "Скинути фільтри"},
    Entry{"list.empty", "Brak pozycji spełniających wybrane kryteria.",
          "Nothing matches the chosen filters.", "Немає позицій за вибраними критеріями."},
    Entry{"filter.status", "Status", "Status", "Статус"},
    Entry{"filter.all", "Wszystkie", "All", "Усі"},
    Entry{"filter.step_free", "Bez barier", "Step-free", "Без бар'єрів"},
    Entry{"filter.opp", "Tylko OPP", "Public benefit only", "Лише ОСК"},
    Entry{"filter.social_enterprise", "Przedsiębiorstwa społeczne", "Social enterprises",
          "Соціальні підприємства"},
    Entry{"filter.social_clause", "Z klauzulą społeczną", "With a social clause",
          "Із соціальним застереженням"},
    Entry{"filter.free", "Bezpłatne", "Free of charge", "Безкоштовно"},
    Entry{"filter.deadline", "Termin", "Deadline", "Термін"},
    Entry{"filter.deadline.7", "7 dni", "7 days", "7 днів"},
    Entry{"filter.deadline.30", "30 dni", "30 days", "30 днів"},
    Entry{"filter.when", "Kiedy", "When", "Коли"},
    Entry{"filter.when.week", "Ten tydzień", "This week", "Цей тиждень"},
    Entry{"filter.when.month", "30 dni", "30 days", "30 днів"},
    Entry{"filter.options", "Opcje", "Options", "Параметри"},
    // [SECTION] detail
    Entry{"detail.yes", "tak", "yes", "так"},
    Entry{"detail.no", "nie", "no", "ні"},
    Entry{"detail.free", "bezpłatnie", "free of charge", "безкоштовно"},
    Entry{"detail.from", "od %s", "from %s", "від %s"},
    Entry{"detail.contact", "Kontakt", "Contact", "Контакти"},
    Entry{"detail.details", "Szczegóły", "Details", "Деталі"},
    Entry{"detail.accessibility", "Dostępność", "Accessibility", "Доступність"},
    Entry{"detail.identifiers", "Dane rejestrowe", "Registry data", "Реєстраційні дані"},
    Entry{"detail.related", "Powiązane", "Related", "Пов'язане"},
    Entry{"detail.missing", "Ta pozycja nie jest już dostępna.", "This item is no longer available.",
          "Ця позиція більше не доступна."},
    Entry{"detail.updated", "Zaktualizowano %s", "Updated %s", "Оновлено %s"},
    // [SECTION] qr
    Entry{"qr.title", "Zabierz ze sobą", "Take it with you", "Візьміть із собою"},
    Entry{"qr.hint", "Zeskanuj kod aparatem telefonu", "Scan a code with your phone's camera",
          "Відскануйте код камерою телефону"},
    Entry{"qr.page", "Strona", "Web page", "Сторінка"},
    Entry{"qr.contact", "Wizytówka", "Contact card", "Візитівка"},
    Entry{"qr.map", "Mapa w telefonie", "Map on your phone", "Мапа в телефоні"},
    Entry{"detail.deadline_passed", "termin minął", "deadline passed", "термін минув"},
    Entry{"detail.days_left.0", "został %d dzień", "%d day left", "залишився %d день"},
    Entry{"detail.days_left.1", "zostały %d dni", "%d days left", "залишилося %d дні"},
    Entry{"detail.days_left.2", "zostało %d dni", "%d days left", "залишилося %d днів"},
    Entry{"detail.progress", "%s z %s", "%s of %s", "%s з %s"},
    // [SECTION] map
    Entry{"nav.map", "Mapa", "Map", "Мапа"},
    Entry{"map.title", "Mapa", "Map", "Мапа"},
    Entry{"map.layers", "Na mapie", "On the map", "На мапі"},
    Entry{"map.in_view.0", "Widoczna %d pozycja", "%d item in view", "Видно %d позицію"},
    Entry{"map.in_view.1", "Widoczne %d pozycje", "%d items in view", "Видно %d позиції"},
    Entry{"map.in_view.2", "Widocznych %d pozycji", "%d items in view", "Видно %d позицій"},
    Entry{"map.in_view_none", "Nic tu nie ma. Przesuń mapę lub oddal ją.",
          "Nothing here. Move the map or zoom out.", "Тут нічого немає. Посуньте мапу або віддаліть її."},
    Entry{"map.cluster.0", "%d miejsce — dotknij, aby przybliżyć", "%d place — tap to zoom in",
          "%d місце — торкніться, щоб наблизити"},
    Entry{"map.cluster.1", "%d miejsca — dotknij, aby przybliżyć", "%d places — tap to zoom in",
          "%d місця — торкніться, щоб наблизити"},
    Entry{"map.cluster.2", "%d miejsc — dotknij, aby przybliżyć", "%d places — tap to zoom in",
          "%d місць — торкніться, щоб наблизити"},
    Entry{"map.here", "Jesteś tutaj", "You are here", "Ви тут"},
    Entry{"map.details", "Szczegóły ›", "Details ›", "Деталі ›"},
    Entry{"map.close", "Zamknij", "Close", "Закрити"},
    Entry{"map.zoom_in", "+", "+", "+"},
    Entry{"map.zoom_out", "–", "–", "–"},
    Entry{"map.recentre", "Cały Toruń", "All of Toruń", "Весь Торунь"},
    Entry{"map.show", "Pokaż na mapie", "Show on map", "Показати на мапі"},
    Entry{"map.no_location", "Brak lokalizacji", "No location", "Немає місця на мапі"},
    Entry{"map.hint", "Przesuń palcem, rozsuń dwa palce, aby przybliżyć", "Drag to move, spread two fingers to zoom",
          "Проведіть пальцем, розведіть два пальці, щоб наблизити"},
    // [SECTION] units
    Entry{"unit.m2", "m²", "m²", "м²"},
    Entry{"unit.pln", "zł", "PLN", "зл"},
    Entry{"unit.per_m2_month", "zł/m² miesięcznie", "PLN/m² per month", "зл/м² на місяць"},
    Entry{"unit.floor_ground", "parter", "ground floor", "перший поверх"},
};

} // namespace

std::span<const Entry> uiEntries() { return kUi; }

} // namespace kiosk::i18n
