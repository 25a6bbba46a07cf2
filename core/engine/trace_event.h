#pragma once
// One trace event as the orchestrator and the views read it (docs/trace-format.md).
// Parsing is the orchestrator's hottest path (a busy run writes hundreds of
// thousands of events a second), so the fixed fields are scanned directly and
// the values stay JSON text until someone asks for one.

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
    QByteArray rawValues; ///< the "v" object as JSON text; empty when the event has none

    bool isBegin() const { return ph == 'B'; }
    bool closes() const { return ph == 'E' || ph == 'F'; }
    bool has(const char *key) const;
    qint64 integer(const char *key, qint64 fallback = 0) const;
    double number(const char *key, double fallback = 0.0) const;
    bool flag(const char *key) const;
    QString text(const char *key) const;
    /// All values, parsed (arrays such as "holds", or to show them all).
    QJsonObject values() const;
    void setValues(const QJsonObject &values);
};

/// Parses one JSON line; nothing when it is not an event (a partial write cut short by a kill).
std::optional<TraceEvent> parseTraceEvent(const QByteArray &line);
/// The JSON line for an event (the orchestrator's own run.start / run.end events).
QByteArray serializeTraceEvent(const TraceEvent &event);

/// The text of member `key` of the JSON object `object` (its value, as JSON), or empty.
QByteArrayView jsonMember(QByteArrayView object, QByteArrayView key);

} // namespace ipclab::engine
