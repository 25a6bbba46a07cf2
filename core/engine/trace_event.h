#pragma once
// One trace event as the orchestrator and the views read it (docs/trace-format.md).

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ipclab::engine {

struct TraceEvent {
    qint64 t = 0; ///< CLOCK_MONOTONIC nanoseconds
    int pid = 0;
    int tid = 0;
    QString op;
    char ph = 'I'; ///< B begin, E end, F fail, I instant
    quint64 obj = 0;
    int line = 0;
    QJsonObject v;

    bool isBegin() const { return ph == 'B'; }
    bool closes() const { return ph == 'E' || ph == 'F'; }
    qint64 integer(const char *key, qint64 fallback = 0) const;
    QString text(const char *key) const;
};

/// Parses one JSON line; nothing when it is not an event (a partial write cut short by a kill).
std::optional<TraceEvent> parseTraceEvent(const QByteArray &line);
/// The JSON line for an event (the orchestrator's own run.start / run.end events).
QByteArray serializeTraceEvent(const TraceEvent &event);

} // namespace ipclab::engine
