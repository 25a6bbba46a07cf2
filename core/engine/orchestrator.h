#pragma once
// Runs a scenario the way IPC Lab runs every scenario: the scenario's main
// process is an `ipclab-worker` started with Boost.Process in a process group
// of its own, with a trace pipe it and all its children inherit. The
// orchestrator reads the events, watches for a hang, a time limit and a
// worker that dies unexpectedly, and makes sure nothing of the run survives it.

#include "run_limits.h"
#include "run_watch.h"
#include "trace_event.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace ipclab::engine {

class LiveScheduler;

struct RunOptions {
    QString fileName; ///< as tracebacks and sys.argv[0] show it
    QByteArray source; ///< the text to run (checked by the caller)
    QStringList arguments; ///< sys.argv[1:]
    QString workerPath; ///< the ipclab-worker executable
    double hangSeconds = 3.0; ///< every process blocked this long, with no progress: a hang
    double timeLimitSeconds = 0.0; ///< 0: no limit
    bool traceStatements = false; ///< also one event per statement (the GUI's current line)
    bool traceVariables = false; ///< and, at each statement, the variables that changed (the GUI's variables panel)
    bool captureStdout = false; ///< keep what the run printed
    bool echoStdout = true; ///< and also print it (with captureStdout)
    /// A live run: every thread waits at its gates until this scheduler releases it
    /// (owned by the caller, outlives the run).
    LiveScheduler *live = nullptr;
    /// What the run may use (processes, memory, files, shared memory, output, events).
    sandbox::RunLimits limits;
    /// Ctrl+C presses so far (`ipclab run` counts SIGINT here). The first is passed on to
    /// the run's processes as a terminal would (KeyboardInterrupt); a second, or a run
    /// still going kInterruptGraceSeconds later, is stopped.
    const std::atomic<int> *interrupts = nullptr;
    /// Namespaces, Landlock and giving up root where the kernel allows; false: the
    /// interpreter's checks and the rlimits only.
    bool kernelSandbox = true;
};

enum class RunEnd { Finished, Hang, TimeLimit, Crashed, Stopped, FailedToStart };

struct ProcessResult {
    int pid = 0;
    QString name;
    QString role;
    std::optional<int> exitcode; ///< < 0: killed by that signal
};

struct RunResult {
    RunEnd end = RunEnd::Finished;
    int exitCode = 0; ///< what `ipclab run` exits with (docs/run-json.md)
    QByteArray stdoutText;
    QStringList diagnosis; ///< sentences: why it hung, what crashed, what failed to start
    std::vector<BlockedCall> blocked;
    std::vector<ProcessResult> processes;
    QString exceptionType, exceptionMessage; ///< the main process's uncaught exception
    int exceptionLine = 0;
    double durationSeconds = 0.0;
    qint64 eventCount = 0;
    QStringList protections; ///< the sandbox in effect, one phrase each
    qint64 droppedOutputBytes = 0; ///< stdout past the kept head and tail
};

/// Exit codes of a run that did not end by itself.
constexpr int kExitTimeLimit = 124;
constexpr int kExitHang = 125;
constexpr int kExitStopped = 130;
/// How long a run may take to end by itself after Ctrl+C (a call that cannot be interrupted).
constexpr double kInterruptGraceSeconds = 5.0;

class Orchestrator {
public:
    /// Sees every event (in arrival order) with its JSON line.
    using EventSink = std::function<void(const TraceEvent &, const QByteArray &line)>;

    RunResult run(const RunOptions &options, const EventSink &sink = {});
    /// Ends the run from another thread (the window's Stop button). Asked before the run has
    /// started (its thread not there yet), it ends the run as soon as it starts.
    void requestStop() { m_stop.store(true); }
    /// Forgets a stop asked for earlier, before the next run of the same orchestrator is started.
    void clearStop() { m_stop.store(false); }

private:
    std::atomic<bool> m_stop { false };
};

/// "SIGKILL" for 9.
QString signalName(int signal);
/// The run.start / run.end events the orchestrator adds around a run's own.
TraceEvent runStartEvent(const RunOptions &options);
TraceEvent runEndEvent(const RunResult &result);

} // namespace ipclab::engine
