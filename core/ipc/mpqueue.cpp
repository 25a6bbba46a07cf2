#include "mpqueue.h"
#include "interrupt.h"

#include "gate.h"

#include "connection.h"
#include "errors.h"
#include "gil.h"
#include "interpreter.h"
#include "ipc_modules.h"
#include "native.h"
#include "pickle.h"
#include "picklehooks.h"
#include "process.h"
#include "sync.h"
#include "trace.h"
#include "trace_values.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <fcntl.h>
#include <new>
#include <poll.h>
#include <thread>
#include <unistd.h>

namespace ipclab::ipc {

using namespace lang;

namespace {

constexpr std::int64_t kSemValueMax = 2147483647; // SEM_VALUE_MAX on Linux, CPython's default maxsize

enum class QueueKind { Queue, Joinable, Simple };

struct QueueObject;
std::vector<QueueObject *> &allQueues()
{
    static std::vector<QueueObject *> queues;
    return queues;
}

struct QueueObject final : OpaqueObject {
    QueueObject(TypeObject *t, QueueKind k, std::int64_t max, Interpreter &in);
    /// The queue in a spawned child: its pipe and primitives were handed over.
    QueueObject(QueueKind k, std::int64_t max, Interpreter &in, int readerFd, int writerFd, trace::ObjectId id);
    ~QueueObject() override;
    QueueKind kind;
    std::int64_t maxsize;
    UniqueFd reader, writer;
    Value readLock, writeLock, slots; // shared Lock, Lock, BoundedSemaphore
    Value unfinished, joinCondition; // JoinableQueue: Semaphore(0), Condition
    Interpreter *interpreter;
    trace::ObjectId traceId;
    std::uint64_t traceObject() const override { return traceId; }
    // Per process, guarded by the interpreter lock:
    struct Buffered {
        Value item; // Undefined is the feeder's sentinel
        trace::ObjectId message = 0; // follows the item from put() to the feeder's write
    };
    std::deque<Buffered> buffer;
    std::condition_variable_any bufferChanged;
    std::thread feeder;
    bool feederRunning = false;
    bool closed = false;
    bool joinCancelled = false;
};

QueueObject &queueOf(const Value &v)
{
    return *static_cast<QueueObject *>(v.obj());
}
SyncObject &sync(const Value &v)
{
    return *static_cast<SyncObject *>(v.obj());
}

QueueObject::QueueObject(TypeObject *t, QueueKind k, std::int64_t max, Interpreter &in)
    : OpaqueObject(t)
    , kind(k)
    , maxsize(max)
    , interpreter(&in)
    , traceId(trace::newObjectId())
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        raiseOSError(errno);
    reader = UniqueFd(fds[0]);
    writer = UniqueFd(fds[1]);
    readLock = makeSync(SyncKind::Lock, true, 1, traceId);
    writeLock = makeSync(SyncKind::Lock, true, 1, traceId);
    if (k != QueueKind::Simple)
        slots = makeSync(SyncKind::BoundedSemaphore, true, maxsize <= 0 ? kSemValueMax : maxsize, traceId);
    if (k == QueueKind::Joinable) {
        unfinished = makeSync(SyncKind::Semaphore, true, 0, traceId);
        joinCondition = makeSync(SyncKind::Condition, true, 0, traceId);
        sync(joinCondition).conditionLock = makeSync(SyncKind::RLock, true, 1, traceId);
    }
    allQueues().push_back(this);
    installMultiprocessingAtExit(in);
    if (trace::enabled()) {
        static const char *const kindNames[] = { "Queue", "JoinableQueue", "SimpleQueue" };
        trace::emit("queue.create", trace::Phase::Instant, traceId,
            { trace::arg("kind", kindNames[static_cast<int>(k)]), trace::arg("maxsize", maxsize),
                trace::arg("readLock", static_cast<std::int64_t>(sync(readLock).traceId)),
                trace::arg("writeLock", static_cast<std::int64_t>(sync(writeLock).traceId)),
                trace::arg("slots", static_cast<std::int64_t>(slots.isUndefined() ? 0 : sync(slots).traceId)),
                trace::arg("capacity", ::fcntl(writer.get(), F_GETPIPE_SZ)) });
    }
}

TypeObject *typeFor(QueueKind k)
{
    return k == QueueKind::Queue ? mpQueueType() : k == QueueKind::Joinable ? joinableQueueType() : simpleQueueType();
}

QueueObject::QueueObject(QueueKind k, std::int64_t max, Interpreter &in, int readerFd, int writerFd, trace::ObjectId id)
    : OpaqueObject(typeFor(k))
    , kind(k)
    , maxsize(max)
    , reader(readerFd)
    , writer(writerFd)
    , interpreter(&in)
    , traceId(id)
{
    for (int fd : { readerFd, writerFd })
        if (fd >= 0)
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    allQueues().push_back(this);
    installMultiprocessingAtExit(in);
}

QueueObject::~QueueObject()
{
    auto &q = allQueues();
    q.erase(std::remove(q.begin(), q.end(), this), q.end());
    if (feeder.joinable())
        feeder.detach();
}

[[noreturn]] void raiseQueue(TypeObject *type)
{
    throw PyException { make<ExceptionObject>(type, std::vector<Value> {}) };
}

void checkNotClosed(const Value &v)
{
    if (queueOf(v).closed)
        raise(types().ValueError, "Queue " + repr(v) + " is closed");
}

// The feeder's (or SimpleQueue's) write of one pickled item, as the GUI animates it.
void writeTraced(QueueObject &q, const std::string &payload, trace::ObjectId message)
{
    trace::emit(
        "pipe.write", trace::Phase::Begin, q.traceId, { trace::arg("msg", static_cast<std::int64_t>(message)), trace::arg("bytes", payload.size() + 4) });
    writeMessage(q.writer.get(), payload);
    trace::emit("pipe.write", trace::Phase::End, q.traceId, { trace::arg("msg", static_cast<std::int64_t>(message)), trace::arg("bytes", payload.size() + 4) });
}

// The feeder: waits for buffered items, pickles each with the interpreter lock held,
// then writes it to the pipe under the write lock without it.
void feederBody(QueueObject *q)
{
    InterpreterLock::acquire();
    InterpreterLockable gil;
    trace::emit("thread.start", trace::Phase::Instant, q->traceId, { trace::arg("name", "QueueFeederThread") });
    while (true) {
        if (q->buffer.empty()) {
            trace::emit("feeder.wait", trace::Phase::Begin, q->traceId);
            q->bufferChanged.wait(gil, [q] { return !q->buffer.empty(); });
            trace::emit("feeder.wait", trace::Phase::End, q->traceId, { trace::arg("size", q->buffer.size()) });
        }
        QueueObject::Buffered next = std::move(q->buffer.front());
        q->buffer.pop_front();
        trace::emit("buffer.pop", trace::Phase::Instant, q->traceId,
            { trace::arg("msg", static_cast<std::int64_t>(next.message)), trace::arg("size", q->buffer.size()),
                trace::arg("sentinel", next.item.isUndefined()) });
        if (next.item.isUndefined()) {
            q->writer.reset();
            break;
        }
        std::string payload;
        try {
            payload = pickleDumps(next.item, scenarioPickleHooks(*q->interpreter));
            next.item = Value();
            trace::emit("feeder.pickle", trace::Phase::Instant, q->traceId,
                { trace::arg("msg", static_cast<std::int64_t>(next.message)), trace::arg("bytes", payload.size() + 4) });
            if (gate::mustStop(gate::Point::FeederWrite, 0)) {
                WithoutInterpreterLock unlocked;
                gate::waitAtGate(gate::Point::FeederWrite, 0, std::to_string(next.message));
            }
            SyncObject &lock = sync(q->writeLock);
            lock.acquire(true, -1.0);
            try {
                writeTraced(*q, payload, next.message);
            } catch (...) {
                lock.release();
                throw;
            }
            lock.release();
        } catch (PyException &e) {
            // As CPython's _on_queue_feeder_error: report and carry on with the next item.
            q->interpreter->output().flush();
            q->interpreter->printTraceback(*e.exc, stderr);
        }
    }
    InterpreterLock::release();
}

void startFeeder(QueueObject &q)
{
    if (q.feederRunning)
        return;
    q.feederRunning = true;
    q.feeder = std::thread(feederBody, &q);
}

double timeoutArg(const CallArgs &args, std::size_t index)
{
    const Value t = argOrKeyword(args, index, "timeout", Value::none());
    if (t.isNone())
        return -1.0;
    return std::max(0.0, toFloat(t, "timeout"));
}

Value queuePut(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "put", 1, 3);
    auto &q = queueOf(v);
    checkNotClosed(v);
    const bool block = truthy(argOrKeyword(args, 1, "block", Value::boolean(true)));
    const double timeout = timeoutArg(args, 2);
    trace::emit(
        "queue.put", trace::Phase::Begin, q.traceId, { trace::arg("value", traceRepr(args[0])), trace::arg("block", block), trace::arg("timeout", timeout) });
    if (!sync(q.slots).acquire(block, block ? timeout : 0.0)) {
        trace::emit("queue.put", trace::Phase::Fail, q.traceId, { trace::arg("exc", "Full") });
        raiseQueue(queueFullType());
    }
    if (q.kind == QueueKind::Joinable) {
        SyncObject &cond = sync(sync(q.joinCondition).conditionLock);
        cond.acquire(true, -1.0);
        sync(q.unfinished).release();
        cond.release();
    }
    if (gate::mustStop(gate::Point::QueueBuffer, 0)) {
        // Between the semaphore and the buffer: the slot is taken, the item not yet queued.
        WithoutInterpreterLock unlocked;
        gate::waitAtGate(gate::Point::QueueBuffer, 0, traceRepr(args[0]));
    }
    startFeeder(q);
    const trace::ObjectId message = trace::enabled() ? trace::newObjectId() : 0;
    q.buffer.push_back({ args[0], message });
    trace::emit("buffer.append", trace::Phase::Instant, q.traceId,
        { trace::arg("msg", static_cast<std::int64_t>(message)), trace::arg("size", q.buffer.size()), trace::arg("value", traceRepr(args[0])) });
    q.bufferChanged.notify_all();
    trace::emit("queue.put", trace::Phase::End, q.traceId, { trace::arg("msg", static_cast<std::int64_t>(message)) });
    return Value::none();
}

