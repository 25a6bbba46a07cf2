#include "sync.h"

#include "errors.h"
#include "gil.h"
#include "interpreter.h"
#include "native.h"
#include "process.h"

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ipclab::ipc {

using namespace lang;

namespace {

double monotonicNow()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

bool isProcessAlive(std::int64_t pid)
{
    return pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
}

} // namespace

std::int64_t currentThreadId()
{
    return trace::selfTid();
}

double deadlineAfter(double timeoutSeconds)
{
    return timeoutSeconds < 0 ? -1.0 : monotonicNow() + timeoutSeconds;
}

SyncCell::SyncCell(bool processShared, std::int64_t initialValue, std::int64_t maxValue)
    : m_shared(processShared)
{
    void *p;
    if (processShared) {
        // A memfd rather than an anonymous mapping: forked children share it either way, and
        // a spawned child (a new program) can map it too when it is handed the fd.
        m_fd = ::memfd_create("ipclab-sync", MFD_CLOEXEC);
        if (m_fd < 0 || ::ftruncate(m_fd, sizeof(SyncState)) != 0)
            raiseOSError(errno);
        p = ::mmap(nullptr, sizeof(SyncState), PROT_READ | PROT_WRITE, MAP_SHARED, m_fd, 0);
    } else {
        p = ::mmap(nullptr, sizeof(SyncState), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }
    if (p == MAP_FAILED) {
        const int err = errno;
        if (m_fd >= 0)
            ::close(m_fd);
        raiseOSError(err);
    }
    m_state = static_cast<SyncState *>(p);
    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    if (processShared) {
        pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
        pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
    }
    pthread_mutex_init(&m_state->mutex, &ma);
    pthread_mutexattr_destroy(&ma);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    if (processShared)
        pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
    pthread_cond_init(&m_state->changed, &ca);
    pthread_condattr_destroy(&ca);
    m_state->value = initialValue;
    m_state->maxValue = maxValue;
    m_state->ownerPid = 0;
    m_state->ownerThread = 0;
    m_state->recursion = 0;
    m_state->generation = 0;
}

SyncCell::SyncCell(int sharedFd)
    : m_shared(true)
    , m_fd(sharedFd)
{
    void *p = ::mmap(nullptr, sizeof(SyncState), PROT_READ | PROT_WRITE, MAP_SHARED, sharedFd, 0);
    if (p == MAP_FAILED)
        raiseOSError(errno);
    ::fcntl(sharedFd, F_SETFD, FD_CLOEXEC);
    m_state = static_cast<SyncState *>(p);
}

SyncCell::~SyncCell()
{
    // The pthread objects may still be used by another process: only unmap ours.
    if (m_state)
        ::munmap(m_state, sizeof(SyncState));
    if (m_fd >= 0)
        ::close(m_fd);
}

void SyncCell::lockInternal()
{
    const int r = pthread_mutex_lock(&m_state->mutex);
    if (r == EOWNERDEAD)
        pthread_mutex_consistent(&m_state->mutex); // a process died mid-update; the fields are still whole
}

bool SyncCell::waitChange(double deadline)
{
    // Wake at least every 100 ms so a lock whose holder died can be noticed.
    double until = monotonicNow() + 0.1;
    if (deadline >= 0 && deadline < until)
        until = deadline;
    timespec ts {};
    ts.tv_sec = static_cast<time_t>(until);
    ts.tv_nsec = static_cast<long>((until - std::floor(until)) * 1e9);
    const int r = pthread_cond_timedwait(&m_state->changed, &m_state->mutex, &ts);
    if (r == EOWNERDEAD)
        pthread_mutex_consistent(&m_state->mutex);
    return !(deadline >= 0 && monotonicNow() >= deadline);
}

const char *syncKindName(SyncKind k)
{
    switch (k) {
    case SyncKind::Lock:
        return "Lock";
    case SyncKind::RLock:
        return "RLock";
    case SyncKind::Semaphore:
        return "Semaphore";
    case SyncKind::BoundedSemaphore:
        return "BoundedSemaphore";
    case SyncKind::Event:
        return "Event";
    case SyncKind::Condition:
        return "Condition";
    }
    return "?";
}

SyncObject::SyncObject(SyncKind k, int sharedFd, trace::ObjectId id)
    : OpaqueObject(syncType(k, true))
    , kind(k)
    , cell(sharedFd)
    , traceId(id)
{
}

SyncObject::SyncObject(TypeObject *type, SyncKind k, bool processShared, std::int64_t value, trace::ObjectId owner)
    : OpaqueObject(type)
    , kind(k)
    , cell(processShared, value, k == SyncKind::BoundedSemaphore ? value : -1)
    , traceId(trace::newObjectId())
{
    trace::emit("sync.create", trace::Phase::Instant, traceId,
        { trace::arg("kind", syncKindName(k)), trace::arg("value", value), trace::arg("max", cell.state().maxValue), trace::arg("shared", processShared),
            trace::arg("owner", static_cast<std::int64_t>(owner)) });
}

bool SyncObject::text(std::string &out)
{
    // As threading's and multiprocessing.synchronize's __repr__ word them.
    const SyncState &s = cell.state();
    char address[32];
    std::snprintf(address, sizeof address, "%p", static_cast<const void *>(this));
    const bool mine = s.ownerPid == trace::selfPid() && s.ownerThread == currentThreadId();
    std::string owner = "None";
    if (mine) {
        const auto *me = static_cast<const ProcessObject *>(currentProcess().obj());
        owner = me->name;
    } else if (s.value < 1 && s.ownerPid == trace::selfPid()) {
        owner = "SomeOtherThread";
    } else if (s.value < 1) {
        owner = "SomeOtherProcess";
    }
    const std::string value = std::to_string(s.value);
    if (!cell.processShared()) {
        switch (kind) {
        case SyncKind::Lock:
            out = std::string(s.value > 0 ? "<unlocked" : "<locked") + " _thread.lock object at " + address + ">";
            return true;
        case SyncKind::RLock:
            out = std::string(s.value > 0 ? "<unlocked" : "<locked") + " _thread.RLock object owner=" + std::to_string(s.value > 0 ? 0 : s.ownerThread)
                + " count=" + std::to_string(s.value > 0 ? 0 : s.recursion) + " at " + address + ">";
            return true;
        case SyncKind::Semaphore:
            out = std::string("<threading.Semaphore at ") + address + ": value=" + value + ">";
            return true;
        case SyncKind::BoundedSemaphore:
            out = std::string("<threading.BoundedSemaphore at ") + address + ": value=" + value + "/" + std::to_string(s.maxValue) + ">";
            return true;
        case SyncKind::Event:
            out = std::string("<threading.Event at ") + address + ": " + (s.value ? "set" : "unset") + ">";
            return true;
        case SyncKind::Condition:
            return false;
        }
    }
    switch (kind) {
    case SyncKind::Lock:
        out = "<Lock(owner=" + owner + ")>";
        return true;
    case SyncKind::RLock:
        out = "<RLock(" + owner + ", " + std::to_string(s.value > 0 ? 0 : s.recursion) + ")>";
        return true;
    case SyncKind::Semaphore:
        out = "<Semaphore(value=" + value + ")>";
        return true;
    case SyncKind::BoundedSemaphore:
        out = "<BoundedSemaphore(value=" + value + ", maxvalue=" + std::to_string(s.maxValue) + ")>";
        return true;
    case SyncKind::Event:
        out = std::string("<Event at ") + address + " " + (s.value ? "set" : "unset") + ">";
        return true;
    case SyncKind::Condition:
        return false;
    }
    return false;
}

bool SyncObject::acquire(bool blocking, double timeoutSeconds)
{
    const std::int64_t pid = trace::selfPid();
    const std::int64_t tid = currentThreadId();
    auto &s = cell.state();
    enum class Outcome { Taken, Busy, OwnerDied } outcome = Outcome::Taken;
    std::int64_t deadOwner = 0;
    std::int64_t valueAfter = 0, recursion = 0;
    trace::emit("sync.acquire", trace::Phase::Begin, traceId, { trace::arg("blocking", blocking), trace::arg("timeout", timeoutSeconds) });
    // Free now: take it without giving up the interpreter lock (the internal mutex is only
    // ever held for a few instructions), so an uncontended acquire costs no thread switch.
    cell.lockInternal();
    if (s.value > 0) {
        valueAfter = --s.value;
        s.ownerPid = pid;
        s.ownerThread = tid;
        s.recursion = 1;
        cell.unlockInternal();
        trace::emit("sync.acquire", trace::Phase::End, traceId, { trace::arg("value", valueAfter) });
        return true;
    }
    cell.unlockInternal();
    {
        WithoutInterpreterLock unlocked;
        cell.lockInternal();
        if (kind == SyncKind::RLock && s.value == 0 && s.ownerPid == pid && s.ownerThread == tid) {
            recursion = ++s.recursion;
            cell.unlockInternal();
            trace::emit("sync.acquire", trace::Phase::End, traceId, { trace::arg("value", 0), trace::arg("recursion", recursion) });
            return true;
        }
        const double deadline = blocking ? deadlineAfter(timeoutSeconds) : 0.0;
        while (s.value <= 0) {
            if (!blocking) {
                outcome = Outcome::Busy;
                break;
            }
            if ((kind == SyncKind::Lock || kind == SyncKind::RLock) && cell.processShared() && !isProcessAlive(s.ownerPid)) {
                deadOwner = s.ownerPid;
                outcome = Outcome::OwnerDied;
                break;
            }
            if (!cell.waitChange(deadline) && s.value <= 0) {
                outcome = Outcome::Busy;
                break;
            }
        }
        if (outcome == Outcome::Taken) {
            --s.value;
            s.ownerPid = pid;
            s.ownerThread = tid;
            s.recursion = 1;
        }
        valueAfter = s.value;
        cell.unlockInternal();
    }
    if (outcome == Outcome::OwnerDied) {
        trace::emit("sync.acquire", trace::Phase::Fail, traceId, { trace::arg("exc", "RuntimeError"), trace::arg("deadOwner", deadOwner) });
        raise(types().RuntimeError, "the process " + std::to_string(deadOwner) + " that held this lock died without releasing it");
    }
    if (outcome == Outcome::Busy)
        trace::emit("sync.acquire", trace::Phase::Fail, traceId, { trace::arg("value", valueAfter), trace::arg("timedOut", blocking) });
    else
        trace::emit("sync.acquire", trace::Phase::End, traceId, { trace::arg("value", valueAfter) });
    return outcome == Outcome::Taken;
}

void SyncObject::release()
{
    auto &s = cell.state();
    const bool shared = cell.processShared();
    cell.lockInternal();
    std::string error;
    TypeObject *errorType = types().ValueError;
    switch (kind) {
    case SyncKind::Lock:
        if (s.value > 0) {
            error = shared ? "semaphore or lock released too many times" : "release unlocked lock";
            errorType = shared ? types().ValueError : types().RuntimeError;
        }
        break;
    case SyncKind::RLock:
        if (s.value > 0 || s.ownerPid != trace::selfPid() || s.ownerThread != currentThreadId()) {
            error = shared ? "attempt to release recursive lock not owned by thread" : "cannot release un-acquired lock";
            errorType = shared ? types().AssertionError : types().RuntimeError;
        } else if (--s.recursion > 0) {
            const std::int64_t depth = s.recursion;
            cell.unlockInternal();
            trace::emit("sync.release", trace::Phase::Instant, traceId, { trace::arg("value", 0), trace::arg("recursion", depth) });
            return;
        }
        break;
    case SyncKind::BoundedSemaphore:
        if (s.value >= s.maxValue)
            error = shared ? "semaphore or lock released too many times" : "Semaphore released too many times";
        break;
    default:
        break;
    }
    if (!error.empty()) {
        cell.unlockInternal();
        raise(errorType, error);
    }
    const std::int64_t valueAfter = ++s.value;
    s.ownerPid = 0;
    s.ownerThread = 0;
    pthread_cond_broadcast(&s.changed);
    cell.unlockInternal();
    trace::emit("sync.release", trace::Phase::Instant, traceId, { trace::arg("value", valueAfter) });
}

Value SyncObject::getAttribute(Interpreter &, const std::string &)
{
    return Value();
}

namespace {

SyncObject &self(const Value &v)
{
    return *static_cast<SyncObject *>(v.obj());
}

bool isShared(const Value &v)
{
    return self(v).cell.processShared();
}

// threading: acquire(blocking=True, timeout=-1); multiprocessing: acquire(block=True, timeout=None).
Value syncAcquire(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "acquire", 0, 2);
    const bool shared = isShared(v);
    const bool blocking = truthy(argOrKeyword(args, 0, shared ? "block" : "blocking", Value::boolean(true)));
    const Value timeoutArg = argOrKeyword(args, 1, "timeout", shared ? Value::none() : Value::integer(-1));
    double timeout = timeoutArg.isNone() ? -1.0 : toFloat(timeoutArg, "timeout");
    if (!shared && !blocking && timeout != -1.0)
        raise(types().ValueError, "can't specify a timeout for a non-blocking call");
    if (!shared && timeout < 0 && timeout != -1.0)
        raise(types().ValueError, "timeout value must be a non-negative number");
    if (shared && timeout < 0 && !timeoutArg.isNone())
        timeout = 0;
    return Value::boolean(self(v).acquire(blocking, timeout));
}

Value syncRelease(Interpreter &, const Value &v, CallArgs &args)
{
    auto &s = self(v);
    if (s.kind == SyncKind::Semaphore || s.kind == SyncKind::BoundedSemaphore)
        checkArgCount(args, "release", 0, 1);
    else
        checkArgCount(args, "release", 0, 0);
    const std::int64_t n = args.count ? toInt(args[0], "release") : 1;
    if (n < 1)
        raise(types().ValueError, "n must be one or more");
    for (std::int64_t i = 0; i < n; ++i)
        s.release();
    return Value::none();
}

Value syncEnter(Interpreter &, const Value &v, CallArgs &)
{
    self(v).acquire(true, -1.0);
    return Value::boolean(true);
}

Value syncExit(Interpreter &, const Value &v, CallArgs &)
{
    self(v).release();
    return Value::none();
}

Value lockLocked(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "locked", 0, 0);
    auto &s = self(v);
    s.cell.lockInternal();
    const bool locked = s.cell.state().value <= 0;
    s.cell.unlockInternal();
    return Value::boolean(locked);
}

Value semaphoreGetValue(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "get_value", 0, 0);
    auto &s = self(v);
    s.cell.lockInternal();
    const std::int64_t value = s.cell.state().value;
    s.cell.unlockInternal();
    return Value::integer(value);
}

