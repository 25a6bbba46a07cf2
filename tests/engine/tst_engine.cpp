// The orchestrator with real workers: trace invariants, hang diagnosis,
// crashes, time limits, nothing left behind, and the Chrome export.

#include "chrome_trace.h"
#include "message_paths.h"
#include "orchestrator.h"
#include "process_scan.h"
#include "trace_model.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <map>
#include <netinet/in.h>
#include <set>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ipclab::engine;

namespace {

struct Recorded {
    RunResult result;
    std::vector<TraceEvent> events;
    std::vector<QByteArray> lines;
};

QByteArray scenarioText(const QString &name)
{
    QFile f(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing scenario %s", qPrintable(name));
    return f.readAll();
}

Recorded runText(const QByteArray &source, double hangSeconds = 2.0, double timeLimit = 60.0, const std::function<void(const TraceEvent &)> &onEvent = {},
    bool statements = false)
{
    RunOptions o;
    o.fileName = QStringLiteral("scenario.py");
    o.source = source;
    o.workerPath = QStringLiteral(IPCLAB_WORKER);
    o.hangSeconds = hangSeconds;
    o.timeLimitSeconds = timeLimit;
    o.captureStdout = true;
    o.traceStatements = statements;
    Recorded r;
    Orchestrator orchestrator;
    r.result = orchestrator.run(o, [&](const TraceEvent &e, const QByteArray &line) {
        r.events.push_back(e);
        r.lines.push_back(line);
        if (onEvent)
            onEvent(e);
    });
    std::stable_sort(r.events.begin(), r.events.end(), [](const TraceEvent &a, const TraceEvent &b) { return a.t < b.t; });
    return r;
}

// Nothing of the run may exist afterwards: not a process, not a zombie.
void verifyNothingLeft(const Recorded &r)
{
    std::set<int> pids;
    for (const auto &e : r.events)
        pids.insert(e.pid);
    for (int pid : pids)
        QVERIFY2(!readProcessStat(pid).has_value(), qPrintable(QStringLiteral("pid %1 survived the run").arg(pid)));
}

// Every begin has its end or fail on the same thread, innermost first, or the run ended inside it.
void verifyBeginsClose(const Recorded &r, bool runEndedNormally)
{
    std::map<int, std::vector<QString>> open;
    for (const auto &e : r.events) {
        if (e.ph == 'B')
            open[e.tid].push_back(e.op);
        else if (e.closes()) {
            auto &stack = open[e.tid];
            QVERIFY2(!stack.empty(), qPrintable(QStringLiteral("%1 %2 without begin").arg(e.op).arg(QLatin1Char(e.ph))));
            QCOMPARE(stack.back(), e.op);
            stack.pop_back();
        }
    }
    if (runEndedNormally)
        for (const auto &[tid, stack] : open)
            for (const QString &op : stack)
                QVERIFY2(op == QLatin1String("feeder.wait") || op.startsWith(QLatin1String("server.")),
                    qPrintable(QStringLiteral("thread %1 never finished %2").arg(tid).arg(op)));
}

int count(const Recorded &r, const char *op, char ph)
{
    int n = 0;
    for (const auto &e : r.events)
        n += e.op == QLatin1String(op) && e.ph == ph;
    return n;
}

} // namespace

class TestEngine : public QObject {
    Q_OBJECT

private slots:
    void pipeEofLesson()
    {
        const Recorded r = runText(scenarioText(QStringLiteral("01_pipe_eof.py")));
        QCOMPARE(r.result.end, RunEnd::Finished);
        QCOMPARE(r.result.exitCode, 0);
        QVERIFY(r.result.stdoutText.contains("EOFError: every write end is closed"));
        verifyBeginsClose(r, true);
        // Bytes sent equal bytes received once EOF is seen; exactly one recv failed, with EOFError.
        qint64 sent = 0, received = 0;
        for (const auto &e : r.events) {
            if (e.op == QLatin1String("conn.send") && e.ph == 'E')
                sent += e.integer("bytes");
            if (e.op == QLatin1String("conn.recv") && e.ph == 'E')
                received += e.integer("bytes");
        }
        QVERIFY(sent > 0);
        QCOMPARE(received, sent);
        QCOMPARE(count(r, "conn.recv", 'F'), 1);
        // Holders: the write end is held by the parent (until its close) and by the child
        // (inherited), and each of them closes it exactly once.
        quint64 writeEnd = 0;
        int parent = 0;
        for (const auto &e : r.events)
            if (e.op == QLatin1String("pipe.create")) {
                writeEnd = static_cast<quint64>(e.integer("b"));
                parent = e.pid;
            }
        std::set<int> holders { parent };
        for (const auto &e : r.events) {
            if (e.op == QLatin1String("process.run"))
                for (const QJsonValue id : e.values().value(QLatin1String("holds")).toArray())
                    if (static_cast<quint64>(id.toDouble()) == writeEnd)
                        holders.insert(e.pid);
            if (e.op == QLatin1String("process.exit"))
                holders.erase(e.pid); // what a process still holds closes when it exits
            if (e.op == QLatin1String("conn.close") && e.obj == writeEnd) {
                QVERIFY2(holders.erase(e.pid) == 1, "an end closed by a process that did not hold it");
            }
            if (e.op == QLatin1String("conn.recv") && e.ph == 'F')
                QVERIFY2(holders.empty(), "EOFError while a write end was still open");
        }
        QVERIFY(holders.empty());
        verifyNothingLeft(r);
    }

