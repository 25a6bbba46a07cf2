// `threading` and `queue`: threads inside one scenario process.

#include "ipc_modules.h"
#include "modules.h"
#include "native.h"
#include "sync.h"
#include "thread.h"
#include "trace.h"
#include "trace_values.h"

#include "gil.h"
#include "interpreter.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>

namespace ipclab::ipc {

using namespace lang;

namespace {

Value thCurrentThread(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "current_thread", 0, 0);
    return currentThreadObject();
}

Value thGetIdent(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "get_ident", 0, 0);
    return Value::integer(currentThreadId());
}

// --- queue.Queue, LifoQueue, PriorityQueue: all state guarded by the interpreter lock.

enum class Order { Fifo, Lifo, Priority };

struct ThreadQueue final : OpaqueObject {
    ThreadQueue(TypeObject *t, Order o, std::int64_t max)
        : OpaqueObject(t)
        , order(o)
        , maxsize(max)
        , traceId(trace::newObjectId())
    {
        static const char *const names[] = { "Queue", "LifoQueue", "PriorityQueue" };
        trace::emit("tqueue.create", trace::Phase::Instant, traceId, { trace::arg("kind", names[static_cast<int>(o)]), trace::arg("maxsize", max) });
    }
    Order order;
    std::int64_t maxsize;
    std::deque<Value> items;
    std::int64_t unfinished = 0;
    std::condition_variable_any notEmpty, notFull, allDone;
    trace::ObjectId traceId;
    std::uint64_t traceObject() const override { return traceId; }
    bool full() const { return maxsize > 0 && static_cast<std::int64_t>(items.size()) >= maxsize; }
};

ThreadQueue &queueOf(const Value &v)
{
    return *static_cast<ThreadQueue *>(v.obj());
}

TypeObject *queueExceptionType(const char *name)
{
    static TypeObject *full = [] {
        auto *t = new TypeObject("Full", types().Exception);
        incref(t);
        t->construct = types().Exception->construct;
        return t;
    }();
    static TypeObject *empty = [] {
        auto *t = new TypeObject("Empty", types().Exception);
        incref(t);
        t->construct = types().Exception->construct;
        return t;
    }();
    return std::string(name) == "Full" ? full : empty;
}

[[noreturn]] void raiseQueue(const char *name)
{
    throw PyException { make<ExceptionObject>(queueExceptionType(name), std::vector<Value> {}) };
}

// Waits on `cv` (releasing the interpreter lock) until `ready`; false on timeout.
template <typename Ready> bool waitFor(std::condition_variable_any &cv, double timeout, Ready ready)
{
    InterpreterLockable gil;
    if (timeout < 0) {
        cv.wait(gil, ready);
        return true;
    }
    return cv.wait_for(gil, std::chrono::duration<double>(timeout), ready);
}

double blockingTimeout(const CallArgs &args, std::size_t blockIndex, bool &block)
{
    block = truthy(argOrKeyword(args, blockIndex, "block", Value::boolean(true)));
    const Value t = argOrKeyword(args, blockIndex + 1, "timeout", Value::none());
    if (t.isNone())
        return -1.0;
    const double timeout = toFloat(t, "timeout");
    if (timeout < 0)
        raise(types().ValueError, "'timeout' must be a non-negative number");
    return timeout;
}

void pushItem(ThreadQueue &q, const Value &item)
{
    if (q.order == Order::Priority) {
        // heapq order: the smallest first; equal keys compare the whole item, as CPython.
        auto pos = std::upper_bound(q.items.begin(), q.items.end(), item, [](const Value &a, const Value &b) { return lessThan(a, b); });
        q.items.insert(pos, item);
    } else {
        q.items.push_back(item);
    }
}

Value popItem(ThreadQueue &q)
{
    Value v;
    if (q.order == Order::Lifo) {
        v = std::move(q.items.back());
        q.items.pop_back();
    } else {
        v = std::move(q.items.front());
        q.items.pop_front();
    }
    return v;
}

Value queuePut(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "put", 1, 3);
    auto &q = queueOf(v);
    bool block;
    const double timeout = blockingTimeout(args, 1, block);
    trace::emit(
        "tqueue.put", trace::Phase::Begin, q.traceId, { trace::arg("value", traceRepr(args[0])), trace::arg("block", block), trace::arg("timeout", timeout) });
    if (q.full()) {
        if (!block || !waitFor(q.notFull, timeout, [&] { return !q.full(); })) {
            trace::emit("tqueue.put", trace::Phase::Fail, q.traceId, { trace::arg("exc", "Full") });
            raiseQueue("Full");
        }
    }
    pushItem(q, args[0]);
    ++q.unfinished;
    q.notEmpty.notify_one();
    trace::emit("tqueue.put", trace::Phase::End, q.traceId, { trace::arg("size", q.items.size()) });
    return Value::none();
}

