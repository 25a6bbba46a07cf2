#include "trace.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <climits>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <new>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>
#include <vector>

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

void writeAll(const std::string &text)
{
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

struct ThreadBuffer {
    std::mutex mutex; // this thread appends, the flusher writes
    std::string text;
    pid_t tid = 0;
    bool registered = false;
    ThreadBuffer() { text.reserve(kAtomicWrite); }
    ~ThreadBuffer();
    void flushLocked()
    {
        if (!text.empty() && g_fd >= 0)
            writeAll(text);
        text.clear();
    }
};

// Every thread's buffer, and the flusher: a thread of each tracing process that writes
// buffers a millisecond after they start to fill. A thread that blocks needs no write of
// its own, so a busy run makes one write per few dozen events instead of one per call,
// and a blocked call is still out within a couple of milliseconds.
struct Registry {
    std::mutex mutex;
    std::condition_variable wake;
    std::vector<ThreadBuffer *> buffers;
    std::atomic<bool> idle { false }; // the flusher found nothing to write and waits
    pid_t flusherPid = 0; // the process whose flusher runs (a forked child has none)
    bool flusherStarted = false;
    std::condition_variable started;
};

alignas(Registry) unsigned char g_registryStorage[sizeof(Registry)];
Registry *g_registry = new (g_registryStorage) Registry;

void flusherLoop(Registry *registry)
{
    std::unique_lock lock(registry->mutex);
    registry->flusherStarted = true;
    registry->started.notify_all();
    while (true) {
        lock.unlock();
        ::usleep(1000); // let a burst gather
        lock.lock();
        bool wrote = false;
        for (ThreadBuffer *b : registry->buffers) {
            std::lock_guard guard(b->mutex);
            wrote |= !b->text.empty();
            b->flushLocked();
        }
        if (!wrote) {
            // Nothing is happening: sleep until a buffer gets its first event. The timeout
            // covers the event that arrived just as the flusher decided to sleep.
            registry->idle.store(true);
            registry->wake.wait_for(lock, std::chrono::milliseconds(200));
            registry->idle.store(false);
        }
    }
}

void registerBuffer(ThreadBuffer &b)
{
    std::unique_lock lock(g_registry->mutex);
    g_registry->buffers.push_back(&b);
    b.registered = true;
    if (g_registry->flusherPid != selfPid()) {
        g_registry->flusherPid = selfPid();
        g_registry->flusherStarted = false;
        std::thread(flusherLoop, g_registry).detach();
        // A thread's start allocates (the C library asks for its stack and affinity). Wait
        // until that is over, so that no fork of this process can copy an allocator lock the
        // new thread holds: a sanitizer's allocator has no fork handler to release it.
        g_registry->started.wait(lock, [] { return g_registry->flusherStarted; });
    }
}

// A buffer just got its first event: wake the flusher if it sleeps (cheap when it is awake).
void wakeFlusher()
{
    Registry *registry = g_registry;
    if (registry->idle.exchange(false))
        registry->wake.notify_one();
}

ThreadBuffer::~ThreadBuffer()
{
    if (registered) {
        std::lock_guard guard(g_registry->mutex);
        auto &all = g_registry->buffers;
        all.erase(std::remove(all.begin(), all.end(), this), all.end());
    }
    std::lock_guard guard(mutex);
    flushLocked();
}

thread_local ThreadBuffer t_buffer;

ThreadBuffer &buffer()
{
    if (!t_buffer.registered)
        registerBuffer(t_buffer);
    return t_buffer;
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
    const bool plain = std::none_of(s.begin(), s.end(), [](char ch) { return ch == '"' || ch == '\\' || static_cast<unsigned char>(ch) < 0x20; });
    if (plain) {
        out += s;
        out += '"';
        return;
    }
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

void detail::emit(std::string_view op, Phase phase, ObjectId object, std::span<const Arg> args)
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
                if (!std::isfinite(a.real)) {
                    record += "null"; // JSON has no inf or nan
                    break;
                }
                char text[32];
                const auto end = std::to_chars(text, text + sizeof text, a.real, std::chars_format::general, 6).ptr;
                record.append(text, static_cast<std::size_t>(end - text));
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
    bool first;
    {
        std::lock_guard guard(b.mutex);
        if (b.text.size() + record.size() > kAtomicWrite)
            b.flushLocked();
        first = b.text.empty();
        b.text += record;
    }
    if (first)
        wakeFlusher();
    errno = savedErrno;
}

void appendJsonString(std::string &out, std::string_view text)
{
    appendEscaped(out, text);
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
    if (!enabled())
        return;
    ThreadBuffer &b = buffer();
    std::lock_guard guard(b.mutex);
    b.flushLocked();
}

void flushAll()
{
    if (!enabled())
        return;
    std::lock_guard guard(g_registry->mutex);
    for (ThreadBuffer *b : g_registry->buffers) {
        std::lock_guard bufferGuard(b->mutex);
        b->flushLocked();
    }
}

void discardThreadBufferAfterFork()
{
    // Only this thread survived the fork: the parent's flusher and other threads are gone, and
    // their locks may have been held at the moment of the fork. Start over with fresh ones.
    g_registry = new (g_registryStorage) Registry;
    new (&t_buffer.mutex) std::mutex;
    t_buffer.text.clear();
    t_buffer.tid = 0;
    t_buffer.registered = false;
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
