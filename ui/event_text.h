#pragma once
// One event in words, for the event log and the "what is happening" panel.

#include "run_watch.h"
#include "trace_event.h"

#include <QString>

namespace ipclab::ui {

QString describeEvent(const engine::TraceEvent &event, const engine::RunWatch &state);

} // namespace ipclab::ui
