#pragma once
// multiprocessing.Manager(): a real server process that owns shared objects;
// every proxy operation is a round trip over a Unix socket, so `d['n'] += 1`
// is a get and then a set, and two processes can lose an update between them.

#include "objects.h"

namespace ipclab::ipc {

/// multiprocessing.Manager(): forks the server and returns the manager object.
lang::Value startManager(lang::Interpreter &in);
/// At process exit: shut down the managers this process started.
void shutdownManagers();

} // namespace ipclab::ipc
