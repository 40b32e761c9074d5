// The admin PIN gate (real argon2id through libsodium), the self-wiping PIN
// buffer, and how the session follows the admin screen (actions, unlock,
// leaving it).
#include "app/admin_gate.hpp"
#include "app/admin_pin.hpp"
#include "app/apply_action.hpp"
#include "app/clock.hpp"

#include <cstring>
#include <doctest/doctest.h>

using namespace kiosk::app;

namespace {

PinDigits digits(std::string_view s) {
    PinDigits p;
    for (char c : s)
        REQUIRE(p.push(c));
    return p;
}

const std::string& hashOf2468() {
    static const std::string kHash = *hashPin("2468"); // computed once: argon2id is slow on purpose
    return kHash;
}

} // namespace

TEST_CASE("PinDigits: digits only, at most 12, backspace, wiped on clear") {
    PinDigits p;
    CHECK_FALSE(p.push('a'));
    CHECK_FALSE(p.push(' '));
    for (int i = 0; i < 12; ++i)
        CHECK(p.push('7'));
    CHECK_FALSE(p.push('7'));
    CHECK(p.size() == 12);
    p.pop();
    CHECK(p.secret() == "77777777777");
    const char* storage = p.secret().data();
    p.clear();
    CHECK(p.empty());
    for (int i = 0; i < 12; ++i)
        CHECK(storage[i] == 0); // the bytes themselves, not just the count
    p.pop();                    // on empty: nothing happens
    CHECK(p.empty());
}

TEST_CASE("the right PIN unlocks and wipes the typed digits") {
    AdminGate gate(hashOf2468());
    CHECK(gate.enabled());
    PinDigits pin = digits("2468");
    const char* storage = pin.secret().data();
    CHECK(gate.submit(pin, 1000) == PinVerdict::Unlocked);
    CHECK(pin.empty());
    for (std::size_t i = 0; i < PinDigits::kMaxDigits; ++i)
        CHECK(storage[i] == 0);
    const AdminGateView v = gate.view(1000);
    CHECK(v.enabled);
    CHECK(v.wrongInARow == 0);
    CHECK(v.attemptsLeft == AdminGate::kMaxWrong);
    CHECK(v.lockedForSeconds == 0);
}

TEST_CASE("a wrong PIN counts, is wiped too, and a right one resets the count") {
    AdminGate gate(hashOf2468());
    PinDigits wrong = digits("1234");
    CHECK(gate.submit(wrong, 1000) == PinVerdict::Wrong);
    CHECK(wrong.empty());
    PinDigits longer = digits("24680"); // a prefix match is no match
    CHECK(gate.submit(longer, 1001) == PinVerdict::Wrong);
    CHECK(gate.view(1001).wrongInARow == 2);
    CHECK(gate.view(1001).attemptsLeft == 3);
    PinDigits right = digits("2468");
    CHECK(gate.submit(right, 1002) == PinVerdict::Unlocked);
    CHECK(gate.view(1002).wrongInARow == 0);
}

TEST_CASE(
    "five wrong PINs lock the pad for five minutes on a fake clock; even the right PIN waits") {
    int checks = 0;
    AdminGate gate(hashOf2468(), [&](std::string_view hash, std::string_view pin) {
        ++checks;
        return verifyPin(hash, pin);
    });
    ManualClock clock(1795000000);
    for (int i = 0; i < AdminGate::kMaxWrong; ++i) {
        PinDigits wrong = digits("0000");
        CHECK(gate.submit(wrong, clock.unixSeconds()) == PinVerdict::Wrong);
        clock.advanceMs(1000);
    }
    CHECK(checks == 5);
    CHECK(gate.view(clock.unixSeconds()).attemptsLeft == 0);
    CHECK(gate.view(clock.unixSeconds()).lockedForSeconds == 299); // locked at the fifth, 1 s ago
    PinDigits right = digits("2468");
    CHECK(gate.submit(right, clock.unixSeconds()) == PinVerdict::LockedOut);
    CHECK(right.empty()); // wiped even when not checked
    CHECK(checks == 5);   // not checked at all: no oracle while locked
    clock.advanceMs(293 * 1000);
    CHECK(gate.view(clock.unixSeconds()).lockedForSeconds == 6);
    PinDigits again = digits("2468");
    CHECK(gate.submit(again, clock.unixSeconds()) == PinVerdict::LockedOut);
    clock.advanceMs(6 * 1000); // five minutes after the fifth wrong PIN
    CHECK(gate.view(clock.unixSeconds()).lockedForSeconds == 0);
    CHECK(gate.view(clock.unixSeconds()).attemptsLeft == AdminGate::kMaxWrong); // fresh tries
    PinDigits late = digits("2468");
    CHECK(gate.submit(late, clock.unixSeconds()) == PinVerdict::Unlocked);
}

