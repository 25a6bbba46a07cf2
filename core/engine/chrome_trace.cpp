#include "chrome_trace.h"

#include "message_paths.h"
#include "operation_words.h"
#include "trace_event.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace ipclab::engine {

qint64 eventTime(const QByteArray &line)
{
    const qsizetype at = line.indexOf("\"t\":");
    if (at < 0)
        return 0;
    qint64 value = 0;
    for (qsizetype i = at + 4; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i)
        value = value * 10 + (line[i] - '0');
    return value;
}

namespace {

class ChromeWriter {
public:
    explicit ChromeWriter(qint64 origin)
        : m_origin(origin)
    {
    }

    void add(const TraceEvent &e);
    void flow(const TraceEvent &e, const char *phase, int path)
    {
        QJsonObject o = base(e, QStringLiteral("message"), phase);
        o[QLatin1String("cat")] = QLatin1String("message");
        o[QLatin1String("id")] = QString::number(path);
        if (phase[0] != 's')
            o[QLatin1String("bp")] = QLatin1String("e");
        m_events.append(o);
    }
    QByteArray finish();

private:
    QJsonObject base(const TraceEvent &e, const QString &name, const char *phase) const
    {
        QJsonObject o;
        o[QLatin1String("name")] = name;
        o[QLatin1String("ph")] = QLatin1String(phase);
        o[QLatin1String("ts")] = static_cast<double>(e.t - m_origin) / 1000.0;
        o[QLatin1String("pid")] = e.pid;
        o[QLatin1String("tid")] = e.tid;
        return o;
    }
    void counter(const TraceEvent &e, const QString &name, const char *key, qint64 value)
    {
        QJsonObject o = base(e, name, "C");
        o.remove(QLatin1String("tid"));
        o[QLatin1String("args")] = QJsonObject { { QLatin1String(key), static_cast<double>(value) } };
        m_events.append(o);
    }
    void name(const char *what, int pid, int tid, const QString &text)
    {
        QJsonObject o;
        o[QLatin1String("name")] = QLatin1String(what);
        o[QLatin1String("ph")] = QLatin1String("M");
        o[QLatin1String("pid")] = pid;
        o[QLatin1String("tid")] = tid;
        o[QLatin1String("args")] = QJsonObject { { QLatin1String("name"), text } };
        m_events.append(o);
    }
    QString queueLabel(quint64 id)
    {
        if (!m_queueNumbers.contains(id))
            m_queueNumbers.insert(id, m_queueNumbers.size() + 1);
        return QStringLiteral("Queue %1").arg(m_queueNumbers.value(id));
    }