    void fullQueueSemaphoreStaysInRange()
    {
        const Recorded r = runText(scenarioText(QStringLiteral("03_queue_full_blocks.py")));
        QCOMPARE(r.result.end, RunEnd::Finished);
        QVERIFY(r.result.stdoutText.contains("raised queue.Full"));
        verifyBeginsClose(r, true);
        // The Queue(3)'s slots: never below 0 nor above 3.
        quint64 slotSemaphore = 0;
        for (const auto &e : r.events)
            if (e.op == QLatin1String("queue.create") && e.integer("maxsize") == 3)
                slotSemaphore = static_cast<quint64>(e.integer("slots"));
        QVERIFY(slotSemaphore);
        int changes = 0, zeros = 0;
        for (const auto &e : r.events)
            if (e.obj == slotSemaphore && (e.op == QLatin1String("sync.release") || (e.op == QLatin1String("sync.acquire") && e.ph != 'B'))) {
                const qint64 value = e.integer("value");
                QVERIFY2(value >= 0 && value <= 3, qPrintable(QStringLiteral("semaphore value %1").arg(value)));
                ++changes;
                zeros += value == 0;
            }
        QCOMPARE(changes, 6 + 6 + 1); // six puts, six gets, one put that timed out
        QVERIFY(zeros >= 1);
        // The timed-out put failed with Full; bytes the feeders wrote equal bytes read.
        bool sawFull = false;
        qint64 written = 0, read = 0;
        for (const auto &e : r.events) {
            sawFull |= e.op == QLatin1String("queue.put") && e.ph == 'F' && e.text("exc") == QLatin1String("Full");
            if (e.op == QLatin1String("pipe.write") && e.ph == 'E')
                written += e.integer("bytes");
            if (e.op == QLatin1String("pipe.read") && e.ph == 'E')
                read += e.integer("bytes");
        }
        QVERIFY(sawFull);
        QCOMPARE(read, written);
        // The feeder thread is named as CPython names it.
        bool feeder = false;
        for (const auto &e : r.events)
            feeder |= e.op == QLatin1String("thread.start") && e.text("name") == QLatin1String("QueueFeederThread");
        QVERIFY(feeder);
        verifyNothingLeft(r);
    }

    void managerRaceLockKeepsEveryUpdate()
    {
        const Recorded r = runText(scenarioText(QStringLiteral("05_manager_dict_race.py")));
        QCOMPARE(r.result.end, RunEnd::Finished);
        QVERIFY2(r.result.stdoutText.contains("with a lock: n = 1000 of 1000"), r.result.stdoutText.constData());
        // Each unlocked += is a get and a set: two round trips per increment at least.
        int gets = 0, sets = 0;
        for (const auto &e : r.events)
            if (e.op == QLatin1String("proxy.call") && e.ph == 'B') {
                gets += e.text("method") == QLatin1String("__getitem__");
                sets += e.text("method") == QLatin1String("__setitem__");
            }
        QVERIFY(gets >= 2000);
        QVERIFY(sets >= 2000);
        verifyBeginsClose(r, true);
        verifyNothingLeft(r);
    }

