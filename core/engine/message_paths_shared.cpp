// Message paths for FIFOs, sockets and Pools (message_paths.h): a write into
// a FIFO to the read that took it, a socket's send to the peer's recv, a
// Pool task from the submit through the worker that ran it to its result.
// FIFOs and sockets carry bytes, not messages: the n-th write is matched with
// the n-th read that returned something, which holds while each read takes
// one write, as a lesson's request/reply exchange does.

#include "message_paths.h"
#include "operation_words.h"

#include <deque>
#include <map>

namespace ipclab::engine {

void appendSharedPrimitivePaths(const std::vector<TraceEvent> &events, std::vector<MessagePath> &paths)
{
    std::map<quint64, std::deque<std::size_t>> inFifo; // fifo -> paths written, not yet read
    std::map<quint64, quint64> socketPeer;
    std::map<QString, quint64> connectedAt; // a client socket by its own address
    std::map<QString, quint64> acceptedFor; // a server-side connection by its client's address
    std::map<quint64, std::deque<std::size_t>> sentOn; // socket -> paths sent, not yet received
    std::map<std::pair<quint64, qint64>, std::size_t> poolTask; // (pool, task) -> path
    auto link = [&](quint64 a, quint64 b) {
        socketPeer[a] = b;
        socketPeer[b] = a;
    };
    for (std::size_t i = 0; i < events.size(); ++i) {
        const TraceEvent &e = events[i];
        const int index = static_cast<int>(i);
        const QString &op = e.op;
        if (routeOf(op) == trace::Route::None)
            continue; // not a message's step (core/trace/protocol.h)
        if (op == QLatin1String("os.write") && e.ph == 'B' && e.obj) {
            inFifo[e.obj].push_back(paths.size());
            paths.push_back({ index, -1, -1 });
        } else if (op == QLatin1String("os.read") && e.ph == 'E' && e.integer("bytes") > 0) {
            auto &pending = inFifo[e.obj];
            if (!pending.empty()) {
                paths[pending.front()].received = index;
                pending.pop_front();
            }
        } else if (op == QLatin1String("socket.create") && e.integer("peer")) {
            link(e.obj, static_cast<quint64>(e.integer("peer")));
        } else if (op == QLatin1String("socket.connect") && e.ph == 'E') {
            const QString local = e.text("local");
            auto accepted = acceptedFor.find(local);
            if (accepted != acceptedFor.end())
                link(e.obj, accepted->second);
            else
                connectedAt[local] = e.obj;
        } else if (op == QLatin1String("socket.accept") && e.ph == 'E') {
            const auto conn = static_cast<quint64>(e.integer("conn"));
            const QString peer = e.text("peer");
            auto client = connectedAt.find(peer);
            if (client != connectedAt.end())
                link(conn, client->second);
            else
                acceptedFor[peer] = conn;
        } else if ((op == QLatin1String("socket.send") || op == QLatin1String("socket.sendall")) && e.ph == 'B') {
            sentOn[e.obj].push_back(paths.size());
            paths.push_back({ index, -1, -1 });
        } else if (op == QLatin1String("socket.recv") && e.ph == 'E' && e.integer("bytes") > 0) {
            auto peer = socketPeer.find(e.obj);
            if (peer != socketPeer.end()) {
                auto &pending = sentOn[peer->second];
                if (!pending.empty()) {
                    paths[pending.front()].received = index;
                    pending.pop_front();
                }
            }
        } else if (op == QLatin1String("pool.submit") && !e.has("exc")) {
            poolTask[{ e.obj, e.integer("task") }] = paths.size();
            paths.push_back({ index, -1, -1 });
        } else if (op == QLatin1String("pool.task") && e.ph == 'B') {
            auto task = poolTask.find({ e.obj, e.integer("task") });
            if (task != poolTask.end())
                paths[task->second].written = index;
        } else if (op == QLatin1String("pool.result")) {
            auto task = poolTask.find({ e.obj, e.integer("task") });
            if (task != poolTask.end()) {
                paths[task->second].received = index;
                poolTask.erase(task);
            }
        }
    }
}

} // namespace ipclab::engine
