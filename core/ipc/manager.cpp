#include "manager.h"
#include "interrupt.h"

#include "gate.h"
#include "trace.h"
#include "trace_values.h"

#include "connection.h"
#include "errors.h"
#include "gil.h"
#include "interpreter.h"
#include "mpqueue.h"
#include "native.h"
#include "pickle.h"
#include "picklehooks.h"
#include "process.h"
#include "sync.h"
#include "thread.h"

#include <cstring>
#include <map>
#include <mutex>
#include <random>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace ipclab::ipc {

using namespace lang;

namespace {

// ---------------------------------------------------------------- server side

struct Server {
    Interpreter *in = nullptr;
    std::map<std::int64_t, Value> objects; // guarded by the interpreter lock
    std::int64_t nextId = 1;
};

Value reply(const char *kind, Value v)
{
    return newTuple({ newStr(kind), std::move(v) });
}

Value createServerObject(Server &s, const std::string &typeId, const std::vector<Value> &args)
{
    Interpreter &in = *s.in;
    Value obj;
    if (typeId == "dict") {
        obj = newDict();
        if (!args.empty()) {
            CallArgs a;
            a.pos = const_cast<Value *>(args.data());
            a.count = args.size();
            obj = in.call(Value::object(types().dict), a);
        }
    } else if (typeId == "list") {
        obj = newList(args.empty() ? std::vector<Value> {} : toVector(args[0]));
    } else if (typeId == "Value") {
        obj = newList({ args.size() > 0 ? args[0] : newStr("i"), args.size() > 1 ? args[1] : Value::integer(0) });
    } else if (typeId == "Queue" || typeId == "JoinableQueue") {
        Value queueModule = in.importModule("queue");
        obj = in.call(in.getAttribute(queueModule, "Queue"), args);
    } else {
        Value threading = in.importModule("threading");
        obj = in.call(in.getAttribute(threading, typeId), args);
    }
    const std::int64_t id = s.nextId++;
    s.objects.emplace(id, obj);
    return Value::integer(id);
}

Value dispatch(Server &s, std::int64_t id, const std::string &method, std::vector<Value> args, const Value &kwargs)
{
    if (id == 0) {
        if (method == "create")
            return createServerObject(s, str(args.at(0)), args.size() > 1 ? toVector(args[1]) : std::vector<Value> {});
        raise(types().AttributeError, "manager has no method '" + method + "'");
    }
    auto it = s.objects.find(id);
    if (it == s.objects.end())
        raise(types().KeyError, "no shared object with id " + std::to_string(id));
    Value target = it->second;
    if (method == "__getitem__")
        return getItem(target, args.at(0));
    if (method == "__setitem__") {
        setItem(target, args.at(0), args.at(1));
        return Value::none();
    }
    if (method == "__delitem__") {
        delItem(target, args.at(0));
        return Value::none();
    }
    if (method == "__contains__")
        return Value::boolean(contains(target, args.at(0)));
    if (method == "__len__")
        return Value::integer(lengthOf(target));
    if (method == "__repr__")
        return newStr(repr(target));
    if (method == "__str__")
        return newStr(str(target));
    if (method == "_getvalue")
        return target;
    if (method == "get_value")
        return target.as<ListObject>()->items.at(1);
    if (method == "set_value") {
        target.as<ListObject>()->items.at(1) = args.at(0);
        return Value::none();
    }
    if (target.isKind(ObjKind::Dict) && (method == "keys" || method == "values" || method == "items"))
        return newList(toVector(s.in->call(s.in->getAttribute(target, method), std::vector<Value> {})));
    std::vector<std::pair<std::string, Value>> keywords;
    if (kwargs.isKind(ObjKind::Dict))
        for (const auto &e : kwargs.as<DictObject>()->table.entries())
            if (!e.key.isUndefined())
                keywords.emplace_back(str(e.key), e.value);
    CallArgs a;
    a.pos = args.data();
    a.count = args.size();
    a.keywords = &keywords;
    return s.in->call(s.in->getAttribute(target, method), a);
}

void serveConnection(Server *s, int fd)
{
    UniqueFd conn(fd);
    InterpreterLock::acquire();
    ThreadState state;
    setCurrentThread(&state);
    const PickleHooks hooks = scenarioPickleHooks(*s->in);
    // Who is on the other end: the server's order of requests is the shared object's true
    // order, and a lost update is told by whose read and whose write it was.
    ucred peer {};
    socklen_t peerSize = sizeof peer;
    const int client = ::getsockopt(conn.get(), SOL_SOCKET, SO_PEERCRED, &peer, &peerSize) == 0 ? static_cast<int>(peer.pid) : 0;
    trace::emit("thread.start", trace::Phase::Instant, 0, { trace::arg("name", "Thread-serve") });
    while (true) {
        std::string request;
        trace::emit("server.wait", trace::Phase::Begin);
        try {
            if (readMessage(conn.get(), request) != ReadStatus::Message)
                break;
        } catch (PyException &) {
            break;
        }
        trace::emit("server.wait", trace::Phase::End);
        Value answer;
        bool shutdown = false;
        try {
            Value req = pickleLoads(request, hooks);
            const auto &items = req.as<TupleObject>()->items;
            const std::string method = str(items.at(1));
            shutdown = method == "shutdown";
            const std::int64_t ref = items.at(0).asInt();
            trace::emit("manager.handle", trace::Phase::Begin, 0,
                { trace::arg("method", method), trace::arg("ref", ref), trace::arg("args", traceRepr(items.at(2))), trace::arg("client", client) });
            answer = reply("#RETURN", shutdown ? Value::none() : dispatch(*s, ref, method, toVector(items.at(2)), items.at(3)));
            if (trace::enabled()) {
                auto it = s->objects.find(ref);
                const std::string contents = it == s->objects.end() ? std::string() : traceRepr(it->second, 200);
                trace::emit("manager.handle", trace::Phase::End, 0,
                    { trace::arg("method", method), trace::arg("ref", ref), trace::arg("result", traceRepr(answer.as<TupleObject>()->items.at(1))),
                        trace::arg("contents", contents) });
            }
        } catch (PyException &e) {
            answer = reply("#ERROR", e.exc.value());
            trace::emit("manager.handle", trace::Phase::Fail, 0, { trace::arg("exc", e.exc->type->name) });
        }
        try {
            writeMessage(conn.get(), pickleDumps(answer, hooks));
        } catch (PyException &) {
            break;
        }
        if (shutdown) {
            s->in->output().flush();
            std::fflush(stdout);
            trace::emit("process.exit", trace::Phase::Instant, 0, { trace::arg("exitcode", 0) });
            trace::flushAll();
            ::_exit(0);
        }
    }
    setCurrentThread(nullptr);
    InterpreterLock::release();
}

[[noreturn]] void runServer(Interpreter &in, int listenFd)
{
    static Server server;
    server.in = &in;
    InterpreterLock::release();
    while (true) {
        trace::emit("server.accept", trace::Phase::Begin); // out within a millisecond: the flusher writes it
        const int fd = ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        trace::emit("server.accept", trace::Phase::End);
        if (fd < 0) {
            if (errno == EINTR)
                continue;
            ::_exit(1);
        }
        std::thread(serveConnection, &server, fd).detach();
    }
}

// ---------------------------------------------------------------- client side

struct ManagerObject final : OpaqueObject {
    explicit ManagerObject(TypeObject *t)
        : OpaqueObject(t)
    {
    }
    std::string address;
    pid_t serverPid = 0;
    pid_t ownerPid = 0; // the process that started the server (and must stop it)
    bool shutDown = false;
    trace::ObjectId traceId = trace::newObjectId();
    std::uint64_t traceObject() const override { return traceId; }
    pid_t connectionsPid = 0;
    std::map<std::int64_t, UniqueFd> connections; // one per thread, as CPython's proxies
    std::mutex connectionsMutex;
};

std::vector<ManagerObject *> &liveManagers()
{
    static std::vector<ManagerObject *> managers;
    return managers;
}

int connectionFor(ManagerObject &m)
{
    std::lock_guard guard(m.connectionsMutex);
    if (m.connectionsPid != trace::selfPid()) {
        // A forked child: the inherited sockets belong to the parent's threads.
        m.connections.clear(); // closes only this process's copies
        m.connectionsPid = trace::selfPid();
    }
    const std::int64_t tid = currentThreadId();
    auto it = m.connections.find(tid);
    if (it != m.connections.end())
        return it->second.get();
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        raiseOSError(errno);
    sockaddr_un addr {};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, m.address.data(), m.address.size());
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + m.address.size())) != 0) {
        const int err = errno;
        ::close(fd);
        raiseOSError(err);
    }
    m.connections.emplace(tid, UniqueFd(fd));
    return fd;
}

