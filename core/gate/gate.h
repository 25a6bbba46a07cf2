#pragma once
// The worker's side of the gates (gate_board.h): before each statement, and
// at the internal points of a primitive a lesson needs to stop at, a thread
// of a live run waits until the orchestrator releases it. Off (one load and
// a branch) when the run is not live.

#include <string_view>

namespace ipclab::gate {

/// Where a thread can be held. The names are the trace's (docs/trace-format.md).
enum class Point {
    Statement, ///< before a statement
    ProxyCall, ///< before a Manager proxy sends its request (between the get and the set of d[k] += 1)
    QueueBuffer, ///< in Queue.put, after the semaphore, before the item enters the buffer
    FeederWrite, ///< in a Queue's feeder thread, before it writes an item to the pipe
};

/// Maps the board the orchestrator created (the worker's --gate-fd).
bool configure(int fd);
/// The board's fd, to hand down to a spawned worker (-1 when not live).
int boardFd();

namespace detail {
extern bool g_live;
bool mustStop(Point point, int line);
void wait(Point point, int line, std::string_view detail);
} // namespace detail

/// True when the calling thread has to wait at this gate. The caller then releases the
/// interpreter lock and calls waitAtGate (the gates live below the interpreter).
inline bool mustStop(Point point, int line)
{
    return detail::g_live && detail::mustStop(point, line);
}
/// Announces the wait in the trace (op "gate", begin), sleeps until released, ends it.
inline void waitAtGate(Point point, int line, std::string_view detail = {})
{
    detail::wait(point, line, detail);
}

} // namespace ipclab::gate