Value queueGet(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "get", 0, 2);
    auto &q = queueOf(v);
    bool block;
    const double timeout = blockingTimeout(args, 0, block);
    trace::emit("tqueue.get", trace::Phase::Begin, q.traceId, { trace::arg("block", block), trace::arg("timeout", timeout) });
    if (q.items.empty()) {
        if (!block || !waitFor(q.notEmpty, timeout, [&] { return !q.items.empty(); })) {
            trace::emit("tqueue.get", trace::Phase::Fail, q.traceId, { trace::arg("exc", "Empty") });
            raiseQueue("Empty");
        }
    }
    Value item = popItem(q);
    q.notFull.notify_one();
    trace::emit("tqueue.get", trace::Phase::End, q.traceId, { trace::arg("value", traceRepr(item)), trace::arg("size", q.items.size()) });
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

Value queueQsize(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "qsize", 0, 0);
    return Value::integer(static_cast<std::int64_t>(queueOf(v).items.size()));
}

Value queueEmpty(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "empty", 0, 0);
    return Value::boolean(queueOf(v).items.empty());
}

Value queueFull(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "full", 0, 0);
    return Value::boolean(queueOf(v).full());
}

Value queueTaskDone(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "task_done", 0, 0);
    auto &q = queueOf(v);
    if (q.unfinished <= 0)
        raise(types().ValueError, "task_done() called too many times");
    if (--q.unfinished == 0)
        q.allDone.notify_all();
    trace::emit("tqueue.task_done", trace::Phase::Instant, q.traceId, { trace::arg("unfinished", q.unfinished) });
    return Value::none();
}

Value queueJoin(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "join", 0, 0);
    auto &q = queueOf(v);
    trace::emit("tqueue.join", trace::Phase::Begin, q.traceId);
    waitFor(q.allDone, -1.0, [&] { return q.unfinished == 0; });
    trace::emit("tqueue.join", trace::Phase::End, q.traceId);
    return Value::none();
}

TypeObject *queueType(Order order)
{
    static TypeObject *types3[3] = {};
    static const bool built = [] {
        const char *names[] = { "Queue", "LifoQueue", "PriorityQueue" };
        for (int i = 0; i < 3; ++i) {
            auto *t = new TypeObject(names[i], types().object);
            incref(t);
            t->construct = [](Interpreter &, const Value &typeValue, CallArgs &args) -> Value {
                checkArgCount(args, typeValue.as<TypeObject>()->name.c_str(), 0, 1);
                const std::int64_t maxsize = toInt(argOrKeyword(args, 0, "maxsize", Value::integer(0)), "maxsize");
                Order o = Order::Fifo;
                for (int k = 0; k < 3; ++k)
                    if (queueType(static_cast<Order>(k)) == typeValue.as<TypeObject>())
                        o = static_cast<Order>(k);
                return Value::object(new ThreadQueue(queueType(o), o, maxsize));
            };
            t->methods["put"] = queuePut;
            t->methods["get"] = queueGet;
            t->methods["put_nowait"] = queuePutNowait;
            t->methods["get_nowait"] = queueGetNowait;
            t->methods["qsize"] = queueQsize;
            t->methods["empty"] = queueEmpty;
            t->methods["full"] = queueFull;
            t->methods["task_done"] = queueTaskDone;
            t->methods["join"] = queueJoin;
            types3[i] = t;
        }
        return true;
    }();
    (void)built;
    return types3[static_cast<int>(order)];
}

Value createThreading(Interpreter &)
{
    return makeModule("threading",
        { { "Thread", Value::object(threadType()) }, { "current_thread", nativeFunction("current_thread", thCurrentThread) },
            { "get_ident", nativeFunction("get_ident", thGetIdent) }, { "Lock", Value::object(syncType(SyncKind::Lock, false)) },
            { "RLock", Value::object(syncType(SyncKind::RLock, false)) }, { "Semaphore", Value::object(syncType(SyncKind::Semaphore, false)) },
            { "BoundedSemaphore", Value::object(syncType(SyncKind::BoundedSemaphore, false)) }, { "Event", Value::object(syncType(SyncKind::Event, false)) },
            { "Condition", Value::object(syncType(SyncKind::Condition, false)) } });
}

Value createQueue(Interpreter &)
{
    return makeModule("queue",
        { { "Queue", Value::object(queueType(Order::Fifo)) }, { "LifoQueue", Value::object(queueType(Order::Lifo)) },
            { "PriorityQueue", Value::object(queueType(Order::Priority)) }, { "Full", Value::object(queueExceptionType("Full")) },
            { "Empty", Value::object(queueExceptionType("Empty")) } });
}

} // namespace

TypeObject *queueFullType()
{
    return queueExceptionType("Full");
}
TypeObject *queueEmptyType()
{
    return queueExceptionType("Empty");
}

void registerThreadingModules()
{
    registerModule(
        { "threading", { "Thread", "current_thread", "get_ident", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Event", "Condition" }, createThreading });
    registerModule({ "queue", { "Queue", "LifoQueue", "PriorityQueue", "Full", "Empty" }, createQueue });
}

} // namespace ipclab::ipc
