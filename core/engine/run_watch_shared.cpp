#include "run_watch_shared.h"

#include <climits>
#include <vector>

namespace ipclab::engine {

namespace {

bool is(const QString &op, const char *name)
{
    return op == QLatin1String(name);
}

} // namespace

void SharedWatch::apply(const TraceEvent &e)
{
    const QString &op = e.op;
    if (is(op, "process.start") && e.ph == 'B') {
        // What the child will inherit is what the parent holds when it forks (a spawned child: nothing).
        m_forking[e.tid] = e.text("method") == QLatin1String("spawn") ? FdList {} : fdsOf(e.pid);
    } else if (is(op, "process.start") && e.ph == 'E') {
        m_inherited[static_cast<int>(e.integer("child"))] = m_forking[e.tid];
        m_forking.erase(e.tid);
    } else if (is(op, "process.run")) {
        // A forked child inherits its parent's open fds, FIFO ends included: those it held at the
        // fork, or (a manager's server, forked without process.start) those it holds now.
        auto known = m_inherited.find(e.pid);
        const FdList inherited = known != m_inherited.end() ? known->second : fdsOf(static_cast<int>(e.integer("ppid")));
        for (const auto &[fd, value] : inherited) {
            m_fds[{ e.pid, fd }] = value;
            FifoInfo &f = fifos[value.first];
            if (value.second != QLatin1String("write"))
                f.readers.insert(e.pid);
            if (value.second != QLatin1String("read"))
                f.writers.insert(e.pid);
        }
    } else if (is(op, "fifo.create")) {
        FifoInfo &f = fifos[e.obj];
        f = FifoInfo {};
        f.path = e.text("path");
    } else if (is(op, "os.open") && e.ph == 'E' && e.flag("fifo")) {
        FifoInfo &f = fifos[e.obj];
        const QString end = e.text("end");
        if (end != QLatin1String("write"))
            f.readers.insert(e.pid);
        if (end != QLatin1String("read"))
            f.writers.insert(e.pid);
        m_fds[{ e.pid, e.integer("fd") }] = { e.obj, end };
    } else if (is(op, "os.close")) {
        auto it = m_fds.find({ e.pid, e.integer("fd") });
        if (it != m_fds.end()) {
            const quint64 id = it->second.first;
            m_fds.erase(it);
            auto f = fifos.find(id);
            bool reads = false, writes = false;
            for (const auto &[key, value] : m_fds)
                if (key.first == e.pid && value.first == id) {
                    reads |= value.second != QLatin1String("write");
                    writes |= value.second != QLatin1String("read");
                }
            if (f != fifos.end()) {
                if (!reads)
                    f->second.readers.erase(e.pid);
                if (!writes)
                    f->second.writers.erase(e.pid);
            }
        }
    } else if (is(op, "os.write") && e.ph == 'B') {
        // Counted at the start: the reader may finish before the writer's call returns.
        auto f = fifos.find(e.obj);
        if (f != fifos.end())
            f->second.bytesInFlight += e.integer("bytes");
    } else if (is(op, "os.read") && e.ph == 'E') {
        auto f = fifos.find(e.obj);
        if (f != fifos.end())
            f->second.bytesInFlight = std::max<qint64>(0, f->second.bytesInFlight - e.integer("bytes"));
    } else if (is(op, "os.remove")) {
        auto f = fifos.find(e.obj);
        if (f != fifos.end())
            f->second.removed = true;
    } else if (is(op, "socket.create")) {
        SocketInfo &s = sockets[e.obj];
        s.ownerPid = e.pid;
        s.kind = e.text("kind");
        s.peer = static_cast<quint64>(e.integer("peer"));
        s.state = s.peer ? QStringLiteral("connected") : QStringLiteral("created");
    } else if (is(op, "socket.bind")) {
        SocketInfo &s = sockets[e.obj];
        s.state = QStringLiteral("bound");
        s.address = e.text("address");
    } else if (is(op, "socket.listen")) {
        SocketInfo &s = sockets[e.obj];
        s.state = QStringLiteral("listening");
        s.address = e.text("address");
    } else if (is(op, "socket.connect") && e.ph == 'E') {
        SocketInfo &s = sockets[e.obj];
        s.state = QStringLiteral("connected");
        s.address = e.text("local");
        m_socketByAddress[s.address] = e.obj;
        // accept() may have returned first: it left the connection under this socket's address.
        auto accepted = m_socketByAddress.find(QStringLiteral("peer:") + s.address);
        if (accepted != m_socketByAddress.end()) {
            s.peer = accepted->second;
            sockets[accepted->second].peer = e.obj;
        }
    } else if (is(op, "socket.accept") && e.ph == 'E') {
        const auto conn = static_cast<quint64>(e.integer("conn"));
        SocketInfo &c = sockets[conn];
        c.kind = QStringLiteral("tcp");
        c.state = QStringLiteral("connected");
        c.address = e.text("local");
        c.acceptedBy = e.obj;
        c.ownerPid = e.pid;
        const QString peerAddress = e.text("peer");
        auto client = m_socketByAddress.find(peerAddress);
        if (client != m_socketByAddress.end()) {
            c.peer = client->second;
            sockets[client->second].peer = conn;
        } else {
            m_socketByAddress[QStringLiteral("peer:") + peerAddress] = conn; // the client's connect() ends later
        }
    } else if ((is(op, "socket.send") || is(op, "socket.sendall")) && e.ph == 'B') {
        // Counted at the start, as conn.send is: the reader may finish before the sender returns.
        sockets[e.obj].bytesInFlight += e.integer("bytes");
    } else if (is(op, "socket.recv") && e.ph == 'E') {
        const quint64 peer = sockets[e.obj].peer;
        if (peer)
            sockets[peer].bytesInFlight = std::max<qint64>(0, sockets[peer].bytesInFlight - e.integer("bytes"));
    } else if (is(op, "socket.close")) {
        sockets[e.obj].state = QStringLiteral("closed");
    } else if (is(op, "shared.create") || (is(op, "shm.create") && e.ph == 'E') || is(op, "shm.attach")) {
        if (is(op, "shm.create"))
            m_madeSegments.insert(e.text("name"));
        if (is(op, "shm.attach") && segments.count(e.obj))
            return;
        SegmentInfo &s = segments[e.obj];
        s.kind = e.has("kind") ? e.text("kind") : QStringLiteral("SharedMemory");
        s.name = e.text("name");
        s.typecode = e.text("typecode");
        s.lock = static_cast<quint64>(e.integer("lock"));
        s.size = e.integer("size");
        s.bytes = QByteArray::fromHex(e.text("hex").toLatin1());
        s.bytes.resize(std::min<qint64>(s.size, 1 << 16), '\0');
    } else if (is(op, "shm.create") && e.ph == 'B') {
        createdSegments.insert(e.text("name"));
    } else if (is(op, "shm.create") && e.ph == 'F') {
        // It existed already: not the run's to unlink, unless the run made it before.
        if (!m_madeSegments.count(e.text("name")))
            createdSegments.erase(e.text("name"));
    } else if (is(op, "shared.write")) {
        auto s = segments.find(e.obj);
        if (s != segments.end()) {
            const QByteArray written = QByteArray::fromHex(e.text("hex").toLatin1());
            const qint64 offset = e.integer("offset");
            for (qint64 i = 0; i < written.size() && offset + i < s->second.bytes.size(); ++i)
                s->second.bytes[offset + i] = written[i];
            s->second.lastWriter = e.pid;
            s->second.lastOffset = offset;
            s->second.lastSize = e.integer("size");
        }
    } else if (is(op, "pool.create")) {
        pools[e.obj] = PoolInfo {};
    } else if (is(op, "pool.worker")) {
        PoolInfo &pool = pools[e.obj];
        const int worker = static_cast<int>(e.integer("worker"));
        pool.workers.insert(worker);
        pool.names[worker] = e.text("name");
        for (const QJsonValue id : e.values().value(QLatin1String("pipes")).toArray())
            pool.pipeEnds.insert(static_cast<quint64>(id.toDouble()));
    } else if (is(op, "pool.submit")) {
        ++pools[e.obj].tasksSent;
    } else if (is(op, "pool.result")) {
        ++pools[e.obj].tasksDone;
    }
}

std::set<int> SharedWatch::otherEnd(const TraceEvent &begin) const
{
    auto f = fifos.find(begin.obj);
    if (f == fifos.end())
        return {};
    const bool reading = begin.op == QLatin1String("os.read") || begin.text("end") == QLatin1String("read");
    return reading ? f->second.writers : f->second.readers;
}

QString SharedWatch::explain(const TraceEvent &begin, const QString &who, const QString &where, const QString &holders) const
{
    const QString &op = begin.op;
    auto f = fifos.find(begin.obj);
    const QString path = f != fifos.end() ? f->second.path : begin.text("path");
    if (op == QLatin1String("os.open") && begin.flag("fifo")) {
        const bool reading = begin.text("end") == QLatin1String("read");
        return QStringLiteral("%1 waits in os.open() at %2: opening the %3 end of FIFO '%4' waits until some process opens its %5 end")
            .arg(who, where, reading ? QStringLiteral("read") : QStringLiteral("write"), path, reading ? QStringLiteral("write") : QStringLiteral("read"));
    }
    if (op == QLatin1String("os.read") && f != fifos.end()) {
        if (holders.isEmpty())
            return QStringLiteral("%1 waits in os.read() at %2: FIFO '%3' is empty").arg(who, where, path);
        return QStringLiteral("%1 waits in os.read() at %2: FIFO '%3' is empty, and its write end is still open in %4, so read() cannot return b'' "
                              "(end of file) yet")
            .arg(who, where, path, holders);
    }
    if (op == QLatin1String("os.write") && f != fifos.end())
        return QStringLiteral("%1 waits in os.write() at %2: FIFO '%3' is full and nobody reads it").arg(who, where, path);
    if (op == QLatin1String("socket.accept"))
        return QStringLiteral("%1 waits in accept() at %2: nobody has connected to %3 yet").arg(who, where, begin.text("address"));
    if (op == QLatin1String("socket.recv"))
        return QStringLiteral("%1 waits in recv() at %2: nothing has arrived, and the other end has not closed the connection").arg(who, where);
    if (op == QLatin1String("pool.get"))
        return QStringLiteral("%1 waits at %2 for a Pool task's result").arg(who, where);
    if (op == QLatin1String("pool.task"))
        return QStringLiteral("%1 is running task %2 (%3)").arg(who).arg(begin.integer("task")).arg(begin.text("func"));
    return {};
}

SharedWatch::FdList SharedWatch::fdsOf(int pid) const
{
    FdList out;
    for (auto it = m_fds.lower_bound({ pid, LLONG_MIN }); it != m_fds.end() && it->first.first == pid; ++it)
        out.push_back({ it->first.second, it->second });
    return out;
}

void SharedWatch::processGone(int pid)
{
    for (auto it = m_fds.begin(); it != m_fds.end();)
        it = it->first.first == pid ? m_fds.erase(it) : std::next(it);
    for (auto &[id, f] : fifos) {
        f.readers.erase(pid);
        f.writers.erase(pid);
    }
    for (auto &[id, p] : pools)
        p.workers.erase(pid);
}

} // namespace ipclab::engine
