// The `os` module a scenario imports: named pipes, files for mmap, and the
// process ids. Replaces the language's minimal `os` (getpid, getppid, sep...).

#include "os_module.h"
#include "interrupt.h"

#include "ipc_modules.h"
#include "trace_values.h"

#include "errors.h"
#include "gil.h"
#include "interpreter.h"
#include "modules.h"
#include "native.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

namespace ipclab::ipc {

using namespace lang;

namespace {

// What this process opened with os.open. Guarded by the interpreter lock; a forked child
// inherits the fds and, with the process memory, this table.
struct OpenedFd {
    std::string path;
    bool fifo = false;
    bool readable = false;
    bool writable = false;
    trace::ObjectId traceId = 0;
};

std::map<int, OpenedFd> &openedFds()
{
    static std::map<int, OpenedFd> fds;
    return fds;
}

const OpenedFd *findOpened(int fd)
{
    auto it = openedFds().find(fd);
    return it == openedFds().end() ? nullptr : &it->second;
}

void traceFailure(std::string_view op, trace::ObjectId id, const PyException &e)
{
    trace::emit(op, trace::Phase::Fail, id, { trace::arg("exc", e.exc->type->name), trace::arg("message", trace::shorten(exceptionMessage(*e.exc))) });
}

std::string flagsText(int flags)
{
    std::string text = (flags & O_ACCMODE) == O_WRONLY ? "O_WRONLY" : (flags & O_ACCMODE) == O_RDWR ? "O_RDWR" : "O_RDONLY";
    for (const auto &[bit, name] : { std::pair { O_NONBLOCK, "O_NONBLOCK" }, { O_CREAT, "O_CREAT" }, { O_TRUNC, "O_TRUNC" }, { O_APPEND, "O_APPEND" },
             { O_EXCL, "O_EXCL" }, { O_SYNC, "O_SYNC" } })
        if (flags & bit)
            text += std::string("|") + name;
    return text;
}

// A descriptor argument: an int the scenario got from os.open, or OSError EBADF.
int fdArg(const Value &v)
{
    if (!v.isIntLike())
        raise(types().TypeError, "'" + typeName(v) + "' object cannot be interpreted as an integer");
    const std::int64_t fd = v.asInt();
    if (fd < 0 || fd > INT32_MAX || !isScenarioFd(static_cast<int>(fd)))
        raiseOSError(EBADF);
    return static_cast<int>(fd);
}

Value osGetpid(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "getpid", 0, 0);
    return Value::integer(::getpid());
}

Value osGetppid(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "getppid", 0, 0);
    return Value::integer(::getppid());
}

Value osMkfifo(Interpreter &, const Value &, CallArgs &args)
{
    allowKeywords(args, "mkfifo", { "path", "mode" });
    checkArgCount(args, "mkfifo", 1, 2);
    const std::string &path = checkedScenarioPath(argOrKeyword(args, 0, "path"), "mkfifo");
    const auto mode = static_cast<mode_t>(toInt(argOrKeyword(args, 1, "mode", Value::integer(0666)), "mkfifo"));
    if (::mkfifo(path.c_str(), mode) != 0)
        raiseOSError(errno); // CPython names no file here
    trace::emit("fifo.create", trace::Phase::Instant, namedObjectId("fifo", path), { trace::arg("path", path) });
    return Value::none();
}

Value osOpen(Interpreter &, const Value &, CallArgs &args)
{
    allowKeywords(args, "open", { "path", "flags", "mode" });
    checkArgCount(args, "open", 2, 3);
    const std::string &path = checkedScenarioPath(argOrKeyword(args, 0, "path"), "open");
    const int flags = static_cast<int>(toInt(argOrKeyword(args, 1, "flags"), "open"));
    const auto mode = static_cast<mode_t>(toInt(argOrKeyword(args, 2, "mode", Value::integer(0777)), "open"));
    struct stat st { };
    const bool fifo = ::stat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
    const trace::ObjectId id = namedObjectId(fifo ? "fifo" : "file", path);
    const int access = flags & O_ACCMODE;
    const char *end = access == O_WRONLY ? "write" : access == O_RDWR ? "both" : "read";
    trace::emit("os.open", trace::Phase::Begin, id,
        { trace::arg("path", path), trace::arg("flags", flagsText(flags)), trace::arg("fifo", fifo), trace::arg("end", end) });
    int fd, err = 0;
    {
        // Opening one end of a FIFO waits for the other end, as in CPython: without the lock.
        WithoutInterpreterLock unlocked;
        do
            fd = ::open(path.c_str(), flags | O_CLOEXEC, mode); // CPython's fds are non-inheritable too (PEP 446)
        while (fd < 0 && errno == EINTR && !interrupt::pendingHere());
        if (fd < 0)
            err = errno;
    }
    if (fd < 0) {
        try {
            raiseOSError(err, path);
        } catch (PyException &e) {
            traceFailure("os.open", id, e);
            throw;
        }
    }
    openedFds()[fd] = OpenedFd { path, fifo, access != O_WRONLY, access != O_RDONLY, id };
    trace::emit("os.open", trace::Phase::End, id, { trace::arg("fd", fd), trace::arg("end", end), trace::arg("fifo", fifo) });
    return Value::integer(fd);
}

