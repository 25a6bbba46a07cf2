#pragma once
// The trace vocabulary: every operation a run's trace may carry, defined once
// (docs/trace-format.md). Emitters name their operations from here, and every
// reader (the hang watch, the stage, the timeline, the event text, message
// paths, the Chrome export) derives what it needs from the same entry, so no
// view keeps a list of its own. Plain C++: the worker links no Qt.

#include <span>
#include <string_view>

namespace ipclab::trace {

/// The trace format this build writes and reads (`run.start`'s `format`).
inline constexpr std::string_view kFormatVersion = "ipclab-trace/3";

/// How much a run traces: its operations; also each statement; also each statement's changed variables.
enum class Level { Off = 0, Operations = 1, Statements = 2, Variables = 3 };
/// The level's name on a worker's command line ("ops", "statements", "variables").
std::string_view levelName(Level level);
/// The level a name stands for; Off for a name that is none.
Level levelFromName(std::string_view name);

/// How a thread inside the operation stands, for the hang watch, the stage and the timeline.
enum class Blocking {
    Neither, ///< returns at once, or is not a call (an instant)
    Blocks, ///< may wait for another thread or process: part of a hang when nothing else can run
    Idle, ///< a helper waiting for work (a feeder, a manager between requests): never part of a hang
};

/// The message path an operation belongs to, if any (the stage's moving messages, Chrome flows).
enum class Route { None, Pipe, Queue, Manager, Fifo, Socket, Pool, SharedMemory };

struct Operation {
    std::string_view name; ///< as in the trace's "op"
    std::string_view phases; ///< the phases it is written with: "I", "BE", "BEF"
    std::string_view keys; ///< the value keys it may carry, comma-separated
    Blocking blocking;
    std::string_view python; ///< the Python-level call it stands for ("recv()"), empty when none
    std::string_view english; ///< the activity, for people: "waiting for a message from a pipe"
    std::string_view chinese; ///< the same in 简体中文
    Route route;
};

/// Every operation, in the order of docs/trace-format.md.
std::span<const Operation> operations();
/// The entry for `name`, or nullptr when the vocabulary has no such operation.
const Operation *findOperation(std::string_view name);
/// The operation's Python-level call, else its wording: never the internal name.
std::string_view pythonCall(std::string_view name);
inline Blocking blockingOf(std::string_view name)
{
    const Operation *op = findOperation(name);
    return op ? op->blocking : Blocking::Neither;
}

} // namespace ipclab::trace
