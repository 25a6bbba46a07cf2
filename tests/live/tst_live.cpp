// Live runs with real processes and no widgets: a scheduler releases the
// threads' steps at their gates. Every assertion is on order, values and
// states; timeouts are only a safety net.

#include "live_scheduler.h"
#include "orchestrator.h"
#include "process_scan.h"

#include <QFile>
#include <QTest>

#include <chrono>
#include <functional>
#include <mutex>
#include <set>
#include <thread>

using namespace ipclab::engine;

namespace {

constexpr auto kRaceScenario = R"(import sys
from multiprocessing import Manager, Process

ROUNDS = 4


def add(d, lock):
    for _ in range(ROUNDS):
        if lock is None:
            d["n"] += 1
        else:
            with lock:
                d["n"] += 1


if __name__ == "__main__":
    with Manager() as manager:
        d = manager.dict()
        d["n"] = 0
        lock = manager.Lock() if sys.argv[1] == "lock" else None
        workers = [Process(target=add, args=(d, lock)) for _ in range(2)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print("n =", d["n"])
)";

constexpr auto kFullQueueScenario = R"(from multiprocessing import Process, Queue


def produce(q):
    q.put("a")
    q.put("b")
    print("producer done")


if __name__ == "__main__":
    q = Queue(1)
    p = Process(target=produce, args=(q,))
    p.start()
    print("got", q.get())
    print("got", q.get())
    p.join()
)";

// A live run on a thread of its own; the test folds the same events to look at the state.
class LiveHarness {
public:
    explicit LiveHarness(const QByteArray &source, const QStringList &arguments = {})
    {
        m_options.fileName = QStringLiteral("live.py");
        m_options.source = source;
        m_options.arguments = arguments;
        m_options.workerPath = QStringLiteral(IPCLAB_WORKER);
        m_options.hangSeconds = 5.0;
        m_options.timeLimitSeconds = 300.0; // a safety net only
        m_options.captureStdout = true;
        m_options.live = &scheduler;
        m_thread = std::thread([this] {
            RunResult r = m_orchestrator.run(m_options, [this](const TraceEvent &e, const QByteArray &) {
                std::lock_guard lock(m_mutex);
                m_watch.apply(e);
                m_events.push_back(e);
            });
            std::lock_guard lock(m_mutex);
            m_result = std::move(r);
            m_done = true;
        });
    }
    ~LiveHarness()
    {
        m_orchestrator.requestStop();
        if (m_thread.joinable())
            m_thread.join();
    }

    /// Waits until `predicate` holds on the folded state (checked as events arrive).
    bool waitFor(const std::function<bool(const RunWatch &)> &predicate, int seconds = 120)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
        while (true) {
            {
                std::lock_guard lock(m_mutex);
                if (predicate(m_watch))
                    return true;
                if (m_done)
                    return false;
            }
            if (std::chrono::steady_clock::now() >= deadline)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        if (seconds > 0) {
            // Why the run does not look settled, as the scheduler and this watch see it.
            QString why;
            std::lock_guard lock(m_mutex);
            scheduler.settled(m_watch, &why);
            qWarning("still waiting: %s (scheduler: %s; %d steps pending)", qPrintable(why.isEmpty() ? QStringLiteral("settled") : why),
                qPrintable(scheduler.whyWaiting()), scheduler.pendingSteps());
        }
        return false;
    }
    /// Waits until the run has settled with `key` ready at a gate.
    bool waitReady(const QString &key)
    {
        return waitFor([&](const RunWatch &w) {
            const ThreadInfo *t = w.threadByKey(key);
            return t && t->gate && scheduler.pendingSteps() == 0 && scheduler.settled(w);
        });
    }
    /// Waits for the run's end. A safety net only: a run still going after two minutes is
    /// stopped, and the test sees a stopped run and what the scheduler waited for.
    RunResult finish()
    {
        waitFor([](const RunWatch &) { return false; }, 120);
        bool done = false;
        {
            std::lock_guard lock(m_mutex);
            done = m_done;
        }
        if (!done) {
            const QStringList steps = scheduler.schedule();
            qWarning("the run did not end: %d steps pending, free running %d, message \"%s\", last steps %s", scheduler.pendingSteps(),
                int(scheduler.freeRunning()), qPrintable(scheduler.takeMessage()), qPrintable(steps.mid(std::max(0, int(steps.size()) - 12)).join(u' ')));
            std::lock_guard lock(m_mutex);
            for (const auto &[tid, t] : m_watch.threads())
                if (!t.exited)
                    qWarning("  %s: %s%s", qPrintable(m_watch.threadKey(t)), t.gate ? qPrintable(QStringLiteral("at gate %1 ").arg(t.gate->point)) : "",
                        t.calls.empty() ? "no call" : qPrintable(QStringLiteral("in %1").arg(t.calls.back().op)));
            m_orchestrator.requestStop();
        }
        m_thread.join();
        return m_result;
    }
    std::vector<TraceEvent> events()
    {
        std::lock_guard lock(m_mutex);
        auto sorted = m_events;
        std::stable_sort(sorted.begin(), sorted.end(), [](const TraceEvent &a, const TraceEvent &b) { return a.t < b.t; });
        return sorted;
    }

