#pragma once
// multiprocessing.Process with the fork start method: start() is a real
// fork(), the child inherits the interpreter and every open pipe end.

#include "objects.h"

#include <sys/types.h>
#include <vector>

namespace ipclab::ipc {

struct ProcessObject final : lang::OpaqueObject {
    ProcessObject();
    lang::Value target, args, kwargs;
    std::string name;
    std::vector<int> identity; // (1, 2) for the second child of the first child
    bool daemon = false;
    pid_t pid = 0;
    bool started = false;
    bool reaped = false;
    int exitcode = 0; // valid once reaped: >= 0 exit status, < 0 -signal
    bool isMain = false;
    pid_t parentPid; // the process that made this object: CPython's _parent_pid
    lang::Value getAttribute(lang::Interpreter &, const std::string &name) override;
    bool setAttribute(lang::Interpreter &, const std::string &name, const lang::Value &value) override;
    /// CPython's repr: <Process name='Process-1' pid=7 parent=6 stopped exitcode=0>.
    bool text(std::string &out) override;
    /// Reaps without blocking; returns true once the child has exited.
    bool poll();
    /// Waits up to `timeoutSeconds` (< 0: forever) for the child.
    void wait(double timeoutSeconds);

private:
    void traceReaped() const;
    void waitUnlocked(double timeoutSeconds);
};

lang::TypeObject *processType();
lang::Value currentProcess();
lang::Value activeChildren();
/// fork() for the runtime: flushes output, and in the child resets the interpreter lock,
/// threads and queue feeders and asks to die with the parent. Returns fork()'s result.
pid_t forkScenarioProcess(lang::Interpreter &in);
/// Counts one more process of the run, or raises BlockingIOError past the run's limit.
void reserveRunProcess();

/// Registers (once per process) the exit steps of multiprocessing: close queue feeders,
/// join or terminate children, join feeders.
void installMultiprocessingAtExit(lang::Interpreter &in);

/// The body of a child process, forked or spawned: becomes `me`, runs its target, and does
/// multiprocessing's exit steps. Returns the exit code.
int runChild(lang::Interpreter &in, lang::Ref<ProcessObject> me);

enum class StartMethod { Fork, Spawn };
/// The start method, fixed from the first call on as CPython's context is.
StartMethod currentStartMethod();
/// multiprocessing.set_start_method: RuntimeError once fixed unless `force`.
void setStartMethod(const std::string &method, bool force);

/// Called at the end of every scenario process: joins non-daemonic children and
/// terminates daemonic ones, as multiprocessing's atexit handler does.
void finishChildren(lang::Interpreter &in);

} // namespace ipclab::ipc
