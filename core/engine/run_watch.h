#pragma once
// What the orchestrator knows about a run while it happens, folded from its
// trace events: the processes and threads, the call each thread is inside,
// who holds which pipe end, who owns which lock. From that it can say why
// a run that stopped moving is stuck.

#include "operation_words.h" // callName(): how a traced call reads in a sentence
#include "run_watch_shared.h"
#include "trace_event.h"

#include <QHash>
#include <QJsonValue>
#include <QStringList>

#include <deque>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace ipclab::engine {

struct OpenCall {
    QString op;
    quint64 obj = 0;
    int line = 0;
    qint64 since = 0;
    TraceEvent begin; ///< the call's begin event, for its values
};

/// A variable as the variables trace last told it: its repr, or the traced object it refers to.
struct VariableValue {
    QString repr;
    quint64 object = 0; ///< a queue, a pipe end or a lock: the panel names it (`q`)
    bool operator==(const VariableValue &) const = default;
};
/// A repr as a student reads it: "<unlocked _thread.lock object>", without " at 0x7f…" (an
/// object's type and state say what it is; its address means nothing in a lesson).
QString withoutAddresses(QString repr);
/// A value of a variables event: a repr (a JSON string) or a reference ({"object": id}).
VariableValue variableValue(const QJsonValue &json);
/// Names and values in the order the names first got a value.
using Variables = std::vector<std::pair<QString, VariableValue>>;

/// One function frame of a thread, as far as the variables trace has told it.
struct FrameVariables {
    QString function;
    Variables locals;
};

struct ProcessInfo {
    int pid = 0;
    int ppid = 0;
    QString name;
    QString role; ///< "manager" for a Manager's server
    bool exitReported = false; ///< the process said it was exiting (a clean end)
    bool signalRequested = false; ///< the scenario itself sent it a signal (terminate/kill)
    bool gone = false; ///< no longer running
    std::optional<int> exitcode; ///< CPython's convention: < 0 is -signal
    qint64 started = 0, ended = 0;
    Variables globals; ///< the module's globals in this process (variables-traced runs)
};

/// A thread of a live run held at a gate: it can be stepped.
struct GateWait {
    int slot = -1; ///< its slot on the gate board
    qint64 arrival = 0; ///< how many gates this thread has reached, this one included
    QString point; ///< statement, proxy.call, queue.buffer, feeder.write
    QString detail; ///< e.g. the proxy call about to be made: __setitem__('n', 4)
    int line = 0;
    bool breakpoint = false; ///< it stopped the free run at a breakpoint
};

struct ThreadInfo {
    int pid = 0;
    int tid = 0;
    QString name;
    int ordinal = 1; ///< among this process's threads of the same name, in order of start
    bool exited = false;
    int line = 0; ///< the scenario line it last ran
    std::vector<OpenCall> calls; ///< innermost last
    std::optional<GateWait> gate; ///< a live run holds it here
    quint64 feederOf = 0; ///< the queue whose feeder this thread is
    std::vector<FrameVariables> frames; ///< its function frames, innermost last (variables-traced runs)
    std::set<QString> changedLocals, changedGlobals; ///< what its latest statement changed
};

/// A message on its way through a pipe: its value's short repr and its bytes on the wire.
struct InFlight {
    QString value;
    qint64 bytes = 0;
};

/// What a pipe's kernel buffer holds at most before a writer waits (Linux: 16 pages).
constexpr qint64 kPipeCapacity = 64 * 1024;

struct PipeEnd {
    quint64 id = 0;
    quint64 peer = 0;
    qint64 bytesInFlight = 0; ///< sent from this end, not yet received at the peer
    int messagesInFlight = 0;
    std::deque<InFlight> inFlight; ///< those messages, oldest first
    bool duplex = true;
    bool readable = true;
    bool writable = true;
    std::set<int> holders; ///< pids with this end open
};

struct SyncInfo {
    QString kind;
    qint64 value = 0;
    int ownerPid = 0;
    int ownerTid = 0;
};

struct QueueInfo {
    QString kind;
    qint64 maxsize = 0;
    quint64 readLock = 0, writeLock = 0, slotSemaphore = 0;
    std::map<int, std::deque<QString>> buffers; ///< per putting process: items waiting for its feeder
    int messagesInPipe = 0; ///< written by a feeder, not yet read
    qint64 bytesInPipe = 0;
    std::deque<InFlight> inPipe; ///< those messages, oldest first
    std::map<int, QString> feederHolds; ///< per process: the item its feeder took out of the buffer, not yet in the pipe
};

/// One blocked call, explained.
struct BlockedCall {
    int pid = 0;
    int tid = 0;
    QString op;
    int line = 0;
    QString text; ///< a sentence for people
};

