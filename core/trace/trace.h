#pragma once
// The trace: every operation of every process and thread of a run, as one
// line of JSON per event (docs/trace-format.md), written to a pipe the
// orchestrator handed down (the worker's --trace-fd). Each thread buffers its events
// and writes them whole (at most PIPE_BUF bytes, so writes from many
// processes never interleave). A flusher thread writes a buffer a millisecond
// after it starts to fill, so a thread blocked in a call has its events out
// without writing itself, and a busy run makes few writes.

#include "protocol.h" // the trace levels

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace ipclab::trace {

enum class Phase : char { Begin = 'B', End = 'E', Fail = 'F', Instant = 'I' };

using ObjectId = std::uint64_t;

/// One named value of an event. Raw is JSON text already (an array of ids).
struct Arg {
    enum class Kind { Int, Real, Str, Bool, Raw };
    std::string_view key;
    Kind kind;
    std::int64_t i = 0;
    double real = 0;
    std::string_view s;
};
inline Arg arg(std::string_view key, std::int64_t v)
{
    return { key, Arg::Kind::Int, v, 0, {} };
}
inline Arg arg(std::string_view key, int v)
{
    return { key, Arg::Kind::Int, v, 0, {} };
}
inline Arg arg(std::string_view key, std::size_t v)
{
    return { key, Arg::Kind::Int, static_cast<std::int64_t>(v), 0, {} };
}
inline Arg arg(std::string_view key, double v)
{
    return { key, Arg::Kind::Real, 0, v, {} };
}
inline Arg arg(std::string_view key, bool v)
{
    return { key, Arg::Kind::Bool, v ? 1 : 0, 0, {} };
}
inline Arg arg(std::string_view key, std::string_view v)
{
    return { key, Arg::Kind::Str, 0, 0, v };
}
inline Arg arg(std::string_view key, const char *v)
{
    return { key, Arg::Kind::Str, 0, 0, v };
}
inline Arg rawArg(std::string_view key, std::string_view json)
{
    return { key, Arg::Kind::Raw, 0, 0, json };
}

namespace detail {
extern Level g_level;
void emit(std::string_view op, Phase phase, ObjectId object, std::span<const Arg> args);
} // namespace detail

/// Tracing to `fd` (the worker's --trace-fd, inherited from the orchestrator).
void configure(int fd, Level level);
inline bool enabled()
{
    return detail::g_level != Level::Off;
}
/// The channel and level, to hand down to a spawned worker (-1 when off).
int channelFd();
inline Level level()
{
    return detail::g_level;
}
inline bool statementsEnabled()
{
    return detail::g_level >= Level::Statements;
}
inline bool variablesEnabled()
{
    return detail::g_level == Level::Variables;
}

inline void emit(std::string_view op, Phase phase, ObjectId object = 0, std::initializer_list<Arg> args = {})
{
    if (enabled())
        detail::emit(op, phase, object, std::span<const Arg>(args.begin(), args.size()));
}

/// The same, with values chosen at run time (an event that leaves out its empty members).
inline void emit(std::string_view op, Phase phase, ObjectId object, std::span<const Arg> args)
{
    if (enabled())
        detail::emit(op, phase, object, args);
}

/// getpid(), cached (a forked child calls discardThreadBufferAfterFork, which refreshes it).
int selfPid();
/// gettid(), cached per thread (and renewed in a forked child).
int selfTid();
/// A run-unique id for a traced object: the creating pid and a counter.
ObjectId newObjectId();
/// Writes this thread's buffered events now (before a fork, a signal to a child).
void flushThread();
/// Writes every thread's buffered events (before the process exits).
void flushAll();
/// In a forked child: the parent's buffer is the parent's to write.
void discardThreadBufferAfterFork();
/// The source line reported with each event, from the interpreter.
void setLineProvider(int (*provider)());
/// Monotonic nanoseconds, the clock of every event.
std::int64_t nowNs();
/// Appends `text` as a JSON string, quoted and escaped (for Raw values).
void appendJsonString(std::string &out, std::string_view text);
/// Truncates text for an event value (whole UTF-8 characters, "..." appended).
std::string shorten(std::string_view text, std::size_t limit = 120);

} // namespace ipclab::trace
