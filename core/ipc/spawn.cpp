#include "spawn.h"

#include "run_registry.h"

#include "gate.h"

#include "connection.h"
#include "errors.h"
#include "fd.h"
#include "gil.h"
#include "interpreter.h"
#include "ipc_modules.h"
#include "mpqueue.h"
#include "pickle.h"
#include "picklehooks.h"
#include "sync.h"
#include "trace.h"

#include <boost/process/args.hpp>
#include <boost/process/child.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/extend.hpp>

#include <climits>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <map>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace bp = boost::process;

namespace ipclab::ipc {

using namespace lang;

namespace {

bool isSync(const Value &v, SyncObject *&out)
{
    if (!v.isKind(ObjKind::Opaque))
        return false;
    const TypeObject *t = v.as<OpaqueObject>()->type;
    for (SyncKind k : { SyncKind::Lock, SyncKind::RLock, SyncKind::Semaphore, SyncKind::BoundedSemaphore, SyncKind::Event, SyncKind::Condition })
        if (t == syncType(k, true)) {
            out = static_cast<SyncObject *>(v.obj());
            return true;
        }
    return false;
}

// What a spawned child cannot rebuild from a pickle alone: it gets the fds and their roles.
Value persistentIdFor(const Value &v, std::vector<int> &fds)
{
    if (v.isKind(ObjKind::Opaque) && v.as<OpaqueObject>()->type == connectionType()) {
        auto *c = static_cast<ConnectionObject *>(v.obj());
        if (!c->fd.valid())
            raise(types().OSError, "handle is closed");
        fds.push_back(c->fd.get());
        return newTuple({ newStr("conn"), Value::integer(c->fd.get()), Value::boolean(c->readable), Value::boolean(c->writable),
            Value::integer(static_cast<std::int64_t>(c->traceId)) });
    }
    SyncObject *s = nullptr;
    if (isSync(v, s)) {
        fds.push_back(s->cell.fd());
        return newTuple({ newStr("sync"), Value::integer(static_cast<int>(s->kind)), Value::integer(s->cell.fd()),
            Value::integer(static_cast<std::int64_t>(s->traceId)), s->conditionLock.isUndefined() ? Value::none() : s->conditionLock });
    }
    if (isQueue(v))
        return queueSpawnId(v, fds);
    return sharedValueSpawnId(v, fds); // Value and Array (shared_memory.cpp), else Undefined
}

int memfdWith(const std::string &text, const char *name)
{
    const int fd = ::memfd_create(name, MFD_CLOEXEC);
    if (fd < 0)
        raiseOSError(errno);
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            raiseOSError(err);
        }
        done += static_cast<std::size_t>(n);
    }
    ::lseek(fd, 0, SEEK_SET);
    return fd;
}

std::string selfExecutable()
{
    char path[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0)
        raiseOSError(errno);
    return std::string(path, static_cast<std::size_t>(n));
}

} // namespace

pid_t spawnProcess(Interpreter &in, ProcessObject &p)
{
    std::vector<int> fds;
    std::vector<Value> ids; // the pickler memoizes by address: ids must outlive the dump
    PickleHooks hooks = scenarioPickleHooks(in);
    hooks.persistentId = [&fds, &ids](const Value &v) {
        Value id = persistentIdFor(v, fds);
        if (!id.isUndefined())
            ids.push_back(id);
        return id;
    };
    std::vector<Value> identity;
    for (int part : p.identity)
        identity.push_back(Value::integer(part));
    // As CPython: the process object is pickled in the parent, so an unpicklable target
    // or argument fails here, in start().
    // A Process subclass travels as its class (by reference, as pickle names it) and the
    // attributes its __init__ set, which the child restores on a fresh object of that class.
    const Value cls = p.type->isUser ? p.userType : Value::none();
    const Value attributes = p.type->isUser ? p.attributes : Value::none();
    const std::string data
        = pickleDumps(newTuple({ newStr(p.name), newList(std::move(identity)), Value::boolean(p.daemon), p.target, p.args, p.kwargs, cls, attributes }), hooks);
    const int dataFd = memfdWith(data, "ipclab-process");
    const int sourceFd = memfdWith(in.program().source, "ipclab-scenario");
    fds.push_back(dataFd);
    fds.push_back(sourceFd);

    const int traceFd = trace::channelFd();
    std::vector<std::string> args { "--spawn-child", "--process-fd", std::to_string(dataFd), "--source-fd", std::to_string(sourceFd), "--name",
        in.program().fileName };
    if (traceFd >= 0) {
        args.insert(args.end(), { "--trace-fd", std::to_string(traceFd), "--trace-level", std::string(trace::levelName(trace::level())) });
        fds.push_back(traceFd);
    }
    if (sandbox::registryFd() >= 0) {
        args.insert(args.end(), { "--registry-fd", std::to_string(sandbox::registryFd()) });
        fds.push_back(sandbox::registryFd());
    }
    if (gate::boardFd() >= 0) {
        args.insert(args.end(), { "--gate-fd", std::to_string(gate::boardFd()) });
        fds.push_back(gate::boardFd());
    }
    args.push_back("--");
    for (std::size_t i = 1; i < in.argv().size(); ++i)
        args.push_back(in.argv()[i]);
    in.output().flush();
    std::fflush(stdout);
    std::fflush(stderr);
    trace::flushThread();
    std::error_code error;
    bp::child child;
    {
        WithoutInterpreterLock unlocked;
        child = bp::child(
            bp::exe = selfExecutable(), bp::args = args,
            bp::extend::on_exec_setup =
                [&fds](auto &) {
                    // Between fork and exec: only async-signal-safe calls. No parent-death
                    // signal (it would follow the thread that started the process): the
                    // orchestrator and the janitor end the run's process group.
                    for (int fd : fds)
                        ::fcntl(fd, F_SETFD, 0);
                },
            error);
    }
    ::close(dataFd);
    ::close(sourceFd);
    if (error)
        raise(types().OSError, "cannot start a spawned process: " + error.message());
    child.detach(); // reaped by ProcessObject like a forked child
    installMultiprocessingAtExit(in);
    return child.id();
}