    void forgottenCloseIsDiagnosed()
    {
        const Recorded r = runText(scenarioText(QStringLiteral("02_pipe_forgotten_close.py")), 1.0);
        QCOMPARE(r.result.end, RunEnd::Hang);
        QCOMPARE(r.result.exitCode, kExitHang);
        QCOMPARE(r.result.blocked.size(), size_t(1));
        const BlockedCall &b = r.result.blocked.front();
        QCOMPARE(b.op, QStringLiteral("conn.recv"));
        QVERIFY2(b.text.contains(QStringLiteral("still open in MainProcess")), qPrintable(b.text));
        QVERIFY2(b.text.contains(QStringLiteral("including its own copy")), qPrintable(b.text));
        QVERIFY(r.result.stdoutText.contains("received three"));
        verifyNothingLeft(r);
    }

    void fullQueueWithoutConsumerIsDiagnosed()
    {
        const Recorded r = runText("from multiprocessing import Queue\nq = Queue(2)\nfor i in range(3):\n    q.put(i)\n", 1.0);
        QCOMPARE(r.result.end, RunEnd::Hang);
        QCOMPARE(r.result.blocked.size(), size_t(1));
        QCOMPARE(r.result.blocked.front().line, 4);
        QVERIFY2(r.result.blocked.front().text.contains(QStringLiteral("q is full (maxsize 2")), qPrintable(r.result.blocked.front().text));
        verifyNothingLeft(r);
    }

    void lockOrderDeadlockIsDiagnosed()
    {
        // Each child takes its first lock, then waits on an Event the other sets after taking
        // its own: both then hold one lock and want the other, whatever the timing.
        const QByteArray source = "from multiprocessing import Process, Lock, Event\n"
                                  "def worker(first, second, mine, theirs):\n"
                                  "    with first:\n"
                                  "        mine.set()\n"
                                  "        theirs.wait()\n"
                                  "        with second:\n"
                                  "            print('never')\n"
                                  "if __name__ == '__main__':\n"
                                  "    a, b = Lock(), Lock()\n"
                                  "    ea, eb = Event(), Event()\n"
                                  "    p1 = Process(target=worker, args=(a, b, ea, eb))\n"
                                  "    p2 = Process(target=worker, args=(b, a, eb, ea))\n"
                                  "    p1.start()\n    p2.start()\n    p1.join()\n    p2.join()\n";
        const Recorded r = runText(source, 1.0);
        QCOMPARE(r.result.end, RunEnd::Hang);
        int deadlocked = 0;
        for (const auto &b : r.result.blocked)
            if (b.op == QLatin1String("sync.acquire")) {
                QVERIFY2(b.text.contains(QStringLiteral("a deadlock")), qPrintable(b.text));
                QVERIFY(b.text.contains(QStringLiteral("Process-1")) && b.text.contains(QStringLiteral("Process-2")));
                ++deadlocked;
            }
        QCOMPARE(deadlocked, 2);
        verifyNothingLeft(r);
    }

    void killedChildIsReportedAndRunStops()
    {
        const QByteArray source = "import time\nfrom multiprocessing import Process\n"
                                  "def child():\n    time.sleep(60)\n"
                                  "if __name__ == '__main__':\n"
                                  "    p = Process(target=child)\n    p.start()\n    p.join()\n    print('joined', p.exitcode)\n";
        const Recorded r = runText(source, 5.0, 60.0, [](const TraceEvent &e) {
            // Kill the child as soon as it is asleep: a crash from outside the scenario.
            if (e.op == QLatin1String("time.sleep") && e.ph == 'B')
                ::kill(e.pid, SIGKILL);
        });
        QCOMPARE(r.result.end, RunEnd::Crashed);
        QCOMPARE(r.result.exitCode, 128 + SIGKILL);
        QVERIFY2(r.result.diagnosis.join(QLatin1Char('\n')).contains(QStringLiteral("Process-1")), qPrintable(r.result.diagnosis.join(QLatin1Char('\n'))));
        QVERIFY(r.result.diagnosis.join(QLatin1Char('\n')).contains(QStringLiteral("signal 9 (SIGKILL)")));
        verifyNothingLeft(r);
    }

