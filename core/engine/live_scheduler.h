#pragma once
// The scheduler of a live run: the window (or a test, or a saved schedule)
// asks for steps; the orchestrator's loop calls tick() after every batch of
// events, and when the run has settled — every thread waits at a gate, is
// blocked in a call (the kernel says it sleeps there), or has ended — it
// releases exactly one thread for one step. Waiting for the settle is what
// makes a schedule replay the same run every time: nothing else moves while
// a step is taken, except what that step wakes, and that is waited for too.

#include "gate_board_owner.h"
#include "run_watch.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>

namespace ipclab::engine {

/// The file format of a shared schedule (docs/schedule-format.md).
struct Schedule {
    QString scenario; ///< the scenario's file name, for people
    QStringList steps; ///< thread keys, in release order ("*free*": the run went free there)
    QByteArray toJson() const;
    /// Nothing, and `error` says why, when the text is not a schedule.
    static std::optional<Schedule> fromJson(const QByteArray &json, QString *error);
};

constexpr auto kFreeRunStep = "*free*";

class LiveScheduler {
public:
    LiveScheduler();
    ~LiveScheduler();
    LiveScheduler(const LiveScheduler &) = delete;
    LiveScheduler &operator=(const LiveScheduler &) = delete;
    /// Readable when something was asked for: the orchestrator's loop polls it, so a click
    /// is acted on at once rather than at the loop's next look.
    int wakeFd() const { return m_wakeFd; }
    /// Empties wakeFd.
    void drainWake();

    bool valid() const { return m_board.valid(); }
    int boardFd() const { return m_board.fd(); }

    // --- asked by the window, a test or a schedule: any thread
    /// One step of this thread at its next gate ("Process-1/MainThread").
    void stepThread(const QString &key);
    /// One step of whichever thread is next in turn (round robin over the ready ones).
    void stepAny();
    /// Replays these steps first, in order (undo, a shared schedule).
    void replay(const QStringList &steps);
    /// Drives the interleaving that loses an update on a Manager dict: two worker processes
    /// each read, then both write. With a Lock, the second one blocks until the first releases.
    void showRace();
    /// Gates off until a breakpoint (or pause()).
    void runFree();
    void pause();
    void setBreakpoints(const std::set<int> &lines);
    /// Drops the steps asked for and not taken yet.
    void cancelPending();

    // --- what the window shows: any thread
    bool freeRunning() const;
    int pendingSteps() const;
    /// The steps released so far: the schedule of this run.
    QStringList schedule() const;
    /// A sentence when a step asked for could not be taken (the thread is blocked, gone, ...).
    QString takeMessage();
    /// While a step waits for the run to settle: what still moves.
    QString whyWaiting() const;

    // --- the orchestrator's loop
    void tick(const RunWatch &watch);
    /// True while the loop should look again soon (steps asked for, a settle awaited).
    bool busy() const;

    /// Settled: nothing moves until a thread is released (why not, in `why`).
    bool settled(const RunWatch &watch, QString *why = nullptr) const;

private:
    struct Request {
        enum Kind { Thread, Any, Race, Free } kind = Any;
        QString key;
        bool patient = false; ///< from a schedule: the thread will come to its gate, wait for it
    };
    struct RaceState {
        QString a, b;
        bool aWrote = false;
    };

    void release(const RunWatch &watch, const ThreadInfo &thread);
    bool ready(const ThreadInfo &t) const;
    bool blockedInKernel(const RunWatch &watch, const ThreadInfo &t) const;
    /// One move of the race program: true when it is done (or cannot go on).
    bool raceStep(const RunWatch &watch);
    /// Everything looks still, yet a thread asleep for a moment inside a call (a child being
    /// started, the interpreter lock, a loaded machine) looks blocked to /proc: true while a
    /// step that found nothing to release should wait before it calls itself impossible.
    bool stillPatient(std::chrono::milliseconds patience);

    void wake();

    GateBoardOwner m_board;
    int m_wakeFd = -1;
    mutable std::mutex m_mutex;
    std::deque<Request> m_requests;
    std::optional<RaceState> m_race;
    QStringList m_schedule;
    QString m_message;
    QString m_unsettled;
    QString m_lastKey; ///< the round robin's last pick
    std::map<int, qint64> m_released; ///< tid -> the gate arrival it was released from
    bool m_free = false;
    std::optional<std::chrono::steady_clock::time_point> m_waitingSince; ///< since when a step has found nothing to release
};

} // namespace ipclab::engine
