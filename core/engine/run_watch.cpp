#include "run_watch.h"

#include "operation_words.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace ipclab::engine {

namespace {

// Why a call waits, in words: translated in the window (resources/ipclab_zh_CN.ts); the
// command line installs no translator and prints the English source texts.
struct WaitText {
    Q_DECLARE_TR_FUNCTIONS(WaitText)
};

} // namespace

/// The Python type an event creates, as a fallback name says it ("Queue #2"), else empty.
static QString createdType(const TraceEvent &e)
{
    const QString &op = e.op;
    if (e.ph == 'B' || e.ph == 'F')
        return {};
    if (op == QLatin1String("pipe.create"))
        return QStringLiteral("Connection");
    if (op == QLatin1String("queue.create") || op == QLatin1String("sync.create"))
        return e.text("kind");
    if (op == QLatin1String("tqueue.create"))
        return QStringLiteral("queue.") + e.text("kind");
    if (op == QLatin1String("manager.start"))
        return QStringLiteral("Manager");
    if (op == QLatin1String("shared.create"))
        return e.text("kind").isEmpty() ? QStringLiteral("Value") : e.text("kind");
    if (op == QLatin1String("shm.create"))
        return QStringLiteral("SharedMemory");
    if (op == QLatin1String("socket.create"))
        return QStringLiteral("socket");
    if (op == QLatin1String("pool.create"))
        return QStringLiteral("Pool");
    return {};
}

ProcessInfo *RunWatch::process(int pid)
{
    auto it = m_processes.find(pid);
    return it == m_processes.end() ? nullptr : &it->second;
}