    qint64 m_origin;
    QJsonArray m_events;
    QHash<quint64, int> m_queueNumbers;
    QHash<quint64, quint64> m_queueOfSlots;
    QHash<quint64, qint64> m_queueDepth;
};

namespace {

// The Chrome category of an event: the message route its operation belongs to (core/trace/protocol.h).
QString routeName(trace::Route route)
{
    switch (route) {
    case trace::Route::Pipe:
        return QStringLiteral("pipe");
    case trace::Route::Queue:
        return QStringLiteral("queue");
    case trace::Route::Manager:
        return QStringLiteral("manager");
    case trace::Route::Fifo:
        return QStringLiteral("fifo");
    case trace::Route::Socket:
        return QStringLiteral("socket");
    case trace::Route::Pool:
        return QStringLiteral("pool");
    case trace::Route::SharedMemory:
        return QStringLiteral("shared-memory");
    case trace::Route::None:
        break;
    }
    return QStringLiteral("run");
}

} // namespace

void ChromeWriter::add(const TraceEvent &e)
{
    if (e.pid <= 0)
        return;
    const QString &op = e.op;
    if (op == QLatin1String("process.run")) {
        name("process_name", e.pid, e.tid, QStringLiteral("%1 (pid %2)").arg(e.text("name")).arg(e.pid));
        name("thread_name", e.pid, e.tid, e.text("thread"));
    } else if (op == QLatin1String("thread.start")) {
        name("thread_name", e.pid, e.tid, e.text("name"));
    } else if (op == QLatin1String("queue.create")) {
        m_queueOfSlots.insert(static_cast<quint64>(e.integer("slots")), e.obj);
        if (e.integer("slots"))
            counter(e, queueLabel(e.obj) + QStringLiteral(" free slots"), "slots", e.integer("maxsize"));
        counter(e, queueLabel(e.obj) + QStringLiteral(" depth"), "items", 0);
    }

    // The slice or instant itself.
    QJsonObject args = e.values();
    if (e.line)
        args[QLatin1String("line")] = e.line;
    if (e.obj)
        args[QLatin1String("obj")] = QString::number(e.obj);
    const QString category = routeName(routeOf(op));
    if (e.ph == 'B' || e.ph == 'E' || e.ph == 'F') {
        QJsonObject o = base(e, op, e.ph == 'B' ? "B" : "E");
        o[QLatin1String("cat")] = category;
        o[QLatin1String("args")] = args;
        m_events.append(o);
    } else {
        const bool exception = op == QLatin1String("exception");
        QJsonObject o = base(e, exception ? e.text("type") : op, "i");
        o[QLatin1String("s")] = QLatin1String(exception ? "p" : "t");
        o[QLatin1String("cat")] = category;
        o[QLatin1String("args")] = args;
        m_events.append(o);
    }
    // A call that failed with an exception (EOFError, Full, Empty): an instant named after it.
    if (e.ph == 'F' && !e.text("exc").isEmpty()) {
        QJsonObject o = base(e, e.text("exc"), "i");
        o[QLatin1String("s")] = QLatin1String("p");
        o[QLatin1String("cat")] = QLatin1String("exception");
        o[QLatin1String("args")] = args;
        m_events.append(o);
    }

    // Counters.
    if (op == QLatin1String("queue.put") && e.ph == 'E' && m_queueNumbers.contains(e.obj))
        counter(e, queueLabel(e.obj) + QStringLiteral(" depth"), "items", ++m_queueDepth[e.obj]);
    else if (op == QLatin1String("queue.get") && e.ph == 'E' && m_queueNumbers.contains(e.obj))
        counter(e, queueLabel(e.obj) + QStringLiteral(" depth"), "items", --m_queueDepth[e.obj]);
    else if ((op == QLatin1String("sync.acquire") && e.ph == 'E') || op == QLatin1String("sync.release")) {
        auto q = m_queueOfSlots.find(e.obj);
        if (q != m_queueOfSlots.end())
            counter(e, queueLabel(q.value()) + QStringLiteral(" free slots"), "slots", e.integer("value"));
    }
}

QByteArray ChromeWriter::finish()
{
    QJsonObject root;
    root[QLatin1String("traceEvents")] = m_events;
    root[QLatin1String("displayTimeUnit")] = QLatin1String("ns");
    root[QLatin1String("otherData")] = QJsonObject { { QLatin1String("producer"), QLatin1String("IPC Lab") } };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray chromeTraceJson(const std::vector<QByteArray> &traceLines)
{
    std::vector<TraceEvent> events;
    events.reserve(traceLines.size());
    for (const QByteArray &line : traceLines)
        if (auto e = parseTraceEvent(line.trimmed()))
            events.push_back(std::move(*e));
    std::stable_sort(events.begin(), events.end(), [](const TraceEvent &a, const TraceEvent &b) { return a.t < b.t; });
    qint64 origin = 0;
    for (const TraceEvent &e : events)
        if (e.pid > 0) {
            origin = e.t;
            break;
        }
    // Flows: put -> feeder write -> get, and send -> recv, each at the events of its path.
    std::unordered_map<int, std::vector<std::pair<const char *, int>>> flowsAt;
    const std::vector<MessagePath> paths = messagePaths(events);
    for (std::size_t k = 0; k < paths.size(); ++k) {
        const MessagePath &path = paths[k];
        if (path.received < 0)
            continue; // never received: no arrow to draw
        flowsAt[path.sent].emplace_back("s", static_cast<int>(k));
        if (path.written >= 0 && path.written != path.sent)
            flowsAt[path.written].emplace_back("t", static_cast<int>(k));
        flowsAt[path.received].emplace_back("f", static_cast<int>(k));
    }
    ChromeWriter writer(origin);
    for (std::size_t i = 0; i < events.size(); ++i) {
        writer.add(events[i]);
        if (auto it = flowsAt.find(static_cast<int>(i)); it != flowsAt.end())
            for (const auto &[phase, path] : it->second)
                writer.flow(events[i], phase, path);
    }
    return writer.finish();
}

} // namespace ipclab::engine