    void terminateAskedForIsNotACrash()
    {
        const QByteArray source = "import time\nfrom multiprocessing import Process\n"
                                  "def child():\n    time.sleep(60)\n"
                                  "if __name__ == '__main__':\n"
                                  "    p = Process(target=child)\n    p.start()\n    p.terminate()\n    p.join()\n    print('exitcode', p.exitcode)\n";
        const Recorded r = runText(source);
        QCOMPARE(r.result.end, RunEnd::Finished);
        QCOMPARE(r.result.stdoutText, QByteArray("exitcode -15\n"));
    }

    void timeLimitStopsABusyRun()
    {
        const Recorded r = runText("from multiprocessing import Process\n"
                                   "def spin():\n    while True:\n        pass\n"
                                   "if __name__ == '__main__':\n    p = Process(target=spin)\n    p.start()\n    spin()\n",
            1.0, 1.5);
        QCOMPARE(r.result.end, RunEnd::TimeLimit);
        QCOMPARE(r.result.exitCode, kExitTimeLimit);
        verifyNothingLeft(r);
    }

    void sleepingIsNotAHang()
    {
        const Recorded r = runText("import time\ntime.sleep(1.5)\nprint('awake')\n", 0.5);
        QCOMPARE(r.result.end, RunEnd::Finished);
        QCOMPARE(r.result.stdoutText, QByteArray("awake\n"));
    }

    void statementsCarryTheirLines()
    {
        const Recorded r = runText("x = 1\nfor i in range(2):\n    x += i\nprint(x)\n", 2.0, 60.0, {}, true);
        std::vector<int> lines;
        for (const auto &e : r.events)
            if (e.op == QLatin1String("stmt"))
                lines.push_back(e.line);
        QCOMPARE(lines, (std::vector<int> { 1, 2, 3, 3, 4 }));
    }

    // The model's state at chosen events is what the trace implies, and seeking through
    // checkpoints gives the same state as folding from the start.
    void traceModelStateAtChosenEvents()
    {
        const Recorded r = runText(scenarioText(QStringLiteral("03_queue_full_blocks.py")));
        TraceModel model;
        std::vector<TraceEvent> events = r.events;
        // Enough copies to cross several checkpoints (each copy shifted in time).
        const qint64 span = events.back().t - events.front().t + 1;
        const int copies = 2 * TraceModel::kCheckpointEvery / static_cast<int>(r.events.size()) + 2;
        for (int copy = 1; copy < copies; ++copy)
            for (const TraceEvent &e : r.events) {
                TraceEvent shifted = e;
                shifted.t += copy * span;
                events.push_back(shifted);
            }
        model.load(events);
        QVERIFY(model.size() > TraceModel::kCheckpointEvery);
        quint64 queue = 0, slotSemaphore = 0;
        int fullAt = -1;
        for (int i = 0; i < model.size(); ++i) {
            const TraceEvent &e = model.event(i);
            if (e.op == QLatin1String("queue.create") && e.integer("maxsize") == 3 && !queue) {
                queue = e.obj;
                slotSemaphore = static_cast<quint64>(e.integer("slots"));
            }
            if (fullAt < 0 && e.op == QLatin1String("queue.put") && e.ph == 'F')
                fullAt = i;
        }
        QVERIFY(queue && fullAt > 0);
        // When put(3, timeout=0.5) fails, all three slots are taken and the producer is not blocked any more.
        const RunWatch atFull = model.stateAfter(fullAt + 1);
        QCOMPARE(atFull.syncs().at(slotSemaphore).value, 0);
        const auto &q = atFull.queues().at(queue);
        int buffered = 0;
        for (const auto &[pid, items] : q.buffers)
            buffered += static_cast<int>(items.size());
        QCOMPARE(buffered + q.messagesInPipe, 3); // three items in the buffer or the pipe, none taken yet
        // Seeking through checkpoints equals folding every event from the start.
        for (int at : { 0, 1, fullAt, TraceModel::kCheckpointEvery - 1, TraceModel::kCheckpointEvery, TraceModel::kCheckpointEvery + 7, model.size() }) {
            RunWatch folded;
            for (int i = 0; i < at; ++i)
                folded.apply(model.event(i));
            const RunWatch sought = model.stateAfter(at);
            QCOMPARE(sought.syncs().size(), folded.syncs().size());
            for (const auto &[id, sync] : folded.syncs())
                QCOMPARE(sought.syncs().at(id).value, sync.value);
            QCOMPARE(sought.processes().size(), folded.processes().size());
        }
        // At the end every item went through: empty buffers and pipe, all slots free.
        const RunWatch end = model.stateAfter(r.events.size());
        QCOMPARE(end.queues().at(queue).messagesInPipe, 0);
        QCOMPARE(end.syncs().at(slotSemaphore).value, 3);
    }

