#include "orchestrator.h"

#include "sandbox_words.h"

#include "kernel_sandbox.h"
#include "live_scheduler.h"
#include "process_scan.h"
#include "protocol.h"
#include "run_folder.h"
#include "run_janitor.h"
#include "run_registry.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <boost/process/args.hpp>
#include <boost/process/child.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/extend.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace bp = boost::process;

namespace ipclab::engine {

namespace {

// How a run ended, in words: translated in the window, English on the command line.
struct RunText {
    Q_DECLARE_TR_FUNCTIONS(RunText)
};

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The orchestrator's ends of the pipes and the scenario text, closed on every path out.
struct OwnedFd {
    int fd = -1;
    OwnedFd() = default;
    explicit OwnedFd(int f)
        : fd(f)
    {
    }
    OwnedFd(const OwnedFd &) = delete;
    OwnedFd &operator=(const OwnedFd &) = delete;
    ~OwnedFd() { reset(); }
    void reset()
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
};

bool makePipe(OwnedFd &readEnd, OwnedFd &writeEnd)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return false;
    readEnd.fd = fds[0];
    writeEnd.fd = fds[1];
    return true;
}

// Reads what is available (the fd is non-blocking); false at end of file.
bool readAvailable(int fd, QByteArray &into)
{
    char chunk[65536];
    while (true) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n > 0) {
            into.append(chunk, n);
            if (static_cast<size_t>(n) < sizeof chunk)
                return true; // drained: spare the read that would say EAGAIN
            continue;
        }
        if (n == 0)
            return false;
        if (errno == EINTR)
            continue;
        return true; // EAGAIN: nothing more for now
    }
}

class RunLoop {
public:
    RunLoop(const RunOptions &options, const Orchestrator::EventSink &sink, std::atomic<bool> &stop)
        : m_options(options)
        , m_sink(sink)
        , m_stop(stop)
        , m_sourceLines(QString::fromUtf8(options.source).split(QLatin1Char('\n')))
    {
        m_watch.setFoldsVariables(false); // the window folds them for its panel; the hang watch needs none
    }

    RunResult run();

private:
    bool start();
    void drainTrace();
    void drainStdout();
    void keepOutput(const QByteArray &text);
    void checkJanitor();
    void handleLine(const QByteArray &line);
    void checkProcesses();
    void finish(RunEnd end);
    bool reportUnexpectedDeaths();
    void stopEverything();
    bool handleInterrupts(bool rootEnded);

    const RunOptions &m_options;
    const Orchestrator::EventSink &m_sink;
    std::atomic<bool> &m_stop;
    QStringList m_sourceLines;
    RunWatch m_watch;
    RunResult m_result;

    OwnedFd m_traceRead, m_traceWrite, m_outRead, m_outWrite, m_source;
    RunFolder m_folder; // the run's working directory: its FIFOs and files go with it
    sandbox::RegistryOwner m_registry; // what the run created, as its runtime (not its scenario) says
    sandbox::Plan m_sandbox;
    RunJanitor m_janitor; // and if this process is killed, it still goes
    bp::child m_child;
    int m_group = 0;
    QByteArray m_pending;
    QByteArray m_outputTail; // stdout past the kept head: its newest half of the limit
    bool m_traceOpen = true;
    bool m_ended = false;
    Clock::time_point m_started, m_lastProgress;
    long long m_lastCpu = -1;
    int m_interruptsSeen = 0;
    std::optional<Clock::time_point> m_interruptedAt;
};

// Ctrl+C: first passed on to the run (KeyboardInterrupt in each process, as the terminal
// sends SIGINT to CPython's whole foreground group); true when the run must be stopped now.
bool RunLoop::handleInterrupts(bool rootEnded)
{
    if (!m_options.interrupts)
        return false;
    const int presses = m_options.interrupts->load();
    bool stopNow = false;
    if (presses > m_interruptsSeen) {
        m_interruptsSeen = presses;
        if (!m_interruptedAt) {
            m_interruptedAt = Clock::now();
            if (m_group > 0)
                ::kill(-m_group, SIGINT);
        } else {
            stopNow = true; // pressed again: the user does not want to wait
        }
    }
    if (m_interruptedAt && !rootEnded && secondsSince(*m_interruptedAt) > kInterruptGraceSeconds)
        stopNow = true;
    if (!stopNow || m_ended)
        return false;
    m_result.diagnosis << RunText::tr("The run was interrupted (Ctrl+C) and stopped.");
    m_result.exitCode = kExitStopped;
    finish(RunEnd::Stopped);
    return true;
}