void RunWatch::apply(const TraceEvent &e)
{
    if (e.pid <= 0)
        return; // the orchestrator's own run.start / run.end
    ThreadInfo &thread = m_threads[e.tid];
    thread.pid = e.pid;
    thread.tid = e.tid;
    if (e.line > 0)
        thread.line = e.line;
    if (e.op == QLatin1String("gate")) {
        // Not a call: the thread is ready to run and waits for its turn.
        if (e.ph == 'B') {
            GateWait wait;
            wait.slot = static_cast<int>(e.integer("slot"));
            wait.arrival = e.integer("n");
            wait.point = e.text("point");
            wait.detail = e.text("detail");
            wait.line = e.line;
            wait.breakpoint = e.flag("breakpoint");
            thread.gate = wait;
        } else {
            thread.gate.reset();
        }
        return;
    }
    if (e.ph == 'B') {
        thread.calls.push_back({ e.op, e.obj, e.line, e.t, e });
    } else if (e.closes()) {
        for (auto it = thread.calls.rbegin(); it != thread.calls.rend(); ++it)
            if (it->op == e.op) {
                thread.calls.erase(std::next(it).base(), thread.calls.end());
                break;
            }
    }

    m_shared.apply(e);
    const QString &op = e.op;
    if (op == QLatin1String("stmt")) {
        if (m_foldsVariables)
            foldVariables(thread, e); // in a variables-traced run, what the statements before changed
        return;
    }
    if (op == QLatin1String("object.name")) {
        m_names.emplace(e.obj, e.text("name")); // the first name wins: the creator's, usually
        return;
    }
    if (const QString type = createdType(e); !type.isEmpty()) {
        if (op == QLatin1String("pipe.create")) {
            m_created.emplace_back(static_cast<quint64>(e.integer("a")), type);
            m_created.emplace_back(static_cast<quint64>(e.integer("b")), type);
        } else {
            m_created.emplace_back(e.obj, type);
        }
    }
    if (op == QLatin1String("process.start") && e.ph == 'E') {
        const int child = static_cast<int>(e.integer("child"));
        if (child > 0 && !m_processes.count(child)) {
            m_startingChildren.insert(child);
            m_starting[child] = { e.text("name"), e.pid };
        }
    } else if (op == QLatin1String("process.run")) {
        m_startingChildren.erase(e.pid);
        m_starting.erase(e.pid);
        ProcessInfo &p = m_processes[e.pid];
        p.pid = e.pid;
        p.ppid = static_cast<int>(e.integer("ppid"));
        p.name = e.text("name");
        p.role = e.text("role");
        p.started = e.t;
        nameThread(thread, e.text("thread"));
        for (const QJsonValue id : e.values().value(QLatin1String("holds")).toArray()) {
            auto end = m_ends.find(static_cast<quint64>(id.toDouble()));
            if (end != m_ends.end())
                end->second.holders.insert(e.pid);
        }
    } else if (op == QLatin1String("process.exit")) {
        ProcessInfo &p = m_processes[e.pid];
        p.pid = e.pid;
        p.exitReported = true;
        p.exitcode = static_cast<int>(e.integer("exitcode"));
        for (auto &[tid, t] : m_threads)
            if (t.pid == e.pid)
                t.exited = true; // its threads end with it
    } else if (op == QLatin1String("process.signal")) {
        ProcessInfo &p = m_processes[static_cast<int>(e.integer("child"))];
        p.pid = static_cast<int>(e.integer("child"));
        p.signalRequested = true;
    } else if (op == QLatin1String("process.reaped")) {
        markGone(static_cast<int>(e.integer("child")), static_cast<int>(e.integer("exitcode")));
    } else if (op == QLatin1String("thread.start")) {
        nameThread(thread, e.text("name"));
        if (thread.name == QLatin1String("QueueFeederThread"))
            thread.feederOf = e.obj;
    } else if (op == QLatin1String("thread.exit")) {
        thread.exited = true;
    } else if (op == QLatin1String("pipe.create")) {
        const bool duplex = e.flag("duplex");
        const auto a = static_cast<quint64>(e.integer("a"));
        const auto b = static_cast<quint64>(e.integer("b"));
        auto makeEnd = [&](quint64 id, quint64 peer, bool readable, bool writable) {
            PipeEnd end;
            end.id = id;
            end.peer = peer;
            end.duplex = duplex;
            end.readable = readable;
            end.writable = writable;
            end.holders = { e.pid };
            return end;
        };
        m_ends[a] = makeEnd(a, b, true, duplex);
        m_ends[b] = makeEnd(b, a, duplex, true);
    } else if ((op == QLatin1String("conn.send") || op == QLatin1String("conn.send_bytes")) && e.ph == 'B') {
        auto end = m_ends.find(e.obj);
        if (end != m_ends.end()) {
            end->second.bytesInFlight += e.integer("bytes");
            ++end->second.messagesInFlight;
            end->second.inFlight.push_back({ withoutAddresses(e.text("value")), e.integer("bytes") });
        }
    } else if ((op == QLatin1String("conn.recv") || op == QLatin1String("conn.recv_bytes") || op == QLatin1String("conn.recv_bytes_into")) && e.has("bytes")) {
        auto end = m_ends.find(e.obj);
        if (end != m_ends.end()) {
            auto peer = m_ends.find(end->second.peer);
            if (peer != m_ends.end()) {
                peer->second.bytesInFlight -= e.integer("bytes");
                --peer->second.messagesInFlight;
                if (!peer->second.inFlight.empty())
                    peer->second.inFlight.pop_front();
            }
        }
    } else if (op == QLatin1String("manager.handle") && e.ph == 'E') {
        const QString contents = withoutAddresses(e.text("contents"));
        if (!contents.isEmpty())
            m_managed[{ e.pid, e.integer("ref") }] = contents;
    } else if (op == QLatin1String("buffer.append")) {
        m_queues[e.obj].buffers[e.pid].push_back(e.text("value"));
    } else if (op == QLatin1String("buffer.pop")) {
        QueueInfo &q = m_queues[e.obj];
        auto &buffer = q.buffers[e.pid];
        if (!buffer.empty() && !e.flag("sentinel")) {
            q.feederHolds[e.pid] = buffer.front(); // between the buffer and the pipe
            buffer.pop_front();
        }
    } else if (op == QLatin1String("pipe.write") && e.ph == 'B') {
        QueueInfo &q = m_queues[e.obj];
        ++q.messagesInPipe;
        q.bytesInPipe += e.integer("bytes");
        auto held = q.feederHolds.find(e.pid);
        q.inPipe.push_back({ held != q.feederHolds.end() ? held->second : QString(), e.integer("bytes") });
        if (held != q.feederHolds.end())
            q.feederHolds.erase(held);
    } else if (op == QLatin1String("pipe.read") && e.ph == 'E') {
        QueueInfo &q = m_queues[e.obj];
        --q.messagesInPipe;
        q.bytesInPipe -= e.integer("bytes");
        if (!q.inPipe.empty())
            q.inPipe.pop_front();
    } else if (op == QLatin1String("conn.close")) {
        auto end = m_ends.find(e.obj);
        if (end != m_ends.end())
            end->second.holders.erase(e.pid);
    } else if (op == QLatin1String("sync.create")) {
        m_syncs[e.obj] = SyncInfo { e.text("kind"), e.integer("value"), 0, 0 };
        if (const auto owner = static_cast<quint64>(e.integer("owner")))
            m_syncOfQueue[e.obj] = owner; // a queue's own lock, semaphore or condition
    } else if (op == QLatin1String("sync.acquire") && e.ph == 'E') {
        SyncInfo &s = m_syncs[e.obj];
        s.value = e.integer("value");
        s.ownerPid = e.pid;
        s.ownerTid = e.tid;
    } else if (op == QLatin1String("sync.release")) {
        SyncInfo &s = m_syncs[e.obj];
        s.value = e.integer("value");
        if (s.value > 0)
            s.ownerPid = s.ownerTid = 0;
    } else if (op == QLatin1String("event.set") || op == QLatin1String("event.clear")) {
        m_syncs[e.obj].value = op == QLatin1String("event.set") ? 1 : 0;
    } else if (op == QLatin1String("queue.create")) {
        QueueInfo q;
        q.kind = e.text("kind");
        q.maxsize = e.integer("maxsize");
        q.readLock = static_cast<quint64>(e.integer("readLock"));
        q.writeLock = static_cast<quint64>(e.integer("writeLock"));
        q.slotSemaphore = static_cast<quint64>(e.integer("slots"));
        m_queues[e.obj] = q;
        m_syncOfQueue[q.readLock] = e.obj;
        m_syncOfQueue[q.writeLock] = e.obj;
        if (q.slotSemaphore)
            m_syncOfQueue[q.slotSemaphore] = e.obj;
    }
}