    // The model on the other headline lessons: who holds which pipe end, the dict's values, who is blocked.
    void traceModelOnTheHeadlineLessons()
    {
        {
            const Recorded r = runText(scenarioText(QStringLiteral("01_pipe_eof.py")));
            TraceModel model;
            model.load(r.events);
            int eof = -1, parentClose = -1, childRun = -1, childClose = -1;
            quint64 writeEnd = 0;
            int parent = 0;
            for (int i = 0; i < model.size(); ++i) {
                const TraceEvent &e = model.event(i);
                if (e.op == QLatin1String("pipe.create")) {
                    writeEnd = static_cast<quint64>(e.integer("b"));
                    parent = e.pid;
                }
                if (e.op == QLatin1String("process.run") && parent && e.pid != parent && childRun < 0)
                    childRun = i;
                if (e.op == QLatin1String("conn.close") && e.obj == writeEnd && e.pid == parent)
                    parentClose = i;
                if (e.op == QLatin1String("conn.close") && e.obj == writeEnd && parent && e.pid != parent)
                    childClose = i;
                if (e.op == QLatin1String("conn.recv") && e.ph == 'F')
                    eof = i;
            }
            QVERIFY(eof > 0 && parentClose > 0 && childRun > 0 && writeEnd);
            // After the fork both processes hold the write end; after the parent's close, only the child.
            // (Unless the child ran, sent and closed its copy before the parent closed its own.)
            if (childRun < parentClose && childClose > parentClose) {
                const RunWatch both = model.stateAfter(parentClose);
                QCOMPARE(both.pipeEnds().at(writeEnd).holders.size(), std::size_t(2));
            }
            QVERIFY(model.stateAfter(parentClose + 1).pipeEnds().at(writeEnd).holders.count(parent) == 0);
            // EOFError comes when nobody holds it any more.
            QVERIFY(model.stateAfter(eof + 1).pipeEnds().at(writeEnd).holders.empty());
        }
        {
            const Recorded r = runText(scenarioText(QStringLiteral("05_manager_dict_race.py")));
            TraceModel model;
            model.load(r.events);
            const RunWatch end = model.stateAfter(model.size());
            bool sawFinal = false;
            for (const auto &[key, contents] : end.managedObjects())
                sawFinal |= contents == QLatin1String("{'n': 1000}");
            QVERIFY2(sawFinal, "the managed dict ends at 1000 with the lock");
        }
        {
            const Recorded r = runText(scenarioText(QStringLiteral("02_pipe_forgotten_close.py")), 1.0);
            TraceModel model;
            model.load(r.events);
            const RunWatch end = model.stateAfter(model.size());
            const auto blocked = end.blockedCalls({});
            QCOMPARE(blocked.size(), std::size_t(1));
            QCOMPARE(blocked.front().op, QStringLiteral("conn.recv"));
            QCOMPARE(end.processes().at(blocked.front().pid).name, QStringLiteral("MainProcess"));
        }
    }

