#include "process.h"
#include "interrupt.h"

#include "run_registry.h"

#include "connection.h"
#include "errors.h"
#include "gil.h"
#include "interpreter.h"
#include "manager.h"
#include "mpqueue.h"
#include "native.h"
#include "spawn.h"
#include "thread.h"
#include "trace.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <optional>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ipclab::ipc {

using namespace lang;

namespace {

// Per-process state, as multiprocessing.process keeps it: the current process,
// its identity ("Process-1:2" is the second child of the first child), and its children.
struct ProcessTable {
    Ref<ProcessObject> current;
    std::vector<int> identity;
    int nextChild = 1;
    std::vector<Ref<ProcessObject>> children;
    bool exitHookInstalled = false;
};

ProcessTable &table()
{
    static ProcessTable t;
    return t;
}

ProcessObject &self(const Value &v)
{
    return *static_cast<ProcessObject *>(v.obj());
}

[[noreturn]] void assertion(const char *message)
{
    raise(types().AssertionError, message);
}

/// Process.__init__'s arguments: what both the constructor and a subclass's
/// super().__init__(...) set. The name defaults to the class's name and the identity.
void initProcess(ProcessObject &p, CallArgs &args)
{
    allowKeywords(args, "Process", { "group", "target", "name", "args", "kwargs", "daemon" });
    checkArgCount(args, "Process", 0, 5);
    const Value group = argOrKeyword(args, 0, "group", Value::none());
    if (!group.isNone())
        assertion("group argument must be None for now");
    p.target = argOrKeyword(args, 1, "target", Value::none());
    p.args = newTuple(toVector(argOrKeyword(args, 3, "args", newTuple())));
    p.kwargs = argOrKeyword(args, 4, "kwargs", newDict());
    if (!p.kwargs.isKind(ObjKind::Dict))
        raise(types().TypeError, "Process kwargs must be a dict, not " + typeName(p.kwargs));
    std::string identity;
    for (int part : p.identity)
        identity += (identity.empty() ? "" : ":") + std::to_string(part);
    const Value name = argOrKeyword(args, 2, "name", Value::none());
    p.name = name.isNone() ? p.type->name + "-" + identity : str(name);
    const Value daemon = argOrKeyword(args, 5, "daemon", Value::none());
    auto &t = table();
    p.daemon = daemon.isNone() ? (t.current && t.current->daemon) : truthy(daemon);
}

Value constructProcess(Interpreter &, const Value &, CallArgs &args)
{
    Ref<ProcessObject> p = make<ProcessObject>();
    auto &t = table();
    p->identity = t.identity;
    p->identity.push_back(t.nextChild++);
    initProcess(*p, args);
    return p.value();
}

Value processInit(Interpreter &, const Value &v, CallArgs &args)
{
    initProcess(self(v), args);
    return Value::none();
}

Value processStart(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "start", 0, 0);
    auto &p = self(v);
    auto &t = table();
    if (p.started)
        assertion("cannot start a process twice");
    if (t.current && t.current->daemon)
        assertion("daemonic processes are not allowed to have children");
    reserveRunProcess();
    trace::emit("process.start", trace::Phase::Begin, 0,
        { trace::arg("name", p.name), trace::arg("method", currentStartMethod() == StartMethod::Spawn ? "spawn" : "fork") });
    pid_t pid;
    if (currentStartMethod() == StartMethod::Spawn) {
        pid = spawnProcess(in, p);
    } else {
        pid = forkScenarioProcess(in);
        if (pid == 0) {
            const int code = runChild(in, Ref<ProcessObject>(&p));
            trace::emit("process.exit", trace::Phase::Instant, 0, { trace::arg("exitcode", code) });
            trace::flushAll();
            ::_exit(code);
        }
    }
    trace::emit("process.start", trace::Phase::End, 0, { trace::arg("name", p.name), trace::arg("child", static_cast<int>(pid)) });
    p.pid = pid;
    p.started = true;
    t.children.emplace_back(&p);
    return Value::none();
}

StartMethod g_startMethod = StartMethod::Fork;
bool g_startMethodFixed = false;

