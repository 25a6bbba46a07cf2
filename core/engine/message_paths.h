#pragma once
// Where every message of a run went: a Connection's send to the recv that got
// it, a Queue's put through its feeder's write to the get that read it. The
// timeline draws these as arrows and the Chrome export as flows.

#include "trace_event.h"

#include <vector>

namespace ipclab::engine {

struct MessagePath {
    int sent = -1; ///< conn.send(_bytes) begin, buffer.append, or a SimpleQueue's write
    int written = -1; ///< the pipe.write begin that put it in a Queue's pipe (-1 for a Connection)
    int received = -1; ///< the recv or pipe.read end that took it out (-1: never received)
};

/// `events` in time order. A pipe is first in, first out, and a Queue's writes and reads are
/// serialized by its locks, so the n-th message into a direction is the n-th out of it.
std::vector<MessagePath> messagePaths(const std::vector<TraceEvent> &events);
/// The same for FIFOs, sockets and Pool tasks (message_paths_shared.cpp), appended to `paths`.
void appendSharedPrimitivePaths(const std::vector<TraceEvent> &events, std::vector<MessagePath> &paths);

} // namespace ipclab::engine
