// The `socket` module a scenario imports: TCP streams on loopback and
// socketpair(). Only this machine can be reached: a lesson about IPC never
// needs the network, and scenario files are untrusted.

#include "interrupt.h"
#include "ipc_modules.h"
#include "trace_values.h"

#include "errors.h"
#include "fd.h"
#include "gil.h"
#include "interpreter.h"
#include "modules.h"
#include "native.h"
#include "run_registry.h"

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ipclab::ipc {

using namespace lang;

namespace {

TypeObject *socketType();

struct SocketObject final : OpaqueObject {
    SocketObject(int f, int fam)
        : OpaqueObject(socketType())
        , fd(f)
        , family(fam)
        , traceId(trace::newObjectId())
    {
    }
    ~SocketObject() override { close(); }
    UniqueFd fd;
    int family;
    trace::ObjectId traceId;
    std::uint64_t traceObject() const override { return traceId; }
    void close()
    {
        if (!fd.valid())
            return;
        trace::emit("socket.close", trace::Phase::Instant, traceId);
        fd.reset();
    }
};

SocketObject &self(const Value &v)
{
    return *static_cast<SocketObject *>(v.obj());
}

int openFd(const SocketObject &s)
{
    if (!s.fd.valid())
        raiseOSError(EBADF);
    return s.fd.get();
}

void traceFailure(std::string_view op, trace::ObjectId id, const PyException &e)
{
    trace::emit(op, trace::Phase::Fail, id, { trace::arg("exc", e.exc->type->name), trace::arg("message", trace::shorten(exceptionMessage(*e.exc))) });
}

// Runs a system call without the interpreter lock, restarting on EINTR; raises (and traces) its errno.
template <typename Call> long blockingCall(std::string_view op, trace::ObjectId id, Call call)
{
    long r;
    int err = 0;
    {
        WithoutInterpreterLock unlocked;
        do
            r = call();
        while (r < 0 && errno == EINTR && !interrupt::pendingHere());
        if (r < 0)
            err = errno;
    }
    if (r < 0) {
        try {
            raiseOSError(err);
        } catch (PyException &e) {
            traceFailure(op, id, e);
            throw;
        }
    }
    return r;
}

std::string addressText(const sockaddr_in &a)
{
    char host[INET_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET, &a.sin_addr, host, sizeof host);
    return std::string(host) + ":" + std::to_string(ntohs(a.sin_port));
}

Value addressTuple(const sockaddr_in &a)
{
    char host[INET_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET, &a.sin_addr, host, sizeof host);
    return newTuple({ newStr(host), Value::integer(ntohs(a.sin_port)) });
}

// (host, port) -> a loopback address; anything that would leave this machine is refused.
sockaddr_in loopbackAddress(const Value &address, const char *function)
{
    if (!address.isKind(ObjKind::Tuple))
        raise(types().TypeError, std::string(function) + "(): AF_INET address must be tuple, not " + typeName(address));
    const auto &items = address.as<TupleObject>()->items;
    if (items.size() != 2)
        raise(types().TypeError, "AF_INET address must be a pair (host, port)");
    if (!items[0].isKind(ObjKind::Str))
        raise(types().TypeError, "str, bytes or bytearray expected, not " + typeName(items[0]));
    if (!items[1].isIntLike())
        raise(types().TypeError, "'" + typeName(items[1]) + "' object cannot be interpreted as an integer");
    const std::string &host = items[0].as<StrObject>()->text;
    const std::int64_t port = items[1].asInt();
    if (port < 0 || port > 65535)
        raise(types().OverflowError, std::string(function) + "(): port must be 0-65535.");
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    if (host == "localhost" || host == "127.0.0.1")
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    else
        raise(types().PermissionError, "IPC Lab sockets stay on this machine: use '127.0.0.1' or 'localhost', not " + repr(items[0]));
    return a;
}

sockaddr_in localAddress(int fd)
{
    sockaddr_in a {};
    socklen_t len = sizeof a;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) != 0)
        raiseOSError(errno);
    return a;
}