    LiveScheduler scheduler;

private:
    RunOptions m_options;
    Orchestrator m_orchestrator;
    std::thread m_thread;
    std::mutex m_mutex;
    RunWatch m_watch;
    std::vector<TraceEvent> m_events;
    RunResult m_result;
    bool m_done = false;
};

// The workers' Manager calls on d, in the order the manager answered them: "Process-1 get".
QStringList dictCalls(const std::vector<TraceEvent> &events)
{
    std::map<int, QString> names;
    for (const auto &e : events)
        if (e.op == QLatin1String("process.run"))
            names[e.pid] = e.text("name");
    QStringList calls;
    for (const auto &e : events) {
        if (e.op != QLatin1String("proxy.call") || e.ph != 'E' || !names[e.pid].startsWith(QLatin1String("Process-")))
            continue;
        const QString method = e.text("method");
        if (method == QLatin1String("__getitem__"))
            calls << names[e.pid] + QStringLiteral(" get");
        else if (method == QLatin1String("__setitem__"))
            calls << names[e.pid] + QStringLiteral(" set");
        else
            calls << names[e.pid] + QLatin1Char(' ') + method;
    }
    return calls;
}

// After the forced pairs no more races: the first worker runs to its end, then the rest.
void finishOneAfterTheOther(LiveScheduler &scheduler)
{
    for (int i = 0; i < 60; ++i)
        scheduler.stepThread(QStringLiteral("Process-1/MainThread"));
    scheduler.runFree();
}

void verifyNothingLeft(const std::vector<TraceEvent> &events)
{
    std::set<int> pids;
    for (const auto &e : events)
        if (e.pid > 0)
            pids.insert(e.pid);
    for (int pid : pids)
        QVERIFY2(!readProcessStat(pid).has_value(), qPrintable(QStringLiteral("pid %1 survived the run").arg(pid)));
}

} // namespace

class TestLive : public QObject {
    Q_OBJECT
private slots:
    void raceLosesOneUpdatePerForcedPair()
    {
        LiveHarness run(kRaceScenario, { QStringLiteral("nolock") });
        run.scheduler.showRace();
        run.scheduler.showRace();
        finishOneAfterTheOther(run.scheduler);
        const RunResult r = run.finish();
        QCOMPARE(r.end, RunEnd::Finished);
        const QStringList calls = dictCalls(run.events());
        QCOMPARE(r.stdoutText, QByteArray("n = 6\n")); // 8 increments, 2 forced pairs, 2 lost
        // Both read before either writes, twice.
        QCOMPARE(calls.mid(0, 8),
            QStringList({ QStringLiteral("Process-1 get"), QStringLiteral("Process-2 get"), QStringLiteral("Process-1 set"), QStringLiteral("Process-2 set"),
                QStringLiteral("Process-1 get"), QStringLiteral("Process-2 get"), QStringLiteral("Process-1 set"), QStringLiteral("Process-2 set") }));
        verifyNothingLeft(run.events());
    }