Value roundTrip(Interpreter &in, ManagerObject &m, std::int64_t id, const std::string &method, std::vector<Value> args, Value kwargs = Value())
{
    if (m.shutDown)
        raise(types().OSError, "the manager has been shut down");
    const PickleHooks hooks = scenarioPickleHooks(in);
    const int fd = connectionFor(m);
    Value argTuple = newTuple(std::move(args));
    if (gate::mustStop(gate::Point::ProxyCall, 0)) {
        // Before the request leaves: d[k] += 1 stops between its get and its set.
        const std::string call = method + traceRepr(argTuple);
        WithoutInterpreterLock unlocked;
        gate::waitAtGate(gate::Point::ProxyCall, 0, call);
    }
    trace::emit("proxy.call", trace::Phase::Begin, m.traceId,
        { trace::arg("method", method), trace::arg("ref", id), trace::arg("args", traceRepr(argTuple)), trace::arg("server", static_cast<int>(m.serverPid)) });
    try {
        writeMessage(fd, pickleDumps(newTuple({ Value::integer(id), newStr(method), argTuple, kwargs.isUndefined() ? newDict() : kwargs }), hooks));
        std::string payload;
        if (readMessage(fd, payload) != ReadStatus::Message)
            raise(types().EOFError, "the manager process is gone");
        Value answer = pickleLoads(payload, hooks);
        const auto &items = answer.as<TupleObject>()->items;
        if (str(items.at(0)) == "#ERROR" && items.at(1).isKind(ObjKind::Exception))
            throw PyException { Ref<ExceptionObject>(items.at(1).as<ExceptionObject>()) };
        trace::emit("proxy.call", trace::Phase::End, m.traceId, { trace::arg("method", method), trace::arg("result", traceRepr(items.at(1))) });
        return items.at(1);
    } catch (PyException &e) {
        trace::emit("proxy.call", trace::Phase::Fail, m.traceId, { trace::arg("method", method), trace::arg("exc", e.exc->type->name) });
        throw;
    }
}

