#pragma once
// Internal: the pieces of the runtime's modules that other files share.

#include "objects.h"

namespace ipclab::ipc {

void registerThreadingModules();
/// queue.Full and queue.Empty: multiprocessing.Queue raises the same classes, as CPython does.
lang::TypeObject *queueFullType();
lang::TypeObject *queueEmptyType();

} // namespace ipclab::ipc