    void raceWithLockLosesNothingAndTheSecondBlocks()
    {
        LiveHarness run(kRaceScenario, { QStringLiteral("lock") });
        run.scheduler.showRace();
        run.scheduler.showRace();
        finishOneAfterTheOther(run.scheduler);
        const RunResult r = run.finish();
        QCOMPARE(r.end, RunEnd::Finished);
        QCOMPARE(r.stdoutText, QByteArray("n = 8\n"));
        // B asked for the lock while A held it and got it only after A's release.
        const QStringList calls = dictCalls(run.events());
        QVERIFY(calls.size() >= 7);
        QCOMPARE(calls.mid(0, 3), QStringList({ QStringLiteral("Process-1 acquire"), QStringLiteral("Process-1 get"), QStringLiteral("Process-1 set") }));
        // The release wakes the waiting acquire: which answer comes back first is the manager's business.
        QCOMPARE(QSet<QString>({ calls[3], calls[4] }), QSet<QString>({ QStringLiteral("Process-1 release"), QStringLiteral("Process-2 acquire") }));
        QCOMPARE(calls.mid(5, 2), QStringList({ QStringLiteral("Process-2 get"), QStringLiteral("Process-2 set") }));
        int bAskedAt = -1;
        int aReleasedAt = -1;
        const auto events = run.events();
        std::map<int, QString> names;
        for (int i = 0; i < static_cast<int>(events.size()); ++i) {
            const TraceEvent &e = events[static_cast<std::size_t>(i)];
            if (e.op == QLatin1String("process.run"))
                names[e.pid] = e.text("name");
            if (e.op == QLatin1String("proxy.call") && e.text("method") == QLatin1String("acquire") && e.ph == 'B' && names[e.pid] == QLatin1String("Process-2")
                && bAskedAt < 0)
                bAskedAt = i;
            if (e.op == QLatin1String("proxy.call") && e.text("method") == QLatin1String("release") && e.ph == 'B' && names[e.pid] == QLatin1String("Process-1")
                && aReleasedAt < 0)
                aReleasedAt = i;
        }
        QVERIFY(bAskedAt >= 0 && aReleasedAt >= 0);
        QVERIFY2(bAskedAt < aReleasedAt, "the second worker asked for the lock while the first still held it");
        verifyNothingLeft(events);
    }

    void aScheduleReplaysTheSameRun()
    {
        QStringList schedule;
        QByteArray output;
        QStringList calls;
        {
            LiveHarness run(kRaceScenario, { QStringLiteral("nolock") });
            for (int i = 0; i < 400; ++i)
                run.scheduler.stepAny(); // round robin, then free
            run.scheduler.runFree();
            const RunResult r = run.finish();
            QCOMPARE(r.end, RunEnd::Finished);
            schedule = run.scheduler.schedule();
            output = r.stdoutText;
            calls = dictCalls(run.events());
        }
        QVERIFY(schedule.size() > 50);
        if (qEnvironmentVariableIsSet("IPCLAB_LIVE_DEBUG")) {
            QFile f(QStringLiteral("/tmp/schedule.json"));
            f.open(QIODevice::WriteOnly);
            f.write(Schedule { QStringLiteral("race.py"), schedule }.toJson());
        }
        for (int again = 0; again < 2; ++again) {
            LiveHarness run(kRaceScenario, { QStringLiteral("nolock") });
            run.scheduler.replay(schedule);
            const RunResult r = run.finish();
            QCOMPARE(r.end, RunEnd::Finished);
            QCOMPARE(r.stdoutText, output);
            QCOMPARE(run.scheduler.schedule(), schedule);
            QCOMPARE(dictCalls(run.events()), calls);
        }
    }

    void steppedPutOnAFullQueueBlocksUntilAGetIsStepped()
    {
        LiveHarness run(kFullQueueScenario);
        const QString main = QStringLiteral("MainProcess/MainThread");
        const QString producer = QStringLiteral("Process-1/MainThread");
        const QString feeder = QStringLiteral("Process-1/QueueFeederThread");
        // The main process creates the queue and starts the producer.
        QVERIFY(run.waitReady(main));
        while (!run.waitFor([&](const RunWatch &w) { return w.threadByKey(producer) != nullptr; }, 0)) {
            run.scheduler.stepThread(main);
            QVERIFY(run.waitReady(main));
        }
        // The producer puts "a" (its feeder holds it at the pipe), then blocks putting "b".
        auto producerBlocked = [&](const RunWatch &w) {
            const ThreadInfo *t = w.threadByKey(producer);
            return t && !t->gate && !t->calls.empty() && t->calls.back().op == QLatin1String("sync.acquire") && run.scheduler.settled(w);
        };
        for (int step = 0; step < 20 && !run.waitFor(producerBlocked, 0); ++step) {
            QVERIFY(run.waitReady(producer));
            run.scheduler.stepThread(producer);
            run.waitFor([&](const RunWatch &w) { return run.scheduler.pendingSteps() == 0 && run.scheduler.settled(w); });
        }
        QVERIFY(run.waitFor(producerBlocked));
        int producerPid = 0, producerTid = 0;
        QString outerCall;
        run.waitFor([&](const RunWatch &w) {
            const ThreadInfo *t = w.threadByKey(producer);
            producerPid = t->pid;
            producerTid = t->tid;
            outerCall = t->calls.front().op;
            return true;
        });
        QCOMPARE(outerCall, QStringLiteral("queue.put"));
        QCOMPARE(threadState(producerPid, producerTid), 'S'); // the kernel: asleep in the semaphore

        // Writing "a" into the pipe does not free a slot: still blocked.
        QVERIFY(run.waitReady(feeder));
        run.scheduler.stepThread(feeder);
        QVERIFY(run.waitFor([&](const RunWatch &w) { return run.scheduler.pendingSteps() == 0 && run.scheduler.settled(w); }));
        QVERIFY(run.waitFor(producerBlocked, 0));
        QCOMPARE(threadState(producerPid, producerTid), 'S');

        // The main process steps through get(): the slot comes back and the put goes on.
        QVERIFY(run.waitReady(main));
        run.scheduler.stepThread(main);
        QVERIFY(run.waitFor([&](const RunWatch &w) {
            const ThreadInfo *t = w.threadByKey(producer);
            return t && t->gate && t->gate->point == QLatin1String("queue.buffer") && run.scheduler.settled(w);
        }));
        run.scheduler.runFree();
        const RunResult r = run.finish();
        QCOMPARE(r.end, RunEnd::Finished);
        // Each process's stdout is a pipe, flushed when it exits (as CPython's): which comes
        // first is not the order of the prints. What each prints is fixed.
        QVERIFY(r.stdoutText.contains("got a\ngot b\n"));
        QVERIFY(r.stdoutText.contains("producer done\n"));
        verifyNothingLeft(run.events());
    }

