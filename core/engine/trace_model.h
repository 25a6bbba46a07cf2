#pragma once
// The one model every view of a run reads: the events of a run, in time
// order, and the state they imply at any moment (processes and their
// blocked calls, pipe ends and their holders, bytes in flight, queue buffers,
// semaphore values, lock owners). State at an event is a fold of the events
// before it; checkpoints every few thousand events keep seeking fast.

#include "run_watch.h"
#include "trace_event.h"

#include <vector>

namespace ipclab::engine {

class TraceModel {
public:
    /// Appends an event (a live run); it must not be older than the newest by more than the
    /// orchestrator's batching, so it is inserted in time order.
    void append(TraceEvent event);
    /// Loads a saved trace (docs/trace-format.md), replacing what the model holds.
    void load(std::vector<TraceEvent> events);
    void clear();

    int size() const { return static_cast<int>(m_events.size()); }
    const TraceEvent &event(int index) const { return m_events.at(static_cast<std::size_t>(index)); }
    const std::vector<TraceEvent> &events() const { return m_events; }
    /// The state once events [0, count) have happened.
    RunWatch stateAfter(int count) const;
    /// Index of the first event at or after time `t`.
    int indexAtTime(qint64 t) const;

    static constexpr int kCheckpointEvery = 4096;

private:
    void rebuildCheckpointsFrom(int index);

    std::vector<TraceEvent> m_events;
    std::vector<RunWatch> m_checkpoints; ///< m_checkpoints[k] = state after k * kCheckpointEvery events
};

} // namespace ipclab::engine
