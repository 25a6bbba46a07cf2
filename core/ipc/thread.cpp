#include "thread.h"
#include "trace.h"

#include "errors.h"
#include "gil.h"
#include "interpreter.h"
#include "native.h"
#include "sync.h"

#include <chrono>
#include <cmath>
#include <new>

namespace ipclab::ipc {

using namespace lang;

namespace {

struct ThreadTable {
    Ref<ThreadObject> mainThread;
    std::vector<Ref<ThreadObject>> running; // started and not yet finished
    int counter = 0;
    bool shutdownHookInstalled = false;
};

ThreadTable &table()
{
    static ThreadTable t;
    return t;
}

thread_local ThreadObject *t_self = nullptr;

ThreadObject &self(const Value &v)
{
    return *static_cast<ThreadObject *>(v.obj());
}

/// Thread.__init__'s arguments, for the constructor and a subclass's super().__init__(...).
void initThread(ThreadObject *t, CallArgs &args, bool fresh)
{
    allowKeywords(args, "Thread", { "group", "target", "name", "args", "kwargs", "daemon" });
    checkArgCount(args, "Thread", 0, 5);
    if (t->started)
        raise(types().RuntimeError, "cannot re-initialize a started thread");
    t->target = argOrKeyword(args, 1, "target", Value::none());
    t->args = newTuple(toVector(argOrKeyword(args, 3, "args", newTuple())));
    t->kwargs = argOrKeyword(args, 4, "kwargs", newDict());
    if (!t->kwargs.isKind(ObjKind::Dict))
        raise(types().TypeError, "Thread kwargs must be a dict, not " + typeName(t->kwargs));
    const Value name = argOrKeyword(args, 2, "name", Value::none());
    if (name.isNone()) {
        // CPython 3.10+: "Thread-3 (worker)".
        (void)fresh;
        if (t->number == 0)
            t->number = ++table().counter;
        t->name = "Thread-" + std::to_string(t->number);
        if (t->target.isKind(ObjKind::Function))
            t->name += " (" + t->target.as<FunctionObject>()->name + ")";
    } else {
        t->name = str(name);
    }
    const Value daemon = argOrKeyword(args, 5, "daemon", Value::none());
    t->daemon = daemon.isNone() ? (t_self && t_self->daemon) : truthy(daemon);
}

Value constructThread(Interpreter &, const Value &, CallArgs &args)
{
    Ref<ThreadObject> t = make<ThreadObject>();
    initThread(t.get(), args, true);
    return t.value();
}

Value threadInit(Interpreter &, const Value &v, CallArgs &args)
{
    initThread(&self(v), args, false);
    return Value::none();
}

void threadBody(Interpreter *in, ThreadObject *t)
{
    ThreadState state;
    setCurrentThread(&state);
    InterpreterLock::acquire();
    t_self = t;
    t->ident = currentThreadId();
    trace::emit("thread.start", trace::Phase::Instant, 0, { trace::arg("name", t->name), trace::arg("daemon", t->daemon) });
    {
        std::lock_guard guard(t->stateMutex);
        t->announced = true;
    }
    t->stateChanged.notify_all();
    if (t->type->isUser) {
        // A subclass runs its own run(), as Thread._bootstrap_inner calls self.run().
        try {
            in->call(in->getAttribute(Value::object(t), "run"), std::vector<Value> {});
        } catch (PyException &e) {
            if (!e.exc->type->isSubtypeOf(types().SystemExit)) {
                in->output().flush();
                std::fprintf(stderr, "Exception in thread %s:\n", t->name.c_str());
                in->printTraceback(*e.exc, stderr);
            }
        }
    } else if (!t->target.isNone()) {
        std::vector<Value> positional = t->args.as<TupleObject>()->items;
        std::vector<std::pair<std::string, Value>> keywords;
        for (const auto &e : t->kwargs.as<DictObject>()->table.entries())
            if (!e.key.isUndefined())
                keywords.emplace_back(str(e.key), e.value);
        CallArgs args;
        args.pos = positional.data();
        args.count = positional.size();
        args.keywords = &keywords;
        try {
            in->call(t->target, args);
        } catch (PyException &e) {
            if (!e.exc->type->isSubtypeOf(types().SystemExit)) {
                in->output().flush();
                std::fprintf(stderr, "Exception in thread %s:\n", t->name.c_str());
                in->printTraceback(*e.exc, stderr);
            }
        }
    }
    // Drop what the thread held while still holding the lock: reference counts aren't atomic.
    t->target = Value();
    t->args = Value();
    t->kwargs = Value();
    {
        std::lock_guard guard(t->stateMutex);
        t->finished = true;
    }
    t->stateChanged.notify_all();
    auto &running = table().running;
    Ref<ThreadObject> keep;
    for (auto it = running.begin(); it != running.end(); ++it)
        if (it->get() == t) {
            keep = std::move(*it);
            running.erase(it);
            break;
        }
    t_self = nullptr;
    trace::emit("thread.exit", trace::Phase::Instant);
    setCurrentThread(nullptr);
    if (keep.get() && keep->refcount == 1) {
        // The last reference: the object can't be destroyed on its own thread (std::thread
        // would join itself), so detach first.
        keep->thread.detach();
    }
    keep = Ref<ThreadObject>();
    InterpreterLock::release();
}

Value threadStart(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "start", 0, 0);
    auto &t = self(v);
    if (t.started)
        raise(types().RuntimeError, "threads can only be started once");
    auto &tt = table();
    if (!tt.shutdownHookInstalled) {
        in.addExitHook(joinNonDaemonThreads);
        tt.shutdownHookInstalled = true;
    }
    t.started = true;
    tt.running.emplace_back(&t);
    t.thread = std::thread(threadBody, &in, &t);
    // As CPython's start(): return once the thread runs. A live run's scheduler relies on
    // it: a thread that exists is in the trace before its starter takes another step.
    WithoutInterpreterLock unlocked;
    std::unique_lock lock(t.stateMutex);
    t.stateChanged.wait(lock, [&t] { return t.announced; });
    return Value::none();
}

Value threadJoin(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "join", 0, 1);
    auto &t = self(v);
    if (!t.started)
        raise(types().RuntimeError, "cannot join thread before it is started");
    if (&t == t_self || (t.isMain && !t_self))
        raise(types().RuntimeError, "cannot join current thread");
    if (t.isMain)
        return Value::none();
    const Value timeoutArg = argOrKeyword(args, 0, "timeout", Value::none());
    const double timeout = timeoutArg.isNone() ? -1.0 : std::max(0.0, toFloat(timeoutArg, "timeout"));
    bool finished;
    trace::emit("thread.join", trace::Phase::Begin, 0, { trace::arg("name", t.name), trace::arg("timeout", timeout) });
    {
        WithoutInterpreterLock unlocked;
        std::unique_lock guard(t.stateMutex);
        if (timeout < 0)
            t.stateChanged.wait(guard, [&] { return t.finished; });
        else
            t.stateChanged.wait_for(guard, std::chrono::duration<double>(timeout), [&] { return t.finished; });
        finished = t.finished;
    }
    if (finished && t.thread.joinable()) {
        WithoutInterpreterLock unlocked;
        t.thread.join();
    }
    trace::emit("thread.join", trace::Phase::End, 0, { trace::arg("name", t.name), trace::arg("finished", finished) });
    return Value::none();
}