Value receiveOne(QueueObject &q, Interpreter &in)
{
    std::string payload;
    trace::emit("pipe.read", trace::Phase::Begin, q.traceId);
    if (readMessage(q.reader.get(), payload) != ReadStatus::Message) {
        trace::emit("pipe.read", trace::Phase::Fail, q.traceId, { trace::arg("exc", "EOFError") });
        throw PyException { make<ExceptionObject>(types().EOFError, std::vector<Value> {}) };
    }
    trace::emit("pipe.read", trace::Phase::End, q.traceId, { trace::arg("bytes", payload.size() + 4) });
    return pickleLoads(payload, scenarioPickleHooks(in));
}

bool pollReader(int fd, double timeout)
{
    pollfd p { fd, POLLIN, 0 };
    const int ms = timeout < 0 ? -1 : static_cast<int>(std::ceil(timeout * 1000.0));
    int r;
    {
        WithoutInterpreterLock unlocked;
        do
            r = ::poll(&p, 1, ms);
        while (r < 0 && errno == EINTR && !interrupt::pendingHere());
    }
    interrupt::raiseIfPending();
    return r > 0;
}

Value getItem(QueueObject &q, Interpreter &in, SyncObject &rlock, bool block, double timeout);

Value queueGet(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "get", 0, 2);
    auto &q = queueOf(v);
    checkNotClosed(v);
    const bool block = truthy(argOrKeyword(args, 0, "block", Value::boolean(true)));
    const double timeout = timeoutArg(args, 1);
    SyncObject &rlock = sync(q.readLock);
    Value item;
    trace::emit("queue.get", trace::Phase::Begin, q.traceId, { trace::arg("block", block), trace::arg("timeout", timeout) });
    try {
        item = getItem(q, in, rlock, block, timeout);
    } catch (PyException &e) {
        trace::emit("queue.get", trace::Phase::Fail, q.traceId, { trace::arg("exc", e.exc->type->name) });
        throw;
    }
    if (q.kind != QueueKind::Simple)
        sync(q.slots).release();
    trace::emit("queue.get", trace::Phase::End, q.traceId, { trace::arg("value", traceRepr(item)) });
    return item;
}