struct ProxyObject final : OpaqueObject {
    ProxyObject(TypeObject *t, Ref<ManagerObject> m, std::int64_t i)
        : OpaqueObject(t)
        , manager(std::move(m))
        , id(i)
    {
    }
    Ref<ManagerObject> manager;
    std::int64_t id;
    Interpreter *in = nullptr;

    Value call(const char *method, std::vector<Value> args) { return roundTrip(*in, *manager, id, method, std::move(args)); }
    bool getItem(const Value &key, Value &out) override
    {
        out = call("__getitem__", { key });
        return true;
    }
    bool setItem(const Value &key, const Value &value) override
    {
        call("__setitem__", { key, value });
        return true;
    }
    bool delItem(const Value &key) override
    {
        call("__delitem__", { key });
        return true;
    }
    bool contains(const Value &key, bool &found) override
    {
        found = truthy(call("__contains__", { key }));
        return true;
    }
    bool length(std::int64_t &n) override
    {
        n = call("__len__", {}).asInt();
        return true;
    }
    bool items(std::vector<Value> &out) override
    {
        out = toVector(call("_getvalue", {}));
        return true;
    }
    bool text(std::string &out) override
    {
        out = str(call("__str__", {}));
        return true;
    }
    Value getAttribute(Interpreter &, const std::string &name) override
    {
        if (name == "value" && type->name == "ValueProxy")
            return call("get_value", {});
        return Value();
    }
    bool setAttribute(Interpreter &, const std::string &name, const Value &value) override
    {
        if (name == "value" && type->name == "ValueProxy") {
            call("set_value", { value });
            return true;
        }
        return false;
    }
};

Value proxyCall(Interpreter &in, const Value &self, const char *method, CallArgs &args)
{
    auto &p = *static_cast<ProxyObject *>(self.obj());
    Value kwargs = newDict();
    if (args.keywords)
        for (const auto &[k, v] : *args.keywords)
            kwargs.as<DictObject>()->table.insert(newStr(k), v);
    return roundTrip(in, *p.manager, p.id, method, std::vector<Value>(args.pos, args.pos + args.count), kwargs);
}

