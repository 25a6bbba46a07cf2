#include "run_watch.h"

#include "operation_words.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ipclab::engine {

namespace {

// Why a call waits, in words: translated in the window (resources/ipclab_zh_CN.ts); the
// command line installs no translator and prints the English source texts.
struct WaitText {
    Q_DECLARE_TR_FUNCTIONS(WaitText)
};

} // namespace

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
    if (op == QLatin1String("process.start") && e.ph == 'E') {
        const int child = static_cast<int>(e.integer("child"));
        if (child > 0 && !m_processes.count(child))
            m_startingChildren.insert(child);
    } else if (op == QLatin1String("process.run")) {
        m_startingChildren.erase(e.pid);
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
        }
    } else if ((op == QLatin1String("conn.recv") || op == QLatin1String("conn.recv_bytes") || op == QLatin1String("conn.recv_bytes_into")) && e.has("bytes")) {
        auto end = m_ends.find(e.obj);
        if (end != m_ends.end()) {
            auto peer = m_ends.find(end->second.peer);
            if (peer != m_ends.end()) {
                peer->second.bytesInFlight -= e.integer("bytes");
                --peer->second.messagesInFlight;
            }
        }
    } else if (op == QLatin1String("manager.handle") && e.ph == 'E') {
        const QString contents = e.text("contents");
        if (!contents.isEmpty())
            m_managed[{ e.pid, e.integer("ref") }] = contents;
    } else if (op == QLatin1String("buffer.append")) {
        m_queues[e.obj].buffers[e.pid].push_back(e.text("value"));
    } else if (op == QLatin1String("buffer.pop")) {
        auto &buffer = m_queues[e.obj].buffers[e.pid];
        if (!buffer.empty() && !e.flag("sentinel"))
            buffer.pop_front();
    } else if (op == QLatin1String("pipe.write") && e.ph == 'B') {
        QueueInfo &q = m_queues[e.obj];
        ++q.messagesInPipe;
        q.bytesInPipe += e.integer("bytes");
    } else if (op == QLatin1String("pipe.read") && e.ph == 'E') {
        QueueInfo &q = m_queues[e.obj];
        --q.messagesInPipe;
        q.bytesInPipe -= e.integer("bytes");
    } else if (op == QLatin1String("conn.close")) {
        auto end = m_ends.find(e.obj);
        if (end != m_ends.end())
            end->second.holders.erase(e.pid);
    } else if (op == QLatin1String("sync.create")) {
        m_syncs[e.obj] = SyncInfo { e.text("kind"), e.integer("value"), 0, 0 };
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
            if (peer != m_ends.end() && !peer->second.holders.empty()) {
                const bool ownCopy = peer->second.holders.count(t.pid) > 0;
                return WaitText::tr("%1 waits in %2 at %3: the pipe is empty, and the sending end is still open in %4%5, so recv() "
                                    "cannot raise EOFError: it raises it only when every process has closed that end (a forgotten close()?)")
                    .arg(who, callName(op), where, holdersText(peer->second.holders), ownCopy ? WaitText::tr(" (including its own copy)") : QString());
            }
        }
        return WaitText::tr("%1 waits in %2 at %3: nothing was sent on this pipe").arg(who, callName(op), where);
    }
    if (op == QLatin1String("conn.send") || op == QLatin1String("conn.send_bytes"))
        return WaitText::tr("%1 waits in %2 at %3: the pipe is full and no process reads the other end").arg(who, callName(op), where);

    auto queueOfSync = m_syncOfQueue.find(inner.obj);
    if (op == QLatin1String("sync.acquire") && queueOfSync != m_syncOfQueue.end()) {
        const QueueInfo &q = m_queues.at(queueOfSync->second);
        if (inner.obj == q.slotSemaphore)
            return WaitText::tr("%1 waits in put() at %2: the queue is full (maxsize %3, every slot of its semaphore taken) and no process "
                                "takes items out with get()")
                .arg(who, where)
                .arg(q.maxsize);
        const SyncInfo &lock = m_syncs.at(inner.obj);
        return WaitText::tr("%1 waits at %2 for the queue's %3 lock, held by %4")
            .arg(who, where, inner.obj == q.readLock ? WaitText::tr("read") : WaitText::tr("write"), describeProcess(lock.ownerPid));
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
            return WaitText::tr("%1 waits in get() at %2: %3 item(s) are on their way, in a feeder's buffer or in the pipe").arg(who, where).arg(onTheirWay);
        return WaitText::tr("%1 waits in get() at %2: the queue is empty and no process has anything left to put").arg(who, where);
    }
    if (op == QLatin1String("pipe.write"))
        return WaitText::tr("%1 cannot write to the queue's pipe: it is full and nobody reads it with get()").arg(who);
    if (op == QLatin1String("sync.acquire")) {
        auto s = m_syncs.find(inner.obj);
        if (s != m_syncs.end() && s->second.ownerPid && (s->second.kind == QLatin1String("Lock") || s->second.kind == QLatin1String("RLock"))) {
            QString text = WaitText::tr("%1 waits in acquire() at %2 for a %3 held by %4").arg(who, where, s->second.kind, describeProcess(s->second.ownerPid));
            auto owner = m_threads.find(s->second.ownerTid);
            if (owner != m_threads.end() && !owner->second.calls.empty() && !owner->second.exited) {
                const OpenCall &ownerCall = owner->second.calls.back();
                text += WaitText::tr(", which is itself waiting in %1 at %2").arg(callName(ownerCall.op), lineText(ownerCall.line, sourceLines));
                if (ownerCall.op == QLatin1String("sync.acquire"))
                    text += WaitText::tr(": a deadlock, each holds what the other waits for");
            }
            return text;
        }
        return WaitText::tr("%1 waits in acquire() at %2: the %3's value is 0 and nobody will release it")
            .arg(who, where, s != m_syncs.end() ? s->second.kind : WaitText::tr("semaphore"));
    }
    if (op == QLatin1String("process.join"))
        return WaitText::tr("%1 waits in join() at %2 for %3, which has not finished")
            .arg(who, where, describeProcess(static_cast<int>(inner.begin.integer("child"))));
    if (op == QLatin1String("queue.join") || op == QLatin1String("tqueue.join"))
        return WaitText::tr("%1 waits in join() at %2 until every item put is marked task_done()").arg(who, where);
    if (op == QLatin1String("tqueue.get"))
        return WaitText::tr("%1 waits in get() at %2: the queue is empty and no thread will put").arg(who, where);
    if (op == QLatin1String("tqueue.put"))
        return WaitText::tr("%1 waits in put() at %2: the queue is full and no thread will get").arg(who, where);
    if (op == QLatin1String("event.wait"))
        return WaitText::tr("%1 waits at %2 for an Event that nobody will set()").arg(who, where);
    if (op == QLatin1String("condition.wait"))
        return WaitText::tr("%1 waits at %2 on a Condition that nobody will notify()").arg(who, where);
    if (op == QLatin1String("thread.join"))
        return WaitText::tr("%1 waits in join() at %2 for thread %3").arg(who, where, inner.begin.text("name"));
    if (op == QLatin1String("manager.handle"))
        return WaitText::tr("%1 is handling %2() for a client").arg(who, inner.begin.text("method"));
    if (op == QLatin1String("proxy.call"))
        return WaitText::tr("%1 waits at %2 for the manager's reply to %3()").arg(who, where, inner.begin.text("method"));
    return WaitText::tr("%1 is blocked in %2 at %3").arg(who, callName(op), where);
}

std::vector<BlockedCall> RunWatch::blockedCalls(const QStringList &sourceLines) const
{
    std::vector<BlockedCall> out;
    for (const auto &[tid, t] : m_threads) {
        const OpenCall *call = innermostBlocking(t);
        if (!call)
            continue;
        out.push_back({ t.pid, tid, call->op, t.calls.front().line ? t.calls.front().line : call->line, explain(t, *call, sourceLines) });
    }
    return out;
}

} // namespace ipclab::engine
