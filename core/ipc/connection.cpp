#include "connection.h"
#include "interrupt.h"

#include "bytearray.h"

#include "errors.h"
#include "gil.h"
#include "interpreter.h"
#include "native.h"
#include "pickle.h"
#include "picklehooks.h"
#include "trace_values.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>

namespace ipclab::ipc {

using namespace lang;

namespace {

// CPython's 4-byte length header (docs/language.md): a larger message is a ValueError
// when sent. What a process can hold is its --max-memory; past it, MemoryError.
constexpr std::size_t kMaxMessage = 0x7fffffff;

// The raw I/O runs without the interpreter lock, so it reports errno instead of raising.
int writeAll(int fd, const char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR && !interrupt::pendingHere())
                continue;
            return errno; // raiseOSError(EINTR) is the KeyboardInterrupt
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return 0;
}

// Reads up to `size` bytes; `done` is less than `size` only at EOF.
int readAll(int fd, char *data, std::size_t size, std::size_t &done)
{
    done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, data + done, size - done);
        if (n < 0) {
            if (errno == EINTR && !interrupt::pendingHere())
                continue;
            return errno; // raiseOSError(EINTR) is the KeyboardInterrupt
        }
        if (n == 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

std::vector<ConnectionObject *> &liveConnections()
{
    static std::vector<ConnectionObject *> all;
    return all;
}

void traceFailure(std::string_view op, trace::ObjectId id, const PyException &e)
{
    trace::emit(op, trace::Phase::Fail, id, { trace::arg("exc", e.exc->type->name), trace::arg("message", trace::shorten(exceptionMessage(*e.exc))) });
}

ConnectionObject &self(const Value &v)
{
    return *static_cast<ConnectionObject *>(v.obj());
}

void checkOpen(const ConnectionObject &c)
{
    if (!c.fd.valid())
        raise(types().OSError, "handle is closed");
}
void checkReadable(const ConnectionObject &c)
{
    checkOpen(c);
    if (!c.readable)
        raise(types().OSError, "connection is write-only");
}
void checkWritable(const ConnectionObject &c)
{
    checkOpen(c);
    if (!c.writable)
        raise(types().OSError, "connection is read-only");
}

std::string receive(ConnectionObject &c, std::size_t maxLength)
{
    std::string payload;
    const ReadStatus status = readMessage(c.fd.get(), payload, maxLength);
    if (status == ReadStatus::EndOfFile)
        throw PyException { make<ExceptionObject>(types().EOFError, std::vector<Value> {}) };
    if (status == ReadStatus::TooLong) {
        // CPython: a writable connection stops being readable, a read-only one is closed.
        if (c.writable)
            c.readable = false;
        else
            c.close();
        raise(types().OSError, "bad message length");
    }
    return payload;
}

Value connSend(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "send", 1, 1);
    auto &c = self(v);
    checkWritable(c);
    const std::string payload = pickleDumps(args[0], scenarioPickleHooks(in));
    trace::emit("conn.send", trace::Phase::Begin, c.traceId, { trace::arg("bytes", payload.size() + 4), trace::arg("value", traceRepr(args[0])) });
    try {
        writeMessage(c.fd.get(), payload);
    } catch (PyException &e) {
        traceFailure("conn.send", c.traceId, e);
        throw;
    }
    trace::emit("conn.send", trace::Phase::End, c.traceId, { trace::arg("bytes", payload.size() + 4) });
    return Value::none();
}

Value connRecv(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "recv", 0, 0);
    auto &c = self(v);
    checkReadable(c);
    trace::emit("conn.recv", trace::Phase::Begin, c.traceId);
    try {
        const std::string payload = receive(c, kMaxMessage);
        Value value = pickleLoads(payload, scenarioPickleHooks(in));
        trace::emit("conn.recv", trace::Phase::End, c.traceId, { trace::arg("bytes", payload.size() + 4), trace::arg("value", traceRepr(value)) });
        return value;
    } catch (PyException &e) {
        traceFailure("conn.recv", c.traceId, e);
        throw;
    }
}