    void chromeTraceHasNamesFlowsAndCounters()
    {
        const Recorded r = runText(scenarioText(QStringLiteral("03_queue_full_blocks.py")));
        const QJsonDocument doc = QJsonDocument::fromJson(chromeTraceJson(r.lines));
        QVERIFY(doc.isObject());
        const QJsonArray events = doc.object().value(QStringLiteral("traceEvents")).toArray();
        std::set<QString> threadNames, counters;
        std::map<QString, QString> flowPhases; // id -> phases seen, in order
        int fullInstants = 0;
        for (const QJsonValue v : events) {
            const QJsonObject o = v.toObject();
            const QString ph = o.value(QStringLiteral("ph")).toString();
            if (ph == QLatin1String("M") && o.value(QStringLiteral("name")).toString() == QLatin1String("thread_name"))
                threadNames.insert(o.value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString());
            if (ph == QLatin1String("C"))
                counters.insert(o.value(QStringLiteral("name")).toString());
            if (ph == QLatin1String("s") || ph == QLatin1String("t") || ph == QLatin1String("f"))
                flowPhases[o.value(QStringLiteral("id")).toString()] += ph;
            if (ph == QLatin1String("i") && o.value(QStringLiteral("name")).toString() == QLatin1String("Full"))
                ++fullInstants;
        }
        QVERIFY(threadNames.count(QStringLiteral("QueueFeederThread")));
        QVERIFY(threadNames.count(QStringLiteral("MainThread")));
        QVERIFY(counters.count(QStringLiteral("Queue 1 free slots")));
        QVERIFY(counters.count(QStringLiteral("Queue 1 depth")));
        int complete = 0;
        for (const auto &[id, phases] : flowPhases)
            complete += phases == QLatin1String("stf");
        QCOMPARE(complete, 7); // six items and the "go" message: put -> feeder write -> get
        QCOMPARE(fullInstants, 1);
    }
    // A FIFO's state: its path, who holds which end, the bytes written and not yet read.
    // Afterwards the run's folder (where the FIFO lived) is gone.
    void fifoStateIsFolded()
    {
        const Recorded r = runText("import os, time\n"
                                   "from multiprocessing import Process\n"
                                   "def reader():\n"
                                   "    fd = os.open('ch', os.O_RDONLY)\n"
                                   "    time.sleep(0.3)\n"
                                   "    print(os.read(fd, 100))\n"
                                   "    os.close(fd)\n"
                                   "if __name__ == '__main__':\n"
                                   "    os.mkfifo('ch')\n"
                                   "    p = Process(target=reader)\n"
                                   "    p.start()\n"
                                   "    fd = os.open('ch', os.O_WRONLY)\n"
                                   "    os.write(fd, b'hello')\n"
                                   "    p.join()\n"
                                   "    os.close(fd)\n");
        QCOMPARE(r.result.end, RunEnd::Finished);
        QCOMPARE(r.result.stdoutText, QByteArray("b'hello'\n"));
        TraceModel model;
        model.load(r.events);
        int written = -1, readBegins = -1;
        quint64 fifo = 0;
        for (int i = 0; i < model.size(); ++i) {
            const TraceEvent &e = model.event(i);
            if (e.op == QLatin1String("fifo.create"))
                fifo = e.obj;
            if (e.op == QLatin1String("os.write") && e.ph == 'E')
                written = i;
            if (e.op == QLatin1String("os.read") && e.ph == 'B')
                readBegins = i;
        }
        // The reader sleeps after opening: when its read begins, both ends are open and the bytes wait.
        QVERIFY(fifo && written > 0 && readBegins > written);
        const RunWatch afterWrite = model.stateAfter(readBegins + 1);
        const FifoInfo &f = afterWrite.shared().fifos.at(fifo);
        QCOMPARE(f.path, QStringLiteral("ch"));
        QCOMPARE(f.bytesInFlight, 5);
        QCOMPARE(f.writers.size(), std::size_t(1));
        QCOMPARE(f.readers.size(), std::size_t(1));
        QVERIFY(*f.writers.begin() != *f.readers.begin()); // two processes, one end each
        const RunWatch end = model.stateAfter(model.size());
        QCOMPARE(end.shared().fifos.at(fifo).bytesInFlight, 0);
        int fifoArrows = 0;
        for (const MessagePath &path : messagePaths(r.events))
            fifoArrows += path.received >= 0 && r.events[static_cast<std::size_t>(path.received)].op == QLatin1String("os.read");
        QCOMPARE(fifoArrows, 1);
        QVERIFY(end.shared().fifos.at(fifo).readers.empty());
        QVERIFY(end.shared().fifos.at(fifo).writers.empty());
        const QStringList left = QDir(QDir::tempPath()).entryList({ QStringLiteral("ipclab-run-%1-*").arg(QCoreApplication::applicationPid()) }, QDir::Dirs);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
        verifyNothingLeft(r);
    }

    // The folder of an orchestrator that was itself killed is removed by the next run.
    void staleRunFolderIsRemoved()
    {
        const pid_t gone = ::fork();
        if (gone == 0)
            ::_exit(0);
        ::waitpid(gone, nullptr, 0); // its pid now names no process
        const QString stale = QDir(QDir::tempPath()).filePath(QStringLiteral("ipclab-run-%1-abcdef").arg(gone));
        QVERIFY(QDir().mkpath(stale + QStringLiteral("/inside")));
        const Recorded r = runText("print('ok')\n");
        QCOMPARE(r.result.stdoutText, QByteArray("ok\n"));
        QVERIFY(!QFileInfo::exists(stale));
    }