Value getItem(QueueObject &q, Interpreter &in, SyncObject &rlock, bool block, double timeout)
{
    Value item;
    if (block && timeout < 0) {
        rlock.acquire(true, -1.0);
        try {
            item = receiveOne(q, in);
        } catch (...) {
            rlock.release();
            throw;
        }
        rlock.release();
    } else {
        const double deadline = deadlineAfter(block ? timeout : 0.0);
        if (!rlock.acquire(block, block ? timeout : 0.0))
            raiseQueue(queueEmptyType());
        try {
            timespec now {};
            ::clock_gettime(CLOCK_MONOTONIC, &now);
            const double left = block ? std::max(0.0, deadline - (static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9)) : 0.0;
            if (!pollReader(q.reader.get(), left))
                raiseQueue(queueEmptyType());
            item = receiveOne(q, in);
        } catch (...) {
            rlock.release();
            throw;
        }
        rlock.release();
    }
    return item;
}

Value queuePutNowait(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "put_nowait", 1, 1);
    return callWithExtra(queuePut, in, v, args, { Value::boolean(false) });
}

Value queueGetNowait(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "get_nowait", 0, 0);
    return callWithExtra(queueGet, in, v, args, { Value::boolean(false) });
}

std::int64_t slotsFree(QueueObject &q)
{
    SyncObject &s = sync(q.slots);
    s.cell.lockInternal();
    const std::int64_t value = s.cell.state().value;
    s.cell.unlockInternal();
    return value;
}