Value connSendBytes(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "send_bytes", 1, 3);
    auto &c = self(v);
    checkWritable(c);
    const std::string &buf = bytesArg(args[0]);
    const auto n = static_cast<std::int64_t>(buf.size());
    const std::int64_t offset = toInt(argOrKeyword(args, 1, "offset", Value::integer(0)), "offset");
    if (offset < 0)
        raise(types().ValueError, "offset is negative");
    if (n < offset)
        raise(types().ValueError, "buffer length < offset");
    const Value sizeArg = argOrKeyword(args, 2, "size", Value::none());
    const std::int64_t size = sizeArg.isNone() ? n - offset : toInt(sizeArg, "size");
    if (size < 0)
        raise(types().ValueError, "size is negative");
    if (offset + size > n)
        raise(types().ValueError, "buffer length < offset + size");
    const std::string chunk = buf.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(size));
    trace::emit("conn.send_bytes", trace::Phase::Begin, c.traceId, { trace::arg("bytes", chunk.size() + 4), trace::arg("value", traceRepr(newBytes(chunk))) });
    try {
        writeMessage(c.fd.get(), chunk);
    } catch (PyException &e) {
        traceFailure("conn.send_bytes", c.traceId, e);
        throw;
    }
    trace::emit("conn.send_bytes", trace::Phase::End, c.traceId, { trace::arg("bytes", chunk.size() + 4) });
    return Value::none();
}

Value connRecvBytes(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "recv_bytes", 0, 1);
    auto &c = self(v);
    const Value maxArg = argOrKeyword(args, 0, "maxlength", Value::none());
    std::size_t maxLength = kMaxMessage;
    if (!maxArg.isNone()) {
        const std::int64_t m = toInt(maxArg, "maxlength");
        if (m < 0)
            raise(types().ValueError, "negative maxlength");
        maxLength = static_cast<std::size_t>(m);
    }
    checkReadable(c);
    trace::emit("conn.recv_bytes", trace::Phase::Begin, c.traceId);
    try {
        Value data = newBytes(receive(c, maxLength));
        trace::emit("conn.recv_bytes", trace::Phase::End, c.traceId,
            { trace::arg("bytes", data.as<BytesObject>()->data.size() + 4), trace::arg("value", traceRepr(data)) });
        return data;
    } catch (PyException &e) {
        traceFailure("conn.recv_bytes", c.traceId, e);
        throw;
    }
}

Value connRecvBytesInto(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "recv_bytes_into", 1, 2);
    auto &c = self(v);
    checkReadable(c);
    const Value &buffer = args[0];
    if (!isByteArray(buffer) && !buffer.isKind(ObjKind::Bytes))
        raise(types().TypeError, "memoryview: a bytes-like object is required, not '" + typeName(buffer) + "'");
    const auto size
        = static_cast<std::int64_t>(isByteArray(buffer) ? static_cast<ByteArrayObject *>(buffer.obj())->data.size() : buffer.as<BytesObject>()->data.size());
    const std::int64_t offset = toInt(argOrKeyword(args, 1, "offset", Value::integer(0)), "offset");
    if (offset < 0)
        raise(types().ValueError, "negative offset");
    if (offset > size)
        raise(types().ValueError, "offset too large");
    trace::emit("conn.recv_bytes_into", trace::Phase::Begin, c.traceId, { trace::arg("room", size - offset) });
    std::string data;
    try {
        data = receive(c, kMaxMessage);
    } catch (PyException &e) {
        traceFailure("conn.recv_bytes_into", c.traceId, e);
        throw;
    }
    const auto n = static_cast<std::int64_t>(data.size());
    if (size < offset + n) {
        // As CPython: the message is consumed and handed over in the exception.
        trace::emit("conn.recv_bytes_into", trace::Phase::Fail, c.traceId, { trace::arg("exc", "BufferTooShort"), trace::arg("bytes", data.size() + 4) });
        throw PyException { make<ExceptionObject>(bufferTooShortType(), std::vector<Value> { newBytes(std::move(data)) }) };
    }
    if (!isByteArray(buffer)) {
        trace::emit("conn.recv_bytes_into", trace::Phase::Fail, c.traceId, { trace::arg("exc", "TypeError") });
        raise(types().TypeError, "cannot modify read-only memory");
    }
    static_cast<ByteArrayObject *>(buffer.obj())->data.replace(static_cast<std::size_t>(offset), data.size(), data);
    trace::emit("conn.recv_bytes_into", trace::Phase::End, c.traceId, { trace::arg("bytes", data.size() + 4), trace::arg("value", traceRepr(newBytes(data))) });
    return Value::integer(n);
}

