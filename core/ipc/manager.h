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
/// A proxy travelling in a pickle to a Pool worker, as CPython's proxies reduce to their
/// manager's address and the referent's id: the persistent id, or Undefined for anything else.
lang::Value proxyPersistentId(const lang::Value &v);
/// The proxy again, in the process that loads the pickle.
lang::Value rebuildProxy(lang::Interpreter &in, const lang::Value &id);

} // namespace ipclab::ipc
