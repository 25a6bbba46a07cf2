#pragma once
// How long playback lingers on each event, in beats (one beat is one tick of the speed
// slider). A lesson's IPC steps get a beat each; statements, idle helpers and the server's
// side of a Manager round trip go by with the step they belong to, unless "every statement"
// is asked for. A step that repeats (the 1000th d["n"] += 1 of a loop) gets shorter each time,
// so a 100,000-event race plays in a couple of minutes and still shows its first rounds
// one by one.

#include "trace_event.h"

#include <vector>

namespace ipclab::ui {

/// One weight per event: the beats playback spends on it (0 for one that goes by with the next).
std::vector<float> playbackBeats(const std::vector<engine::TraceEvent> &events, bool everyStatement);

} // namespace ipclab::ui
