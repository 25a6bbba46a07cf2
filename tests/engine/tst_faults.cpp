// Faults from outside: 100 runs that each SIGKILL one process of the run (the orchestrator,
// the main worker, a child Process, the Manager server or the janitor) at a random step of
// it, then count what the run left behind. The kill point is a line of the scenario's own
// output, never a moment in time, and the seed is fixed: every run of this test kills the
// same processes at the same steps, whatever the machine's load.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <unistd.h>

namespace {

// Each process prints a numbered line between its IPC operations, so the test can stop it
// at a step. The main process and the child move in lockstep (a Queue one way, a Pipe and a
// FIFO back), and the Manager serves both; the main process owns a SharedMemory block.
const char *const kScenario = R"(import os
import sys
from multiprocessing import Manager, Pipe, Process, Queue
from multiprocessing import shared_memory

STEPS = 5
FIFO = "steps.fifo"
PAUSE = "pause.fifo"
KILL_AT = sys.argv[2]


def step(line):
    print(line, flush=True)
    # The kill point: this process waits here until the test has killed its target and
    # writes a byte (through /proc/PID/root, as the run folder is the run's own tmpfs).
    if line == KILL_AT:
        fd = os.open(PAUSE, os.O_RDONLY)
        os.read(fd, 1)
        os.close(fd)


def child(d, q, conn, shm_name):
    print("childpid", os.getpid(), flush=True)
    shm = shared_memory.SharedMemory(name=shm_name)
    fd = os.open(FIFO, os.O_WRONLY)
    for i in range(STEPS):
        step("child " + str(i))
        item = q.get()
        d["child"] = item
        shm.buf[i] = item
        conn.send(item)
        os.write(fd, b"x")
    os.close(fd)
    shm.close()
    conn.close()


if __name__ == "__main__":
    os.mkfifo(PAUSE)
    print("mainpid", os.getpid(), flush=True)
    shm = shared_memory.SharedMemory(create=True, size=STEPS)
    os.mkfifo(FIFO)
    with Manager() as m:
        d = m.dict()
        q = Queue()
        here, there = Pipe()
        p = Process(target=child, args=(d, q, there, shm.name))
        p.start()
        fd = os.open(FIFO, os.O_RDONLY)
        for i in range(STEPS):
            step("main " + str(i))
            d["main"] = i
            q.put(i)
            here.recv()
            os.read(fd, 1)
            assert d["child"] == i and shm.buf[i] == i
            step("manager-user " + str(i))
        p.join()
        os.close(fd)
    shm.close()
    shm.unlink()
    os.remove(FIFO)
    os.remove(PAUSE)
    print("done", p.exitcode, flush=True)
)";

constexpr int kSteps = 5;
constexpr int kRuns = 100;
constexpr int kSafetyMs = 30000; // only reached when something is wrong

enum class Target { Orchestrator, Main, Child, Manager, Janitor };

const char *targetName(Target t)
{
    switch (t) {
    case Target::Orchestrator:
        return "orchestrator";
    case Target::Main:
        return "main";
    case Target::Child:
        return "child";
    case Target::Manager:
        return "manager";
    case Target::Janitor:
        return "janitor";
    }
    return "?";
}

// The line of the scenario's output at which each target is killed: a step of the process
// itself; the Manager's is the main process's line right after a Manager round trip, and the
// orchestrator and the janitor run no scenario code, so theirs is a step of the main process.
QByteArray killLine(Target t, int step)
{
    const char *who = t == Target::Child ? "child" : t == Target::Manager ? "manager-user" : "main";
    return QByteArray(who) + ' ' + QByteArray::number(step);
}

QByteArray cmdline(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A pid and its start time: the same number given to a later process is not the same process.
QByteArray startTime(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = f.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? fields.at(19) : QByteArray(); // field 22 of stat
}

bool isLiveProcess(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = f.readAll();
    return text.mid(text.lastIndexOf(')') + 2, 1) != "Z";
}

// Live processes below `root`, from every process's parent pid. Not process_tree.h's
// /proc/PID/task/TID/children: proc(5) says it can miss children while they are being
// created or reaped, and here the tree is read while the run is busy.
QList<qint64> descendants(qint64 root)
{
    QMultiMap<qint64, qint64> children;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        QFile f(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!number || !f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = f.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(0) != "Z")
            children.insert(fields.at(1).toLongLong(), pid);
    }
    QList<qint64> out;
    QList<qint64> todo { root };
    while (!todo.isEmpty())
        for (qint64 child : children.values(todo.takeFirst())) {
            out.append(child);
            todo.append(child);
        }
    return out;
}