void RunWatch::markGone(int pid, std::optional<int> exitcode)
{
    ProcessInfo &p = m_processes[pid];
    p.pid = pid;
    if (p.gone)
        return;
    p.gone = true;
    m_startingChildren.erase(pid);
    m_starting.erase(pid);
    if (!p.name.isEmpty() && !p.exitReported && !p.signalRequested)
        m_unexpectedDeaths.push_back(pid);
    if (exitcode && !p.exitcode)
        p.exitcode = exitcode;
    for (auto &[id, end] : m_ends)
        end.holders.erase(pid);
    m_shared.processGone(pid);
    for (auto &[tid, t] : m_threads)
        if (t.pid == pid)
            t.exited = true;
}

QString RunWatch::objectName(quint64 obj) const
{
    auto named = m_names.find(obj);
    return named == m_names.end() ? QString() : named->second;
}

quint64 RunWatch::queueOfSync(quint64 sync) const
{
    auto it = m_syncOfQueue.find(sync);
    return it == m_syncOfQueue.end() ? 0 : it->second;
}

QString RunWatch::objectLabel(quint64 obj) const
{
    if (QString name = objectName(obj); !name.isEmpty())
        return name;
    auto mine = std::find_if(m_created.begin(), m_created.end(), [&](const auto &c) { return c.first == obj; });
    if (mine == m_created.end())
        return {};
    // The type and its place among the lesson's own objects of that type: a queue's inner
    // locks are the queue's, not "Lock #3" of a lesson that made one lock.
    int ordinal = 0;
    for (auto it = m_created.begin(); it != std::next(mine); ++it)
        if (it->second == mine->second && !m_syncOfQueue.count(it->first))
            ++ordinal;
    return WaitText::tr("%1 #%2").arg(mine->second).arg(ordinal);
}

QString withoutAddresses(QString repr)
{
    static const QRegularExpression address(QStringLiteral(" at 0x[0-9a-fA-F]+"));
    return repr.remove(address);
}

VariableValue variableValue(const QJsonValue &json)
{
    if (json.isObject())
        return { {}, static_cast<quint64>(json.toObject().value(QLatin1String("object")).toInteger()) };
    return { json.toString(), 0 };
}

namespace {

/// Applies one event's changes (`set`: name -> value, `unset`: names gone) to `variables`,
/// and returns the names that changed.
std::set<QString> applyChanges(Variables &variables, const QJsonObject &set, const QJsonArray &unset)
{
    std::set<QString> changed;
    for (auto it = set.begin(); it != set.end(); ++it) {
        const VariableValue value = variableValue(it.value());
        auto known = std::find_if(variables.begin(), variables.end(), [&](const auto &v) { return v.first == it.key(); });
        if (known == variables.end())
            variables.emplace_back(it.key(), value);
        else
            known->second = value;
        changed.insert(it.key());
    }
    for (const QJsonValue &name : unset)
        std::erase_if(variables, [&](const auto &v) { return v.first == name.toString(); });
    return changed;
}

} // namespace