Value processJoin(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "join", 0, 1);
    auto &p = self(v);
    if (&p == table().current.get())
        assertion("can only join a child process");
    if (!p.started)
        assertion("can only join a started process");
    const Value timeout = argOrKeyword(args, 0, "timeout", Value::none());
    const double seconds = timeout.isNone() ? -1.0 : std::max(0.0, toFloat(timeout, "timeout"));
    trace::emit(
        "process.join", trace::Phase::Begin, 0, { trace::arg("child", static_cast<int>(p.pid)), trace::arg("name", p.name), trace::arg("timeout", seconds) });
    p.wait(seconds);
    interrupt::raiseIfPending();
    if (p.reaped)
        trace::emit("process.join", trace::Phase::End, 0, { trace::arg("child", static_cast<int>(p.pid)), trace::arg("exitcode", p.exitcode) });
    else
        trace::emit("process.join", trace::Phase::End, 0, { trace::arg("child", static_cast<int>(p.pid)), trace::arg("timedOut", true) });
    return Value::none();
}

Value processIsAlive(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "is_alive", 0, 0);
    auto &p = self(v);
    if (&p == table().current.get())
        return Value::boolean(true);
    if (!p.started)
        return Value::boolean(false);
    return Value::boolean(!p.poll());
}

void signalProcess(ProcessObject &p, int sig)
{
    if (p.started && !p.poll()) {
        // Announced first, so the orchestrator knows this death was asked for, not a crash.
        trace::emit("process.signal", trace::Phase::Instant, 0, { trace::arg("child", static_cast<int>(p.pid)), trace::arg("signal", sig) });
        trace::flushThread();
        ::kill(p.pid, sig);
    }
}

Value processTerminate(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "terminate", 0, 0);
    signalProcess(self(v), SIGTERM);
    return Value::none();
}

Value processKill(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "kill", 0, 0);
    signalProcess(self(v), SIGKILL);
    return Value::none();
}

Value processClose(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "close", 0, 0);
    auto &p = self(v);
    if (p.started && !p.poll())
        raise(types().ValueError, "Cannot close a process while it is still running. You should first call join() or terminate().");
    return Value::none();
}

Value processRun(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "run", 0, 0);
    auto &p = self(v);
    if (p.target.isNone())
        return Value::none();
    std::vector<Value> positional = p.args.as<TupleObject>()->items;
    return in.call(p.target, std::move(positional));
}

} // namespace

int runChild(Interpreter &in, Ref<ProcessObject> me)
{
    auto &t = table();
    me->pid = ::getpid();
    me->started = true;
    t.identity = me->identity;
    t.children.clear();
    t.nextChild = 1;
    t.current = me;
    t.exitHookInstalled = false;
    trace::emit("process.run", trace::Phase::Instant, 0,
        { trace::arg("name", me->name), trace::arg("ppid", static_cast<int>(::getppid())), trace::arg("thread", "MainThread"), trace::arg("daemon", me->daemon),
            trace::rawArg("holds", openConnectionIdsJson()) });
    // Out now, not with the flusher a millisecond later: a child killed as soon as it runs
    // must still be a process the orchestrator knows, or its death goes unreported (the run
    // was then called a hang, or ended with the parent's EOFError).
    trace::flushThread();
    std::vector<Value> positional = me->args.as<TupleObject>()->items;
    std::vector<std::pair<std::string, Value>> keywords;
    for (const auto &e : me->kwargs.as<DictObject>()->table.entries())
        if (!e.key.isUndefined())
            keywords.emplace_back(str(e.key), e.value);
    CallArgs childArgs;
    childArgs.pos = positional.data();
    childArgs.count = positional.size();
    childArgs.keywords = &keywords;
    int code = 0;
    if (me->type->isUser) {
        // A subclass runs its own run(), as BaseProcess._bootstrap calls self.run().
        CallArgs none;
        code = in.runAsChild(me->name, in.getAttribute(me.value(), "run"), none);
    } else if (!me->target.isNone()) {
        code = in.runAsChild(me->name, me->target, childArgs);
    }
    closeQueueFeeders();
    finishChildren(in);
    joinQueueFeeders();
    shutdownManagers();
    in.output().flush();
    std::fflush(stdout);
    std::fflush(stderr);
    return code & 0xff;
}