Value osRead(Interpreter &, const Value &, CallArgs &args)
{
    noKeywords(args, "read");
    checkArgCount(args, "read", 2, 2);
    const int fd = fdArg(args[0]);
    const std::int64_t n = toInt(args[1], "read");
    if (n < 0)
        raiseOSError(EINVAL);
    const OpenedFd *known = findOpened(fd);
    const trace::ObjectId id = known ? known->traceId : 0;
    trace::emit("os.read", trace::Phase::Begin, id, { trace::arg("fd", fd), trace::arg("max", n) });
    // At most 64 MiB at a time: a read may return less than asked, and a scenario's huge
    // count must not allocate the whole of it up front.
    std::string data(static_cast<std::size_t>(std::min<std::int64_t>(n, 64 << 20)), '\0');
    ssize_t got;
    int err = 0;
    {
        WithoutInterpreterLock unlocked;
        do
            got = ::read(fd, data.data(), data.size());
        while (got < 0 && errno == EINTR && !interrupt::pendingHere());
        if (got < 0)
            err = errno;
    }
    if (got < 0) {
        try {
            raiseOSError(err);
        } catch (PyException &e) {
            traceFailure("os.read", id, e);
            throw;
        }
    }
    data.resize(static_cast<std::size_t>(got));
    Value result = newBytes(std::move(data));
    trace::emit("os.read", trace::Phase::End, id,
        { trace::arg("fd", fd), trace::arg("bytes", static_cast<std::int64_t>(got)), trace::arg("value", traceRepr(result)) });
    return result;
}

Value osWrite(Interpreter &, const Value &, CallArgs &args)
{
    noKeywords(args, "write");
    checkArgCount(args, "write", 2, 2);
    const std::string &data = bytesArg(args[1]); // as CPython: the arguments' types first, then the fd
    const int fd = fdArg(args[0]);
    const OpenedFd *known = findOpened(fd);
    const trace::ObjectId id = known ? known->traceId : 0;
    trace::emit("os.write", trace::Phase::Begin, id, { trace::arg("fd", fd), trace::arg("bytes", data.size()), trace::arg("value", traceRepr(args[1])) });
    ssize_t done;
    int err = 0;
    {
        // One write, as CPython's os.write: a FIFO write of at most PIPE_BUF bytes is atomic.
        WithoutInterpreterLock unlocked;
        do
            done = ::write(fd, data.data(), data.size());
        while (done < 0 && errno == EINTR && !interrupt::pendingHere());
        if (done < 0)
            err = errno;
    }
    if (done < 0) {
        try {
            raiseOSError(err);
        } catch (PyException &e) {
            traceFailure("os.write", id, e);
            throw;
        }
    }
    trace::emit("os.write", trace::Phase::End, id, { trace::arg("fd", fd), trace::arg("written", static_cast<std::int64_t>(done)) });
    return Value::integer(done);
}

Value osClose(Interpreter &, const Value &, CallArgs &args)
{
    noKeywords(args, "close");
    checkArgCount(args, "close", 1, 1);
    const int fd = fdArg(args[0]);
    if (const OpenedFd *known = findOpened(fd)) {
        // Stamped before the close: a reader that sees end of file because of it comes later.
        trace::emit("os.close", trace::Phase::Instant, known->traceId,
            { trace::arg("fd", fd), trace::arg("path", known->path),
                trace::arg("end",
                    known->readable && known->writable ? "both"
                        : known->readable              ? "read"
                                                       : "write") });
        openedFds().erase(fd);
    }
    if (::close(fd) != 0 && errno != EINTR)
        raiseOSError(errno);
    return Value::none();
}

Value osFtruncate(Interpreter &, const Value &, CallArgs &args)
{
    noKeywords(args, "ftruncate");
    checkArgCount(args, "ftruncate", 2, 2);
    const int fd = fdArg(args[0]);
    const std::int64_t length = toInt(args[1], "ftruncate");
    if (::ftruncate(fd, length) != 0)
        raiseOSError(errno);
    return Value::none();
}

