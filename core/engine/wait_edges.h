#pragma once
// Who waits for what, as a graph: from every blocked call to the thing it waits on (a
// semaphore's slots, a lock, a pipe end, a FIFO, accept(), a Pool result, a Manager's
// reply, a process to join), and from there to whoever is to blame (the lock's holder, the
// processes that keep a write end open). The stage draws these edges; a cycle of them is a
// deadlock. Computed from the same RunWatch the words of the hang diagnosis come from.

#include "run_watch.h"

#include <QString>
#include <set>
#include <vector>

namespace ipclab::engine {

/// What a call waits on, as the stage draws it.
enum class WaitTarget {
    Slots, ///< a Queue's bounded semaphore: object is the queue
    QueuePipe, ///< get() on a Queue: object is the queue
    Lock, ///< a lock or a semaphore of its own (Lock, RLock, Semaphore, Event, Condition)
    PipeEnd, ///< recv()/send() on a Pipe end: object is the end waited on
    Fifo,
    Socket,
    Pool,
    Manager, ///< a proxy's round trip: object is the server's pid
    Process, ///< join(): object is the child's pid
    Thread, ///< Thread.join(): object is the thread's tid, 0 when unknown
    Other, ///< something the stage has no box for (time.sleep, a thread queue)
};

struct WaitEdge {
    int pid = 0, tid = 0; ///< the waiting thread
    QString op; ///< its innermost blocking call
    quint64 callObject = 0; ///< the object of that call (a queue's semaphore, a pipe end)
    int line = 0;
    WaitTarget target = WaitTarget::Other;
    quint64 object = 0;
    /// Who keeps it waiting: a lock's holder, the processes holding the other end open.
    /// The waiting process itself can be among them (its own forgotten copy).
    std::set<int> culpritPids;
    int culpritTid = 0; ///< the thread that holds the lock
};

/// Every blocked call of the state, as an edge.
std::vector<WaitEdge> waitEdges(const RunWatch &state);
/// The threads on a wait-for cycle (each waits for a lock another on the cycle holds), in
/// cycle order; empty when there is none.
std::vector<int> deadlockCycle(const std::vector<WaitEdge> &edges);
/// "a deadlock: Process-1 holds lock_a and waits for lock_b; Process-2 holds lock_b and waits for lock_a".
QString deadlockSentence(const RunWatch &state, const std::vector<int> &cycle);
/// One short sentence for a banner: "receiver.recv() would wait forever: sender is still
/// open in MainProcess". Translated (context "WaitText").
QString foreverSentence(const RunWatch &state, const WaitEdge &edge);

} // namespace ipclab::engine