void RunWatch::foldVariables(ThreadInfo &thread, const TraceEvent &e)
{
    thread.changedLocals.clear();
    thread.changedGlobals.clear();
    if (e.rawValues.isEmpty())
        return; // nothing changed (or a run traced without variables)
    const QJsonObject v = e.values();
    const auto depth = static_cast<std::size_t>(std::max<qint64>(0, v.value(QLatin1String("depth")).toInteger()));
    thread.frames.resize(depth);
    if (depth > 0) {
        FrameVariables &frame = thread.frames.back();
        if (v.value(QLatin1String("fresh")).toBool())
            frame = FrameVariables {};
        frame.function = v.value(QLatin1String("function")).toString();
        thread.changedLocals = applyChanges(frame.locals, v.value(QLatin1String("locals")).toObject(), v.value(QLatin1String("unset")).toArray());
    }
    if (ProcessInfo *p = process(e.pid))
        thread.changedGlobals = applyChanges(p->globals, v.value(QLatin1String("globals")).toObject(), v.value(QLatin1String("globalsUnset")).toArray());
}

QString RunWatch::variableText(const VariableValue &value) const
{
    if (!value.object)
        return withoutAddresses(value.repr);
    auto created = std::find_if(m_created.begin(), m_created.end(), [&](const auto &c) { return c.first == value.object; });
    const QString type = created == m_created.end() ? QString() : created->second;
    const QString name = objectName(value.object);
    if (name.isEmpty()) {
        const QString label = objectLabel(value.object);
        return label.isEmpty() ? WaitText::tr("an IPC object") : label;
    }
    return type.isEmpty() ? name : WaitText::tr("%1 %2", "a variable's value: the object's type, then its name (Queue q)").arg(type, name);
}

QString RunWatch::callOn(const QString &op, quint64 obj) const
{
    QString call = callName(op);
    quint64 target = obj;
    if (const quint64 queue = queueOfSync(obj)) {
        target = queue; // the slot semaphore is taken by put(), the read lock by get()
        auto q = m_queues.find(queue);
        call = q != m_queues.end() && obj == q->second.readLock ? QStringLiteral("get()") : QStringLiteral("put()");
    }
    const QString name = objectName(target);
    if (name.isEmpty() || !call.endsWith(QLatin1Char(')')) || call.contains(QLatin1Char('.')))
        return call;
    return name + QLatin1Char('.') + call;
}

QString RunWatch::describeProcess(int pid) const
{
    auto it = m_processes.find(pid);
    if (it == m_processes.end() || it->second.name.isEmpty())
        return WaitText::tr("pid %1").arg(pid);
    return WaitText::tr("%1 (pid %2)").arg(it->second.name).arg(pid);
}

void RunWatch::nameThread(ThreadInfo &thread, const QString &name)
{
    thread.name = name;
    thread.ordinal = 1;
    for (const auto &[tid, t] : m_threads)
        if (tid != thread.tid && t.pid == thread.pid && t.name == name)
            ++thread.ordinal;
}

QString RunWatch::threadKey(const ThreadInfo &thread) const
{
    auto p = m_processes.find(thread.pid);
    QString key = (p == m_processes.end() || p->second.name.isEmpty() ? QStringLiteral("pid%1").arg(thread.pid) : p->second.name) + QLatin1Char('/')
        + (thread.name.isEmpty() ? QStringLiteral("MainThread") : thread.name);
    if (thread.ordinal > 1)
        key += QStringLiteral("#%1").arg(thread.ordinal);
    return key;
}

const ThreadInfo *RunWatch::threadByKey(const QString &key) const
{
    for (const auto &[tid, t] : m_threads)
        if (!t.exited && threadKey(t) == key)
            return &t;
    return nullptr;
}

bool RunWatch::someoneAtGate() const
{
    for (const auto &[tid, t] : m_threads)
        if (!t.exited && t.gate)
            return true;
    return false;
}

bool RunWatch::someoneWaitsWithTimeout() const
{
    // The outermost timed call bounds everything nested in it: queue.get(timeout=5) waits
    // inside an acquire and a poll of its own, and returns within its 5 s either way.
    for (const auto &[tid, t] : m_threads) {
        if (t.exited)
            continue;
        for (const OpenCall &call : t.calls)
            if (call.op == QLatin1String("time.sleep") || call.begin.number("timeout", -1.0) >= 0)
                return true;
    }
    return false;
}

