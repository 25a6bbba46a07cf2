#include "trace_event.h"

#include <QJsonDocument>

namespace ipclab::engine {

qint64 TraceEvent::integer(const char *key, qint64 fallback) const
{
    const QJsonValue value = v.value(QLatin1String(key));
    return value.isDouble() ? static_cast<qint64>(value.toDouble()) : fallback;
}

QString TraceEvent::text(const char *key) const
{
    return v.value(QLatin1String(key)).toString();
}

std::optional<TraceEvent> parseTraceEvent(const QByteArray &line)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const QString op = o.value(QLatin1String("op")).toString();
    const QString ph = o.value(QLatin1String("ph")).toString();
    if (op.isEmpty() || ph.size() != 1)
        return std::nullopt;
    TraceEvent e;
    e.t = static_cast<qint64>(o.value(QLatin1String("t")).toDouble());
    e.pid = o.value(QLatin1String("pid")).toInt();
    e.tid = o.value(QLatin1String("tid")).toInt();
    e.op = op;
    e.ph = static_cast<char>(ph.at(0).toLatin1());
    e.obj = static_cast<quint64>(o.value(QLatin1String("obj")).toDouble());
    e.line = o.value(QLatin1String("line")).toInt();
    e.v = o.value(QLatin1String("v")).toObject();
    return e;
}

QByteArray serializeTraceEvent(const TraceEvent &event)
{
    QJsonObject o;
    o[QLatin1String("t")] = static_cast<double>(event.t);
    o[QLatin1String("pid")] = event.pid;
    o[QLatin1String("tid")] = event.tid;
    o[QLatin1String("op")] = event.op;
    o[QLatin1String("ph")] = QString(QLatin1Char(event.ph));
    if (event.obj)
        o[QLatin1String("obj")] = static_cast<double>(event.obj);
    if (event.line)
        o[QLatin1String("line")] = event.line;
    if (!event.v.isEmpty())
        o[QLatin1String("v")] = event.v;
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace ipclab::engine
