#include "live_scheduler.h"

#include "process_scan.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <QJsonDocument>
#include <QJsonObject>
#include <sys/eventfd.h>
#include <unistd.h>

namespace ipclab::engine {

namespace {
// How long a step that finds nothing to release waits for a thread still on its way to a gate.
// A replayed step knows its thread will come (the recorded run had it there), so it waits
// longer: a replay that gave up early on a loaded machine would leave the run gated for good.
constexpr auto kRacePatience = std::chrono::milliseconds(2000);
constexpr auto kReplayPatience = std::chrono::milliseconds(10000);

bool isIdle(const QString &op)
{
    return op == QLatin1String("server.wait") || op == QLatin1String("server.accept") || op == QLatin1String("feeder.wait");
}

bool atWrite(const ThreadInfo *t)
{
    return t && t->gate && t->gate->point == QLatin1String("proxy.call") && t->gate->detail.startsWith(QLatin1String("__setitem__"));
}

} // namespace

QByteArray Schedule::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("format")] = QStringLiteral("ipclab-schedule/1");
    o[QStringLiteral("scenario")] = scenario;
    o[QStringLiteral("steps")] = QJsonArray::fromStringList(steps);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::optional<Schedule> Schedule::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        // Qt gives an offset: turn it into line and column, as every other error here.
        const QByteArray before = json.left(parseError.offset);
        const int line = static_cast<int>(before.count('\n')) + 1;
        const int column = static_cast<int>(parseError.offset - (before.lastIndexOf('\n') + 1)) + 1;
        *error = QStringLiteral("%1:%2: %3").arg(line).arg(column).arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("format")).toString() != QLatin1String("ipclab-schedule/1")) {
        *error = QStringLiteral("1:1: expected \"format\": \"ipclab-schedule/1\"");
        return std::nullopt;
    }
    Schedule s;
    s.scenario = o.value(QLatin1String("scenario")).toString();
    const QJsonValue steps = o.value(QLatin1String("steps"));
    if (!steps.isArray()) {
        *error = QStringLiteral("1:1: expected \"steps\": an array of thread names such as \"Process-1/MainThread\"");
        return std::nullopt;
    }
    for (const QJsonValue step : steps.toArray()) {
        if (!step.isString() || step.toString().isEmpty()) {
            *error = QStringLiteral("1:1: expected every step to be a thread name such as \"Process-1/MainThread\"");
            return std::nullopt;
        }
        s.steps << step.toString();
    }
    return s;
}

LiveScheduler::LiveScheduler()
    : m_wakeFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
}

LiveScheduler::~LiveScheduler()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

void LiveScheduler::wake()
{
    const std::uint64_t one = 1;
    if (m_wakeFd >= 0 && ::write(m_wakeFd, &one, sizeof one) < 0) {
        // Full counter: the loop is already due to wake.
    }
}

void LiveScheduler::drainWake()
{
    std::uint64_t count = 0;
    if (m_wakeFd >= 0 && ::read(m_wakeFd, &count, sizeof count) < 0) {
        // Nothing to drain.
    }
}

void LiveScheduler::stepThread(const QString &key)
{
    std::lock_guard lock(m_mutex);
    m_requests.push_back({ Request::Thread, key });
    wake();
}

void LiveScheduler::stepAny()
{
    std::lock_guard lock(m_mutex);
    m_requests.push_back({ Request::Any, {} });
    wake();
}

void LiveScheduler::replay(const QStringList &steps)
{
    std::lock_guard lock(m_mutex);
    for (const QString &key : steps)
        m_requests.push_back({ key == QLatin1String(kFreeRunStep) ? Request::Free : Request::Thread, key, true });
    wake();
}

void LiveScheduler::showRace()
{
    std::lock_guard lock(m_mutex);
    m_requests.push_back({ Request::Race, {} });
    wake();
}

void LiveScheduler::runFree()
{
    std::lock_guard lock(m_mutex);
    m_requests.push_back({ Request::Free, {} });
    wake();
}

void LiveScheduler::pause()
{
    std::lock_guard lock(m_mutex);
    m_requests.clear();
    m_race.reset();
    m_free = false;
    m_board.setFreeRunning(false);
    wake();
}

void LiveScheduler::setBreakpoints(const std::set<int> &lines)
{
    m_board.setBreakpoints(lines);
}

void LiveScheduler::cancelPending()
{
    std::lock_guard lock(m_mutex);
    m_requests.clear();
    m_race.reset();
}

bool LiveScheduler::freeRunning() const
{
    std::lock_guard lock(m_mutex);
    return m_free;
}

int LiveScheduler::pendingSteps() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_requests.size());
}

QStringList LiveScheduler::schedule() const
{
    std::lock_guard lock(m_mutex);
    return m_schedule;
}

QString LiveScheduler::whyWaiting() const
{
    std::lock_guard lock(m_mutex);
    return m_unsettled;
}

