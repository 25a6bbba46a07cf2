#include "wait_edges.h"

#include <QCoreApplication>

namespace ipclab::engine {

namespace {

struct WaitText {
    Q_DECLARE_TR_FUNCTIONS(WaitText)
};

bool startsWith(const QString &op, const char *prefix)
{
    return op.startsWith(QLatin1String(prefix));
}

// What a blocked call waits on, and who keeps it waiting.
void aim(const RunWatch &state, const ThreadInfo &t, const OpenCall &call, WaitEdge &edge)
{
    const QString &op = call.op;
    if (op == QLatin1String("sync.acquire")) {
        if (const quint64 queue = state.queueOfSync(call.obj)) {
            const QueueInfo &q = state.queues().at(queue);
            edge.target = call.obj == q.slotSemaphore ? WaitTarget::Slots : WaitTarget::QueuePipe;
            edge.object = queue;
        } else {
            edge.target = WaitTarget::Lock;
            edge.object = call.obj;
        }
        auto lock = state.syncs().find(call.obj);
        if (lock != state.syncs().end() && lock->second.value <= 0 && lock->second.ownerPid
            && (lock->second.kind == QLatin1String("Lock") || lock->second.kind == QLatin1String("RLock"))) {
            edge.culpritPids.insert(lock->second.ownerPid);
            edge.culpritTid = lock->second.ownerTid;
        }
    } else if (op == QLatin1String("pipe.read") || op == QLatin1String("pipe.write")) {
        edge.target = WaitTarget::QueuePipe;
        edge.object = call.obj;
    } else if (startsWith(op, "conn.")) {
        edge.target = WaitTarget::PipeEnd;
        edge.object = call.obj;
        auto end = state.pipeEnds().find(call.obj);
        if (end != state.pipeEnds().end() && startsWith(op, "conn.recv")) {
            // recv() waits as long as some process holds the sending end open with nothing sent.
            auto peer = state.pipeEnds().find(end->second.peer);
            if (peer != state.pipeEnds().end() && peer->second.messagesInFlight == 0)
                edge.culpritPids = peer->second.holders;
        }
    } else if (startsWith(op, "os.") && state.shared().fifos.count(call.obj)) {
        edge.target = WaitTarget::Fifo;
        edge.object = call.obj;
        const FifoInfo &fifo = state.shared().fifos.at(call.obj);
        if (op == QLatin1String("os.read") && fifo.bytesInFlight == 0)
            edge.culpritPids = fifo.writers;
    } else if (startsWith(op, "socket.")) {
        edge.target = WaitTarget::Socket;
        edge.object = call.obj;
    } else if (startsWith(op, "pool.")) {
        edge.target = WaitTarget::Pool;
        edge.object = call.obj;
    } else if (op == QLatin1String("proxy.call")) {
        edge.target = WaitTarget::Manager;
        edge.object = static_cast<quint64>(call.begin.integer("server"));
    } else if (op == QLatin1String("process.join")) {
        edge.target = WaitTarget::Process;
        edge.object = static_cast<quint64>(call.begin.integer("child")); // the arrow to the child says it all
    } else if (op == QLatin1String("thread.join")) {
        edge.target = WaitTarget::Thread;
        for (const auto &[tid, other] : state.threads())
            if (other.pid == t.pid && other.name == call.begin.text("name") && !other.exited)
                edge.object = static_cast<quint64>(tid);
    } else if (op == QLatin1String("event.wait") || op == QLatin1String("condition.wait")) {
        edge.target = WaitTarget::Lock;
        edge.object = call.obj;
    }
}

// Whether a process can do nothing by itself: each of its threads is blocked or an idle
// helper. Only such a process is to blame for an end it holds open or a join that waits: one
// that still runs may yet send, close or end.
bool stuck(const RunWatch &state, int pid)
{
    for (const auto &[tid, t] : state.threads()) {
        if (t.pid != pid || t.exited)
            continue;
        if (t.gate || t.calls.empty())
            return false;
        const OpenCall &call = t.calls.back();
        if (blockingOf(call.op) != trace::Blocking::Idle && !state.innermostBlocking(t))
            return false;
        // A wait that ends by itself: a timeout, a sleep, a round trip the server is serving.
        if (call.begin.number("timeout", -1) > 0 || call.op == QLatin1String("time.sleep") || call.op == QLatin1String("proxy.call"))
            return false;
    }
    auto p = state.processes().find(pid);
    return p != state.processes().end() && !p->second.gone;
}

QString processName(const RunWatch &state, int pid)
{
    auto p = state.processes().find(pid);
    return p != state.processes().end() && !p->second.name.isEmpty() ? p->second.name : WaitText::tr("pid %1").arg(pid);
}

QString processNames(const RunWatch &state, const std::set<int> &pids)
{
    QStringList names;
    for (int pid : pids)
        names << processName(state, pid);
    return names.join(QStringLiteral(", "));
}

} // namespace

std::vector<WaitEdge> waitEdges(const RunWatch &state)
{
    std::vector<WaitEdge> edges;
    for (const auto &[tid, t] : state.threads()) {
        const OpenCall *call = state.innermostBlocking(t);
        if (!call)
            continue;
        WaitEdge edge;
        edge.pid = t.pid;
        edge.tid = tid;
        edge.op = call->op;
        edge.callObject = call->obj;
        edge.line = t.calls.front().line ? t.calls.front().line : call->line;
        aim(state, t, *call, edge);
        if (!edge.culpritTid)
            std::erase_if(edge.culpritPids, [&](int pid) { return !stuck(state, pid); });
        edges.push_back(std::move(edge));
    }
    return edges;
}

std::vector<int> deadlockCycle(const std::vector<WaitEdge> &edges)
{
    // Each thread waits for at most one holder: follow the holders until a thread repeats.
    std::map<int, int> holderOf;
    for (const WaitEdge &e : edges)
        if (e.culpritTid && e.culpritTid != e.tid)
            holderOf[e.tid] = e.culpritTid;
    for (const auto &[start, next] : holderOf) {
        std::vector<int> path { start };
        int at = next;
        while (holderOf.count(at) && std::find(path.begin(), path.end(), at) == path.end()) {
            path.push_back(at);
            at = holderOf.at(at);
        }
        if (auto loop = std::find(path.begin(), path.end(), at); loop != path.end() && path.size() > 1)
            return { loop, path.end() };
    }
    return {};
}

QString foreverSentence(const RunWatch &state, const WaitEdge &edge)
{
    // As the lesson writes the call: "receiver.recv()", "q.put()" (a queue's semaphore reads as its put).
    const QString shown
        = edge.op == QLatin1String("pipe.read") ? state.callOn(QStringLiteral("queue.get"), edge.callObject) : state.callOn(edge.op, edge.callObject);
    const QString who = processName(state, edge.pid);
    switch (edge.target) {
    case WaitTarget::PipeEnd:
        if (!edge.culpritPids.empty()) {
            auto end = state.pipeEnds().find(edge.object);
            const QString sender = end != state.pipeEnds().end() ? state.objectLabel(end->second.peer) : QString();
            return WaitText::tr("%1 in %2 would wait forever: %3, the other end, is still open in %4")
                .arg(shown, who, sender, processNames(state, edge.culpritPids));
        }
        break;
    case WaitTarget::Slots:
        return WaitText::tr("%1 in %2 would wait forever: %3 is full and no process takes an item out").arg(shown, who, state.objectLabel(edge.object));
    case WaitTarget::QueuePipe:
        if (edge.op == QLatin1String("pipe.read"))
            return WaitText::tr("%1 in %2 would wait forever: %3 is empty and no process will put").arg(shown, who, state.objectLabel(edge.object));
        break;
    case WaitTarget::Lock:
        if (!edge.culpritPids.empty())
            return WaitText::tr("%1 in %2 would wait forever: %3 is held by %4")
                .arg(shown, who, state.objectLabel(edge.object), processNames(state, edge.culpritPids));
        break;
    case WaitTarget::Fifo:
        if (!edge.culpritPids.empty())
            return WaitText::tr("%1 in %2 would wait forever: the FIFO is empty and its write end is still open in %3")
                .arg(shown, who, processNames(state, edge.culpritPids));
        break;
    case WaitTarget::Process:
        return WaitText::tr("join() in %1 would wait forever: %2 never ends").arg(who, processName(state, static_cast<int>(edge.object)));
    default:
        break;
    }
    return WaitText::tr("%1 in %2 would wait forever").arg(shown, who);
}

QString deadlockSentence(const RunWatch &state, const std::vector<int> &cycle)
{
    QStringList parts;
    for (int tid : cycle) {
        auto t = state.threads().find(tid);
        if (t == state.threads().end())
            continue;
        const OpenCall *call = state.innermostBlocking(t->second);
        QString who = processName(state, t->second.pid);
        if (t->second.name != QLatin1String("MainThread") && !t->second.name.isEmpty())
            who += QLatin1Char('/') + t->second.name;
        QStringList held;
        for (const auto &[id, sync] : state.syncs())
            if (sync.ownerTid == tid && sync.value <= 0)
                held << state.objectLabel(id);
        parts << WaitText::tr("%1 holds %2 and waits for %3").arg(who, held.join(QStringLiteral(", ")), call ? state.objectLabel(call->obj) : QString());
    }
    return WaitText::tr("a deadlock: %1; each waits forever for what the other holds").arg(parts.join(QStringLiteral("; ")));
}

} // namespace ipclab::engine