void checkInet(const SocketObject &s, const char *what)
{
    if (s.family != AF_INET)
        raise(types().OSError, std::string("IPC Lab's socketpair() ends are already connected: ") + what + "() is for socket.socket(AF_INET, SOCK_STREAM)");
}

Value constructSocket(Interpreter &, const Value &, CallArgs &args)
{
    allowKeywords(args, "socket", { "family", "type", "proto" });
    checkArgCount(args, "socket", 0, 3);
    const std::int64_t family = toInt(argOrKeyword(args, 0, "family", Value::integer(AF_INET)), "socket");
    const std::int64_t type = toInt(argOrKeyword(args, 1, "type", Value::integer(SOCK_STREAM)), "socket");
    if (family != AF_INET || type != SOCK_STREAM)
        raise(types().OSError, "IPC Lab's sockets are socket.socket(AF_INET, SOCK_STREAM) on loopback, or socket.socketpair()");
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        raiseOSError(errno);
    auto *s = new SocketObject(fd, AF_INET);
    Value v = Value::object(s);
    trace::emit("socket.create", trace::Phase::Instant, s->traceId, { trace::arg("kind", "tcp") });
    return v;
}

Value socketPair(Interpreter &, const Value &, CallArgs &args)
{
    allowKeywords(args, "socketpair", { "family", "type", "proto" });
    checkArgCount(args, "socketpair", 0, 3);
    const Value family = argOrKeyword(args, 0, "family", Value::none());
    if (!family.isNone() && toInt(family, "socketpair") != AF_UNIX)
        raise(types().OSError, "IPC Lab's socketpair() connects two AF_UNIX stream sockets");
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        raiseOSError(errno);
    auto *a = new SocketObject(fds[0], AF_UNIX);
    Value av = Value::object(a);
    auto *b = new SocketObject(fds[1], AF_UNIX);
    Value bv = Value::object(b);
    trace::emit("socket.create", trace::Phase::Instant, a->traceId, { trace::arg("kind", "pair"), trace::arg("peer", static_cast<std::int64_t>(b->traceId)) });
    trace::emit("socket.create", trace::Phase::Instant, b->traceId, { trace::arg("kind", "pair"), trace::arg("peer", static_cast<std::int64_t>(a->traceId)) });
    return newTuple({ av, bv });
}

Value sockBind(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "bind", 1, 1);
    auto &s = self(v);
    const int fd = openFd(s);
    checkInet(s, "bind");
    const sockaddr_in a = loopbackAddress(args[0], "bind");
    // The ports below 1024 are the machine's services': a run has no business there, even
    // when IPC Lab was started as root (the kernel sandbox gives root up as well).
    if (const int port = ntohs(a.sin_port); port > 0 && port < 1024)
        raiseOSError(EACCES);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a) != 0)
        raiseOSError(errno);
    trace::emit("socket.bind", trace::Phase::Instant, s.traceId, { trace::arg("address", addressText(localAddress(fd))) });
    return Value::none();
}

Value sockListen(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "listen", 0, 1);
    auto &s = self(v);
    const int fd = openFd(s);
    checkInet(s, "listen");
    const int backlog = args.count ? static_cast<int>(std::max<std::int64_t>(0, toInt(args[0], "listen"))) : 128;
    if (::listen(fd, backlog) != 0)
        raiseOSError(errno);
    sandbox::noteListeningPort(ntohs(localAddress(fd).sin_port));
    trace::emit("socket.listen", trace::Phase::Instant, s.traceId, { trace::arg("address", addressText(localAddress(fd))), trace::arg("backlog", backlog) });
    return Value::none();
}