    // A SharedMemory segment's bytes as both processes left them; a segment the scenario
    // forgot to unlink, and one whose creator was killed, are unlinked by the orchestrator.
    void sharedMemoryStateIsFoldedAndCleanedUp()
    {
        const Recorded r = runText("from multiprocessing import Process, shared_memory\n"
                                   "def child(name):\n"
                                   "    s = shared_memory.SharedMemory(name=name)\n"
                                   "    s.buf[:2] = b'AB'\n"
                                   "    s.close()\n"
                                   "if __name__ == '__main__':\n"
                                   "    shm = shared_memory.SharedMemory(name='ipclab_engine_test', create=True, size=4)\n"
                                   "    shm.buf[2] = 67\n"
                                   "    p = Process(target=child, args=(shm.name,))\n"
                                   "    p.start()\n"
                                   "    p.join()\n"
                                   "    print(bytes(shm.buf))\n");
        QCOMPARE(r.result.stdoutText, QByteArray("b'ABC\\x00'\n"));
        TraceModel model;
        model.load(r.events);
        const RunWatch end = model.stateAfter(model.size());
        QCOMPARE(end.shared().segments.size(), std::size_t(1));
        const SegmentInfo &seg = end.shared().segments.begin()->second;
        QCOMPARE(seg.kind, QStringLiteral("SharedMemory"));
        QCOMPARE(seg.name, QStringLiteral("ipclab_engine_test"));
        QCOMPARE(seg.bytes, QByteArray("ABC\0", 4));
        QVERIFY(end.shared().createdSegments.count(QStringLiteral("ipclab_engine_test")));
        QVERIFY(!QFile::exists(QStringLiteral("/dev/shm/ipclab_engine_test")));

        const Recorded killed = runText("import os, signal\n"
                                        "from multiprocessing import shared_memory\n"
                                        "shm = shared_memory.SharedMemory(name='ipclab_engine_killed', create=True, size=8)\n"
                                        "os.kill(os.getpid(), signal.SIGKILL)\n");
        QVERIFY(killed.result.exitCode != 0);
        QVERIFY(!QFile::exists(QStringLiteral("/dev/shm/ipclab_engine_killed")));
    }

    // connect() and accept() make one connection: the two sockets know each other.
    void socketHandshakeIsFolded()
    {
        const Recorded r = runText("import socket\n"
                                   "from multiprocessing import Process\n"
                                   "def client(port):\n"
                                   "    with socket.socket() as c:\n"
                                   "        c.connect(('127.0.0.1', port))\n"
                                   "        c.sendall(b'hi')\n"
                                   "if __name__ == '__main__':\n"
                                   "    s = socket.socket()\n"
                                   "    s.bind(('127.0.0.1', 0))\n"
                                   "    s.listen()\n"
                                   "    p = Process(target=client, args=(s.getsockname()[1],))\n"
                                   "    p.start()\n"
                                   "    conn, addr = s.accept()\n"
                                   "    print(conn.recv(10))\n"
                                   "    p.join()\n");
        QCOMPARE(r.result.stdoutText, QByteArray("b'hi'\n"));
        TraceModel model;
        model.load(r.events);
        const RunWatch end = model.stateAfter(model.size());
        int listening = 0, linked = 0;
        for (const auto &[id, sock] : end.shared().sockets) {
            if (sock.acceptedBy) {
                ++listening;
                QVERIFY(sock.peer);
                QCOMPARE(end.shared().sockets.at(sock.peer).peer, id);
                QCOMPARE(end.shared().sockets.at(sock.peer).bytesInFlight, 0);
                ++linked;
            }
        }
        QCOMPARE(listening, 1);
        QCOMPARE(linked, 1);
        // The bytes' path: the client's sendall to the server's recv.
        int arrows = 0;
        for (const MessagePath &path : messagePaths(r.events))
            arrows += path.received >= 0 && r.events[static_cast<std::size_t>(path.sent)].op == QLatin1String("socket.sendall")
                && r.events[static_cast<std::size_t>(path.received)].op == QLatin1String("socket.recv");
        QCOMPARE(arrows, 1);
    }

