#pragma once
// The `spawn` start method: a child is a fresh ipclab-worker (started with
// Boost.Process) that re-runs the scenario as __mp_main__, then receives
// its target and arguments pickled, as CPython's spawn does. Pipe ends,
// queues and locks in the arguments travel as inherited file descriptors.

#include "process.h"

namespace ipclab::ipc {

/// Starts `p` in a new worker; returns its pid. Raises what pickling the target raises.
pid_t spawnProcess(lang::Interpreter &in, ProcessObject &p);

/// The whole life of a spawned child, in the worker: runs the module as __mp_main__,
/// reads its process from `dataFd`, runs the target. Returns the exit code.
int runSpawnedChild(lang::Interpreter &in, int dataFd);

} // namespace ipclab::ipc