Value connPoll(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "poll", 0, 1);
    auto &c = self(v);
    checkReadable(c);
    const Value timeout = argOrKeyword(args, 0, "timeout", Value::real(0.0));
    int ms = -1;
    if (!timeout.isNone()) {
        const double t = toFloat(timeout, "timeout");
        ms = t <= 0 ? 0 : static_cast<int>(std::ceil(t * 1000.0));
    }
    pollfd p { c.fd.get(), POLLIN, 0 };
    trace::emit("conn.poll", trace::Phase::Begin, c.traceId, { trace::arg("timeout", ms < 0 ? -1.0 : ms / 1000.0) });
    while (true) {
        int r, err = 0;
        {
            WithoutInterpreterLock unlocked;
            r = ::poll(&p, 1, ms);
            if (r < 0)
                err = errno;
        }
        if (r < 0 && err == EINTR) {
            interrupt::raiseIfPending();
            continue;
        }
        if (r < 0)
            raiseOSError(err);
        trace::emit("conn.poll", trace::Phase::End, c.traceId, { trace::arg("ready", r > 0) });
        return Value::boolean(r > 0);
    }
}

Value connClose(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "close", 0, 0);
    self(v).close();
    return Value::none();
}

Value connFileno(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "fileno", 0, 0);
    auto &c = self(v);
    checkOpen(c);
    return Value::integer(c.fd.get());
}

Value connEnter(Interpreter &, const Value &v, CallArgs &)
{
    return v;
}
Value connExit(Interpreter &, const Value &v, CallArgs &)
{
    self(v).close();
    return Value::none();
}

// How many bytes fit before a writer blocks: the pipe's size, or the socket's send buffer.
std::int64_t pipeCapacity(int fd, bool socket)
{
    if (!trace::enabled())
        return 0;
    if (!socket)
        return ::fcntl(fd, F_GETPIPE_SZ);
    int size = 0;
    socklen_t len = sizeof size;
    ::getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, &len);
    return size;
}

} // namespace

ConnectionObject::ConnectionObject(int f, bool r, bool w)
    : OpaqueObject(connectionType())
    , fd(f)
    , readable(r)
    , writable(w)
    , traceId(trace::newObjectId())
{
    liveConnections().push_back(this);
}

ConnectionObject::~ConnectionObject()
{
    auto &all = liveConnections();
    all.erase(std::remove(all.begin(), all.end(), this), all.end());
    close(); // garbage-collected ends close too, and the trace says so
}

void ConnectionObject::close()
{
    if (!fd.valid())
        return;
    // Stamped before the close: a reader that sees EOF because of it always comes later in the trace.
    trace::emit("conn.close", trace::Phase::Instant, traceId);
    fd.reset();
}

std::string openConnectionIdsJson()
{
    std::string json = "[";
    for (const ConnectionObject *c : liveConnections())
        if (c->fd.valid())
            json += (json.size() > 1 ? "," : "") + std::to_string(c->traceId);
    return json + "]";
}

Value ConnectionObject::getAttribute(Interpreter &, const std::string &name)
{
    if (name == "closed")
        return Value::boolean(!fd.valid());
    if (name == "readable")
        return Value::boolean(readable);
    if (name == "writable")
        return Value::boolean(writable);
    return Value();
}

TypeObject *processErrorType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("ProcessError", types().Exception);
        incref(t);
        t->construct = types().Exception->construct;
        return t;
    }();
    return type;
}