    void breakpointStopsAFreeRun()
    {
        LiveHarness run(kFullQueueScenario);
        run.scheduler.setBreakpoints({ 15 }); // the second print("got", q.get())
        run.scheduler.runFree();
        QVERIFY(run.waitFor([&](const RunWatch &w) {
            const ThreadInfo *t = w.threadByKey(QStringLiteral("MainProcess/MainThread"));
            return t && t->gate && t->gate->breakpoint && t->gate->line == 15;
        }));
        QVERIFY(!run.scheduler.freeRunning() || run.waitFor([&](const RunWatch &) { return !run.scheduler.freeRunning(); }));
        run.scheduler.setBreakpoints({});
        run.scheduler.runFree();
        const RunResult r = run.finish();
        QCOMPARE(r.end, RunEnd::Finished);
        QVERIFY(r.stdoutText.contains("got a\n") && r.stdoutText.contains("got b\n"));
    }

    // A statement inside a generator's body waits at its gate like any other statement.
    void breakpointInsideAGenerator()
    {
        LiveHarness run("def numbers():\n    for i in range(3):\n        yield i * 10\n\n\nprint(sum(numbers()))\n");
        run.scheduler.setBreakpoints({ 3 }); // yield i * 10
        run.scheduler.runFree();
        QVERIFY(run.waitFor([&](const RunWatch &w) {
            const ThreadInfo *t = w.threadByKey(QStringLiteral("MainProcess/MainThread"));
            return t && t->gate && t->gate->breakpoint && t->gate->line == 3;
        }));
        QVERIFY(!run.scheduler.freeRunning() || run.waitFor([&](const RunWatch &) { return !run.scheduler.freeRunning(); }));
        run.scheduler.setBreakpoints({});
        run.scheduler.runFree();
        const RunResult r = run.finish();
        QCOMPARE(r.end, RunEnd::Finished);
        QVERIFY2(r.stdoutText.contains("30\n"), r.stdoutText.constData());
    }

    void stoppingAGatedRunLeavesNothing()
    {
        std::vector<TraceEvent> events;
        {
            LiveHarness run(kRaceScenario, { QStringLiteral("nolock") });
            run.scheduler.showRace(); // workers started, both held at gates
            QVERIFY(run.waitFor([&](const RunWatch &w) { return w.threadByKey(QStringLiteral("Process-2/MainThread")) != nullptr; }));
            events = run.events();
        } // the harness stops the run
        QVERIFY(!events.empty());
        verifyNothingLeft(events);
    }

    void scheduleFileRoundTripsAndRejectsNonsense()
    {
        Schedule s;
        s.scenario = QStringLiteral("05_manager_dict_race.py");
        s.steps = { QStringLiteral("MainProcess/MainThread"), QStringLiteral("Process-1/MainThread"), QLatin1String(kFreeRunStep) };
        QString error;
        const auto back = Schedule::fromJson(s.toJson(), &error);
        QVERIFY(back.has_value());
        QCOMPARE(back->steps, s.steps);
        QVERIFY(!Schedule::fromJson("{\n  \"format\": \"ipclab-schedule/1\",\n  \"steps\": [1]\n}", &error));
        QVERIFY(error.contains(QLatin1String("thread name")));
        QVERIFY(!Schedule::fromJson("{\n  \"format\": ", &error));
        QVERIFY2(error.startsWith(QLatin1String("2:")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestLive)
#include "tst_live.moc"
