#pragma once
// The interpreter lock: like CPython's GIL, one thread at a time runs scenario
// code and touches values (their reference counts are not atomic). Blocking
// calls release it; the running thread hands it over every few statements
// when another thread waits, in arrival order.

namespace ipclab::lang {

class InterpreterLock {
public:
    static void acquire();
    static void release();
    /// Gives the lock to a waiting thread, if any, and takes it back afterwards.
    static void yieldIfWaited();
    /// In a forked child only the forking thread survives: it holds the lock, nobody waits.
    static void resetAfterFork();
};

/// The interpreter lock as a BasicLockable, so std::condition_variable_any can wait on
/// it: state guarded by the interpreter lock needs no second mutex.
struct InterpreterLockable {
    void lock() { InterpreterLock::acquire(); }
    void unlock() { InterpreterLock::release(); }
};

/// Releases the interpreter lock for the duration of a blocking call.
class WithoutInterpreterLock {
public:
    WithoutInterpreterLock() { InterpreterLock::release(); }
    ~WithoutInterpreterLock() { InterpreterLock::acquire(); }
    WithoutInterpreterLock(const WithoutInterpreterLock &) = delete;
    WithoutInterpreterLock &operator=(const WithoutInterpreterLock &) = delete;
};

} // namespace ipclab::lang