#define IPCLAB_PROXY_METHOD(name)                                                                                                                              \
    Value proxy_##name(Interpreter &in, const Value &self, CallArgs &args)                                                                                     \
    {                                                                                                                                                          \
        return proxyCall(in, self, #name, args);                                                                                                               \
    }
IPCLAB_PROXY_METHOD(get)
IPCLAB_PROXY_METHOD(keys)
IPCLAB_PROXY_METHOD(values)
IPCLAB_PROXY_METHOD(items)
IPCLAB_PROXY_METHOD(pop)
IPCLAB_PROXY_METHOD(popitem)
IPCLAB_PROXY_METHOD(update)
IPCLAB_PROXY_METHOD(setdefault)
IPCLAB_PROXY_METHOD(clear)
IPCLAB_PROXY_METHOD(copy)
IPCLAB_PROXY_METHOD(append)
IPCLAB_PROXY_METHOD(extend)
IPCLAB_PROXY_METHOD(insert)
IPCLAB_PROXY_METHOD(remove)
IPCLAB_PROXY_METHOD(index)
IPCLAB_PROXY_METHOD(count)
IPCLAB_PROXY_METHOD(sort)
IPCLAB_PROXY_METHOD(reverse)
IPCLAB_PROXY_METHOD(acquire)
IPCLAB_PROXY_METHOD(release)
IPCLAB_PROXY_METHOD(set)
IPCLAB_PROXY_METHOD(is_set)
IPCLAB_PROXY_METHOD(wait)
IPCLAB_PROXY_METHOD(notify)
IPCLAB_PROXY_METHOD(notify_all)
IPCLAB_PROXY_METHOD(put)
IPCLAB_PROXY_METHOD(put_nowait)
IPCLAB_PROXY_METHOD(get_nowait)
IPCLAB_PROXY_METHOD(qsize)
IPCLAB_PROXY_METHOD(empty)
IPCLAB_PROXY_METHOD(full)
IPCLAB_PROXY_METHOD(task_done)
IPCLAB_PROXY_METHOD(join)
#undef IPCLAB_PROXY_METHOD

Value proxyEnter(Interpreter &in, const Value &self, CallArgs &args)
{
    return proxyCall(in, self, "acquire", args);
}

Value proxyExit(Interpreter &in, const Value &self, CallArgs &)
{
    CallArgs none;
    return proxyCall(in, self, "release", none);
}

TypeObject *proxyType(const std::string &typeId)
{
    static auto &types_ = *new std::map<std::string, TypeObject *>(); // immortal, like the types in it
    auto it = types_.find(typeId);
    if (it != types_.end())
        return it->second;
    const std::string name = typeId == "dict"                                                              ? "DictProxy"
        : typeId == "list"                                                                                 ? "ListProxy"
        : typeId == "Value"                                                                                ? "ValueProxy"
        : (typeId == "Lock" || typeId == "RLock" || typeId == "Semaphore" || typeId == "BoundedSemaphore") ? "AcquirerProxy"
        : typeId == "Event"                                                                                ? "EventProxy"
        : typeId == "Condition"                                                                            ? "ConditionProxy"
                                                                                                           : "AutoProxy[" + typeId + "]";
    auto *t = new TypeObject(name, types().object);
    incref(t);
    auto &m = t->methods;
    if (typeId == "dict") {
        m["get"] = proxy_get;
        m["keys"] = proxy_keys;
        m["values"] = proxy_values;
        m["items"] = proxy_items;
        m["pop"] = proxy_pop;
        m["popitem"] = proxy_popitem;
        m["update"] = proxy_update;
        m["setdefault"] = proxy_setdefault;
        m["clear"] = proxy_clear;
        m["copy"] = proxy_copy;
    } else if (typeId == "list") {
        m["append"] = proxy_append;
        m["extend"] = proxy_extend;
        m["insert"] = proxy_insert;
        m["pop"] = proxy_pop;
        m["remove"] = proxy_remove;
        m["index"] = proxy_index;
        m["count"] = proxy_count;
        m["sort"] = proxy_sort;
        m["reverse"] = proxy_reverse;
    } else if (name == "AcquirerProxy" || typeId == "Condition") {
        m["acquire"] = proxy_acquire;
        m["release"] = proxy_release;
        m["__enter__"] = proxyEnter;
        m["__exit__"] = proxyExit;
        if (typeId == "Condition") {
            m["wait"] = proxy_wait;
            m["notify"] = proxy_notify;
            m["notify_all"] = proxy_notify_all;
        }
    } else if (typeId == "Event") {
        m["set"] = proxy_set;
        m["clear"] = proxy_clear;
        m["is_set"] = proxy_is_set;
        m["wait"] = proxy_wait;
    } else if (typeId == "Queue" || typeId == "JoinableQueue") {
        m["put"] = proxy_put;
        m["get"] = proxy_get;
        m["put_nowait"] = proxy_put_nowait;
        m["get_nowait"] = proxy_get_nowait;
        m["qsize"] = proxy_qsize;
        m["empty"] = proxy_empty;
        m["full"] = proxy_full;
        m["task_done"] = proxy_task_done;
        m["join"] = proxy_join;
    }
    types_.emplace(typeId, t);
    return t;
}

Value makeProxy(Interpreter &in, const Value &managerValue, const std::string &typeId, CallArgs &args)
{
    auto *m = static_cast<ManagerObject *>(managerValue.obj());
    const Value id = roundTrip(in, *m, 0, "create", { newStr(typeId), newTuple(std::vector<Value>(args.pos, args.pos + args.count)) });
    auto *p = new ProxyObject(proxyType(typeId), Ref<ManagerObject>(m), id.asInt());
    p->in = &in;
    return Value::object(p);
}

#define IPCLAB_MANAGER_FACTORY(fnName, typeId)                                                                                                                 \
    Value fnName(Interpreter &in, const Value &self, CallArgs &args)                                                                                           \
    {                                                                                                                                                          \
        return makeProxy(in, self, typeId, args);                                                                                                              \
    }
IPCLAB_MANAGER_FACTORY(managerDict, "dict")
IPCLAB_MANAGER_FACTORY(managerList, "list")
IPCLAB_MANAGER_FACTORY(managerLock, "Lock")
IPCLAB_MANAGER_FACTORY(managerRLock, "RLock")
IPCLAB_MANAGER_FACTORY(managerSemaphore, "Semaphore")
IPCLAB_MANAGER_FACTORY(managerBoundedSemaphore, "BoundedSemaphore")
IPCLAB_MANAGER_FACTORY(managerEvent, "Event")
IPCLAB_MANAGER_FACTORY(managerCondition, "Condition")
IPCLAB_MANAGER_FACTORY(managerQueue, "Queue")
IPCLAB_MANAGER_FACTORY(managerJoinableQueue, "JoinableQueue")
IPCLAB_MANAGER_FACTORY(managerValue, "Value")
#undef IPCLAB_MANAGER_FACTORY

void stopServer(ManagerObject &m)
{
    if (m.shutDown || m.ownerPid != ::getpid())
        return;
    try {
        // The interpreter may be gone at exit: send the request without unpickling the reply.
        const int fd = connectionFor(m);
        writeMessage(fd, pickleDumps(newTuple({ Value::integer(0), newStr("shutdown"), newTuple(), newDict() })));
        std::string ignored;
        readMessage(fd, ignored);
    } catch (PyException &) {
    }
    m.shutDown = true;
    int status = 0;
    pid_t reaped;
    {
        WithoutInterpreterLock unlocked;
        while ((reaped = ::waitpid(m.serverPid, &status, 0)) < 0 && errno == EINTR) { }
    }
    // Once reaped, only this event tells the orchestrator how the server ended (a SIGKILL
    // from outside is the diagnosis, not the BrokenPipeError its users saw).
    if (reaped == m.serverPid)
        trace::emit("process.reaped", trace::Phase::Instant, 0,
            { trace::arg("child", static_cast<int>(reaped)), trace::arg("exitcode", WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status)) });
}