TypeObject *bufferTooShortType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("BufferTooShort", processErrorType());
        incref(t);
        t->construct = types().Exception->construct;
        return t;
    }();
    return type;
}

TypeObject *connectionType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("Connection", types().object);
        incref(t);
        t->methods["send"] = connSend;
        t->methods["recv"] = connRecv;
        t->methods["send_bytes"] = connSendBytes;
        t->methods["recv_bytes"] = connRecvBytes;
        t->methods["recv_bytes_into"] = connRecvBytesInto;
        t->methods["poll"] = connPoll;
        t->methods["close"] = connClose;
        t->methods["fileno"] = connFileno;
        t->methods["__enter__"] = connEnter;
        t->methods["__exit__"] = connExit;
        return t;
    }();
    return type;
}

Value makePipe(bool duplex)
{
    int fds[2];
    if (duplex) {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
            raiseOSError(errno);
    } else if (::pipe2(fds, O_CLOEXEC) != 0) {
        raiseOSError(errno);
    }
    // As CPython: without duplex the first end reads, the second writes.
    auto *first = new ConnectionObject(fds[0], true, duplex);
    Value firstValue = Value::object(first);
    auto *second = new ConnectionObject(fds[1], duplex, true);
    Value secondValue = Value::object(second);
    trace::emit("pipe.create", trace::Phase::Instant, trace::newObjectId(),
        { trace::arg("duplex", duplex), trace::arg("a", static_cast<std::int64_t>(first->traceId)), trace::arg("b", static_cast<std::int64_t>(second->traceId)),
            trace::arg("capacity", pipeCapacity(fds[1], duplex)) });
    return newTuple({ firstValue, secondValue });
}

void writeMessage(int fd, const std::string &payload)
{
    if (payload.size() > kMaxMessage)
        raise(types().ValueError, "message too large: IPC Lab sends at most 2147483647 bytes in one message");
    const auto n = static_cast<std::uint32_t>(payload.size());
    const char header[4] = { static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8), static_cast<char>(n) };
    int err;
    {
        WithoutInterpreterLock unlocked;
        // One write for small messages, as CPython does below 16 KiB, so a message is atomic in a pipe.
        if (payload.size() <= 16384) {
            std::string whole(header, 4);
            whole += payload;
            err = writeAll(fd, whole.data(), whole.size());
        } else {
            err = writeAll(fd, header, 4);
            if (!err)
                err = writeAll(fd, payload.data(), payload.size());
        }
    }
    if (err)
        raiseOSError(err);
}

ReadStatus readMessage(int fd, std::string &payload, std::size_t maxLength)
{
    int err = 0;
    ReadStatus status = ReadStatus::Message;
    bool noMemory = false;
    {
        WithoutInterpreterLock unlocked;
        unsigned char header[4];
        std::size_t got = 0;
        err = readAll(fd, reinterpret_cast<char *>(header), 4, got);
        if (!err && got == 0) {
            status = ReadStatus::EndOfFile;
        } else if (!err && got < 4) {
            status = ReadStatus::Truncated;
        } else if (!err) {
            const std::uint32_t n = (std::uint32_t(header[0]) << 24) | (std::uint32_t(header[1]) << 16) | (std::uint32_t(header[2]) << 8) | header[3];
            if (n > kMaxMessage || n > maxLength) {
                status = ReadStatus::TooLong;
            } else {
                try {
                    payload.resize(n);
                    err = readAll(fd, payload.data(), n, got);
                    if (!err && got < n)
                        status = ReadStatus::Truncated;
                } catch (const std::bad_alloc &) {
                    noMemory = true; // the size came from the other side: say it as Python does
                }
            }
        }
    }
    if (err)
        raiseOSError(err);
    if (status == ReadStatus::Truncated)
        raise(types().OSError, "got end of file during message");
    if (noMemory)
        raise(make<ExceptionObject>(types().MemoryError, std::vector<Value> {}));
    return status;
}

} // namespace ipclab::ipc