QString LiveScheduler::takeMessage()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_message, {});
}

bool LiveScheduler::busy() const
{
    std::lock_guard lock(m_mutex);
    return !m_requests.empty() || m_free;
}

bool LiveScheduler::ready(const ThreadInfo &t) const
{
    if (t.exited || !t.gate)
        return false;
    auto released = m_released.find(t.tid);
    return released == m_released.end() || released->second != t.gate->arrival;
}

bool LiveScheduler::blockedInKernel(const RunWatch &, const ThreadInfo &t) const
{
    const char state = threadState(t.pid, t.tid);
    return state == 'S' || state == 'D' || state == '?';
}

bool LiveScheduler::settled(const RunWatch &watch, QString *why) const
{
    auto no = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (watch.processes().empty())
        return no(QStringLiteral("the run is starting"));
    if (!watch.startingChildren().empty())
        return no(QStringLiteral("a process is starting"));
    for (const auto &[pid, p] : watch.processes())
        if (p.exitReported && !p.gone)
            return no(QStringLiteral("%1 is exiting").arg(watch.describeProcess(pid)));
    // An item in a buffer is on its way until that process's feeder holds it at its gate.
    for (const auto &[queueId, queue] : watch.queues()) {
        for (const auto &[pid, items] : queue.buffers) {
            if (items.empty())
                continue;
            auto p = watch.processes().find(pid);
            if (p != watch.processes().end() && p->second.gone)
                continue;
            bool feederHolds = false;
            for (const auto &[tid, t] : watch.threads())
                if (t.pid == pid && t.feederOf == queueId && !t.exited && (t.calls.empty() || t.calls.back().op != QLatin1String("feeder.wait")))
                    feederHolds = t.gate.has_value() || !t.calls.empty();
            if (!feederHolds)
                return no(QStringLiteral("a feeder thread is taking an item"));
        }
    }
    for (const auto &[tid, t] : watch.threads()) {
        if (t.exited)
            continue;
        auto p = watch.processes().find(t.pid);
        if (p != watch.processes().end() && p->second.gone)
            continue;
        if (t.gate) {
            if (!ready(t))
                return no(QStringLiteral("%1 is taking a step").arg(watch.threadKey(t)));
            continue;
        }
        if (t.calls.empty())
            return no(QStringLiteral("%1 runs").arg(watch.threadKey(t)));
        const OpenCall &inner = t.calls.back();
        if (isIdle(inner.op))
            continue;
        if (inner.op == QLatin1String("time.sleep") || inner.op == QLatin1String("manager.handle"))
            return no(QStringLiteral("%1 is busy in %2").arg(watch.threadKey(t), inner.op));
        if (inner.op == QLatin1String("proxy.call")) {
            // A round trip ends by itself unless the manager's thread serving it is blocked.
            const int server = static_cast<int>(inner.begin.integer("server"));
            bool serverBlocked = false;
            for (const auto &[stid, s] : watch.threads())
                if (s.pid == server && !s.exited && !s.calls.empty() && !isIdle(s.calls.back().op) && s.calls.back().op != QLatin1String("manager.handle")
                    && blockedInKernel(watch, s))
                    serverBlocked = true;
            if (!serverBlocked)
                return no(QStringLiteral("%1 waits for the manager's answer").arg(watch.threadKey(t)));
            continue;
        }
        if (!blockedInKernel(watch, t))
            return no(QStringLiteral("%1 is inside %2").arg(watch.threadKey(t), inner.op));
    }
    return true;
}

bool LiveScheduler::stillPatient(std::chrono::milliseconds patience)
{
    const auto now = std::chrono::steady_clock::now();
    if (!m_waitingSince)
        m_waitingSince = now;
    if (now - *m_waitingSince < patience)
        return true;
    m_waitingSince.reset();
    return false;
}

void LiveScheduler::release(const RunWatch &watch, const ThreadInfo &thread)
{
    m_waitingSince.reset();
    m_board.release(thread.gate->slot);
    m_released[thread.tid] = thread.gate->arrival;
    m_lastKey = watch.threadKey(thread);
    m_schedule << m_lastKey;
}

