#include "trace_model.h"

#include <algorithm>

namespace ipclab::engine {

void TraceModel::append(TraceEvent event)
{
    // Events arrive per thread in bursts: most go at the end, a few a little earlier.
    auto at = std::upper_bound(m_events.begin(), m_events.end(), event.t, [](qint64 t, const TraceEvent &e) { return t < e.t; });
    const int index = static_cast<int>(at - m_events.begin());
    m_events.insert(at, std::move(event));
    rebuildCheckpointsFrom(index);
}

void TraceModel::load(std::vector<TraceEvent> events)
{
    std::stable_sort(events.begin(), events.end(), [](const TraceEvent &a, const TraceEvent &b) { return a.t < b.t; });
    m_events = std::move(events);
    m_checkpoints.clear();
    rebuildCheckpointsFrom(0);
}

void TraceModel::clear()
{
    m_events.clear();
    m_checkpoints.clear();
}

void TraceModel::rebuildCheckpointsFrom(int index)
{
    // Checkpoints after the changed index are stale; rebuild them (cheap: only the tail).
    const std::size_t keep = static_cast<std::size_t>(index / kCheckpointEvery) + 1;
    if (m_checkpoints.empty())
        m_checkpoints.emplace_back();
    if (m_checkpoints.size() > keep)
        m_checkpoints.resize(keep);
    RunWatch state = m_checkpoints.back();
    std::size_t next = (m_checkpoints.size() - 1) * kCheckpointEvery;
    while (next + kCheckpointEvery <= m_events.size()) {
        for (std::size_t i = next; i < next + kCheckpointEvery; ++i)
            state.apply(m_events[i]);
        next += kCheckpointEvery;
        m_checkpoints.push_back(state);
    }
}

RunWatch TraceModel::stateAfter(int count) const
{
    count = std::clamp(count, 0, size());
    const std::size_t k = std::min(static_cast<std::size_t>(count / kCheckpointEvery), m_checkpoints.empty() ? 0 : m_checkpoints.size() - 1);
    RunWatch state = m_checkpoints.empty() ? RunWatch() : m_checkpoints[k];
    for (std::size_t i = k * kCheckpointEvery; i < static_cast<std::size_t>(count); ++i)
        state.apply(m_events[i]);
    return state;
}

int TraceModel::indexAtTime(qint64 t) const
{
    auto at = std::lower_bound(m_events.begin(), m_events.end(), t, [](const TraceEvent &e, qint64 time) { return e.t < time; });
    return static_cast<int>(at - m_events.begin());
}

} // namespace ipclab::engine