Value queueQsize(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "qsize", 0, 0);
    auto &q = queueOf(v);
    return Value::integer((q.maxsize <= 0 ? kSemValueMax : q.maxsize) - slotsFree(q));
}

Value queueEmpty(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "empty", 0, 0);
    auto &q = queueOf(v);
    if (!q.reader.valid())
        raise(types().OSError, "handle is closed");
    return Value::boolean(!pollReader(q.reader.get(), 0.0));
}

Value queueFull(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "full", 0, 0);
    return Value::boolean(slotsFree(queueOf(v)) == 0);
}

Value queueClose(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "close", 0, 0);
    auto &q = queueOf(v);
    q.closed = true;
    q.reader.reset();
    trace::emit("queue.close", trace::Phase::Instant, q.traceId);
    if (q.kind == QueueKind::Simple)
        q.writer.reset();
    else if (q.feederRunning) {
        q.buffer.emplace_back(); // the feeder closes the write end after the last item
        q.bufferChanged.notify_all();
    }
    return Value::none();
}

Value queueJoinThread(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "join_thread", 0, 0);
    auto &q = queueOf(v);
    if (!q.closed)
        raise(types().AssertionError, "Queue " + repr(v) + " not closed");
    if (q.feeder.joinable() && !q.joinCancelled) {
        trace::emit("queue.join_thread", trace::Phase::Begin, q.traceId);
        {
            WithoutInterpreterLock unlocked;
            q.feeder.join();
        }
        trace::emit("queue.join_thread", trace::Phase::End, q.traceId);
    }
    q.feederRunning = false;
    return Value::none();
}

Value queueCancelJoinThread(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "cancel_join_thread", 0, 0);
    queueOf(v).joinCancelled = true;
    return Value::none();
}

Value queueTaskDone(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "task_done", 0, 0);
    auto &q = queueOf(v);
    SyncObject &lock = sync(sync(q.joinCondition).conditionLock);
    SyncObject &unfinished = sync(q.unfinished);
    lock.acquire(true, -1.0);
    if (!unfinished.acquire(false, 0.0)) {
        lock.release();
        raise(types().ValueError, "task_done() called too many times");
    }
    unfinished.cell.lockInternal();
    const bool allDone = unfinished.cell.state().value == 0;
    unfinished.cell.unlockInternal();
    if (allDone) {
        auto &c = sync(q.joinCondition).cell;
        c.lockInternal();
        c.state().recursion = c.state().value;
        pthread_cond_broadcast(&c.state().changed);
        c.unlockInternal();
    }
    lock.release();
    trace::emit("queue.task_done", trace::Phase::Instant, q.traceId, { trace::arg("allDone", allDone) });
    return Value::none();
}

