#pragma once
// Errors are values at module edges: a Result<T> holds either a T or an Error
// whose message a person can act on. (std::expected arrives with C++23.)
#include <string>
#include <utility>
#include <variant>

#include "utf8.hpp"

namespace cache {

struct Error {
    std::string message;
};

template <class T> class Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <> class Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}
    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

// Messages often quote what was wrong (a value, a server's reply, a parser's
// "last read" bytes): whatever they quote, they are valid UTF-8, so they can
// be printed as JSON, stored and shown without a second thought.
inline Error makeError(std::string message) {
    if (!isValidUtf8(message)) message = toValidUtf8(message);
    return Error{std::move(message)};
}

} // namespace cache
