#pragma once
// Lost updates, found in a run's trace: two processes (or threads) read the same
// shared value, one writes, and the other then writes what it computed from its
// stale read, overwriting the first write without ever having seen it. The
// stage narrates the four steps ("Process-1 read 1 · Process-2 read 1 ·
// Process-1 wrote 2 · Process-2 wrote 2 → one update lost") and pauses on the
// lost write.
//
// What counts as a read and a write (docs/trace-format.md): on a Manager's
// shared object, the server's own `manager.handle` events, in the order the
// server ran them (the true order, whatever the clients' calls overlap), with
// `__getitem__`/`get`/`get_value` as reads and `__setitem__`/`update`/`set_value`
// as writes, each client told by its `client` pid; in shared memory (`Value`,
// `Array`), `shared.read` and `shared.write` of the same bytes.

#include "trace_event.h"

#include <QString>

#include <array>
#include <map>
#include <vector>

namespace ipclab::engine {

/// One of the four steps: a read or a write of the shared value, where the trace has it.
struct LostUpdateStep {
    int index = -1; ///< the event's index in the trace (in time order)
    int pid = 0; ///< the process that read or wrote
    QString who; ///< its name: "Process-1" (a thread other than the main one: "Process-1 Thread-1")
    QString value; ///< the value read or written, as Python's repr
    bool write = false;
};

struct LostUpdate {
    /// A's read, B's read, A's write, B's write: in the order they happened.
    std::array<LostUpdateStep, 4> steps;
    int lost = 1; ///< the updates B's write lost: the versions between the one it read and the one it overwrote
    /// The lost write: B's, which overwrote A's. The stage pauses on it.
    const LostUpdateStep &lostWrite() const { return steps[3]; }
};

/// The four steps in one line, in the window's language (QCoreApplication::translate, "LostUpdates").
QString narrate(const LostUpdate &update);

/// Folds events in trace order and collects the lost updates they show.
class LostUpdateDetector {
public:
    /// `index` is the event's place in the trace (events must come in time order).
    void apply(const TraceEvent &event, int index);
    const std::vector<LostUpdate> &found() const { return m_found; }

private:
    struct Access {
        int index = -1;
        int actor = 0;
        QString value;
    };
    // Each write makes a version of the cell from the version its writer read: its parent.
    // A write from a stale read drops the versions between the two, the updates it loses.
    struct Write {
        Access access;
        Access basedOn; ///< its writer's latest read before it (index -1: a blind write)
        int depth = 0; ///< writes in its line of versions: n after n increments from a blind write
    };
    struct Actor {
        std::map<QString, Access> lastRead; ///< cell -> its latest read by this actor
        std::map<QString, int> readVersion; ///< cell -> the write it read (its index in Cell::writes; -1: none yet)
        std::map<QString, int> lastWrite; ///< cell -> index of its latest write by this actor
        int pid = 0;
        QString who;
    };
    struct Cell {
        std::vector<Write> writes;
    };

    void read(const QString &cell, int actor, int index, const QString &value);
    void write(const QString &cell, int actor, int index, const QString &value);
    void managerCall(const TraceEvent &event, int index);
    Actor &actor(int id);
    QString nameOf(int pid, int tid) const;
    LostUpdateStep step(const Access &access, bool isWrite) const;

    std::map<int, QString> m_processNames; ///< pid -> "Process-1"
    std::map<int, int> m_mainThread; ///< pid -> the tid of its main thread
    std::map<int, QString> m_threadNames; ///< tid -> "Thread-1 (worker)"
    std::map<int, Actor> m_actors; ///< a thread of a client (its tid), or a manager's connection
    std::map<int, std::pair<QString, QString>> m_serving; ///< a server thread's open request: method, args
    std::map<int, int> m_connectionClient; ///< a server thread -> the pid of the client it serves
    std::map<QString, Cell> m_cells;
    std::vector<LostUpdate> m_found;
};

/// Every lost update in a trace (events in time order, as a TraceModel holds them).
std::vector<LostUpdate> findLostUpdates(const std::vector<TraceEvent> &events);

/// The elements of a Python tuple's, list's or dict's repr, split at its top-level commas:
/// "('n', 2)" -> "'n'", "2". A dict's entry stays whole ("'n': 2").
QStringList reprItems(const QString &repr);

} // namespace ipclab::engine