Value queueJoin(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "join", 0, 0);
    auto &q = queueOf(v);
    SyncObject &unfinished = sync(q.unfinished);
    auto &c = sync(q.joinCondition).cell;
    SyncObject &lock = sync(sync(q.joinCondition).conditionLock);
    lock.acquire(true, -1.0);
    unfinished.cell.lockInternal();
    bool done = unfinished.cell.state().value == 0;
    unfinished.cell.unlockInternal();
    lock.release();
    if (done)
        return Value::none();
    trace::emit("queue.join", trace::Phase::Begin, q.traceId);
    {
        // Wait for task_done() to bring the count to zero (it broadcasts on the condition).
        WithoutInterpreterLock unlocked;
        while (!done) {
            c.lockInternal();
            c.waitChange(-1.0);
            c.unlockInternal();
            unfinished.cell.lockInternal();
            done = unfinished.cell.state().value == 0;
            unfinished.cell.unlockInternal();
        }
    }
    trace::emit("queue.join", trace::Phase::End, q.traceId);
    return Value::none();
}

Value simplePut(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "put", 1, 1);
    auto &q = queueOf(v);
    if (!q.writer.valid())
        raise(types().OSError, "handle is closed");
    const std::string payload = pickleDumps(args[0], scenarioPickleHooks(in));
    const trace::ObjectId message = trace::enabled() ? trace::newObjectId() : 0;
    trace::emit(
        "queue.put", trace::Phase::Begin, q.traceId, { trace::arg("value", traceRepr(args[0])), trace::arg("msg", static_cast<std::int64_t>(message)) });
    SyncObject &lock = sync(q.writeLock);
    lock.acquire(true, -1.0);
    try {
        writeTraced(q, payload, message);
    } catch (PyException &e) {
        lock.release();
        trace::emit("queue.put", trace::Phase::Fail, q.traceId, { trace::arg("exc", e.exc->type->name) });
        throw;
    }
    lock.release();
    trace::emit("queue.put", trace::Phase::End, q.traceId, { trace::arg("msg", static_cast<std::int64_t>(message)) });
    return Value::none();
}

Value simpleGet(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "get", 0, 0);
    auto &q = queueOf(v);
    if (!q.reader.valid())
        raise(types().OSError, "handle is closed");
    SyncObject &lock = sync(q.readLock);
    trace::emit("queue.get", trace::Phase::Begin, q.traceId, { trace::arg("block", true) });
    lock.acquire(true, -1.0);
    Value item;
    try {
        item = receiveOne(q, in);
    } catch (PyException &e) {
        lock.release();
        trace::emit("queue.get", trace::Phase::Fail, q.traceId, { trace::arg("exc", e.exc->type->name) });
        throw;
    }
    lock.release();
    trace::emit("queue.get", trace::Phase::End, q.traceId, { trace::arg("value", traceRepr(item)) });
    return item;
}

TypeObject *buildQueueType(const char *name, QueueKind kind)
{
    auto *t = new TypeObject(name, types().object);
    incref(t);
    if (kind == QueueKind::Simple) {
        t->construct = [](Interpreter &in, const Value &, CallArgs &args) -> Value {
            checkArgCount(args, "SimpleQueue", 0, 0);
            return Value::object(new QueueObject(simpleQueueType(), QueueKind::Simple, 0, in));
        };
        t->methods["put"] = simplePut;
        t->methods["get"] = simpleGet;
        t->methods["empty"] = queueEmpty;
        t->methods["close"] = queueClose;
        return t;
    }
    t->construct = kind == QueueKind::Joinable
        ? static_cast<NativeFn>([](Interpreter &in, const Value &, CallArgs &args) -> Value {
              checkArgCount(args, "JoinableQueue", 0, 1);
              return Value::object(
                  new QueueObject(joinableQueueType(), QueueKind::Joinable, toInt(argOrKeyword(args, 0, "maxsize", Value::integer(0)), "maxsize"), in));
          })
        : static_cast<NativeFn>([](Interpreter &in, const Value &, CallArgs &args) -> Value {
              checkArgCount(args, "Queue", 0, 1);
              return Value::object(new QueueObject(mpQueueType(), QueueKind::Queue, toInt(argOrKeyword(args, 0, "maxsize", Value::integer(0)), "maxsize"), in));
          });
    t->methods["put"] = queuePut;
    t->methods["get"] = queueGet;
    t->methods["put_nowait"] = queuePutNowait;
    t->methods["get_nowait"] = queueGetNowait;
    t->methods["qsize"] = queueQsize;
    t->methods["empty"] = queueEmpty;
    t->methods["full"] = queueFull;
    t->methods["close"] = queueClose;
    t->methods["join_thread"] = queueJoinThread;
    t->methods["cancel_join_thread"] = queueCancelJoinThread;
    if (kind == QueueKind::Joinable) {
        t->methods["task_done"] = queueTaskDone;
        t->methods["join"] = queueJoin;
    }
    return t;
}

} // namespace