bool LiveScheduler::raceStep(const RunWatch &watch)
{
    RaceState &race = *m_race;
    if (race.a.isEmpty()) {
        // The two newest worker processes (neither the main process nor a manager).
        std::vector<const ProcessInfo *> workers;
        for (const auto &[pid, p] : watch.processes())
            if (!p.gone && !p.exitReported && p.role != QLatin1String("manager") && p.name != QLatin1String("MainProcess"))
                workers.push_back(&p);
        std::sort(workers.begin(), workers.end(), [](auto *x, auto *y) { return x->started < y->started; });
        if (workers.size() < 2) {
            // Not started yet: let the main process run up to them.
            for (const auto &[tid, t] : watch.threads())
                if (ready(t)) {
                    release(watch, t);
                    return false;
                }
            if (stillPatient(kRacePatience))
                return false; // the second worker may be on its way
            m_message = QCoreApplication::translate("LiveScheduler", "The race needs two worker processes that write to a Manager dict.");
            return true;
        }
        race.a = workers[workers.size() - 2]->name + QStringLiteral("/MainThread");
        race.b = workers.back()->name + QStringLiteral("/MainThread");
    }
    const ThreadInfo *a = watch.threadByKey(race.a);
    const ThreadInfo *b = watch.threadByKey(race.b);
    if (!a || !b) {
        if (stillPatient(kRacePatience))
            return false;
        m_message = QCoreApplication::translate("LiveScheduler", "The race needs %1 and %2 running.").arg(race.a, race.b);
        return true;
    }
    if (!race.aWrote) {
        if (!atWrite(a)) {
            if (ready(*a)) {
                release(watch, *a); // A: on to its read, up to its write
                return false;
            }
            if (stillPatient(kRacePatience))
                return false;
            m_message = QCoreApplication::translate("LiveScheduler", "%1 cannot go on to its write.").arg(race.a);
            return true;
        }
        if (ready(*b) && !atWrite(b)) {
            release(watch, *b); // B: on to its own read, while A waits to write
            return false;
        }
        // Both read the same value, or B is blocked (by A's lock): A writes.
        release(watch, *a);
        race.aWrote = true;
        return false;
    }
    if (atWrite(b) && ready(*b)) {
        release(watch, *b); // B writes what it read: with no lock, A's update is lost
        return true;
    }
    if (ready(*b)) {
        release(watch, *b);
        return false;
    }
    if (ready(*a)) {
        release(watch, *a); // B waits for A's lock: A goes on until it lets go
        return false;
    }
    if (stillPatient(kRacePatience))
        return false;
    m_message = QCoreApplication::translate("LiveScheduler", "Neither %1 nor %2 can go on.").arg(race.a, race.b);
    return true;
}

void LiveScheduler::tick(const RunWatch &watch)
{
    std::lock_guard lock(m_mutex);
    if (m_free) {
        if (!m_board.freeRunning()) {
            m_free = false; // a thread stopped at a breakpoint and closed the gates
        } else {
            // Threads that reached a gate before the gates opened.
            for (const auto &[tid, t] : watch.threads())
                if (ready(t)) {
                    m_board.release(t.gate->slot);
                    m_released[tid] = t.gate->arrival;
                }
            return;
        }
    }
    if (m_requests.empty())
        return;
    if (m_requests.front().kind == Request::Free) {
        // Opening the gates needs no settled run: nothing is ordered after it.
        m_requests.pop_front();
        m_free = true;
        m_schedule << QLatin1String(kFreeRunStep);
        m_board.setFreeRunning(true);
        for (const auto &[tid, t] : watch.threads())
            if (ready(t)) {
                m_board.release(t.gate->slot);
                m_released[tid] = t.gate->arrival;
            }
        return;
    }
    m_unsettled.clear();
    if (!settled(watch, &m_unsettled))
        return;
    const Request request = m_requests.front();
    switch (request.kind) {
    case Request::Thread: {
        const ThreadInfo *t = watch.threadByKey(request.key);
        // A replayed step's thread may not have started yet, or not reached its gate: a
        // replayed schedule must not lose a step on a busy machine.
        if (request.patient && (!t || (!ready(*t) && !t->exited))) {
            if (stillPatient(kReplayPatience))
                break;
        }
        m_waitingSince.reset();
        m_requests.pop_front();
        if (t && ready(*t))
            release(watch, *t);
        else if (!t)
            m_message = QCoreApplication::translate("LiveScheduler", "%1 cannot take a step: it is not running.").arg(request.key);
        else
            m_message = QCoreApplication::translate("LiveScheduler", "%1 cannot take a step: it is blocked in a call.").arg(request.key);
        break;
    }
    case Request::Any: {
        m_requests.pop_front();
        // Round robin in the order of the keys, starting after the last one released.
        std::vector<std::pair<QString, const ThreadInfo *>> candidates;
        for (const auto &[tid, t] : watch.threads())
            if (ready(t))
                candidates.emplace_back(watch.threadKey(t), &t);
        if (candidates.empty()) {
            m_message = QCoreApplication::translate("LiveScheduler", "No thread can take a step.");
            break;
        }
        std::sort(candidates.begin(), candidates.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
        auto next = std::find_if(candidates.begin(), candidates.end(), [this](const auto &c) { return c.first > m_lastKey; });
        release(watch, *(next == candidates.end() ? candidates.front() : *next).second);
        break;
    }
    case Request::Race:
        if (!m_race)
            m_race = RaceState {}; // not emplace(): clang 14 (the fuzz build) sees no default constructor yet
        if (raceStep(watch)) {
            m_race.reset();
            m_requests.pop_front();
        }
        break;
    case Request::Free:
        break; // handled above
    }
}

} // namespace ipclab::engine
