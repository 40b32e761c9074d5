// Numbers, prices, dates and times in each language's conventions: Polish and
// Ukrainian group thousands with a narrow no-break space and use a decimal
// comma and day.month.year; English uses commas, a decimal point and "5 Mar
// 2026". Prices stay in złoty in every language.
#include "i18n/format.hpp"

#include <doctest/doctest.h>

using cache::Lang;
using namespace kiosk::i18n;

TEST_CASE("numbers: grouping, decimal separator and decimals in pl, en and uk") {
    CHECK(formatNumber(Lang::Pl, 1234567.5) == "1\u202F234\u202F567,5");
    CHECK(formatNumber(Lang::En, 1234567.5) == "1,234,567.5");
    CHECK(formatNumber(Lang::Uk, 1234567.5) == "1\u202F234\u202F567,5");
    CHECK(formatNumber(Lang::Pl, 12.25, 2) == "12,25");
    CHECK(formatNumber(Lang::Pl, 0.05, 2) == "0,05");
    CHECK(formatNumber(Lang::En, 0.05, 2) == "0.05");
    CHECK(formatNumber(Lang::Uk, 999) == "999");
    CHECK(formatNumber(Lang::Uk, 1000) == "1\u202F000");
    CHECK(formatNumber(Lang::En, 1000) == "1,000");
    CHECK(formatNumber(Lang::Pl, -1234.5) == "-1\u202F234,5");
    CHECK(formatNumber(Lang::En, 2.0) == "2"); // as few decimals as needed
    CHECK(formatNumber(Lang::En, 2.499, 1) == "2.5");
}

TEST_CASE("prices: złoty in every language, grosze only when there are any") {
    CHECK(formatPrice(Lang::Pl, 1200) == "1\u202F200\u00A0zł");
    CHECK(formatPrice(Lang::En, 1200) == "PLN 1,200");
    CHECK(formatPrice(Lang::Uk, 1200) == "1\u202F200\u00A0зл");
    CHECK(formatPrice(Lang::Pl, 15.5) == "15,50\u00A0zł");
    CHECK(formatPrice(Lang::En, 15.5) == "PLN 15.50");
    CHECK(formatPrice(Lang::Uk, 15.5) == "15,50\u00A0зл");
}

TEST_CASE("dates and date-times in pl, en and uk") {
    CHECK(formatDate(Lang::Pl, "2026-03-05") == "05.03.2026");
    CHECK(formatDate(Lang::Uk, "2026-03-05") == "05.03.2026");
    CHECK(formatDate(Lang::En, "2026-03-05") == "5 Mar 2026");
    CHECK(formatDate(Lang::En, "2026-12-31") == "31 Dec 2026");
    CHECK(formatDateTime(Lang::Pl, "2026-11-21T09:30:00+01:00") == "21.11.2026, 09:30");
    CHECK(formatDateTime(Lang::Uk, "2026-11-21T09:30:00+01:00") == "21.11.2026, 09:30");
    CHECK(formatDateTime(Lang::En, "2026-11-21T09:30:00+01:00") == "21 Nov 2026, 09:30");
    CHECK(formatDate(Lang::En, "2026") == "2026"); // too short to be a date: shown as it is
}

TEST_CASE("a date in words and a time of day, for the signage clock") {
    // 2026-11-19 is a Thursday (weekday 3, Monday = 0).
    CHECK(formatLongDate(Lang::Pl, 2026, 11, 19, 3) == "czwartek, 19 listopada 2026");
    CHECK(formatLongDate(Lang::En, 2026, 11, 19, 3) == "Thursday, 19 November 2026");
    CHECK(formatLongDate(Lang::Uk, 2026, 11, 19, 3) == "четвер, 19 листопада 2026");
    CHECK(formatLongDate(Lang::Pl, 2026, 9, 1, 1) == "wtorek, 1 września 2026");
    CHECK(formatLongDate(Lang::Uk, 2026, 3, 8, 6) == "неділя, 8 березня 2026");
    for (Lang lang : {Lang::Pl, Lang::En, Lang::Uk}) {
        CHECK(formatTimeOfDay(lang, 7 * 60 + 5) == "07:05");
        CHECK(formatTimeOfDay(lang, 23 * 60 + 59) == "23:59");
    }
}
