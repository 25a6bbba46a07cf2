#pragma once
// threading.Thread: a real std::thread that runs scenario code under the
// interpreter lock, with its own value stack and frames.

#include "objects.h"

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace ipclab::ipc {

struct ThreadObject final : lang::OpaqueObject {
    ThreadObject();
    ~ThreadObject() override;
    lang::Value target, args, kwargs;
    std::string name;
    bool daemon = false;
    bool isMain = false;
    bool started = false;
    int number = 0; // the N of "Thread-N", taken once per object (a subclass's __init__ reuses it)
    std::int64_t ident = 0;
    std::thread thread;
    std::mutex stateMutex; // guards announced and finished, for threads without the interpreter lock
    std::condition_variable stateChanged;
    bool announced = false; ///< it has said in the trace that it runs (start() waits for it, as CPython's does)
    bool finished = false;
    lang::Value getAttribute(lang::Interpreter &, const std::string &name) override;
    /// CPython's repr: <Thread(Thread-1, started 1403...)>, with the class's own name.
    bool text(std::string &out) override;
    bool setAttribute(lang::Interpreter &, const std::string &name, const lang::Value &value) override;
};

lang::TypeObject *threadType();
/// Starts a native helper thread (the Queue feeder) that is listed like a user thread.
lang::Value currentThreadObject();
/// Waits for non-daemon threads at the end of a scenario process, as threading._shutdown does.
void joinNonDaemonThreads(lang::Interpreter &in);
/// In a forked child only the forking thread survives.
void forgetThreadsAfterFork();

} // namespace ipclab::ipc