Value sockAccept(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "accept", 0, 0);
    auto &s = self(v);
    const int fd = openFd(s);
    checkInet(s, "accept");
    trace::emit("socket.accept", trace::Phase::Begin, s.traceId, { trace::arg("address", addressText(localAddress(fd))) });
    sockaddr_in peer {};
    socklen_t len = sizeof peer;
    const int conn = static_cast<int>(
        blockingCall("socket.accept", s.traceId, [&] { return static_cast<long>(::accept4(fd, reinterpret_cast<sockaddr *>(&peer), &len, SOCK_CLOEXEC)); }));
    auto *c = new SocketObject(conn, AF_INET);
    Value cv = Value::object(c);
    trace::emit("socket.accept", trace::Phase::End, s.traceId,
        { trace::arg("conn", static_cast<std::int64_t>(c->traceId)), trace::arg("peer", addressText(peer)),
            trace::arg("local", addressText(localAddress(conn))) });
    return newTuple({ cv, addressTuple(peer) });
}

Value sockConnect(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "connect", 1, 1);
    auto &s = self(v);
    const int fd = openFd(s);
    checkInet(s, "connect");
    const sockaddr_in a = loopbackAddress(args[0], "connect");
    trace::emit("socket.connect", trace::Phase::Begin, s.traceId, { trace::arg("address", addressText(a)) });
    if (!sandbox::isPortOfRun(ntohs(a.sin_port))) {
        // Another program's port looks like a port nobody listens on.
        try {
            raiseOSError(ECONNREFUSED);
        } catch (PyException &e) {
            traceFailure("socket.connect", s.traceId, e);
            throw;
        }
    }
    blockingCall("socket.connect", s.traceId, [&] { return static_cast<long>(::connect(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a)); });
    trace::emit("socket.connect", trace::Phase::End, s.traceId, { trace::arg("address", addressText(a)), trace::arg("local", addressText(localAddress(fd))) });
    return Value::none();
}

Value sendData(const Value &v, CallArgs &args, const char *name, bool all)
{
    checkArgCount(args, name, 1, 2);
    auto &s = self(v);
    const int fd = openFd(s);
    const std::string &data = bytesArg(args[0]);
    const std::string op = std::string("socket.") + name;
    trace::emit(op, trace::Phase::Begin, s.traceId, { trace::arg("bytes", data.size()), trace::arg("value", traceRepr(args[0])) });
    std::size_t done = 0;
    do {
        // MSG_NOSIGNAL: a closed peer is a BrokenPipeError, not a SIGPIPE that kills the process.
        done += static_cast<std::size_t>(
            blockingCall(op, s.traceId, [&] { return static_cast<long>(::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL)); }));
    } while (all && done < data.size());
    trace::emit(op, trace::Phase::End, s.traceId, { trace::arg("bytes", done) });
    return all ? Value::none() : Value::integer(static_cast<std::int64_t>(done));
}

Value sockSendall(Interpreter &, const Value &v, CallArgs &args)
{
    return sendData(v, args, "sendall", true);
}

Value sockSend(Interpreter &, const Value &v, CallArgs &args)
{
    return sendData(v, args, "send", false);
}

Value sockRecv(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "recv", 1, 2);
    auto &s = self(v);
    const int fd = openFd(s);
    const std::int64_t n = toInt(args[0], "recv");
    if (n < 0)
        raise(types().ValueError, "negative buffersize in recv");
    trace::emit("socket.recv", trace::Phase::Begin, s.traceId, { trace::arg("max", n) });
    std::string data(static_cast<std::size_t>(std::min<std::int64_t>(n, 64 << 20)), '\0'); // a recv may return less than asked
    const long got = blockingCall("socket.recv", s.traceId, [&] { return static_cast<long>(::recv(fd, data.data(), data.size(), 0)); });
    data.resize(static_cast<std::size_t>(got));
    Value result = newBytes(std::move(data));
    trace::emit("socket.recv", trace::Phase::End, s.traceId, { trace::arg("bytes", got), trace::arg("value", traceRepr(result)) });
    return result;
}