    // Scenario files are untrusted: no path outside the run's folder, no socket off this machine.
    void untrustedPathsAndAddressesAreRefused()
    {
        for (const char *source : { "import os\nos.mkfifo('/tmp/ipclab-escape')\n", "import os\nos.open('../x', os.O_RDONLY)\n",
                 "import os\nos.path.exists('a/../../etc')\n", "import socket\nsocket.socket().connect(('10.1.2.3', 80))\n" }) {
            const Recorded r = runText(source);
            QCOMPARE(r.result.exceptionType, QStringLiteral("PermissionError"));
        }
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/ipclab-escape")));
        // Another program's shared memory: invisible to the scenario, and left alone at the end
        // even though the scenario tried to create a segment of the same name.
        const int outside = ::shm_open("/ipclab_engine_outside", O_CREAT | O_RDWR, 0600);
        QVERIFY(outside >= 0);
        ::close(outside);
        const Recorded r = runText("from multiprocessing import shared_memory\n"
                                   "try:\n"
                                   "    shared_memory.SharedMemory(name='ipclab_engine_outside', create=True, size=4)\n"
                                   "except FileExistsError:\n"
                                   "    print('exists')\n"
                                   "shared_memory.SharedMemory(name='ipclab_engine_outside').unlink()\n");
        if (r.result.protections.join(QLatin1Char(' ')).contains(QLatin1String("private /dev/shm"))) {
            // The kernel's wall: the run has a /dev/shm of its own, where the name is free.
            QCOMPARE(r.result.stdoutText, QByteArray());
            QCOMPARE(r.result.exceptionType, QString());
        } else {
            QCOMPARE(r.result.stdoutText, QByteArray("exists\n"));
            QCOMPARE(r.result.exceptionType, QStringLiteral("FileNotFoundError"));
        }
        QVERIFY(QFile::exists(QStringLiteral("/dev/shm/ipclab_engine_outside")));
        ::shm_unlink("/ipclab_engine_outside");
        // A local service outside the run: refused as if nobody listened.
        const int service = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QVERIFY(::bind(service, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 && ::listen(service, 1) == 0);
        socklen_t len = sizeof addr;
        ::getsockname(service, reinterpret_cast<sockaddr *>(&addr), &len);
        const Recorded refused = runText(QStringLiteral("import socket\nsocket.socket().connect(('127.0.0.1', %1))\n").arg(ntohs(addr.sin_port)).toUtf8());
        QCOMPARE(refused.result.exceptionType, QStringLiteral("ConnectionRefusedError"));
        ::close(service);
    }

    // A Pool's workers and its tasks, sent and done.
    void poolStateIsFolded()
    {
        const Recorded r = runText("from multiprocessing import Pool\n"
                                   "def sq(x):\n"
                                   "    return x * x\n"
                                   "if __name__ == '__main__':\n"
                                   "    with Pool(2) as p:\n"
                                   "        print(p.map(sq, range(6)))\n");
        QCOMPARE(r.result.stdoutText, QByteArray("[0, 1, 4, 9, 16, 25]\n"));
        QCOMPARE(r.result.end, RunEnd::Finished);
        TraceModel model;
        model.load(r.events);
        int afterMap = -1;
        for (int i = 0; i < model.size(); ++i)
            if (model.event(i).op == QLatin1String("pool.get") && model.event(i).ph == 'E')
                afterMap = i;
        QVERIFY(afterMap > 0);
        const RunWatch state = model.stateAfter(afterMap + 1);
        QCOMPARE(state.shared().pools.size(), std::size_t(1));
        const PoolInfo &pool = state.shared().pools.begin()->second;
        QCOMPARE(pool.workers.size(), std::size_t(2));
        QCOMPARE(pool.tasksSent, 6);
        QCOMPARE(pool.tasksDone, 6);
        // Each task's path: submitted in the parent, run in a worker, its result read in the parent.
        int complete = 0;
        for (const MessagePath &path : messagePaths(r.events))
            complete += path.sent >= 0 && path.written >= 0 && path.received >= 0
                && r.events[static_cast<std::size_t>(path.written)].op == QLatin1String("pool.task")
                && r.events[static_cast<std::size_t>(path.written)].pid != r.events[static_cast<std::size_t>(path.sent)].pid;
        QCOMPARE(complete, 6);
        verifyNothingLeft(r);
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