class RunWatch {
public:
    void apply(const TraceEvent &event);
    /// Whether statements' variables are folded (the window's variables panel). The
    /// orchestrator's own watch, which looks for hangs, has no use for them and skips the cost.
    void setFoldsVariables(bool on) { m_foldsVariables = on; }

    const std::map<int, ProcessInfo> &processes() const { return m_processes; }
    ProcessInfo *process(int pid);
    const std::map<int, ThreadInfo> &threads() const { return m_threads; }
    const std::map<quint64, PipeEnd> &pipeEnds() const { return m_ends; }
    const std::map<quint64, SyncInfo> &syncs() const { return m_syncs; }
    const std::map<quint64, QueueInfo> &queues() const { return m_queues; }
    /// A Manager's shared objects as the server last showed them: (server pid, ref) -> repr.
    const std::map<std::pair<int, qint64>, QString> &managedObjects() const { return m_managed; }
    /// FIFOs, sockets, shared memory and pools (run_watch_shared.h).
    const SharedWatch &shared() const { return m_shared; }

    /// Marks a process as gone (seen dead by the orchestrator) and drops what it held.
    void markGone(int pid, std::optional<int> exitcode);
    /// Processes that ended without saying so and without the scenario asking for it
    /// (killed from outside, crashed), since the last call.
    std::vector<int> takeUnexpectedDeaths() { return std::exchange(m_unexpectedDeaths, {}); }
    /// What the lesson calls an object: the first Python name the run bound it to (`q`,
    /// `receiver`, `self.lock`), else its type and a short number ("Queue #2"); empty for
    /// an id no event introduced.
    QString objectLabel(quint64 obj) const;
    /// A variable's value for people: a repr, or the object it refers to ("Queue q").
    QString variableText(const VariableValue &value) const;
    /// The Python name alone, empty when the run never bound one.
    QString objectName(quint64 obj) const;
    /// A call as the lesson writes it: "q.put()", "receiver.recv()"; the bare call when the
    /// object has no name. A queue's inner lock or semaphore reads as the queue's call.
    QString callOn(const QString &op, quint64 obj) const;
    /// The queue a lock or semaphore belongs to (its read lock, write lock or slots), else 0.
    quint64 queueOfSync(quint64 sync) const;
    /// "Process-1 (pid 123)", or "pid 123" for one not yet introduced.
    QString describeProcess(int pid) const;
    /// True while some thread sleeps or waits in a call with a timeout: it will go on
    /// by itself, so the run is paused, not hung (docs/trace-format.md).
    bool someoneWaitsWithTimeout() const;
    /// True while a live run holds some thread at a gate (waiting for a step, not a hang).
    bool someoneAtGate() const;
    /// A thread's name that survives re-running the scenario (pids change, names don't):
    /// "Process-1/MainThread", "MainProcess/QueueFeederThread#2". A schedule is made of these.
    QString threadKey(const ThreadInfo &thread) const;
    /// Children started (process.start ended) that have not said they run yet.
    const std::set<int> &startingChildren() const { return m_startingChildren; }
    /// Such a child's name and the process that started it (whose open ends it inherited).
    struct StartingChild {
        QString name;
        int parent = 0;
    };
    const std::map<int, StartingChild> &startingNames() const { return m_starting; }
    /// The live thread with that key, if any.
    const ThreadInfo *threadByKey(const QString &key) const;
    /// The innermost blocking call of every live thread that is inside one; idle helpers
    /// (a feeder with nothing to send, a manager waiting for requests) are not blocked.
    std::vector<BlockedCall> blockedCalls(const QStringList &sourceLines) const;
    /// The call a thread is blocked in, if it is: live, not at a gate, not an idle helper.
    const OpenCall *innermostBlocking(const ThreadInfo &t) const;

private:
    void nameThread(ThreadInfo &thread, const QString &name);
    void foldVariables(ThreadInfo &thread, const TraceEvent &e);
    QString holdersText(const std::set<int> &pids) const;
    QString lineText(int line, const QStringList &sourceLines) const;
    QString explain(const ThreadInfo &thread, const OpenCall &call, const QStringList &sourceLines) const;

    std::map<int, ProcessInfo> m_processes;
    std::map<int, ThreadInfo> m_threads;
    std::map<quint64, PipeEnd> m_ends;
    std::map<quint64, SyncInfo> m_syncs;
    std::map<quint64, QueueInfo> m_queues;
    std::map<quint64, quint64> m_syncOfQueue; ///< read/write lock or slots -> its queue
    std::vector<std::pair<quint64, QString>> m_created; ///< every object with its Python type, in creation order
    bool m_foldsVariables = true;
    std::map<quint64, QString> m_names; ///< the first name each object was bound to
    std::vector<int> m_unexpectedDeaths;
    std::set<int> m_startingChildren;
    std::map<int, StartingChild> m_starting;
    std::map<std::pair<int, qint64>, QString> m_managed;
    SharedWatch m_shared;
};

} // namespace ipclab::engine