TypeObject *mpQueueType()
{
    static TypeObject *t = buildQueueType("Queue", QueueKind::Queue);
    return t;
}

TypeObject *joinableQueueType()
{
    static TypeObject *t = buildQueueType("JoinableQueue", QueueKind::Joinable);
    return t;
}

TypeObject *simpleQueueType()
{
    static TypeObject *t = buildQueueType("SimpleQueue", QueueKind::Simple);
    return t;
}

bool isQueue(const Value &v)
{
    if (!v.isKind(ObjKind::Opaque))
        return false;
    const TypeObject *t = v.as<OpaqueObject>()->type;
    return t == mpQueueType() || t == joinableQueueType() || t == simpleQueueType();
}

Value queueSpawnId(const Value &v, std::vector<int> &fds)
{
    auto &q = queueOf(v);
    if (q.closed)
        raise(types().ValueError, "Queue " + repr(v) + " is closed");
    fds.push_back(q.reader.get());
    fds.push_back(q.writer.get());
    auto orNone = [](const Value &x) { return x.isUndefined() ? Value::none() : x; };
    return newTuple(
        { newStr("queue"), Value::integer(static_cast<int>(q.kind)), Value::integer(q.maxsize), Value::integer(q.reader.get()), Value::integer(q.writer.get()),
            q.readLock, q.writeLock, orNone(q.slots), orNone(q.unfinished), orNone(q.joinCondition), Value::integer(static_cast<std::int64_t>(q.traceId)) });
}

Value rebuildQueue(Interpreter &in, const std::vector<Value> &items)
{
    // ("queue", kind, maxsize, reader, writer, readLock, writeLock, slots, unfinished, joinCondition, traceId)
    auto *q = new QueueObject(static_cast<QueueKind>(items.at(1).asInt()), items.at(2).asInt(), in, static_cast<int>(items.at(3).asInt()),
        static_cast<int>(items.at(4).asInt()), static_cast<trace::ObjectId>(items.at(10).asInt()));
    Value v = Value::object(q);
    auto orUndefined = [](const Value &x) { return x.isNone() ? Value() : x; };
    q->readLock = items.at(5);
    q->writeLock = items.at(6);
    q->slots = orUndefined(items.at(7));
    q->unfinished = orUndefined(items.at(8));
    q->joinCondition = orUndefined(items.at(9));
    return v;
}

void resetQueuesAfterFork()
{
    for (QueueObject *q : allQueues()) {
        // Buffered items belong to the parent's feeder; the child starts its own on first put.
        new (&q->feeder) std::thread();
        new (&q->bufferChanged) std::condition_variable_any();
        for (auto &entry : q->buffer)
            entry.item = Value();
        q->buffer.clear();
        q->feederRunning = false;
        q->joinCancelled = false;
    }
}

void closeQueueFeeders()
{
    for (QueueObject *q : allQueues())
        if (q->feederRunning && (q->buffer.empty() || !q->buffer.back().item.isUndefined())) {
            q->buffer.emplace_back();
            q->bufferChanged.notify_all();
        }
}

void joinQueueFeeders()
{
    for (QueueObject *q : std::vector<QueueObject *>(allQueues())) {
        Ref<QueueObject> keep(q);
        if (!q->feeder.joinable())
            continue;
        if (q->joinCancelled) {
            q->feeder.detach();
        } else {
            // Traced: a process waiting at exit for its feeder is in a call (a live run's
            // scheduler sees it blocked, not running, while the feeder waits at its gate).
            trace::emit("queue.join_thread", trace::Phase::Begin, q->traceId, { trace::arg("atExit", true) });
            {
                WithoutInterpreterLock unlocked;
                q->feeder.join();
            }
            trace::emit("queue.join_thread", trace::Phase::End, q->traceId);
        }
        q->feederRunning = false;
    }
}

} // namespace ipclab::ipc
