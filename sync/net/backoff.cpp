#include "net/backoff.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace net {

std::chrono::milliseconds Backoff::nextDelay(std::optional<long> retryAfterSeconds) {
    using std::chrono::milliseconds;
    const std::int64_t capMs = std::max<std::int64_t>(0, milliseconds(m_cap).count());
    const std::int64_t baseMs = std::max<std::int64_t>(0, milliseconds(m_base).count());

    // base * 2^failures, saturating at the cap: doubling stops as soon as the
    // cap is reached, so a long outage (thousands of failures) cannot overflow.
    std::int64_t ceilingMs = std::min(baseMs, capMs);
    for (int i = 0; i < m_failures && ceilingMs < capMs; ++i)
        ceilingMs = std::min(capMs, ceilingMs * 2);

    // Full jitter: uniform over the whole window, so that many kiosks that
    // lost the server at the same moment do not come back in lock-step.
    std::uniform_int_distribution<std::int64_t> pick(0, ceilingMs);
    std::int64_t delayMs = pick(m_rng);

    if (m_failures < std::numeric_limits<int>::max()) ++m_failures;

    // The server knows its load better than our guess: never come back
    // earlier than it asked (it may be longer than our cap, on purpose).
    if (retryAfterSeconds && *retryAfterSeconds > 0) {
        const std::int64_t kMaxSeconds = std::numeric_limits<std::int64_t>::max() / 1000;
        const std::int64_t askedMs = std::min<std::int64_t>(*retryAfterSeconds, kMaxSeconds) * 1000;
        delayMs = std::max(delayMs, askedMs);
    }
    return milliseconds(delayMs);
}

} // namespace net