Value threadIsAlive(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "is_alive", 0, 0);
    auto &t = self(v);
    if (t.isMain)
        return Value::boolean(true);
    std::lock_guard guard(t.stateMutex);
    return Value::boolean(t.started && !t.finished);
}

Value threadRun(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "run", 0, 0);
    auto &t = self(v);
    if (t.target.isNone())
        return Value::none();
    return in.call(t.target, t.args.as<TupleObject>()->items);
}

} // namespace

ThreadObject::ThreadObject()
    : OpaqueObject(threadType())
{
}

ThreadObject::~ThreadObject()
{
    if (thread.joinable())
        thread.detach();
}

bool ThreadObject::text(std::string &out)
{
    bool done;
    {
        std::lock_guard guard(stateMutex);
        done = finished;
    }
    std::string status = isMain || started ? "started" : "initial";
    if (done)
        status = "stopped";
    if (daemon)
        status += " daemon";
    if (isMain || started)
        status += " " + std::to_string(ident);
    out = "<" + std::string(isMain ? "_MainThread" : type->name) + "(" + name + ", " + status + ")>";
    return true;
}

Value ThreadObject::getAttribute(Interpreter &, const std::string &attr)
{
    if (attr == "name")
        return newStr(name);
    if (attr == "daemon")
        return Value::boolean(daemon);
    if (attr == "ident" || attr == "native_id")
        return ident ? Value::integer(ident) : Value::none();
    return Value();
}

bool ThreadObject::setAttribute(Interpreter &, const std::string &attr, const Value &value)
{
    if (attr == "name") {
        name = str(value);
        return true;
    }
    if (attr == "daemon") {
        if (started)
            raise(types().RuntimeError, "cannot set daemon status of active thread");
        daemon = truthy(value);
        return true;
    }
    return false;
}

TypeObject *threadType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("Thread", types().object);
        incref(t);
        t->construct = constructThread;
        t->methods["start"] = threadStart;
        t->methods["join"] = threadJoin;
        t->methods["is_alive"] = threadIsAlive;
        t->methods["run"] = threadRun;
        t->methods["__init__"] = threadInit;
        t->subclassable = true;
        return t;
    }();
    return type;
}

Value currentThreadObject()
{
    if (t_self)
        return Value::object(t_self);
    auto &tt = table();
    if (!tt.mainThread) {
        tt.mainThread = make<ThreadObject>();
        tt.mainThread->name = "MainThread";
        tt.mainThread->isMain = true;
        tt.mainThread->started = true;
        tt.mainThread->ident = currentThreadId();
    }
    return tt.mainThread.value();
}

void joinNonDaemonThreads(Interpreter &)
{
    while (true) {
        Ref<ThreadObject> next;
        for (const auto &t : table().running)
            if (!t->daemon) {
                next = t;
                break;
            }
        if (!next)
            return;
        {
            WithoutInterpreterLock unlocked;
            std::unique_lock guard(next->stateMutex);
            next->stateChanged.wait(guard, [&] { return next->finished; });
        }
        if (next->thread.joinable()) {
            WithoutInterpreterLock unlocked;
            next->thread.join();
        }
    }
}

void forgetThreadsAfterFork()
{
    auto &tt = table();
    // The threads' objects are copies whose OS threads don't exist here: never join them.
    for (auto &t : tt.running) {
        // Abandon handles and mutexes that may belong to threads that don't exist here.
        new (&t->thread) std::thread();
        new (&t->stateMutex) std::mutex();
        new (&t->stateChanged) std::condition_variable();
        t->finished = true;
    }
    tt.running.clear();
    tt.shutdownHookInstalled = false;
    if (t_self) {
        // The forking thread becomes the child's main thread.
        tt.mainThread = Ref<ThreadObject>(t_self);
        t_self = nullptr;
    }
}

} // namespace ipclab::ipc