// Live processes anywhere on the machine whose command line holds `needle`.
QList<qint64> processesWith(const QByteArray &needle)
{
    QList<qint64> out;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        if (number && pid != ::getpid() && cmdline(pid).contains(needle) && isLiveProcess(pid))
            out.append(pid);
    }
    return out;
}

QSet<QString> entries(const QString &dir, const QString &pattern = {})
{
    const QStringList names = QDir(dir).entryList(
        pattern.isEmpty() ? QStringList() : QStringList { pattern }, QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot);
    return QSet<QString>(names.begin(), names.end());
}

struct Leftovers {
    int processes = 0, segments = 0, fifos = 0, folders = 0;
    int total() const { return processes + segments + fifos + folders; }
};

} // namespace

class TestFaults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void randomKills();

private:
    QTemporaryDir m_dir;
    QString m_scenario;
};

void TestFaults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_scenario = m_dir.filePath(QStringLiteral("faults.py"));
    QFile f(m_scenario);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kScenario);
}

void TestFaults::randomKills()
{
    QRandomGenerator random(19); // fixed: the same kills in every run of the test
    QMap<QString, int> perTarget, misreported;
    Leftovers found;
    QStringList problems;
    const QString only = qEnvironmentVariable("IPCLAB_FAULTS_ONLY");
    const QString traces = qEnvironmentVariable("IPCLAB_FAULTS_TRACES");
    QElapsedTimer clock;
    clock.start();

    for (int run = 0; run < kRuns; ++run) {
        const auto target = static_cast<Target>(random.bounded(5));
        const int step = static_cast<int>(random.bounded(kSteps));
        const QByteArray wanted = killLine(target, step);
        const QString marker = QStringLiteral("ipclab-faults-%1-%2").arg(::getpid()).arg(run);
        const QString where = QStringLiteral("run %1 (%2 at '%3')").arg(run).arg(QLatin1String(targetName(target)), QString::fromLatin1(wanted));
        // For a closer look at one kind of fault: IPCLAB_FAULTS_ONLY=child runs only those
        // (the same draws, so the same steps), IPCLAB_FAULTS_TRACES=DIR keeps each run's trace.
        if (!only.isEmpty() && only != QLatin1String(targetName(target)))
            continue;
        ++perTarget[QLatin1String(targetName(target))];

        const QSet<QString> shmBefore = entries(QStringLiteral("/dev/shm"));
        const QSet<QString> foldersBefore = entries(QDir::tempPath(), QStringLiteral("ipclab-run-*"));

        QProcess p;
        QStringList args { QStringLiteral("run"), m_scenario, marker, QString::fromLatin1(wanted) };
        if (!traces.isEmpty())
            args = QStringList { QStringLiteral("run"), QStringLiteral("--trace"), QStringLiteral("%1/run%2.jsonl").arg(traces).arg(run) } + args.mid(1);
        p.start(QStringLiteral(IPCLAB_BINARY), args);
        QVERIFY2(p.waitForStarted(), qPrintable(where));
        const qint64 orchestrator = p.processId();

        // Read the run's output line by line up to the kill line; the pids come on the way.
        qint64 mainPid = 0, childPid = 0;
        QByteArray out;
        bool atKillLine = false;
        QElapsedTimer safety;
        safety.start();
        while (!atKillLine && safety.elapsed() < kSafetyMs && p.state() != QProcess::NotRunning) {
            if (!p.canReadLine() && !p.waitForReadyRead(100))
                continue;
            while (p.canReadLine()) {
                const QByteArray line = p.readLine().trimmed();
                out += line + '\n';
                if (line.startsWith("mainpid "))
                    mainPid = line.mid(8).toLongLong();
                else if (line.startsWith("childpid "))
                    childPid = line.mid(9).toLongLong();
                else if (line == wanted) {
                    atKillLine = true;
                    break;
                }
            }
        }
        QVERIFY2(atKillLine, qPrintable(where + QStringLiteral(": the kill line never came; output:\n") + QString::fromUtf8(out)));

        // The whole run as it is now, before the kill: every one of these must be gone after.
        const QList<qint64> tree = descendants(orchestrator);
        QMap<qint64, QByteArray> seen;
        qint64 janitor = 0, manager = 0;
        QString folder;
        for (qint64 pid : tree) {
            seen.insert(pid, startTime(pid));
            const QList<QByteArray> args = cmdline(pid).split('\0');
            if (args.contains("--janitor")) {
                janitor = pid;
                folder = QString::fromLocal8Bit(args.value(args.indexOf("--janitor") + 1));
            } else if (pid != mainPid && pid != childPid && args.contains(marker.toLocal8Bit())) {
                manager = pid; // the remaining worker: neither the main process nor the child
            }
        }
        // Pids are host pids (no pid namespace): the ones the scenario printed are in the tree.
        QVERIFY2(tree.contains(mainPid), qPrintable(where + QStringLiteral(" main %1 orch %2 tree %3").arg(mainPid).arg(orchestrator).arg(tree.size())));
        QVERIFY2(janitor > 0 && folder.startsWith(QDir::tempPath() + QStringLiteral("/ipclab-run-")), qPrintable(where));
        // The marker reaches every worker's command line (after "--"), the janitor's holds the folder.
        QVERIFY2(cmdline(mainPid).contains(marker.toLocal8Bit()), qPrintable(where));
        if (target == Target::Child)
            QVERIFY2(childPid > 0 && tree.contains(childPid) && cmdline(childPid).contains(marker.toLocal8Bit()),
                qPrintable(where
                    + QStringLiteral(" child %1 tree %2 cmd %3 out %4")
                          .arg(childPid)
                          .arg(QString::number(tree.size()))
                          .arg(QString::fromLatin1(cmdline(childPid)))
                          .arg(QString::fromUtf8(out))));
        if (target == Target::Manager)
            QVERIFY2(manager > 0, qPrintable(where));

        const qint64 victim = target == Target::Orchestrator ? orchestrator
            : target == Target::Main                         ? mainPid
            : target == Target::Child                        ? childPid
            : target == Target::Manager                      ? manager
                                                             : janitor;
        QCOMPARE(::kill(static_cast<pid_t>(victim), SIGKILL), 0);
        QVERIFY2(QTest::qWaitFor([victim] { return !isLiveProcess(victim); }, kSafetyMs), qPrintable(where));
        // Then the process waiting at the kill line goes on, if it is still there: straight
        // into the loss of what was killed. Its FIFO is on the run's own tmpfs, reached
        // through the process's view of the file system.
        const qint64 paused = target == Target::Child ? childPid : mainPid;
        if (isLiveProcess(paused)) {
            const QByteArray fifo = QStringLiteral("/proc/%1/root%2/pause.fifo").arg(paused).arg(folder).toLocal8Bit();
            const int fd = ::open(fifo.constData(), O_RDWR | O_NONBLOCK | O_CLOEXEC); // O_RDWR: never waits for a reader
            if (fd >= 0) {
                if (::write(fd, "g", 1) != 1)
                    qWarning() << where << "cannot release" << fifo;
                // Closed only once the byte was read, or the reader is gone: closing earlier
                // could leave the FIFO without a writer while its reader is still opening it.
                const auto taken = [fd, paused] {
                    int queued = 0;
                    return !isLiveProcess(paused) || (::ioctl(fd, FIONREAD, &queued) == 0 && queued == 0);
                };
                (void)QTest::qWaitFor(taken, kSafetyMs);
                ::close(fd);
            } else if (isLiveProcess(paused)) {
                qWarning() << where << "cannot open" << fifo << std::strerror(errno);
            }
        }

        QVERIFY2(p.state() == QProcess::NotRunning || p.waitForFinished(kSafetyMs), qPrintable(where + QStringLiteral(": the orchestrator did not end")));
        out += p.readAllStandardOutput();
        const QString err = QString::fromUtf8(p.readAllStandardError());
        const QString report = where + QStringLiteral("\nstdout:\n") + QString::fromUtf8(out) + QStringLiteral("stderr:\n") + err;

        // What is left: anything of the run still alive, a new segment on the host's /dev/shm,
        // a new run folder (the FIFO lives in it). When the orchestrator was killed the janitor
        // cleans up on its own time: wait for it, up to the safety timeout.
        const QByteArray markerBytes = marker.toLocal8Bit();
        const QByteArray folderBytes = folder.toLocal8Bit();
        const auto leftProcesses = [&] {
            QSet<qint64> left;
            for (qint64 pid : processesWith(markerBytes) + processesWith(folderBytes))
                left.insert(pid);
            for (auto it = seen.cbegin(); it != seen.cend(); ++it)
                if (isLiveProcess(it.key()) && startTime(it.key()) == it.value())
                    left.insert(it.key());
            return left;
        };
        const auto newShm = [&] { return entries(QStringLiteral("/dev/shm")) - shmBefore; };
        const auto newFolders = [&] { return entries(QDir::tempPath(), QStringLiteral("ipclab-run-*")) - foldersBefore; };
        // Counted rather than asserted here: the summary shows every run's leftovers.
        const bool clean = QTest::qWaitFor(
            [&] { return leftProcesses().isEmpty() && newShm().isEmpty() && newFolders().isEmpty() && !QFileInfo::exists(folder); }, kSafetyMs);
        Leftovers now;
        now.processes = static_cast<int>(leftProcesses().size());
        now.segments = static_cast<int>(newShm().size());
        now.folders = static_cast<int>(newFolders().size());
        // The FIFOs are on the run folder's own tmpfs, gone with its mount namespace; on the host
        // only a folder that was left (or a run without its own mounts) could still hold one.
        for (const QString &dir : newFolders() + QSet<QString> { QFileInfo(folder).fileName() })
            for (const QFileInfo &f : QDir(QDir::temp().filePath(dir)).entryInfoList(QDir::System | QDir::Files | QDir::NoDotAndDotDot))
                now.fifos += f.isFile() ? 0 : 1;
        found.processes += now.processes;
        found.segments += now.segments;
        found.folders += now.folders;
        found.fifos += now.fifos;
        if (!clean || now.total() > 0)
            problems << QStringLiteral("left behind: %1 processes, %2 segments, %3 FIFOs, %4 folders; ")
                            .arg(now.processes)
                            .arg(now.segments)
                            .arg(now.fifos)
                            .arg(now.folders)
                    + report;

        // The outcome, where it is defined. A wrong one is counted, not fatal: the other runs
        // still say what they leave behind.
        bool reported = true;
        switch (target) {
        case Target::Orchestrator:
            reported = p.exitStatus() == QProcess::CrashExit;
            break;
        case Target::Main:
        case Target::Child:
        case Target::Manager: {
            const QString who = target == Target::Main ? QStringLiteral("MainProcess")
                : target == Target::Child              ? QStringLiteral("Process-1")
                                                       : QStringLiteral("SyncManager-1");
            const QStringList lines = err.split(QLatin1Char('\n')).filter(QStringLiteral("killed by signal 9 (SIGKILL)"));
            reported = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 128 + SIGKILL && !lines.filter(who).isEmpty();
            break;
        }
        case Target::Janitor:
            reported = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0
                && err.contains(QStringLiteral("janitor was killed by signal 9 (SIGKILL); a new one was started"));
            break;
        }
        if (!reported) {
            ++misreported[QLatin1String(targetName(target))];
            problems << QStringLiteral("misreported (exit %1): ").arg(p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1) + report;
        }
    }

    qInfo().noquote() << QStringLiteral("%1 runs in %2 s").arg(kRuns).arg(clock.elapsed() / 1000.0, 0, 'f', 1);
    for (auto it = perTarget.cbegin(); it != perTarget.cend(); ++it)
        qInfo().noquote() << QStringLiteral("  %1: %2 runs, %3 misreported").arg(it.key(), -12).arg(it.value(), 2).arg(misreported.value(it.key()));
    qInfo().noquote() << QStringLiteral("leftovers: %1 processes, %2 segments, %3 FIFOs, %4 folders")
                             .arg(found.processes)
                             .arg(found.segments)
                             .arg(found.fifos)
                             .arg(found.folders);
    for (const QString &problem : problems)
        qWarning().noquote() << problem;
    QCOMPARE(found.total(), 0);
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 runs misreported a kill or left something behind (above)").arg(problems.size())));
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
