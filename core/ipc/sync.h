#pragma once
// Lock, RLock, Semaphore, BoundedSemaphore, Event and Condition state in a
// mapping of their own: shared (MAP_SHARED, process-shared robust pthread
// objects) for `multiprocessing`, private for `threading`, so a fork shares
// the former and copies the latter exactly as CPython's primitives behave.
// Waiting releases the interpreter lock.

#include "objects.h"
#include "trace.h"

#include <cstdint>
#include <pthread.h>
#include <sys/types.h>

namespace ipclab::ipc {

struct SyncState {
    pthread_mutex_t mutex;
    pthread_cond_t changed;
    std::int64_t value; // semaphore count; for locks 1 = free, 0 = held
    std::int64_t maxValue; // BoundedSemaphore's bound, or -1
    std::int64_t ownerPid; // lock owner (0 = none)
    std::int64_t ownerThread;
    std::int64_t recursion; // RLock depth
    std::int64_t generation; // bumped by notify, for Condition waits
};

/// The shared part of every primitive: a mapping with a SyncState, unmapped on destruction.
class SyncCell {
public:
    SyncCell(bool processShared, std::int64_t initialValue, std::int64_t maxValue);
    /// Maps a shared cell another process created (handed over as a memfd to a spawned child).
    explicit SyncCell(int sharedFd);
    ~SyncCell();
    SyncCell(const SyncCell &) = delete;
    SyncCell &operator=(const SyncCell &) = delete;
    SyncState &state() { return *m_state; }
    bool processShared() const { return m_shared; }
    /// The memfd behind a shared cell (-1 for a private one).
    int fd() const { return m_fd; }

    /// Locks the internal mutex, recovering it (EOWNERDEAD) if a process died inside.
    void lockInternal();
    void unlockInternal() { pthread_mutex_unlock(&m_state->mutex); }
    /// Waits for a change; timeout < 0 waits forever. Returns false on timeout.
    bool waitChange(double deadline);

private:
    SyncState *m_state = nullptr;
    bool m_shared;
    int m_fd = -1;
};

/// Absolute CLOCK_MONOTONIC deadline for a relative timeout (< 0: none).
double deadlineAfter(double timeoutSeconds);

enum class SyncKind { Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition };
const char *syncKindName(SyncKind kind);

struct SyncObject final : lang::OpaqueObject {
    SyncObject(lang::TypeObject *type, SyncKind kind, bool processShared, std::int64_t value, trace::ObjectId owner = 0);
    /// The same primitive in a spawned child: its cell arrives as a memfd.
    SyncObject(SyncKind kind, int sharedFd, trace::ObjectId traceId);
    SyncKind kind;
    SyncCell cell;
    lang::Value conditionLock; // Condition: the lock it wraps
    trace::ObjectId traceId;
    std::uint64_t traceObject() const override { return traceId; }
    lang::Value getAttribute(lang::Interpreter &, const std::string &name) override;
    /// CPython's repr: <unlocked _thread.lock object at 0x…>, <Lock(owner=None)>, …
    bool text(std::string &out) override;

    /// Lock/RLock/Semaphore acquire; returns false on timeout or when non-blocking and busy.
    bool acquire(bool blocking, double timeoutSeconds);
    void release();
};

/// The type objects; `processShared` selects the multiprocessing flavour.
lang::TypeObject *syncType(SyncKind kind, bool processShared);
/// `owner`: the queue whose inner lock or slot semaphore this is, so a reader never takes it
/// for one of the lesson's own locks, even before the queue's own event.
lang::Value makeSync(SyncKind kind, bool processShared, std::int64_t value, trace::ObjectId owner = 0);

/// The calling thread's id as threading.get_ident() reports it.
std::int64_t currentThreadId();

} // namespace ipclab::ipc