StartMethod currentStartMethod()
{
    g_startMethodFixed = true; // as CPython's get_context(): from now on the context is set
    return g_startMethod;
}

void setStartMethod(const std::string &method, bool force)
{
    if (method != "fork" && method != "spawn") {
        if (method == "forkserver")
            raise(types().ValueError, "IPC Lab runs the 'fork' and 'spawn' start methods; 'forkserver' is not available");
        raise(types().ValueError, "cannot find context for '" + method + "'");
    }
    if (g_startMethodFixed && !force)
        raise(types().RuntimeError, "context has already been set");
    g_startMethod = method == "spawn" ? StartMethod::Spawn : StartMethod::Fork;
    g_startMethodFixed = true;
}

ProcessObject::ProcessObject()
    : OpaqueObject(processType())
    , parentPid(::getpid())
{
}

bool ProcessObject::text(std::string &out)
{
    // As multiprocessing.process.BaseProcess.__repr__ words it. Inside a child, the child's
    // own object is current_process(): started, with its parent and without a pid.
    const bool current = isMain || (started && pid == ::getpid());
    std::string status;
    std::optional<int> code;
    if (current)
        status = "started";
    else if (parentPid != ::getpid())
        status = "unknown";
    else if (!started)
        status = "initial";
    else if (poll())
        status = "stopped", code = exitcode;
    else
        status = "started";
    out = isMain ? "<_MainProcess" : "<" + type->name;
    out += " name='" + name + "'";
    if (started && !current)
        out += " pid=" + std::to_string(pid);
    out += " parent=" + (isMain ? std::string("None") : std::to_string(current ? ::getppid() : parentPid));
    out += " " + status;
    if (code) {
        const char *signal = *code < 0 ? sigabbrev_np(-*code) : nullptr;
        out += " exitcode=" + (signal ? std::string("-SIG") + signal : std::to_string(*code));
    }
    if (daemon)
        out += " daemon";
    out += ">";
    return true;
}

bool ProcessObject::poll()
{
    if (reaped || !started || isMain)
        return reaped;
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) {
        reaped = true;
        exitcode = WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
        traceReaped();
    } else if (r < 0 && errno == ECHILD) {
        reaped = true; // someone else reaped it; report a clean exit rather than hang
    }
    return reaped;
}

void ProcessObject::traceReaped() const
{
    trace::emit(
        "process.reaped", trace::Phase::Instant, 0, { trace::arg("child", static_cast<int>(pid)), trace::arg("name", name), trace::arg("exitcode", exitcode) });
}

void ProcessObject::wait(double timeoutSeconds)
{
    if (reaped)
        return;
    waitUnlocked(timeoutSeconds);
    if (reaped) {
        auto &children = table().children;
        children.erase(std::remove_if(children.begin(), children.end(), [this](const Ref<ProcessObject> &c) { return c.get() == this; }), children.end());
    }
}

void ProcessObject::waitUnlocked(double timeoutSeconds)
{
    WithoutInterpreterLock unlocked;
    if (timeoutSeconds < 0) {
        int status = 0;
        while (true) {
            const pid_t r = ::waitpid(pid, &status, 0);
            if (r == pid) {
                reaped = true;
                exitcode = WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
                traceReaped();
                break;
            }
            if (r < 0 && errno != EINTR) {
                reaped = true;
                break;
            }
            if (r < 0 && interrupt::pendingHere())
                break; // Ctrl+C: join() raises KeyboardInterrupt
        }
    } else {
        timespec start {};
        ::clock_gettime(CLOCK_MONOTONIC, &start);
        long pauseNs = 100000;
        while (!poll() && !interrupt::pendingHere()) {
            timespec now {};
            ::clock_gettime(CLOCK_MONOTONIC, &now);
            const double elapsed = static_cast<double>(now.tv_sec - start.tv_sec) + static_cast<double>(now.tv_nsec - start.tv_nsec) / 1e9;
            if (elapsed >= timeoutSeconds)
                break;
            timespec pause { 0, pauseNs };
            ::nanosleep(&pause, nullptr);
            pauseNs = std::min(pauseNs * 2, 5000000L);
        }
    }
}

