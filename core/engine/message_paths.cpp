#include "message_paths.h"
#include "operation_words.h"

#include <deque>
#include <map>

namespace ipclab::engine {

std::vector<MessagePath> messagePaths(const std::vector<TraceEvent> &events)
{
    std::vector<MessagePath> paths;
    std::map<quint64, quint64> peer; // pipe end -> the other end
    std::map<qint64, std::size_t> byMessage; // a Queue item's msg id -> its path
    std::map<quint64, std::deque<std::size_t>> inQueuePipe; // queue -> paths written, not yet read
    std::map<quint64, std::deque<std::size_t>> sentFrom; // pipe end -> paths sent, not yet received
    for (std::size_t i = 0; i < events.size(); ++i) {
        const TraceEvent &e = events[i];
        const int index = static_cast<int>(i);
        const QString &op = e.op;
        if (routeOf(op) == trace::Route::None)
            continue; // not a message's step (core/trace/protocol.h)
        if (op == QLatin1String("pipe.create")) {
            peer[static_cast<quint64>(e.integer("a"))] = static_cast<quint64>(e.integer("b"));
            peer[static_cast<quint64>(e.integer("b"))] = static_cast<quint64>(e.integer("a"));
        } else if (op == QLatin1String("buffer.append") && e.integer("msg")) {
            byMessage[e.integer("msg")] = paths.size();
            paths.push_back({ index, -1, -1 });
        } else if (op == QLatin1String("pipe.write") && e.ph == 'B') {
            // Stamped before the write (under the write lock), so no reader can be earlier.
            auto known = byMessage.find(e.integer("msg"));
            std::size_t path;
            if (known != byMessage.end()) {
                path = known->second;
                byMessage.erase(known);
            } else {
                path = paths.size(); // a SimpleQueue: put() writes itself
                paths.push_back({ index, -1, -1 });
            }
            paths[path].written = index;
            inQueuePipe[e.obj].push_back(path);
        } else if (op == QLatin1String("pipe.read") && e.ph == 'E') {
            auto &pending = inQueuePipe[e.obj];
            if (!pending.empty()) {
                paths[pending.front()].received = index;
                pending.pop_front();
            }
        } else if ((op == QLatin1String("conn.send") || op == QLatin1String("conn.send_bytes")) && e.ph == 'B') {
            sentFrom[e.obj].push_back(paths.size());
            paths.push_back({ index, -1, -1 });
        } else if ((op == QLatin1String("conn.recv") || op == QLatin1String("conn.recv_bytes") || op == QLatin1String("conn.recv_bytes_into")) && e.ph == 'E') {
            auto &pending = sentFrom[peer[e.obj]];
            if (!pending.empty()) {
                paths[pending.front()].received = index;
                pending.pop_front();
            }
        }
    }
    appendSharedPrimitivePaths(events, paths);
    return paths;
}

} // namespace ipclab::engine