TEST_CASE("after a lockout, five more wrong PINs lock it again") {
    AdminGate gate("$argon2id$fake",
                   [](std::string_view, std::string_view pin) { return pin == "2468"; });
    std::int64_t now = 5000;
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < AdminGate::kMaxWrong; ++i) {
            PinDigits wrong = digits("1111");
            CHECK(gate.submit(wrong, now) == PinVerdict::Wrong);
        }
        CHECK(gate.view(now).lockedForSeconds == 300);
        now += 300;
    }
}

TEST_CASE("a clock set back does not stretch the lockout") {
    AdminGate gate("$argon2id$fake", [](std::string_view, std::string_view) { return false; });
    for (int i = 0; i < AdminGate::kMaxWrong; ++i) {
        PinDigits wrong = digits("1111");
        gate.submit(wrong, 1'800'000'000);
    }
    CHECK(gate.view(1'700'000'000).lockedForSeconds == 300); // at most the lockout's length
}

TEST_CASE("an empty hash disables the gate: nothing unlocks, nothing is checked") {
    int checks = 0;
    AdminGate gate("", [&](std::string_view, std::string_view) { return ++checks, true; });
    CHECK_FALSE(gate.enabled());
    CHECK_FALSE(gate.view(0).enabled);
    PinDigits pin = digits("2468");
    CHECK(gate.submit(pin, 0) == PinVerdict::Disabled);
    CHECK(pin.empty());
    CHECK(checks == 0);
}

TEST_CASE("the session: OpenAdmin shows the locked screen, the PIN goes to Effects, commands need "
          "the unlock") {
    Session s;
    Effects fx;
    applyAction(s, OpenAdmin{}, fx);
    CHECK(fx.routeChanged);
    REQUIRE(s.current().screen == ScreenId::Admin);
    CHECK_FALSE(s.adminUnlocked);

    Effects locked;
    applyAction(s, AdminCommand{AdminCommand::Kind::Quit}, locked);
    CHECK_FALSE(locked.adminCommand); // a locked screen commands nothing

    Effects pin;
    applyAction(s, SubmitAdminPin{digits("2468")}, pin);
    REQUIRE(pin.adminPin);
    CHECK(pin.adminPin->secret() == "2468");
    unlockAdmin(s);
    CHECK(s.adminUnlocked);

    Effects again;
    applyAction(s, SubmitAdminPin{digits("2468")}, again);
    CHECK_FALSE(again.adminPin); // already unlocked: nothing to check
    Effects cmd;
    applyAction(s, AdminCommand{AdminCommand::Kind::RequestSync}, cmd);
    REQUIRE(cmd.adminCommand);
    CHECK(*cmd.adminCommand == AdminCommand::Kind::RequestSync);
    Effects lang;
    applyAction(s, SetLanguage{cache::Lang::En}, lang);
    CHECK(s.adminUnlocked); // staying on the screen keeps it open
}

TEST_CASE("leaving the admin screen locks it and takes it out of the history") {
    Session s;
    Effects fx;
    applyAction(s, OpenList{cache::Collection::Entities}, fx);
    applyAction(s, OpenAdmin{}, fx);
    unlockAdmin(s);
    applyAction(s, OpenMap{}, fx); // the top bar's map button
    CHECK_FALSE(s.adminUnlocked);
    for (const Route& r : s.history)
        CHECK(r.screen != ScreenId::Admin);
    applyAction(s, GoBack{}, fx); // back lands on the list, not on the PIN pad
    CHECK(s.current().screen == ScreenId::List);

    applyAction(s, OpenAdmin{}, fx);
    unlockAdmin(s);
    applyAction(s, GoBack{}, fx);
    CHECK_FALSE(s.adminUnlocked);
    applyAction(s, OpenAdmin{}, fx);
    CHECK_FALSE(s.adminUnlocked); // coming back asks for the PIN again

    unlockAdmin(s);
    s = Session{}; // the idle reset wipes the session
    CHECK_FALSE(s.adminUnlocked);
}

TEST_CASE("unlockAdmin does nothing away from the admin screen") {
    Session s;
    unlockAdmin(s);
    CHECK_FALSE(s.adminUnlocked);
}