Value ProcessObject::getAttribute(Interpreter &, const std::string &attr)
{
    if (attr == "name")
        return newStr(name);
    if (attr == "daemon")
        return Value::boolean(daemon);
    if (attr == "pid" || attr == "ident")
        return started ? Value::integer(pid) : Value::none();
    if (attr == "exitcode") {
        if (!started || isMain || !poll())
            return Value::none();
        return Value::integer(exitcode);
    }
    return Value();
}

bool ProcessObject::setAttribute(Interpreter &, const std::string &attr, const Value &value)
{
    if (attr == "name") {
        if (!value.isKind(ObjKind::Str))
            raise(types().TypeError, "name must be a string");
        name = value.as<StrObject>()->text;
        return true;
    }
    if (attr == "daemon") {
        if (started)
            assertion("process has already started");
        daemon = truthy(value);
        return true;
    }
    return false;
}

TypeObject *processType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("Process", types().object);
        incref(t);
        t->construct = constructProcess;
        t->methods["start"] = processStart;
        t->methods["join"] = processJoin;
        t->methods["is_alive"] = processIsAlive;
        t->methods["terminate"] = processTerminate;
        t->methods["kill"] = processKill;
        t->methods["close"] = processClose;
        t->methods["run"] = processRun;
        t->methods["__init__"] = processInit;
        t->subclassable = true;
        return t;
    }();
    return type;
}

Value currentProcess()
{
    auto &t = table();
    if (!t.current) {
        t.current = make<ProcessObject>();
        t.current->name = "MainProcess";
        t.current->isMain = true;
        t.current->started = true;
        t.current->pid = ::getpid();
    }
    return t.current.value();
}

Value activeChildren()
{
    std::vector<Value> alive;
    for (const auto &c : std::vector<Ref<ProcessObject>>(table().children))
        if (!c->poll())
            alive.push_back(c.value());
        else
            c->wait(0);
    return newList(std::move(alive));
}

pid_t forkScenarioProcess(Interpreter &in)
{
    installMultiprocessingAtExit(in);
    // Both processes would write the parent's unflushed output otherwise.
    in.output().flush();
    std::fflush(stdout);
    std::fflush(stderr);
    trace::flushThread();
    const pid_t pid = ::fork();
    if (pid < 0)
        raiseOSError(errno);
    if (pid == 0) {
        trace::discardThreadBufferAfterFork();
        InterpreterLock::resetAfterFork();
        interrupt::adoptMainThread(); // the forking thread is the child's main thread
        forgetThreadsAfterFork();
        resetQueuesAfterFork();
        // No parent-death signal: it belongs to the thread that forked, so a Process started
        // from a thread would die with that thread. An orphan is re-parented to the
        // orchestrator (a subreaper), which ends the whole process group with the run; the
        // janitor ends it if the orchestrator is killed.
    }
    return pid;
}

void reserveRunProcess()
{
    if (!sandbox::reserveProcess())
        throw PyException { make<ExceptionObject>(types().BlockingIOError,
            std::vector<Value> { Value::integer(EAGAIN),
                newStr("Resource temporarily unavailable: this run may start at most " + std::to_string(sandbox::maxProcesses())
                    + " processes (ipclab run --max-processes)") }) };
}

void installMultiprocessingAtExit(Interpreter &in)
{
    auto &t = table();
    if (t.exitHookInstalled)
        return;
    t.exitHookInstalled = true;
    in.addExitHook([](Interpreter &interpreter) {
        closeQueueFeeders();
        finishChildren(interpreter);
        joinQueueFeeders();
        shutdownManagers();
        table().exitHookInstalled = false;
    });
}

void finishChildren(Interpreter &)
{
    auto children = table().children;
    for (const auto &c : children)
        if (c->daemon)
            signalProcess(*c, SIGTERM);
    for (const auto &c : children)
        c->wait(-1);
}

} // namespace ipclab::ipc
