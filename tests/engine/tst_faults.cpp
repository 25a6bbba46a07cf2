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
#include <functional>
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
    # Named after the test's marker: a segment of this run is told from anyone else's.
    shm = shared_memory.SharedMemory(name=sys.argv[1] + "-shm", create=True, size=STEPS)
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

// Runs `f` on leaving the scope: a row that fails half-way still ends what it started, so
// one fault cannot spill into the next row.
class AtExit {
public:
    explicit AtExit(std::function<void()> f)
        : m_f(std::move(f))
    {
    }
    ~AtExit() { m_f(); }
    AtExit(const AtExit &) = delete;
    AtExit &operator=(const AtExit &) = delete;

private:
    std::function<void()> m_f;
};

} // namespace

class TestFaults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void randomKills_data();
    void randomKills();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QString m_scenario;
    QElapsedTimer m_clock;
    QMap<QString, int> m_perTarget, m_misreported;
    Leftovers m_found;
    QSet<QString> m_foreignShm, m_foreignFolders;
};

void TestFaults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_scenario = m_dir.filePath(QStringLiteral("faults.py"));
    QFile f(m_scenario);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kScenario);
    m_clock.start();
}

// One row per run, each with its own watchdog: the 100 draws of a fixed seed, so every run
// of the test kills the same processes at the same steps.
void TestFaults::randomKills_data()
{
    QTest::addColumn<int>("run");
    QTest::addColumn<int>("role");
    QTest::addColumn<int>("step");
    // For a closer look at one kind of fault: IPCLAB_FAULTS_ONLY=child runs only those rows
    // (the same draws, so the same steps).
    const QString only = qEnvironmentVariable("IPCLAB_FAULTS_ONLY");
    QRandomGenerator random(19);
    for (int run = 0; run < kRuns; ++run) {
        const auto target = static_cast<Target>(random.bounded(5));
        const int step = static_cast<int>(random.bounded(kSteps));
        if (only.isEmpty() || only == QLatin1String(targetName(target)))
            QTest::addRow("%02d %s at '%s'", run, targetName(target), killLine(target, step).constData()) << run << static_cast<int>(target) << step;
    }
}