// --- Event: value 1 = set.

Value eventSet(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "set", 0, 0);
    auto &c = self(v).cell;
    c.lockInternal();
    c.state().value = 1;
    pthread_cond_broadcast(&c.state().changed);
    c.unlockInternal();
    trace::emit("event.set", trace::Phase::Instant, self(v).traceId);
    return Value::none();
}

Value eventClear(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "clear", 0, 0);
    auto &c = self(v).cell;
    c.lockInternal();
    c.state().value = 0;
    c.unlockInternal();
    trace::emit("event.clear", trace::Phase::Instant, self(v).traceId);
    return Value::none();
}

Value eventIsSet(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "is_set", 0, 0);
    auto &c = self(v).cell;
    c.lockInternal();
    const bool set = c.state().value != 0;
    c.unlockInternal();
    return Value::boolean(set);
}

Value eventWait(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "wait", 0, 1);
    const Value timeoutArg = argOrKeyword(args, 0, "timeout", Value::none());
    const double timeout = timeoutArg.isNone() ? -1.0 : std::max(0.0, toFloat(timeoutArg, "timeout"));
    auto &c = self(v).cell;
    bool set;
    trace::emit("event.wait", trace::Phase::Begin, self(v).traceId, { trace::arg("timeout", timeout) });
    {
        WithoutInterpreterLock unlocked;
        const double deadline = deadlineAfter(timeout);
        c.lockInternal();
        while (c.state().value == 0 && c.waitChange(deadline)) { }
        set = c.state().value != 0;
        c.unlockInternal();
    }
    trace::emit("event.wait", trace::Phase::End, self(v).traceId, { trace::arg("set", set) });
    return Value::boolean(set);
}