int runSpawnedChild(Interpreter &in, int dataFd)
{
    std::string data;
    readToEnd(dataFd, data); // a short read fails to unpickle, and says so
    ::close(dataFd);
    // As CPython's spawn: the main module runs again under another name, so its functions
    // exist, and its `if __name__ == "__main__":` block does not run.
    const int code = in.runMain("__mp_main__");
    if (code != 0)
        return code;
    InterpreterLock::acquire();
    int exitCode = 1;
    try {
        std::map<std::string, Value> rebuilt; // one object per handed-over fd, however often it appears
        PickleHooks hooks = scenarioPickleHooks(in);
        hooks.persistentLoad = [&in, &rebuilt](const Value &id) -> Value {
            const auto &items = id.as<TupleObject>()->items;
            const std::string kind = str(items.at(0));
            const std::string key = kind + ":" + std::to_string(items.at(kind == "queue" ? 3 : kind == "conn" ? 1 : 2).asInt());
            if (auto it = rebuilt.find(key); it != rebuilt.end())
                return it->second;
            Value v;
            if (kind == "conn") {
                const int fd = static_cast<int>(items.at(1).asInt());
                ::fcntl(fd, F_SETFD, FD_CLOEXEC);
                auto *c = new ConnectionObject(fd, truthy(items.at(2)), truthy(items.at(3)));
                v = Value::object(c);
                c->traceId = static_cast<trace::ObjectId>(items.at(4).asInt());
            } else if (kind == "sync") {
                auto *s = new SyncObject(
                    static_cast<SyncKind>(items.at(1).asInt()), static_cast<int>(items.at(2).asInt()), static_cast<trace::ObjectId>(items.at(3).asInt()));
                v = Value::object(s);
                if (!items.at(4).isNone())
                    s->conditionLock = items.at(4);
            } else if (kind == "queue") {
                v = rebuildQueue(in, items);
            } else if (kind == "sharedctypes") {
                v = rebuildSharedValue(id);
            } else {
                raise(types().ValueError, "unknown handed-over object '" + kind + "'");
            }
            rebuilt.emplace(key, v);
            return v;
        };
        const Value process = pickleLoads(data, hooks);
        const auto &items = process.as<TupleObject>()->items;
        Ref<ProcessObject> me = make<ProcessObject>();
        me->name = str(items.at(0));
        for (const Value &part : toVector(items.at(1)))
            me->identity.push_back(static_cast<int>(part.asInt()));
        me->daemon = truthy(items.at(2));
        me->target = items.at(3);
        me->args = items.at(4);
        me->kwargs = items.at(5);
        if (items.at(6).isKind(ObjKind::Type)) {
            me->type = items.at(6).as<TypeObject>();
            me->userType = items.at(6);
            me->attributes = items.at(7);
        }
        exitCode = runChild(in, me);
    } catch (PyException &e) {
        in.output().flush();
        in.printTraceback(*e.exc, stderr);
    }
    trace::emit("process.exit", trace::Phase::Instant, 0, { trace::arg("exitcode", exitCode) });
    trace::flushAll();
    InterpreterLock::release();
    return exitCode;
}

} // namespace ipclab::ipc