Value sockSetsockopt(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "setsockopt", 3, 3);
    auto &s = self(v);
    const int fd = openFd(s);
    const int level = static_cast<int>(toInt(args[0], "setsockopt"));
    const int option = static_cast<int>(toInt(args[1], "setsockopt"));
    const int value = static_cast<int>(toInt(args[2], "setsockopt"));
    if (level != SOL_SOCKET || (option != SO_REUSEADDR && option != SO_KEEPALIVE))
        raise(types().OSError, "IPC Lab's setsockopt() knows SOL_SOCKET with SO_REUSEADDR or SO_KEEPALIVE");
    if (::setsockopt(fd, level, option, &value, sizeof value) != 0)
        raiseOSError(errno);
    return Value::none();
}

Value sockGetsockname(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "getsockname", 0, 0);
    auto &s = self(v);
    const int fd = openFd(s);
    if (s.family != AF_INET)
        return newStr("");
    return addressTuple(localAddress(fd));
}

Value sockShutdown(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "shutdown", 1, 1);
    auto &s = self(v);
    const int fd = openFd(s);
    const int how = static_cast<int>(toInt(args[0], "shutdown"));
    if (::shutdown(fd, how) != 0)
        raiseOSError(errno);
    trace::emit("socket.shutdown", trace::Phase::Instant, s.traceId, { trace::arg("how", how) });
    return Value::none();
}

Value sockFileno(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "fileno", 0, 0);
    return Value::integer(self(v).fd.valid() ? self(v).fd.get() : -1);
}

Value sockClose(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "close", 0, 0);
    self(v).close();
    return Value::none();
}

Value sockEnter(Interpreter &, const Value &v, CallArgs &)
{
    return v;
}

Value sockExit(Interpreter &, const Value &v, CallArgs &)
{
    self(v).close();
    return Value::none();
}

TypeObject *socketType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("socket", types().object);
        incref(t);
        t->construct = constructSocket;
        auto &m = t->methods;
        m["bind"] = sockBind;
        m["listen"] = sockListen;
        m["accept"] = sockAccept;
        m["connect"] = sockConnect;
        m["sendall"] = sockSendall;
        m["send"] = sockSend;
        m["recv"] = sockRecv;
        m["setsockopt"] = sockSetsockopt;
        m["getsockname"] = sockGetsockname;
        m["shutdown"] = sockShutdown;
        m["fileno"] = sockFileno;
        m["close"] = sockClose;
        m["__enter__"] = sockEnter;
        m["__exit__"] = sockExit;
        return t;
    }();
    return type;
}

Value createSocket(Interpreter &)
{
    return makeModule("socket",
        { { "socket", Value::object(socketType()) }, { "socketpair", nativeFunction("socketpair", socketPair) }, { "AF_INET", Value::integer(AF_INET) },
            { "AF_UNIX", Value::integer(AF_UNIX) }, { "SOCK_STREAM", Value::integer(SOCK_STREAM) }, { "SOL_SOCKET", Value::integer(SOL_SOCKET) },
            { "SO_REUSEADDR", Value::integer(SO_REUSEADDR) }, { "SO_KEEPALIVE", Value::integer(SO_KEEPALIVE) }, { "SHUT_RD", Value::integer(SHUT_RD) },
            { "SHUT_WR", Value::integer(SHUT_WR) }, { "SHUT_RDWR", Value::integer(SHUT_RDWR) }, { "error", Value::object(types().OSError) } });
}

} // namespace

void registerSocketModule()
{
    registerModule({ "socket",
        { "socket", "socketpair", "AF_INET", "AF_UNIX", "SOCK_STREAM", "SOL_SOCKET", "SO_REUSEADDR", "SO_KEEPALIVE", "SHUT_RD", "SHUT_WR", "SHUT_RDWR",
            "error" },
        createSocket });
}

} // namespace ipclab::ipc