Value osRemove(Interpreter &, const Value &, CallArgs &args)
{
    allowKeywords(args, "remove", { "path" });
    checkArgCount(args, "remove", 1, 1);
    const std::string &path = checkedScenarioPath(argOrKeyword(args, 0, "path"), "remove");
    struct stat st { };
    const bool fifo = ::lstat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
    if (::unlink(path.c_str()) != 0)
        raiseOSError(errno, path);
    trace::emit("os.remove", trace::Phase::Instant, namedObjectId(fifo ? "fifo" : "file", path), { trace::arg("path", path), trace::arg("fifo", fifo) });
    return Value::none();
}

Value pathExists(Interpreter &, const Value &, CallArgs &args)
{
    allowKeywords(args, "exists", { "path" });
    checkArgCount(args, "exists", 1, 1);
    const std::string &path = checkedScenarioPath(argOrKeyword(args, 0, "path"), "exists");
    struct stat st { };
    return Value::boolean(::stat(path.c_str(), &st) == 0);
}

Value createOsPath(Interpreter &)
{
    return makeModule("os.path", { { "exists", nativeFunction("exists", pathExists) }, { "sep", newStr("/") } });
}

Value createOs(Interpreter &in)
{
    return makeModule("os",
        { { "getpid", nativeFunction("getpid", osGetpid) }, { "getppid", nativeFunction("getppid", osGetppid) }, { "sep", newStr("/") },
            { "linesep", newStr("\n") }, { "name", newStr("posix") }, { "mkfifo", nativeFunction("mkfifo", osMkfifo) },
            { "open", nativeFunction("open", osOpen) }, { "read", nativeFunction("read", osRead) }, { "write", nativeFunction("write", osWrite) },
            { "close", nativeFunction("close", osClose) }, { "ftruncate", nativeFunction("ftruncate", osFtruncate) },
            { "remove", nativeFunction("remove", osRemove) }, { "unlink", nativeFunction("unlink", osRemove) }, { "O_RDONLY", Value::integer(O_RDONLY) },
            { "O_WRONLY", Value::integer(O_WRONLY) }, { "O_RDWR", Value::integer(O_RDWR) }, { "O_NONBLOCK", Value::integer(O_NONBLOCK) },
            { "O_CREAT", Value::integer(O_CREAT) }, { "O_TRUNC", Value::integer(O_TRUNC) }, { "O_APPEND", Value::integer(O_APPEND) },
            { "O_EXCL", Value::integer(O_EXCL) }, { "O_SYNC", Value::integer(O_SYNC) }, { "path", in.importModule("os.path") } });
}

} // namespace

bool isScenarioFd(int fd)
{
    return findOpened(fd) != nullptr;
}

const std::string &checkedScenarioPath(const Value &path, const char *function)
{
    if (!path.isKind(ObjKind::Str))
        raise(types().TypeError, std::string(function) + ": path should be string, bytes or os.PathLike, not " + typeName(path));
    const std::string &text = path.as<StrObject>()->text;
    if (text.find('\0') != std::string::npos)
        raise(types().ValueError, std::string(function) + ": embedded null character in path");
    bool parent = false;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t slash = std::min(text.find('/', start), text.size());
        if (text.compare(start, slash - start, "..") == 0)
            parent = true;
        start = slash + 1;
    }
    if (!text.empty() && (text.front() == '/' || parent))
        raise(types().PermissionError, "IPC Lab keeps a scenario's files in the run's own folder: use a relative path without '..', not " + repr(path));
    return text;
}

trace::ObjectId namedObjectId(std::string_view kind, std::string_view name)
{
    // FNV-1a of "kind:name", top bit set: never a pid-and-counter id (those start with a pid < 2^31).
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&h](std::string_view s) {
        for (const unsigned char c : s) {
            h ^= c;
            h *= 1099511628211ull;
        }
    };
    mix(kind);
    mix(":");
    mix(name);
    return (h >> 12) | (1ull << 52); // stays exact as a JSON number (a double) for the window
}

std::string openedFdPath(int fd)
{
    const OpenedFd *known = findOpened(fd);
    return known ? known->path : std::string();
}

void registerOsModule()
{
    registerModule({ "os.path", { "exists", "sep" }, createOsPath });
    registerModule({ "os",
        { "getpid", "getppid", "sep", "linesep", "name", "mkfifo", "open", "read", "write", "close", "ftruncate", "remove", "unlink", "O_RDONLY", "O_WRONLY",
            "O_RDWR", "O_NONBLOCK", "O_CREAT", "O_TRUNC", "O_APPEND", "O_EXCL", "O_SYNC", "path" },
        createOs });
}

} // namespace ipclab::ipc
