#pragma once
// Time is injected: the real clock on a terminal, a fixed or stepped one in
// scripted runs, so screenshots and timeouts are reproducible.
#include <chrono>
#include <cstdint>

namespace kiosk::app {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t unixSeconds() const = 0;
};

class SystemClock final : public Clock {
public:
    std::int64_t unixSeconds() const override {
        return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t start) : m_nowMs(start * 1000) {}
    std::int64_t unixSeconds() const override { return m_nowMs / 1000; }
    void advanceMs(double ms) { m_nowMs += static_cast<std::int64_t>(ms); }

private:
    std::int64_t m_nowMs;
};

} // namespace kiosk::app