// --- Condition: value = waiters, recursion = wake-ups granted and not yet taken.

SyncObject &conditionLock(const Value &v)
{
    return self(self(v).conditionLock);
}

Value conditionAcquire(Interpreter &in, const Value &v, CallArgs &args)
{
    return syncAcquire(in, self(v).conditionLock, args);
}
Value conditionRelease(Interpreter &in, const Value &v, CallArgs &args)
{
    return syncRelease(in, self(v).conditionLock, args);
}
Value conditionEnter(Interpreter &in, const Value &v, CallArgs &args)
{
    return syncEnter(in, self(v).conditionLock, args);
}
Value conditionExit(Interpreter &in, const Value &v, CallArgs &args)
{
    return syncExit(in, self(v).conditionLock, args);
}

bool ownsLock(SyncObject &lock)
{
    lock.cell.lockInternal();
    const auto &s = lock.cell.state();
    const bool owned = s.value <= 0 && (lock.kind != SyncKind::RLock || (s.ownerPid == trace::selfPid() && s.ownerThread == currentThreadId()));
    lock.cell.unlockInternal();
    return owned;
}

Value conditionWait(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "wait", 0, 1);
    SyncObject &lock = conditionLock(v);
    if (!ownsLock(lock))
        raise(types().RuntimeError, "cannot wait on un-acquired lock");
    const Value timeoutArg = argOrKeyword(args, 0, "timeout", Value::none());
    const double timeout = timeoutArg.isNone() ? -1.0 : std::max(0.0, toFloat(timeoutArg, "timeout"));
    auto &c = self(v).cell;
    c.lockInternal();
    ++c.state().value;
    c.unlockInternal();
    // Release the lock fully (an RLock may be held several times), wait, then take it back as it was.
    lock.cell.lockInternal();
    const std::int64_t depth = lock.kind == SyncKind::RLock ? lock.cell.state().recursion : 1;
    lock.cell.state().recursion = 1;
    lock.cell.unlockInternal();
    lock.release();
    bool woken = false;
    trace::emit("condition.wait", trace::Phase::Begin, self(v).traceId, { trace::arg("timeout", timeout) });
    {
        WithoutInterpreterLock unlocked;
        const double deadline = deadlineAfter(timeout);
        c.lockInternal();
        while (c.state().recursion == 0 && c.waitChange(deadline)) { }
        if (c.state().recursion > 0) {
            --c.state().recursion;
            woken = true;
        }
        --c.state().value;
        c.unlockInternal();
    }
    trace::emit("condition.wait", trace::Phase::End, self(v).traceId, { trace::arg("woken", woken) });
    lock.acquire(true, -1.0);
    lock.cell.lockInternal();
    lock.cell.state().recursion = depth;
    lock.cell.unlockInternal();
    return Value::boolean(woken);
}

