#pragma once
// The orchestrator's end of the gate board (core/gate/gate_board.h): a
// memfd mapped shared, handed to the root worker with --gate-fd, inherited
// by every process of the run. Releasing a thread is a store and a futex
// wake; safe from any thread of the orchestrator.

#include <set>

namespace ipclab::gate {
struct Board;
}

namespace ipclab::engine {

class GateBoardOwner {
public:
    GateBoardOwner();
    ~GateBoardOwner();
    GateBoardOwner(const GateBoardOwner &) = delete;
    GateBoardOwner &operator=(const GateBoardOwner &) = delete;

    bool valid() const { return m_board != nullptr; }
    int fd() const { return m_fd; }

    /// Lets the thread waiting in `slot` take its step.
    void release(int slot);
    /// Gates off (every gate but a breakpoint's is passed) or on.
    void setFreeRunning(bool free);
    bool freeRunning() const;
    void setBreakpoints(const std::set<int> &lines);

private:
    int m_fd = -1;
    gate::Board *m_board = nullptr;
};

} // namespace ipclab::engine