Value managerShutdown(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "shutdown", 0, 0);
    stopServer(*static_cast<ManagerObject *>(self.obj()));
    return Value::none();
}

Value managerEnter(Interpreter &, const Value &self, CallArgs &)
{
    return self;
}

Value managerExit(Interpreter &, const Value &self, CallArgs &)
{
    stopServer(*static_cast<ManagerObject *>(self.obj()));
    return Value::none();
}

TypeObject *managerType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("SyncManager", types().object);
        incref(t);
        auto &m = t->methods;
        m["dict"] = managerDict;
        m["list"] = managerList;
        m["Lock"] = managerLock;
        m["RLock"] = managerRLock;
        m["Semaphore"] = managerSemaphore;
        m["BoundedSemaphore"] = managerBoundedSemaphore;
        m["Event"] = managerEvent;
        m["Condition"] = managerCondition;
        m["Queue"] = managerQueue;
        m["JoinableQueue"] = managerJoinableQueue;
        m["Value"] = managerValue;
        m["shutdown"] = managerShutdown;
        m["__enter__"] = managerEnter;
        m["__exit__"] = managerExit;
        return t;
    }();
    return type;
}

} // namespace

Value startManager(Interpreter &in)
{
    static int counter = 0;
    std::random_device random;
    std::string address(1, '\0');
    address += "ipclab-manager-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + "-" + std::to_string(random());
    const int listenFd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listenFd < 0)
        raiseOSError(errno);
    UniqueFd listener(listenFd);
    sockaddr_un addr {};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, address.data(), address.size());
    if (::bind(listenFd, reinterpret_cast<sockaddr *>(&addr), static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + address.size())) != 0
        || ::listen(listenFd, 64) != 0)
        raiseOSError(errno);
    static int managerNumber = 0;
    const std::string serverName = "SyncManager-" + std::to_string(++managerNumber);
    reserveRunProcess();
    const pid_t pid = forkScenarioProcess(in);
    if (pid == 0) {
        interrupt::ignore(); // as CPython's server: Ctrl+C is for the processes that use it
        trace::emit("process.run", trace::Phase::Instant, 0,
            { trace::arg("name", serverName), trace::arg("ppid", static_cast<int>(::getppid())), trace::arg("thread", "MainThread"),
                trace::arg("role", "manager") });
        runServer(in, listenFd);
    }
    Ref<ManagerObject> m = make<ManagerObject>(managerType());
    m->address = address;
    m->serverPid = pid;
    m->ownerPid = ::getpid();
    m->connectionsPid = ::getpid();
    liveManagers().push_back(m.get());
    trace::emit("manager.start", trace::Phase::Instant, m->traceId, { trace::arg("server", static_cast<int>(pid)), trace::arg("name", serverName) });
    incref(m.get()); // kept until shutdown at exit
    return m.value();
}