Value conditionNotify(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "notify", 0, 1);
    if (!ownsLock(conditionLock(v)))
        raise(types().RuntimeError, "cannot notify on un-acquired lock");
    const std::int64_t n = args.count ? toInt(args[0], "notify") : 1;
    auto &c = self(v).cell;
    c.lockInternal();
    auto &s = c.state();
    s.recursion = std::min(s.value, s.recursion + n);
    pthread_cond_broadcast(&s.changed);
    c.unlockInternal();
    trace::emit("condition.notify", trace::Phase::Instant, self(v).traceId, { trace::arg("n", n) });
    return Value::none();
}

Value conditionNotifyAll(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "notify_all", 0, 0);
    if (!ownsLock(conditionLock(v)))
        raise(types().RuntimeError, "cannot notify on un-acquired lock");
    auto &c = self(v).cell;
    c.lockInternal();
    c.state().recursion = c.state().value;
    pthread_cond_broadcast(&c.state().changed);
    c.unlockInternal();
    trace::emit("condition.notify", trace::Phase::Instant, self(v).traceId, { trace::arg("all", true) });
    return Value::none();
}

TypeObject *buildType(SyncKind kind, bool shared)
{
    static const char *const names[] = { "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Event", "Condition" };
    auto *t = new TypeObject(names[static_cast<int>(kind)], types().object);
    incref(t);
    t->construct = [](Interpreter &, const Value &typeValue, CallArgs &args) -> Value {
        const auto *type = typeValue.as<TypeObject>();
        for (int k = 0; k < 6; ++k)
            for (bool s : { false, true })
                if (syncType(static_cast<SyncKind>(k), s) == type) {
                    const auto kind = static_cast<SyncKind>(k);
                    if (kind == SyncKind::Semaphore || kind == SyncKind::BoundedSemaphore) {
                        checkArgCount(args, type->name.c_str(), 0, 1);
                        const std::int64_t value = toInt(argOrKeyword(args, 0, "value", Value::integer(1)), "value");
                        if (value < 0)
                            raise(types().ValueError, s ? "semaphore initial value must be >= 0" : "semaphore initial value must be >= 0");
                        return makeSync(kind, s, value);
                    }
                    if (kind == SyncKind::Condition) {
                        checkArgCount(args, "Condition", 0, 1);
                        Value lock = argOrKeyword(args, 0, "lock", Value::none());
                        Value cond = makeSync(kind, s, 0);
                        static_cast<SyncObject *>(cond.obj())->conditionLock = lock.isNone() ? makeSync(SyncKind::RLock, s, 1) : lock;
                        if (!static_cast<SyncObject *>(cond.obj())->conditionLock.isKind(ObjKind::Opaque))
                            raise(types().TypeError, "Condition() needs a Lock or RLock");
                        return cond;
                    }
                    checkArgCount(args, type->name.c_str(), 0, 0);
                    return makeSync(kind, s, kind == SyncKind::Event ? 0 : 1);
                }
        raise(types().TypeError, "unknown synchronisation type");
    };
    switch (kind) {
    case SyncKind::Lock:
    case SyncKind::RLock:
    case SyncKind::Semaphore:
    case SyncKind::BoundedSemaphore:
        t->methods["acquire"] = syncAcquire;
        t->methods["release"] = syncRelease;
        t->methods["__enter__"] = syncEnter;
        t->methods["__exit__"] = syncExit;
        if (kind == SyncKind::Lock && !shared)
            t->methods["locked"] = lockLocked;
        if (shared && (kind == SyncKind::Semaphore || kind == SyncKind::BoundedSemaphore))
            t->methods["get_value"] = semaphoreGetValue;
        break;
    case SyncKind::Event:
        t->methods["set"] = eventSet;
        t->methods["clear"] = eventClear;
        t->methods["is_set"] = eventIsSet;
        t->methods["wait"] = eventWait;
        break;
    case SyncKind::Condition:
        t->methods["acquire"] = conditionAcquire;
        t->methods["release"] = conditionRelease;
        t->methods["__enter__"] = conditionEnter;
        t->methods["__exit__"] = conditionExit;
        t->methods["wait"] = conditionWait;
        t->methods["notify"] = conditionNotify;
        t->methods["notify_all"] = conditionNotifyAll;
        break;
    }
    return t;
}

} // namespace

TypeObject *syncType(SyncKind kind, bool processShared)
{
    static TypeObject *table[6][2] = {};
    static const bool built = [] {
        for (int k = 0; k < 6; ++k)
            for (int s = 0; s < 2; ++s)
                table[k][s] = buildType(static_cast<SyncKind>(k), s == 1);
        return true;
    }();
    (void)built;
    return table[static_cast<int>(kind)][processShared ? 1 : 0];
}

Value makeSync(SyncKind kind, bool processShared, std::int64_t value, trace::ObjectId owner)
{
    return Value::object(new SyncObject(syncType(kind, processShared), kind, processShared, value, owner));
}

} // namespace ipclab::ipc
