#pragma once
// The second export of a run: the Chrome Trace Event Format that Perfetto
// (ui.perfetto.dev) and chrome://tracing open. Processes and threads by
// name, operations as slices, flow arrows from put/send through the feeder's
// write to get/recv, counters for queue depth and free semaphore slots, and
// exceptions as instants.

#include <QByteArray>

#include <vector>

namespace ipclab::engine {

/// The event's "t" without parsing the whole line (sorting a large trace).
qint64 eventTime(const QByteArray &line);
/// Converts trace lines (docs/trace-format.md, any order) to one Chrome Trace JSON document.
QByteArray chromeTraceJson(const std::vector<QByteArray> &traceLines);

} // namespace ipclab::engine