Value proxyPersistentId(const Value &v)
{
    if (!v.isKind(ObjKind::Opaque))
        return Value();
    auto *p = dynamic_cast<ProxyObject *>(v.as<OpaqueObject>());
    if (!p)
        return Value();
    for (const char *typeId : { "dict", "list", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Event", "Condition", "Queue", "JoinableQueue", "Value" })
        if (proxyType(typeId) == p->type)
            return newTuple({ newStr("proxy"), newBytes(p->manager->address), Value::integer(p->id), newStr(typeId),
                Value::integer(static_cast<std::int64_t>(p->manager->serverPid)) });
    return Value();
}

Value rebuildProxy(Interpreter &in, const Value &id)
{
    const auto &items = id.as<TupleObject>()->items;
    const std::string &address = items.at(1).as<BytesObject>()->data;
    Ref<ManagerObject> manager;
    for (ManagerObject *m : liveManagers())
        if (m->address == address)
            manager = Ref<ManagerObject>(m);
    if (!manager) {
        // A manager started after this process was forked: a client of its server, never its owner.
        manager = make<ManagerObject>(managerType());
        manager->address = address;
        manager->serverPid = static_cast<pid_t>(items.at(4).asInt());
        manager->connectionsPid = trace::selfPid();
    }
    auto *p = new ProxyObject(proxyType(str(items.at(3))), manager, items.at(2).asInt());
    p->in = &in;
    return Value::object(p);
}

void shutdownManagers()
{
    auto managers = std::move(liveManagers());
    liveManagers().clear();
    for (ManagerObject *m : managers) {
        stopServer(*m);
        decref(m);
    }
}

} // namespace ipclab::ipc
