// multiprocessing.Pool: worker processes forked when the pool is made, each
// fed its tasks through a pipe of its own and answering through another.
// Tasks and results travel pickled as in CPython, so what CPython cannot
// send to a worker fails the same way: a plain Queue raises "Queue objects
// should only be shared between processes through inheritance", and a
// Manager().Queue() proxy travels as its manager's address.
//
// CPython hands tasks to workers from a background thread; here the parent
// sends each task at once to the worker with the fewest unfinished tasks, and
// reads results whenever the scenario asks the pool or a result something.

#include "connection.h"
#include "interrupt.h"
#include "ipc_modules.h"
#include "manager.h"
#include "mpqueue.h"
#include "picklehooks.h"
#include "process.h"
#include "trace_values.h"

#include "errors.h"
#include "gil.h"
#include "interpreter.h"
#include "modules.h"
#include "native.h"
#include "pickle.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <deque>
#include <map>
#include <poll.h>
#include <time.h>

namespace ipclab::ipc {

using namespace lang;

namespace {

TypeObject *poolType();
TypeObject *asyncResultType();

double monotonicNow()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// What CPython refuses to pickle for another process: its Queues, locks and shared values.
PickleHooks taskHooks(Interpreter &in)
{
    PickleHooks hooks = scenarioPickleHooks(in);
    hooks.persistentId = [](const Value &v) -> Value {
        if (!v.isKind(ObjKind::Opaque))
            return Value();
        Value proxy = proxyPersistentId(v);
        if (!proxy.isUndefined())
            return proxy;
        Value segment = sharedMemoryPersistentId(v);
        if (!segment.isUndefined())
            return segment;
        const std::string &name = v.as<OpaqueObject>()->type->name;
        if (isQueue(v) || name == "Lock" || name == "RLock" || name == "Semaphore" || name == "BoundedSemaphore" || name == "Condition" || name == "Event"
            || name == "Synchronized" || name == "SynchronizedArray")
            raise(types().RuntimeError, name + " objects should only be shared between processes through inheritance");
        return Value();
    };
    hooks.persistentLoad = [&in](const Value &id) -> Value {
        const auto &items = id.as<TupleObject>()->items;
        if (str(items.at(0)) == "shm")
            return attachSharedMemory(in, str(items.at(1)));
        return rebuildProxy(in, id);
    };
    return hooks;
}

struct Worker {
    Value process; // the ProcessObject
    Value tasks; // the parent's end of the task pipe (a Connection)
    Value results; // the parent's end of the result pipe
    int pid = 0;
    int unfinished = 0;
    bool alive = true;
};

struct TaskResult {
    bool ready = false;
    bool ok = false;
    Value value; // the result, or the exception
    Value callback, errorCallback;
};

enum class PoolState { Running, Closed, Terminated };

struct PoolObject;

std::vector<PoolObject *> &livePools()
{
    static std::vector<PoolObject *> pools;
    return pools;
}

struct PoolObject final : OpaqueObject {
    PoolObject()
        : OpaqueObject(poolType())
    {
        livePools().push_back(this);
    }
    ~PoolObject() override
    {
        auto &all = livePools();
        all.erase(std::remove(all.begin(), all.end(), this), all.end());
    }
    std::vector<Worker> workers;
    std::map<std::int64_t, TaskResult> results;
    std::int64_t nextTask = 0;
    PoolState state = PoolState::Running;
    trace::ObjectId traceId = trace::newObjectId();
    int ownerPid = 0;
    std::uint64_t traceObject() const override { return traceId; }
};

struct AsyncResultObject final : OpaqueObject {
    AsyncResultObject(Ref<PoolObject> p, std::vector<std::int64_t> t, bool list)
        : OpaqueObject(asyncResultType())
        , pool(std::move(p))
        , tasks(std::move(t))
        , isList(list)
    {
    }
    Ref<PoolObject> pool;
    std::vector<std::int64_t> tasks;
    bool isList; // map_async: a list of results
};

PoolObject &poolSelf(const Value &v)
{
    return *static_cast<PoolObject *>(v.obj());
}

ConnectionObject &conn(const Value &v)
{
    return *static_cast<ConnectionObject *>(v.obj());
}

// Takes one result off a worker's pipe and files it; false when the worker is gone.
bool readOneResult(Interpreter &in, PoolObject &pool, Worker &w)
{
    std::string payload;
    if (readMessage(conn(w.results).fd.get(), payload) != ReadStatus::Message) {
        w.alive = false;
        return false;
    }
    const Value message = pickleLoads(payload, taskHooks(in));
    const auto &items = message.as<TupleObject>()->items;
    const std::int64_t task = items.at(0).asInt();
    TaskResult &r = pool.results[task];
    r.ready = true;
    r.ok = truthy(items.at(1));
    r.value = items.at(2);
    --w.unfinished;
    trace::emit("pool.result", trace::Phase::Instant, pool.traceId,
        { trace::arg("task", task), trace::arg("worker", w.pid), trace::arg("ok", r.ok), trace::arg("value", traceRepr(r.value)) });
    // Callbacks run in the parent, as CPython's result handler thread runs them.
    if (r.ok && !r.callback.isNone() && !r.callback.isUndefined())
        in.call(r.callback, { r.value });
    if (!r.ok && !r.errorCallback.isNone() && !r.errorCallback.isUndefined())
        in.call(r.errorCallback, { r.value });
    return true;
}

// Reads the results that have arrived; waits up to `timeout` seconds (< 0: forever, 0: not at
// all) for at least one. Returns false when nothing came in time.
bool pump(Interpreter &in, PoolObject &pool, double timeout)
{
    std::vector<pollfd> fds;
    std::vector<std::size_t> which;
    for (std::size_t i = 0; i < pool.workers.size(); ++i) {
        const Worker &w = pool.workers[i];
        if (w.alive && w.unfinished > 0) {
            fds.push_back({ conn(w.results).fd.get(), POLLIN, 0 });
            which.push_back(i);
        }
    }
    if (fds.empty())
        return false;
    const int ms = timeout < 0 ? -1 : static_cast<int>(std::ceil(timeout * 1000.0));
    int r;
    {
        WithoutInterpreterLock unlocked;
        do
            r = ::poll(fds.data(), fds.size(), ms);
        while (r < 0 && errno == EINTR && !interrupt::pendingHere());
    }
    interrupt::raiseIfPending();
    if (r <= 0)
        return false;
    for (std::size_t k = 0; k < fds.size(); ++k)
        if (fds[k].revents & (POLLIN | POLLHUP))
            readOneResult(in, pool, pool.workers[which[k]]);
    return true;
}

// Waits until every task in `tasks` has its result (or the timeout passes).
bool waitFor(Interpreter &in, PoolObject &pool, const std::vector<std::int64_t> &tasks, double timeout)
{
    const double deadline = timeout < 0 ? -1 : monotonicNow() + timeout;
    while (true) {
        pump(in, pool, 0);
        bool all = true;
        for (std::int64_t t : tasks)
            all = all && pool.results[t].ready;
        if (all)
            return true;
        const double left = deadline < 0 ? -1 : deadline - monotonicNow();
        if (deadline >= 0 && left <= 0)
            return false;
        bool anyAlive = false;
        for (const Worker &w : pool.workers)
            anyAlive = anyAlive || (w.alive && w.unfinished > 0);
        if (!anyAlive) {
            // Nobody will answer (the pool was terminated): wait as CPython would, without end.
            WithoutInterpreterLock unlocked;
            if (left < 0)
                while (true)
                    ::pause();
            ::usleep(static_cast<useconds_t>(left * 1e6));
            return false;
        }
        pump(in, pool, left);
    }
}

std::string functionName(const Value &fn)
{
    if (fn.isKind(ObjKind::Function))
        return fn.as<FunctionObject>()->name;
    if (fn.isKind(ObjKind::Native))
        return fn.as<NativeObject>()->name;
    return typeName(fn);
}

// Sends one task to the least busy worker; a task that cannot be pickled fails at once.
std::int64_t submit(Interpreter &in, PoolObject &pool, const Value &fn, const Value &args, const Value &kwargs, Value callback, Value errorCallback)
{
    if (pool.state != PoolState::Running)
        raise(types().ValueError, "Pool not running");
    pump(in, pool, 0);
    const std::int64_t task = pool.nextTask++;
    TaskResult &r = pool.results[task];
    r.callback = std::move(callback);
    r.errorCallback = std::move(errorCallback);
    Worker *best = nullptr;
    for (Worker &w : pool.workers)
        if (w.alive && (!best || w.unfinished < best->unfinished))
            best = &w;
    std::string payload;
    try {
        payload = pickleDumps(newTuple({ Value::integer(task), fn, args, kwargs }), taskHooks(in));
    } catch (PyException &e) {
        // CPython's task handler files the pickling error as the task's result.
        trace::emit("pool.submit", trace::Phase::Instant, pool.traceId,
            { trace::arg("task", task), trace::arg("func", functionName(fn)), trace::arg("exc", e.exc->type->name) });
        r.ready = true;
        r.ok = false;
        r.value = Value::object(e.exc.get());
        return task;
    }
    if (!best)
        raise(types().ValueError, "Pool not running");
    trace::emit("pool.submit", trace::Phase::Instant, pool.traceId,
        { trace::arg("task", task), trace::arg("func", functionName(fn)), trace::arg("args", traceRepr(args)), trace::arg("worker", best->pid) });
    writeMessage(conn(best->tasks).fd.get(), payload);
    ++best->unfinished;
    return task;
}

Value resultOf(PoolObject &pool, std::int64_t task)
{
    TaskResult &r = pool.results[task];
    if (!r.ok)
        throw PyException { Ref<ExceptionObject>(r.value.as<ExceptionObject>()) };
    return r.value;
}

Value finish(Interpreter &in, AsyncResultObject &a, double timeout)
{
    trace::emit("pool.get", trace::Phase::Begin, a.pool->traceId, { trace::arg("tasks", a.tasks.size()), trace::arg("timeout", timeout) });
    if (!waitFor(in, *a.pool, a.tasks, timeout)) {
        trace::emit("pool.get", trace::Phase::Fail, a.pool->traceId, { trace::arg("exc", "TimeoutError") });
        throw PyException { make<ExceptionObject>(types().TimeoutError, std::vector<Value> {}) };
    }
    try {
        Value out;
        if (a.isList) {
            std::vector<Value> items;
            for (std::int64_t t : a.tasks)
                items.push_back(resultOf(*a.pool, t));
            out = newList(std::move(items));
        } else {
            out = resultOf(*a.pool, a.tasks.at(0));
        }
        trace::emit("pool.get", trace::Phase::End, a.pool->traceId, { trace::arg("value", traceRepr(out)) });
        return out;
    } catch (PyException &e) {
        trace::emit("pool.get", trace::Phase::Fail, a.pool->traceId, { trace::arg("exc", e.exc->type->name) });
        throw;
    }
}

// ---------------------------------------------------------------- the worker's side

// The target of every pool worker process: runs tasks until the parent's None.
Value workerLoop(Interpreter &in, const Value &, CallArgs &args)
{
    const int taskFd = conn(args[0]).fd.get();
    const int resultFd = conn(args[1]).fd.get();
    const auto poolId = static_cast<trace::ObjectId>(args[2].asInt());
    const PickleHooks hooks = taskHooks(in);
    while (true) {
        trace::emit("pool.wait", trace::Phase::Begin, poolId);
        std::string payload;
        const ReadStatus status = readMessage(taskFd, payload);
        trace::emit("pool.wait", trace::Phase::End, poolId);
        if (status != ReadStatus::Message)
            return Value::none();
        const Value message = pickleLoads(payload, hooks);
        if (message.isNone())
            return Value::none(); // the parent's sentinel: close() or join()
        const auto &items = message.as<TupleObject>()->items;
        const Value task = items.at(0);
        const Value &fn = items.at(1);
        trace::emit("pool.task", trace::Phase::Begin, poolId,
            { trace::arg("task", task.asInt()), trace::arg("func", functionName(fn)), trace::arg("args", traceRepr(items.at(2))) });
        Value reply;
        try {
            CallArgs call;
            std::vector<Value> positional = toVector(items.at(2));
            std::vector<std::pair<std::string, Value>> keywords;
            for (const auto &entry : items.at(3).as<DictObject>()->table.entries())
                if (!entry.key.isUndefined())
                    keywords.emplace_back(str(entry.key), entry.value);
            call.pos = positional.data();
            call.count = positional.size();
            call.keywords = &keywords;
            Value result = in.call(fn, call);
            trace::emit("pool.task", trace::Phase::End, poolId, { trace::arg("task", task.asInt()), trace::arg("value", traceRepr(result)) });
            reply = newTuple({ task, Value::boolean(true), result });
        } catch (PyException &e) {
            trace::emit("pool.task", trace::Phase::Fail, poolId, { trace::arg("task", task.asInt()), trace::arg("exc", e.exc->type->name) });
            reply = newTuple({ task, Value::boolean(false), Value::object(e.exc.get()) });
        }
        std::string out;
        try {
            out = pickleDumps(reply, hooks);
        } catch (PyException &e) {
            out = pickleDumps(newTuple({ task, Value::boolean(false), Value::object(e.exc.get()) }), hooks);
        }
        // The task's events go out before its result: the parent may terminate this worker as soon
        // as it has the result, and a terminated worker's buffered events are lost.
        trace::flushThread();
        writeMessage(resultFd, out);
    }
}

// ---------------------------------------------------------------- Pool methods

// At exit, before multiprocessing terminates its daemonic children: the workers of a closed pool
// have their sentinel and end by themselves (flushing what they printed), as they do in CPython,
// whose exit handler gives them that moment before it terminates what is left.
void installPoolExitHook(Interpreter &in)
{
    static int installedIn = 0;
    if (installedIn == ::getpid())
        return;
    installedIn = ::getpid();
    in.addExitHook([](Interpreter &) {
        installedIn = 0;
        const double deadline = monotonicNow() + 1.0;
        for (PoolObject *pool : livePools()) {
            if (pool->ownerPid != ::getpid() || pool->state != PoolState::Closed)
                continue;
            for (Worker &w : pool->workers) {
                auto &p = *static_cast<ProcessObject *>(w.process.obj());
                p.wait(std::max(0.0, deadline - monotonicNow()));
            }
        }
    });
}

Value constructPool(Interpreter &in, const Value &, CallArgs &args)
{
    allowKeywords(args, "Pool", { "processes", "initializer", "initargs", "maxtasksperchild" });
    checkArgCount(args, "Pool", 0, 4);
    const Value processes = argOrKeyword(args, 0, "processes", Value::none());
    std::int64_t n = processes.isNone() ? std::max<long>(1, ::sysconf(_SC_NPROCESSORS_ONLN)) : toInt(processes, "Pool");
    if (n < 1)
        raise(types().ValueError, "Number of processes must be at least 1");
    const Value initializer = argOrKeyword(args, 1, "initializer", Value::none());
    if (!initializer.isNone())
        raise(types().NotImplementedError, "IPC Lab's Pool takes no initializer");
    Ref<PoolObject> pool = make<PoolObject>();
    pool->ownerPid = ::getpid();
    trace::emit("pool.create", trace::Phase::Instant, pool->traceId, { trace::arg("processes", n) });
    const Value worker = nativeFunction("worker", workerLoop);
    // Workers are always forked: under `spawn` CPython starts them fresh, but they run only the
    // tasks sent to them, so a fork differs only in globals the parent changed before Pool().
    struct ForkForWorkers {
        bool wasSpawn = currentStartMethod() == StartMethod::Spawn;
        ForkForWorkers()
        {
            if (wasSpawn)
                setStartMethod("fork", true);
        }
        ~ForkForWorkers()
        {
            if (wasSpawn)
                setStartMethod("spawn", true);
        }
    } forkForWorkers;
    for (std::int64_t i = 0; i < n; ++i) {
        const Value taskPipe = makePipe(false); // (reader, writer)
        const Value resultPipe = makePipe(false);
        const auto &tp = taskPipe.as<TupleObject>()->items;
        const auto &rp = resultPipe.as<TupleObject>()->items;
        std::vector<std::pair<std::string, Value>> keywords { { "target", worker },
            { "args", newTuple({ tp[0], rp[1], Value::integer(static_cast<std::int64_t>(pool->traceId)) }) }, { "daemon", Value::boolean(true) } };
        CallArgs call;
        call.keywords = &keywords;
        Value process = in.call(Value::object(processType()), call);
        // CPython's pool workers share the Process-N counter: ForkPoolWorker-N.
        auto &p = *static_cast<ProcessObject *>(process.obj());
        p.name = "ForkPoolWorker-" + p.name.substr(p.name.find('-') + 1);
        in.call(in.getAttribute(process, "start"), std::vector<Value> {});
        Worker w;
        w.process = process;
        w.tasks = tp[1];
        w.results = rp[0];
        w.pid = p.pid;
        // The worker's ends belong to the worker now.
        conn(tp[0]).close();
        conn(rp[1]).close();
        // The pipes' ends, so the window draws them as the pool's plumbing rather than as lesson pipes.
        const std::string ends = "[" + std::to_string(conn(tp[0]).traceId) + "," + std::to_string(conn(tp[1]).traceId) + ","
            + std::to_string(conn(rp[0]).traceId) + "," + std::to_string(conn(rp[1]).traceId) + "]";
        trace::emit(
            "pool.worker", trace::Phase::Instant, pool->traceId, { trace::arg("worker", w.pid), trace::arg("name", p.name), trace::rawArg("pipes", ends) });
        pool->workers.push_back(std::move(w));
    }
    installPoolExitHook(in);
    return pool.value();
}

Value poolApplyAsync(Interpreter &in, const Value &self, CallArgs &args)
{
    allowKeywords(args, "apply_async", { "func", "args", "kwds", "callback", "error_callback" });
    checkArgCount(args, "apply_async", 1, 5);
    auto &pool = poolSelf(self);
    const Value fn = argOrKeyword(args, 0, "func");
    const Value a = newTuple(toVector(argOrKeyword(args, 1, "args", newTuple())));
    const Value kw = argOrKeyword(args, 2, "kwds", newDict());
    const std::int64_t task
        = submit(in, pool, fn, a, kw, argOrKeyword(args, 3, "callback", Value::none()), argOrKeyword(args, 4, "error_callback", Value::none()));
    return Value::object(new AsyncResultObject(Ref<PoolObject>(&pool), { task }, false));
}

Value poolApply(Interpreter &in, const Value &self, CallArgs &args)
{
    allowKeywords(args, "apply", { "func", "args", "kwds" });
    checkArgCount(args, "apply", 1, 3);
    Value result = poolApplyAsync(in, self, args);
    return finish(in, *static_cast<AsyncResultObject *>(result.obj()), -1);
}

Value mapAsync(Interpreter &in, const Value &self, CallArgs &args, const char *name, bool star)
{
    allowKeywords(args, name, { "func", "iterable", "chunksize" });
    checkArgCount(args, name, 2, 3);
    auto &pool = poolSelf(self);
    const Value fn = argOrKeyword(args, 0, "func");
    std::vector<std::int64_t> tasks;
    for (const Value &item : toVector(argOrKeyword(args, 1, "iterable")))
        tasks.push_back(submit(in, pool, fn, star ? newTuple(toVector(item)) : newTuple({ item }), newDict(), Value::none(), Value::none()));
    return Value::object(new AsyncResultObject(Ref<PoolObject>(&pool), std::move(tasks), true));
}

Value poolMapAsync(Interpreter &in, const Value &self, CallArgs &args)
{
    return mapAsync(in, self, args, "map_async", false);
}

Value poolMap(Interpreter &in, const Value &self, CallArgs &args)
{
    Value result = mapAsync(in, self, args, "map", false);
    return finish(in, *static_cast<AsyncResultObject *>(result.obj()), -1);
}

Value poolStarmap(Interpreter &in, const Value &self, CallArgs &args)
{
    Value result = mapAsync(in, self, args, "starmap", true);
    return finish(in, *static_cast<AsyncResultObject *>(result.obj()), -1);
}

void sendSentinels(PoolObject &pool)
{
    const std::string none = pickleDumps(Value::none());
    for (Worker &w : pool.workers)
        if (w.alive && conn(w.tasks).fd.valid()) {
            try {
                writeMessage(conn(w.tasks).fd.get(), none);
            } catch (PyException &) {
                w.alive = false; // it is gone already
            }
        }
}

Value poolClose(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "close", 0, 0);
    auto &pool = poolSelf(self);
    if (pool.state == PoolState::Running) {
        pool.state = PoolState::Closed;
        trace::emit("pool.close", trace::Phase::Instant, pool.traceId);
        sendSentinels(pool); // each worker ends after the tasks it already has
    }
    return Value::none();
}

Value poolTerminate(Interpreter &in, const Value &self, CallArgs &args)
{
    checkArgCount(args, "terminate", 0, 0);
    auto &pool = poolSelf(self);
    if (pool.state == PoolState::Terminated || pool.ownerPid != ::getpid())
        return Value::none();
    pool.state = PoolState::Terminated;
    trace::emit("pool.terminate", trace::Phase::Instant, pool.traceId);
    for (Worker &w : pool.workers) {
        in.call(in.getAttribute(w.process, "terminate"), std::vector<Value> {});
        in.call(in.getAttribute(w.process, "join"), std::vector<Value> {});
        w.alive = false;
    }
    return Value::none();
}

Value poolJoin(Interpreter &in, const Value &self, CallArgs &args)
{
    checkArgCount(args, "join", 0, 0);
    auto &pool = poolSelf(self);
    if (pool.state == PoolState::Running)
        raise(types().ValueError, "Pool is still running");
    trace::emit("pool.join", trace::Phase::Begin, pool.traceId);
    // Results first: a worker blocked writing a large result would never exit otherwise.
    while (pump(in, pool, -1)) { }
    for (Worker &w : pool.workers)
        in.call(in.getAttribute(w.process, "join"), std::vector<Value> {});
    trace::emit("pool.join", trace::Phase::End, pool.traceId);
    return Value::none();
}

Value poolEnter(Interpreter &, const Value &self, CallArgs &)
{
    if (poolSelf(self).state != PoolState::Running)
        raise(types().ValueError, "Pool not running");
    return self;
}

Value poolExit(Interpreter &in, const Value &self, CallArgs &)
{
    CallArgs none;
    return poolTerminate(in, self, none); // as CPython: leaving `with` terminates the pool
}

// ---------------------------------------------------------------- AsyncResult

AsyncResultObject &asyncSelf(const Value &v)
{
    return *static_cast<AsyncResultObject *>(v.obj());
}

double timeoutArg(const CallArgs &args)
{
    const Value timeout = argOrKeyword(args, 0, "timeout", Value::none());
    return timeout.isNone() ? -1.0 : std::max(0.0, toFloat(timeout, "timeout"));
}

Value resultGet(Interpreter &in, const Value &self, CallArgs &args)
{
    checkArgCount(args, "get", 0, 1);
    return finish(in, asyncSelf(self), timeoutArg(args));
}

Value resultWait(Interpreter &in, const Value &self, CallArgs &args)
{
    checkArgCount(args, "wait", 0, 1);
    auto &a = asyncSelf(self);
    waitFor(in, *a.pool, a.tasks, timeoutArg(args));
    return Value::none();
}

bool isReady(Interpreter &in, AsyncResultObject &a)
{
    pump(in, *a.pool, 0);
    for (std::int64_t t : a.tasks)
        if (!a.pool->results[t].ready)
            return false;
    return true;
}

Value resultReady(Interpreter &in, const Value &self, CallArgs &args)
{
    checkArgCount(args, "ready", 0, 0);
    return Value::boolean(isReady(in, asyncSelf(self)));
}

Value resultSuccessful(Interpreter &in, const Value &self, CallArgs &args)
{
    checkArgCount(args, "successful", 0, 0);
    auto &a = asyncSelf(self);
    if (!isReady(in, a))
        raise(types().ValueError, "<multiprocessing.pool.ApplyResult object> not ready");
    for (std::int64_t t : a.tasks)
        if (!a.pool->results[t].ok)
            return Value::boolean(false);
    return Value::boolean(true);
}

TypeObject *asyncResultType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("ApplyResult", types().object);
        incref(t);
        t->methods["get"] = resultGet;
        t->methods["wait"] = resultWait;
        t->methods["ready"] = resultReady;
        t->methods["successful"] = resultSuccessful;
        return t;
    }();
    return type;
}

TypeObject *poolType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("Pool", types().object);
        incref(t);
        t->construct = constructPool;
        auto &m = t->methods;
        m["apply"] = poolApply;
        m["apply_async"] = poolApplyAsync;
        m["map"] = poolMap;
        m["map_async"] = poolMapAsync;
        m["starmap"] = poolStarmap;
        m["close"] = poolClose;
        m["terminate"] = poolTerminate;
        m["join"] = poolJoin;
        m["__enter__"] = poolEnter;
        m["__exit__"] = poolExit;
        return t;
    }();
    return type;
}

} // namespace

Value poolFactory(Interpreter &in, const Value &self, CallArgs &args)
{
    return constructPool(in, self, args);
}

Value poolTypeValue()
{
    return Value::object(poolType());
}

} // namespace ipclab::ipc