void TestFaults::randomKills()
{
    QFETCH(int, run);
    QFETCH(int, role);
    QFETCH(int, step);
    const auto target = static_cast<Target>(role);
    const QByteArray wanted = killLine(target, step);
    const QString marker = QStringLiteral("ipclab-faults-%1-%2").arg(::getpid()).arg(run);
    ++m_perTarget[QLatin1String(targetName(target))];

    const QSet<QString> shmBefore = entries(QStringLiteral("/dev/shm"));
    const QSet<QString> foldersBefore = entries(QDir::tempPath(), QStringLiteral("ipclab-run-*"));

    QProcess p;
    // A Manager can take seconds to start on a loaded machine; the kill, not the hang watch, ends these runs.
    QStringList args { QStringLiteral("run"), QStringLiteral("--hang-after"), QStringLiteral("60"), m_scenario, marker, QString::fromLatin1(wanted) };
    // IPCLAB_FAULTS_TRACES=DIR keeps each run's trace.
    if (const QString traces = qEnvironmentVariable("IPCLAB_FAULTS_TRACES"); !traces.isEmpty())
        args = QStringList { args.first(), QStringLiteral("--trace"), QStringLiteral("%1/run%2.jsonl").arg(traces).arg(run) } + args.mid(1);
    QString folder;
    const QByteArray markerBytes = marker.toLocal8Bit();
    const AtExit endWhatIsLeft([&] {
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
        }
        for (qint64 pid : processesWith(markerBytes) + (folder.isEmpty() ? QList<qint64>() : processesWith(folder.toLocal8Bit())))
            ::kill(static_cast<pid_t>(pid), SIGKILL);
    });
    p.start(QStringLiteral(IPCLAB_BINARY), args);
    QVERIFY(p.waitForStarted());
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
            if (line.startsWith("mainpid ")) {
                mainPid = line.mid(8).toLongLong();
            } else if (line.startsWith("childpid ")) {
                childPid = line.mid(9).toLongLong();
            } else if (line == wanted) {
                atKillLine = true;
                break;
            }
        }
    }
    if (!atKillLine) {
        // What each process of the run was doing: its state and where in the kernel it slept.
        QString tree;
        for (qint64 pid : descendants(orchestrator)) {
            QFile wchan(QStringLiteral("/proc/%1/wchan").arg(pid));
            const QByteArray where = wchan.open(QIODevice::ReadOnly) ? wchan.readAll() : QByteArray("?");
            tree += QStringLiteral("  %1 %2 in %3\n").arg(pid).arg(QString::fromLocal8Bit(cmdline(pid).replace('\0', ' ').left(80)), QString::fromLatin1(where));
        }
        QFAIL(qPrintable(QStringLiteral("the kill line never came after %1 ms; output:\n").arg(safety.elapsed()) + QString::fromUtf8(out)
            + QStringLiteral("stderr:\n") + QString::fromUtf8(p.readAllStandardError()) + QStringLiteral("processes:\n") + tree));
    }

    // The whole run as it is now, before the kill: every one of these must be gone after.
    const QList<qint64> tree = descendants(orchestrator);
    QMap<qint64, QByteArray> seen;
    qint64 janitor = 0, manager = 0;
    for (qint64 pid : tree) {
        seen.insert(pid, startTime(pid));
        const QList<QByteArray> argv = cmdline(pid).split('\0');
        if (argv.contains("--janitor")) {
            janitor = pid;
            folder = QString::fromLocal8Bit(argv.value(argv.indexOf("--janitor") + 1));
        } else if (pid != mainPid && pid != childPid && argv.contains(markerBytes)) {
            manager = pid; // the remaining worker: neither the main process nor the child
        }
    }
    // Pids are host pids (no pid namespace): the ones the scenario printed are in the tree,
    // and the marker is on every worker's command line (after "--").
    QVERIFY2(tree.contains(mainPid) && cmdline(mainPid).contains(markerBytes), qPrintable(QString::fromUtf8(out)));
    QVERIFY2(janitor > 0 && folder.startsWith(QDir::tempPath() + QStringLiteral("/ipclab-run-")), qPrintable(folder));
    if (target == Target::Child)
        QVERIFY2(childPid > 0 && tree.contains(childPid) && cmdline(childPid).contains(markerBytes), qPrintable(QString::fromUtf8(out)));
    if (target == Target::Manager)
        QVERIFY(manager > 0);

    const qint64 victim = target == Target::Orchestrator ? orchestrator
        : target == Target::Main                         ? mainPid
        : target == Target::Child                        ? childPid
        : target == Target::Manager                      ? manager
                                                         : janitor;
    QCOMPARE(::kill(static_cast<pid_t>(victim), SIGKILL), 0);
    QVERIFY(QTest::qWaitFor([victim] { return !isLiveProcess(victim); }, kSafetyMs));
    // Then the process waiting at the kill line goes on, if it is still there: straight into
    // the loss of what was killed. Its FIFO is on the run's own tmpfs, reached through the
    // process's view of the file system.
    const qint64 paused = target == Target::Child ? childPid : mainPid;
    if (isLiveProcess(paused)) {
        const QByteArray fifo = QStringLiteral("/proc/%1/root%2/pause.fifo").arg(paused).arg(folder).toLocal8Bit();
        const int fd = ::open(fifo.constData(), O_RDWR | O_NONBLOCK | O_CLOEXEC); // O_RDWR: never waits for a reader
        if (fd >= 0) {
            if (::write(fd, "g", 1) != 1)
                qWarning() << "cannot release" << fifo;
            // Closed only once the byte was read, or the reader is gone: closing earlier could
            // leave the FIFO without a writer while its reader is still opening it.
            const auto taken = [fd, paused] {
                int queued = 0;
                return !isLiveProcess(paused) || (::ioctl(fd, FIONREAD, &queued) == 0 && queued == 0);
            };
            (void)QTest::qWaitFor(taken, kSafetyMs);
            ::close(fd);
        } else if (isLiveProcess(paused)) {
            qWarning() << "cannot open" << fifo << std::strerror(errno);
        }
    }

    QVERIFY2(p.state() == QProcess::NotRunning || p.waitForFinished(kSafetyMs), "the orchestrator did not end");
    out += p.readAllStandardOutput();
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QString report = QStringLiteral("\nstdout:\n") + QString::fromUtf8(out) + QStringLiteral("stderr:\n") + err;

    // What is left: anything of the run still alive, a new segment on the host's /dev/shm, a
    // new run folder. When the orchestrator was killed the janitor cleans up on its own time:
    // wait for it, up to the safety timeout.
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
    // Only what this run made counts: other runs on the machine (another engineer's tests)
    // make folders and segments too. The run's folder is named after its orchestrator's pid,
    // its segment after the marker; anything else that appeared is only shown in the summary.
    const QString ourFolders = QStringLiteral("ipclab-run-%1-").arg(orchestrator);
    const auto ours = [](const QSet<QString> &names, const QString &mark) {
        QSet<QString> out;
        for (const QString &n : names)
            if (n.contains(mark))
                out.insert(n);
        return out;
    };
    const auto newShm = [&] { return ours(entries(QStringLiteral("/dev/shm")) - shmBefore, marker); };
    const auto newFolders = [&] { return ours(entries(QDir::tempPath(), QStringLiteral("ipclab-run-*")) - foldersBefore, ourFolders); };
    (void)QTest::qWaitFor([&] { return leftProcesses().isEmpty() && newShm().isEmpty() && newFolders().isEmpty() && !QFileInfo::exists(folder); }, kSafetyMs);
    Leftovers now;
    now.processes = static_cast<int>(leftProcesses().size());
    now.segments = static_cast<int>(newShm().size());
    now.folders = static_cast<int>(newFolders().size());
    // The FIFOs are on the run folder's own tmpfs, gone with its mount namespace; on the host
    // only a folder that was left (or a run without its own mounts) could still hold one.
    for (const QString &dir : newFolders() + QSet<QString> { QFileInfo(folder).fileName() })
        for (const QFileInfo &f : QDir(QDir::temp().filePath(dir)).entryInfoList(QDir::System | QDir::Files | QDir::NoDotAndDotDot))
            now.fifos += f.isFile() ? 0 : 1;
    m_foreignShm += (entries(QStringLiteral("/dev/shm")) - shmBefore) - newShm();
    m_foreignFolders += (entries(QDir::tempPath(), QStringLiteral("ipclab-run-*")) - foldersBefore) - newFolders();
    m_found.processes += now.processes;
    m_found.segments += now.segments;
    m_found.folders += now.folders;
    m_found.fifos += now.fifos;

    // The outcome, where it is defined.
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
    if (!reported)
        ++m_misreported[QLatin1String(targetName(target))];

    QVERIFY2(now.total() == 0,
        qPrintable(
            QStringLiteral("left behind: %1 processes, %2 segments, %3 FIFOs, %4 folders").arg(now.processes).arg(now.segments).arg(now.fifos).arg(now.folders)
            + report));
    QVERIFY2(
        reported, qPrintable(QStringLiteral("the kill was misreported (exit %1)").arg(p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1) + report));
}

void TestFaults::cleanupTestCase()
{
    int runs = 0;
    for (int n : std::as_const(m_perTarget))
        runs += n;
    qInfo().noquote() << QStringLiteral("%1 runs in %2 s").arg(runs).arg(m_clock.elapsed() / 1000.0, 0, 'f', 1);
    for (auto it = m_perTarget.cbegin(); it != m_perTarget.cend(); ++it)
        qInfo().noquote() << QStringLiteral("  %1: %2 runs, %3 misreported").arg(it.key(), -12).arg(it.value(), 2).arg(m_misreported.value(it.key()));
    qInfo().noquote() << QStringLiteral("leftovers: %1 processes, %2 segments, %3 FIFOs, %4 folders")
                             .arg(m_found.processes)
                             .arg(m_found.segments)
                             .arg(m_found.fifos)
                             .arg(m_found.folders);
    qInfo().noquote() << QStringLiteral("not of these runs (other runs on the machine), new after a run: /dev/shm: %1; /tmp: %2")
                             .arg(QStringList(m_foreignShm.cbegin(), m_foreignShm.cend()).join(QLatin1Char(' ')))
                             .arg(QStringList(m_foreignFolders.cbegin(), m_foreignFolders.cend()).join(QLatin1Char(' ')));
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