QString RunWatch::holdersText(const std::set<int> &pids) const
{
    QStringList names;
    for (int pid : pids)
        names << describeProcess(pid);
    return names.join(QStringLiteral(", "));
}

QString RunWatch::lineText(int line, const QStringList &sourceLines) const
{
    if (line <= 0)
        return WaitText::tr("an unknown line");
    if (line > sourceLines.size())
        return WaitText::tr("line %1").arg(line);
    return WaitText::tr("line %1 (%2)").arg(line).arg(sourceLines.at(line - 1).trimmed());
}

const OpenCall *RunWatch::innermostBlocking(const ThreadInfo &t) const
{
    if (t.exited || t.gate || t.calls.empty() || blockingOf(t.calls.back().op) == trace::Blocking::Idle)
        return nullptr;
    auto p = m_processes.find(t.pid);
    if (p != m_processes.end() && p->second.gone)
        return nullptr;
    return &t.calls.back();
}

QString RunWatch::explain(const ThreadInfo &t, const OpenCall &inner, const QStringList &sourceLines) const
{
    const OpenCall &outer = t.calls.front();
    QString who = describeProcess(t.pid);
    if (!t.name.isEmpty() && t.name != QLatin1String("MainThread"))
        who += WaitText::tr(", thread %1,").arg(t.name);
    const QString where = lineText(outer.line ? outer.line : inner.line, sourceLines);
    const QString &op = inner.op;
    if (const QString shared = m_shared.explain(inner.begin, who, where, holdersText(m_shared.otherEnd(inner.begin))); !shared.isEmpty())
        return shared; // FIFOs, sockets, pools (run_watch_shared.cpp)

    if (op == QLatin1String("conn.recv") || op == QLatin1String("conn.recv_bytes")) {
        auto end = m_ends.find(inner.obj);
        if (end != m_ends.end()) {
            auto peer = m_ends.find(end->second.peer);
            if (peer != m_ends.end() && peer->second.messagesInFlight > 0)
                return WaitText::tr("%1 is in %2 at %3: %n message(s) are in the pipe, so recv() returns the oldest", nullptr, peer->second.messagesInFlight)
                    .arg(who, callOn(op, inner.obj), where);
            if (peer != m_ends.end() && !peer->second.holders.empty()) {
                const bool ownCopy = peer->second.holders.count(t.pid) > 0;
                return WaitText::tr("%1 waits in %2 at %3: the pipe is empty, and %4, the sending end, is still open in %5%6, so recv() "
                                    "cannot raise EOFError: it raises it only when every process has closed that end (a forgotten close()?)")
                    .arg(who, callOn(op, inner.obj), where, objectLabel(end->second.peer), holdersText(peer->second.holders),
                        ownCopy ? WaitText::tr(" (including its own copy)") : QString());
            }
        }
        return WaitText::tr("%1 waits in %2 at %3: nothing was sent on this pipe").arg(who, callOn(op, inner.obj), where);
    }
    if (op == QLatin1String("conn.send") || op == QLatin1String("conn.send_bytes"))
        return WaitText::tr("%1 waits in %2 at %3: the pipe is full and no process reads the other end").arg(who, callOn(op, inner.obj), where);

    if (const quint64 queueId = queueOfSync(inner.obj); op == QLatin1String("sync.acquire") && m_queues.count(queueId)) {
        const QueueInfo &q = m_queues.at(queueId);
        const QString queue = objectLabel(queueId);
        if (inner.obj == q.slotSemaphore)
            return WaitText::tr("%1 waits in %2 at %3: %4 is full (maxsize %5, every slot of its semaphore taken) and no process "
                                "takes items out with get()")
                .arg(who, callOn(op, inner.obj), where, queue)
                .arg(q.maxsize);
        const SyncInfo &lock = m_syncs.at(inner.obj);
        return WaitText::tr("%1 waits in %2 at %3 for the %4 lock of %5, held by %6")
            .arg(who, callOn(op, inner.obj), where, inner.obj == q.readLock ? WaitText::tr("read") : WaitText::tr("write"), queue,
                describeProcess(lock.ownerPid));
    }
    if (op == QLatin1String("pipe.read")) {
        auto q = m_queues.find(inner.obj);
        int onTheirWay = 0;
        if (q != m_queues.end()) {
            onTheirWay = q->second.messagesInPipe;
            for (const auto &[pid, items] : q->second.buffers)
                onTheirWay += static_cast<int>(items.size());
        }
        if (onTheirWay > 0)
            return WaitText::tr("%1 waits in %2 at %3: %n item(s) are on their way, in a feeder's buffer or in the pipe", nullptr, onTheirWay)
                .arg(who, callOn(QStringLiteral("queue.get"), inner.obj), where);
        return WaitText::tr("%1 waits in %2 at %3: %4 is empty and no process has anything left to put")
            .arg(who, callOn(QStringLiteral("queue.get"), inner.obj), where, objectLabel(inner.obj));
    }
    if (op == QLatin1String("pipe.write"))
        return WaitText::tr("%1 cannot write to the queue's pipe: it is full and nobody reads it with get()").arg(who);
    if (op == QLatin1String("sync.acquire")) {
        auto s = m_syncs.find(inner.obj);
        if (s != m_syncs.end() && s->second.ownerPid && (s->second.kind == QLatin1String("Lock") || s->second.kind == QLatin1String("RLock"))) {
            QString text = WaitText::tr("%1 waits in %2 at %3: %4 is held by %5")
                               .arg(who, callOn(op, inner.obj), where, objectLabel(inner.obj), describeProcess(s->second.ownerPid));
            auto owner = m_threads.find(s->second.ownerTid);
            if (owner != m_threads.end() && !owner->second.calls.empty() && !owner->second.exited) {
                const OpenCall &ownerCall = owner->second.calls.back();
                text += WaitText::tr(", which is itself waiting in %1 at %2").arg(callName(ownerCall.op), lineText(ownerCall.line, sourceLines));
                if (ownerCall.op == QLatin1String("sync.acquire"))
                    text += WaitText::tr(": a deadlock, each holds what the other waits for");
            }
            return text;
        }
        return WaitText::tr("%1 waits in %2 at %3: the value of %4 is 0 and nobody will release it")
            .arg(who, callOn(op, inner.obj), where, objectLabel(inner.obj));
    }
    if (op == QLatin1String("process.join"))
        return WaitText::tr("%1 waits in join() at %2 for %3, which has not finished")
            .arg(who, where, describeProcess(static_cast<int>(inner.begin.integer("child"))));
    if (op == QLatin1String("queue.join") || op == QLatin1String("tqueue.join"))
        return WaitText::tr("%1 waits in %2 at %3 until every item put is marked task_done()").arg(who, callOn(op, inner.obj), where);
    if (op == QLatin1String("tqueue.get"))
        return WaitText::tr("%1 waits in %2 at %3: %4 is empty and no thread will put").arg(who, callOn(op, inner.obj), where, objectLabel(inner.obj));
    if (op == QLatin1String("tqueue.put"))
        return WaitText::tr("%1 waits in %2 at %3: %4 is full and no thread will get").arg(who, callOn(op, inner.obj), where, objectLabel(inner.obj));
    if (op == QLatin1String("event.wait"))
        return WaitText::tr("%1 waits in %2 at %3: nobody will set() %4").arg(who, callOn(op, inner.obj), where, objectLabel(inner.obj));
    if (op == QLatin1String("condition.wait"))
        return WaitText::tr("%1 waits in %2 at %3: nobody will notify() %4").arg(who, callOn(op, inner.obj), where, objectLabel(inner.obj));
    if (op == QLatin1String("thread.join"))
        return WaitText::tr("%1 waits in join() at %2 for thread %3").arg(who, where, inner.begin.text("name"));
    if (op == QLatin1String("manager.handle"))
        return WaitText::tr("%1 is handling %2() for a client").arg(who, inner.begin.text("method"));
    if (op == QLatin1String("proxy.call"))
        return WaitText::tr("%1 waits at %2 for the manager's reply to %3()").arg(who, where, inner.begin.text("method"));
    return WaitText::tr("%1 is blocked in %2 at %3").arg(who, callOn(op, inner.obj), where);
}

std::vector<BlockedCall> RunWatch::blockedCalls(const QStringList &sourceLines) const
{
    std::vector<BlockedCall> out;
    for (const auto &[tid, t] : m_threads) {
        const OpenCall *call = innermostBlocking(t);
        if (!call)
            continue;
        out.push_back({ t.pid, tid, call->op, t.calls.front().line ? t.calls.front().line : call->line, withoutAddresses(explain(t, *call, sourceLines)) });
    }
    return out;
}

} // namespace ipclab::engine
