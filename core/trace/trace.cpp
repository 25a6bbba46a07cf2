#include "trace.h"

#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <sys/syscall.h>
#include <unistd.h>

namespace ipclab::trace {

namespace detail {
Level g_level = Level::Off;
}

namespace {

int g_fd = -1;
pid_t g_pid = 0; // getpid() is a real syscall, and costly under virtualization: cached, reset after fork
int (*g_lineProvider)() = nullptr;
std::uint64_t g_objectCounter = 0;

// PIPE_BUF: a write of at most this many bytes to a pipe is never interleaved with another.
constexpr std::size_t kAtomicWrite = PIPE_BUF;

struct ThreadBuffer {
    std::string text;
    pid_t tid = 0;
    ThreadBuffer() { text.reserve(kAtomicWrite); }
    ~ThreadBuffer() { flush(); }
    void flush()
    {
        if (text.empty())
            return;
        if (g_fd >= 0) {
            const char *p = text.data();
            std::size_t left = text.size();
            while (left > 0) {
                const ssize_t n = ::write(g_fd, p, left);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0) {
                    // The orchestrator is gone: the run is over, stop tracing.
                    detail::g_level = Level::Off;
                    break;
                }
                p += n;
                left -= static_cast<std::size_t>(n);
            }
        }
        text.clear();
    }
};

ThreadBuffer &buffer()
{
    thread_local ThreadBuffer b;
    return b;
}

pid_t currentTid(ThreadBuffer &b)
{
    // Cached per thread, but a forked child's thread has a new id.
    if (b.tid == 0 || b.tid == static_cast<pid_t>(-1))
        b.tid = static_cast<pid_t>(::syscall(SYS_gettid));
    return b.tid;
}

void appendEscaped(std::string &out, std::string_view s)
{
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "\\u%04x", c);
                out += hex;
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

void appendInt(std::string &out, std::int64_t v)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
    out.append(digits, static_cast<std::size_t>(end - digits));
}

} // namespace

void detail::emit(std::string_view op, Phase phase, ObjectId object, std::initializer_list<Arg> args)
{
    const int savedErrno = errno; // callers report errno after tracing a failure
    ThreadBuffer &b = buffer();
    std::string record;
    record.reserve(160);
    record += "{\"t\":";
    appendInt(record, nowNs());
    record += ",\"pid\":";
    appendInt(record, selfPid());
    record += ",\"tid\":";
    appendInt(record, currentTid(b));
    record += ",\"op\":";
    appendEscaped(record, op);
    record += ",\"ph\":\"";
    record += static_cast<char>(phase);
    record += '"';
    if (object) {
        record += ",\"obj\":";
        appendInt(record, static_cast<std::int64_t>(object));
    }
    if (g_lineProvider) {
        if (const int line = g_lineProvider(); line > 0) {
            record += ",\"line\":";
            appendInt(record, line);
        }
    }
    if (args.size() > 0) {
        record += ",\"v\":{";
        bool first = true;
        for (const Arg &a : args) {
            if (!first)
                record += ',';
            first = false;
            appendEscaped(record, a.key);
            record += ':';
            switch (a.kind) {
            case Arg::Kind::Int:
                appendInt(record, a.i);
                break;
            case Arg::Kind::Real: {
                char text[32];
                std::snprintf(text, sizeof text, "%.6g", a.real);
                record += text;
                break;
            }
            case Arg::Kind::Bool:
                record += a.i ? "true" : "false";
                break;
            case Arg::Kind::Str:
                appendEscaped(record, a.s.size() > 400 ? shorten(a.s, 400) : a.s);
                break;
            case Arg::Kind::Raw:
                record += a.s;
                break;
            }
        }
        record += '}';
    }
    record += "}\n";
    if (record.size() > kAtomicWrite) {
        // Only a pathological list of ids gets here; keep the event, drop its values.
        const std::size_t cut = record.find(",\"v\":{");
        record.resize(cut);
        record += ",\"v\":{\"truncated\":true}}\n";
    }
    if (b.text.size() + record.size() > kAtomicWrite)
        b.flush();
    b.text += record;
    errno = savedErrno;
}

void configure(int fd, Level level)
{
    g_fd = fd;
    detail::g_level = fd >= 0 ? level : Level::Off;
}

int channelFd()
{
    return enabled() ? g_fd : -1;
}

int selfTid()
{
    return currentTid(buffer());
}

int selfPid()
{
    if (g_pid == 0)
        g_pid = ::getpid();
    return g_pid;
}

ObjectId newObjectId()
{
    return (static_cast<ObjectId>(selfPid()) << 24) | (++g_objectCounter & 0xffffff);
}

void flushThread()
{
    if (enabled())
        buffer().flush();
}

void discardThreadBufferAfterFork()
{
    ThreadBuffer &b = buffer();
    b.text.clear();
    b.tid = 0;
    g_objectCounter = 0;
    g_pid = ::getpid();
}

void setLineProvider(int (*provider)())
{
    g_lineProvider = provider;
}

std::int64_t nowNs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

std::string shorten(std::string_view text, std::size_t limit)
{
    if (text.size() <= limit)
        return std::string(text);
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut; // never split a UTF-8 character
    return std::string(text.substr(0, cut)) + "...";
}

} // namespace ipclab::trace