bool RunLoop::start()
{
    if (!makePipe(m_traceRead, m_traceWrite)) {
        m_result.diagnosis << QStringLiteral("cannot create the trace pipe: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    ::fcntl(m_traceWrite.fd, F_SETPIPE_SZ, 1 << 20); // room for bursts while the orchestrator is busy
    ::fcntl(m_traceRead.fd, F_SETFL, O_NONBLOCK);
    if (m_options.captureStdout) {
        if (!makePipe(m_outRead, m_outWrite))
            return false;
        ::fcntl(m_outRead.fd, F_SETFL, O_NONBLOCK);
    }
    // The scenario text travels in a memfd: the worker runs exactly what was checked
    // (an editor's unsaved buffer included), and no temp file is left behind.
    m_source.fd = ::memfd_create("ipclab-scenario", MFD_CLOEXEC);
    if (m_source.fd < 0 || ::write(m_source.fd, m_options.source.constData(), static_cast<size_t>(m_options.source.size())) != m_options.source.size()) {
        m_result.diagnosis << QStringLiteral("cannot hand the scenario to the worker: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    ::lseek(m_source.fd, 0, SEEK_SET);

    // The trace channel is named on the command line (Boost 1.74's environment lookup reads past
    // the end of short entries, which AddressSanitizer reports).
    if (!m_folder.create()) {
        m_result.diagnosis << QStringLiteral("cannot create the run's folder: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_sandbox = sandbox::makePlan(m_options.limits, m_folder.path(), m_options.workerPath.toStdString(), m_options.kernelSandbox);
    m_result.protections = protectionWords(m_sandbox);
    if (m_sandbox.dropRoot && !m_sandbox.mounts && ::chown(m_folder.path().c_str(), m_sandbox.nobodyUid, m_sandbox.nobodyGid) != 0) {
        m_result.diagnosis << QStringLiteral("cannot hand the run's folder to nobody: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (!m_registry.create(m_options.limits.maxProcesses, m_options.limits.sharedMemoryBytes, m_sandbox.mounts)) {
        m_result.diagnosis << QStringLiteral("cannot create the run's registry: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    std::vector<std::string> args { "--trace-fd", std::to_string(m_traceWrite.fd), "--trace-level",
        std::string(trace::levelName(m_options.traceVariables ? trace::Level::Variables
                : m_options.traceStatements                   ? trace::Level::Statements
                                                              : trace::Level::Operations)),
        "--source-fd", std::to_string(m_source.fd), "--registry-fd", std::to_string(m_registry.fd()), "--name", m_options.fileName.toStdString(), "--" };
    const int gateFd = m_options.live ? m_options.live->boardFd() : -1;
    if (gateFd >= 0)
        args.insert(args.end() - 1, { "--gate-fd", std::to_string(gateFd) });
    for (const QString &a : m_options.arguments)
        args.push_back(a.toStdString());
    const int traceFd = m_traceWrite.fd;
    const int sourceFd = m_source.fd;
    const int outFd = m_outWrite.fd;
    const int registryFd = m_registry.fd();
    m_janitor.start(m_options.workerPath, m_folder.path(), registryFd);
    const char *workDir = m_folder.path().c_str();
    const sandbox::Plan *plan = &m_sandbox;
    const pid_t orchestrator = ::getpid();
    std::error_code error;
    m_child = bp::child(
        bp::exe = m_options.workerPath.toStdString(), bp::args = args,
        bp::extend::on_exec_setup =
            [traceFd, sourceFd, outFd, gateFd, registryFd, workDir, plan, orchestrator](auto &) {
                // Only async-signal-safe calls here: this runs between fork and exec.
                ::setpgid(0, 0); // one group: the whole run can be signalled at once
                if (const int failed = sandbox::apply(*plan)) {
                    const char *why = sandbox::failedStep(failed);
                    if (::write(STDERR_FILENO, "ipclab: the sandbox failed: ", 28) < 0 || ::write(STDERR_FILENO, why, std::strlen(why)) < 0
                        || ::write(STDERR_FILENO, "\n", 1) < 0) { }
                    ::_exit(126);
                }
                // After the sandbox: giving up root clears the parent-death signal.
                ::prctl(PR_SET_PDEATHSIG, SIGKILL); // the run dies with the orchestrator
                if (::getppid() != orchestrator)
                    ::_exit(127); // it died already
                ::fcntl(traceFd, F_SETFD, 0);
                ::fcntl(sourceFd, F_SETFD, 0);
                ::fcntl(registryFd, F_SETFD, 0);
                if (gateFd >= 0)
                    ::fcntl(gateFd, F_SETFD, 0);
                if (outFd >= 0)
                    ::dup2(outFd, STDOUT_FILENO);
                if (::chdir(workDir) != 0)
                    ::_exit(127);
            },
        error);
    if (error) {
        m_result.diagnosis << QStringLiteral("cannot start the worker %1: %2").arg(m_options.workerPath, QString::fromStdString(error.message()));
        return false;
    }
    m_group = m_child.id();
    ::setpgid(m_group, m_group); // also from this side, so the group exists before we look for it
    m_janitor.noteGroup(m_group);
    m_traceWrite.reset();
    m_outWrite.reset();
    m_source.reset();
    return true;
}

void RunLoop::handleLine(const QByteArray &line)
{
    auto event = parseTraceEvent(line);
    if (!event)
        return;
    if (static_cast<quint64>(++m_result.eventCount) > m_options.limits.maxTraceEvents) {
        if (!m_ended) {
            m_result.diagnosis
                << RunText::tr("The run was stopped at its limit of %1 trace events (ipclab run --max-events).").arg(m_options.limits.maxTraceEvents);
            m_result.exitCode = kExitTimeLimit;
            finish(RunEnd::TimeLimit);
        }
        return;
    }
    m_watch.apply(*event);
    if (event->op == QLatin1String("process.exit") && event->pid == m_group && event->has("exception")) {
        m_result.exceptionType = event->text("exception");
        m_result.exceptionMessage = event->text("message");
        m_result.exceptionLine = static_cast<int>(event->integer("raisedAt"));
    }
    if (m_sink)
        m_sink(*event, line);
}

void RunLoop::drainTrace()
{
    if (!m_traceOpen)
        return;
    const qsizetype before = m_pending.size();
    m_traceOpen = readAvailable(m_traceRead.fd, m_pending);
    if (m_pending.size() != before)
        m_lastProgress = Clock::now();
    qsizetype start = 0;
    while (true) {
        const qsizetype newline = m_pending.indexOf('\n', start);
        if (newline < 0)
            break;
        handleLine(m_pending.mid(start, newline - start));
        start = newline + 1;
    }
    m_pending.remove(0, start);
}

void RunLoop::drainStdout()
{
    if (m_outRead.fd < 0)
        return;
    QByteArray text;
    const bool open = readAvailable(m_outRead.fd, text);
    if (!text.isEmpty()) {
        keepOutput(text);
        for (qsizetype done = m_options.echoStdout ? 0 : text.size(); done < text.size();) {
            const ssize_t n = ::write(STDOUT_FILENO, text.constData() + done, static_cast<size_t>(text.size() - done));
            if (n <= 0 && errno != EINTR)
                break;
            if (n > 0)
                done += n;
        }
    }
    if (!open)
        m_outRead.reset();
}

void RunLoop::keepOutput(const QByteArray &text)
{
    // The head and the tail, half the limit each: a run printing forever cannot fill memory,
    // and both its first lines and its last (where the lesson's point is) are kept.
    const auto half = static_cast<qsizetype>(m_options.limits.keptOutputBytes / 2);
    qsizetype used = 0;
    if (m_result.stdoutText.size() < half) {
        used = std::min(half - m_result.stdoutText.size(), text.size());
        m_result.stdoutText += text.left(used);
    }
    if (used == text.size())
        return;
    m_outputTail += text.mid(used);
    if (m_outputTail.size() > half) {
        m_result.droppedOutputBytes += m_outputTail.size() - half;
        m_outputTail.remove(0, m_outputTail.size() - half);
    }
}

void RunLoop::checkJanitor()
{
    const std::optional<int> death = m_janitor.death();
    if (!death)
        return;
    const QString how
        = *death < 0 ? RunText::tr("was killed by signal %1 (%2)").arg(-*death).arg(signalName(-*death)) : RunText::tr("ended with status %1").arg(*death);
    m_result.diagnosis << (m_janitor.restart() ? RunText::tr("The run's janitor %1; a new one was started.").arg(how)
                                               : RunText::tr("The run's janitor %1 and could not be started again.").arg(how));
}

void RunLoop::checkProcesses()
{
    checkJanitor();
    // Which introduced processes died without saying so? Look first, then read what
    // they wrote before dying, then judge: a clean exit always writes its event first.
    std::vector<std::pair<int, std::optional<int>>> dead;
    for (const auto &[pid, p] : m_watch.processes()) {
        if (p.gone || pid == m_group)
            continue;
        const auto stat = readProcessStat(pid);
        if (!stat) {
            // Reaped already: its parent writes how it ended (process.reaped) right after
            // waitpid, so wait for that event while the parent lives, and judge then.
            const ProcessInfo *parent = p.ppid > 0 ? m_watch.process(p.ppid) : nullptr;
            if (!parent || parent->gone || !readProcessStat(p.ppid))
                dead.emplace_back(pid, std::nullopt);
        } else if (stat->state == 'Z') {
            const int status = stat->waitStatus;
            dead.emplace_back(pid, WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status));
        }
    }
    if (!dead.empty())
        drainTrace();
    for (const auto &[pid, exitcode] : dead)
        m_watch.markGone(pid, exitcode);
    if (reportUnexpectedDeaths())
        return;

    // Progress is any event or any CPU time used by any process of the run.
    long long cpu = 0;
    for (int pid : processesInGroup(m_group))
        if (const auto stat = readProcessStat(pid))
            cpu += stat->cpuTicks;
    if (cpu != m_lastCpu) {
        m_lastCpu = cpu;
        m_lastProgress = Clock::now();
    }
    // A thread held at a gate waits for the user: not a hang.
    if (m_options.hangSeconds > 0 && secondsSince(m_lastProgress) >= m_options.hangSeconds && !m_watch.someoneWaitsWithTimeout() && !m_watch.someoneAtGate()) {
        auto blocked = m_watch.blockedCalls(m_sourceLines);
        if (!blocked.empty()) {
            m_result.diagnosis << RunText::tr("The run hangs: no process has made progress for %1 s.").arg(m_options.hangSeconds);
            for (const auto &b : blocked)
                m_result.diagnosis << b.text;
            m_result.blocked = std::move(blocked);
            m_result.exitCode = kExitHang;
            finish(RunEnd::Hang);
            return;
        }
    }
    if (m_options.timeLimitSeconds > 0 && secondsSince(m_started) >= m_options.timeLimitSeconds) {
        m_result.diagnosis << RunText::tr("The run took longer than its time limit of %1 s and was stopped.").arg(m_options.timeLimitSeconds);
        m_result.exitCode = kExitTimeLimit;
        finish(RunEnd::TimeLimit);
    }
}

bool RunLoop::reportUnexpectedDeaths()
{
    const std::vector<int> deaths = m_watch.takeUnexpectedDeaths();
    if (deaths.empty() || m_ended)
        return false;
    int code = 0;
    for (int pid : deaths) {
        const ProcessInfo *p = m_watch.process(pid);
        const int exitcode = p && p->exitcode ? *p->exitcode : 0;
        if (exitcode < 0)
            m_result.diagnosis << RunText::tr("%1 was killed by signal %2 (%3); the run was stopped")
                                      .arg(m_watch.describeProcess(pid))
                                      .arg(-exitcode)
                                      .arg(signalName(-exitcode));
        else if (p && p->exitcode)
            m_result.diagnosis
                << RunText::tr("%1 ended without finishing (exit status %2); the run was stopped").arg(m_watch.describeProcess(pid)).arg(exitcode);
        else
            m_result.diagnosis << RunText::tr("%1 ended without finishing; the run was stopped").arg(m_watch.describeProcess(pid));
        if (!code)
            code = exitcode < 0 ? 128 - exitcode : (exitcode ? exitcode : 1);
    }
    m_result.exitCode = code;
    finish(RunEnd::Crashed);
    return true;
}

void RunLoop::finish(RunEnd end)
{
    if (m_ended)
        return;
    m_ended = true;
    m_result.end = end;
}

void RunLoop::stopEverything()
{
    if (m_group > 0)
        ::kill(-m_group, SIGKILL);
    std::error_code ignored;
    if (m_child.valid())
        m_child.wait(ignored);
    // The orchestrator is a child subreaper: the run's orphans became its children, so it
    // can reap every one of them. Done when /proc shows nothing of the group, not even a zombie.
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    while (m_group > 0 && Clock::now() < deadline) {
        while (::waitpid(-m_group, nullptr, WNOHANG) > 0) { }
        const std::vector<int> left = processesInGroup(m_group);
        if (left.empty())
            break;
        for (int pid : left)
            ::kill(pid, SIGKILL);
        ::usleep(2000);
    }
}

RunResult RunLoop::run()
{
    m_started = m_lastProgress = Clock::now();
    if (!start()) {
        m_result.end = RunEnd::FailedToStart;
        m_result.exitCode = 1;
        return m_result;
    }
    auto lastCheck = Clock::now();
    std::optional<Clock::time_point> rootEnded;
    while (true) {
        pollfd fds[3]
            = { { m_traceOpen ? m_traceRead.fd : -1, POLLIN, 0 }, { m_outRead.fd, POLLIN, 0 }, { m_options.live ? m_options.live->wakeFd() : -1, POLLIN, 0 } };
        // A live run with steps asked for looks again soon: a settle shows in /proc, not in events.
        const bool liveBusy = m_options.live && m_options.live->busy();
        ::poll(fds, 3, liveBusy ? 2 : 50);
        if (m_options.live && (fds[2].revents & POLLIN))
            m_options.live->drainWake();
        drainTrace();
        if (m_options.live) {
            m_options.live->tick(m_watch);
        } else if (m_result.eventCount > 0) {
            // A busy run writes in small bursts: let a millisecond of them gather, so the
            // orchestrator reads them in one go instead of waking for each.
            ::usleep(1000);
        }
        drainStdout();
        if (m_ended || reportUnexpectedDeaths())
            break;
        if (handleInterrupts(rootEnded.has_value()))
            break;
        if (m_stop.load()) {
            m_result.diagnosis << RunText::tr("The run was stopped.");
            m_result.exitCode = kExitStopped;
            finish(RunEnd::Stopped);
            break;
        }
        if (!rootEnded) {
            std::error_code error;
            if (!m_child.running(error)) {
                rootEnded = Clock::now();
                const int status = m_child.native_exit_code();
                const int code = WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
                drainTrace();
                m_watch.markGone(m_group, code);
                if (reportUnexpectedDeaths())
                    break;
                m_result.exitCode = code;
            }
        }
        if (rootEnded) {
            // The main process is done; what it left running dies with it (parent-death
            // signal). Give their last events a moment to arrive, then end.
            if (!m_traceOpen || secondsSince(*rootEnded) > 1.0) {
                finish(RunEnd::Finished);
                break;
            }
            continue;
        }
        if (Clock::now() - lastCheck >= std::chrono::milliseconds(100)) {
            lastCheck = Clock::now();
            checkProcesses();
            if (m_ended)
                break;
        }
    }
    stopEverything();
    checkJanitor(); // a janitor killed in the run's last moments is said, and replaced, too
    drainTrace();
    drainStdout();
    if (m_result.droppedOutputBytes > 0) {
        m_result.stdoutText += m_outputTail;
        m_result.diagnosis << RunText::tr("The run printed %1 bytes; IPC Lab kept the first and the last %2 MiB and left out %3 bytes between them.")
                                  .arg(m_result.stdoutText.size() + m_result.droppedOutputBytes)
                                  .arg(m_options.limits.keptOutputBytes / 2 >> 20)
                                  .arg(m_result.droppedOutputBytes);
    } else {
        m_result.stdoutText += m_outputTail;
    }
    // Nothing of the run is left behind: its shared memory segments and its folder.
    for (const std::string &name : m_registry.segmentsToRemove())
        ::shm_unlink(("/" + name).c_str());
    m_folder.remove();
    m_janitor.finish();
    // What was still running was killed to end the run.
    std::vector<int> killed;
    for (const auto &[pid, p] : m_watch.processes())
        if (!p.gone && !p.exitcode)
            killed.push_back(pid);
    for (int pid : killed)
        m_watch.markGone(pid, -SIGKILL);
    for (const auto &[pid, p] : m_watch.processes())
        m_result.processes.push_back({ pid, p.name, p.role, p.exitcode });
    m_result.durationSeconds = secondsSince(m_started);
    return m_result;
}

} // namespace

RunResult Orchestrator::run(const RunOptions &options, const EventSink &sink)
{
    // m_stop is not cleared here: a stop asked for while the run's thread was on its way here
    // must still end it (the caller clears it before starting the next run: clearStop()).
    // Orphans of the run (a child whose parent died) are re-parented here rather than to
    // init, so they are seen and reaped, and no zombie outlives the run.
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    RunLoop loop(options, sink, m_stop);
    return loop.run();
}

QString signalName(int signal)
{
    switch (signal) {
    case SIGKILL:
        return QStringLiteral("SIGKILL");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    case SIGSEGV:
        return QStringLiteral("SIGSEGV");
    case SIGABRT:
        return QStringLiteral("SIGABRT");
    case SIGINT:
        return QStringLiteral("SIGINT");
    case SIGBUS:
        return QStringLiteral("SIGBUS");
    case SIGFPE:
        return QStringLiteral("SIGFPE");
    case SIGPIPE:
        return QStringLiteral("SIGPIPE");
    case SIGHUP:
        return QStringLiteral("SIGHUP");
    default:
        return QStringLiteral("signal %1").arg(signal);
    }
}

TraceEvent runStartEvent(const RunOptions &options)
{
    TraceEvent e;
    e.op = QStringLiteral("run.start");
    e.t = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    QJsonObject v;
    v[QLatin1String("file")] = options.fileName;
    v[QLatin1String("source")] = QString::fromUtf8(options.source);
    v[QLatin1String("argv")] = QJsonArray::fromStringList(QStringList { options.fileName } + options.arguments);
    v[QLatin1String("format")] = QString::fromUtf8(trace::kFormatVersion.data(), static_cast<qsizetype>(trace::kFormatVersion.size()));
    e.setValues(v);
    return e;
}

TraceEvent runEndEvent(const RunResult &result)
{
    static const char *const ends[] = { "finished", "hang", "time-limit", "crashed", "stopped", "failed-to-start" };
    TraceEvent e;
    e.op = QStringLiteral("run.end");
    e.t = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    QJsonObject v;
    v[QLatin1String("end")] = QLatin1String(ends[static_cast<int>(result.end)]);
    v[QLatin1String("exitCode")] = result.exitCode;
    v[QLatin1String("diagnosis")] = QJsonArray::fromStringList(result.diagnosis);
    e.setValues(v);
    return e;
}

} // namespace ipclab::engine
