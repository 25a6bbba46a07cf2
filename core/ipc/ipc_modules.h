#pragma once
// Internal: the pieces of the runtime's modules that other files share.

#include "objects.h"

#include <string>
#include <vector>

namespace ipclab::ipc {

void registerThreadingModules();
void registerOsModule();
void registerSocketModule();
void registerContextlibModule();
void registerSharedMemoryModules();
/// multiprocessing.Value and Array (shared_memory.cpp), and Pool (pool.cpp).
lang::Value sharedValueFactory(lang::Interpreter &, const lang::Value &, lang::CallArgs &);
lang::Value sharedArrayFactory(lang::Interpreter &, const lang::Value &, lang::CallArgs &);
lang::Value poolTypeValue();
/// A SharedMemory in a pickle (a Pool task): its name, and attached again by name.
lang::Value sharedMemoryPersistentId(const lang::Value &v);
lang::Value attachSharedMemory(lang::Interpreter &in, const std::string &name);
/// A Value or Array handed to a spawned child: its memfd joins `fds`; rebuilt from the id there.
lang::Value sharedValueSpawnId(const lang::Value &v, std::vector<int> &fds);
lang::Value rebuildSharedValue(const lang::Value &id);
/// queue.Full and queue.Empty: multiprocessing.Queue raises the same classes, as CPython does.
lang::TypeObject *queueFullType();
lang::TypeObject *queueEmptyType();

} // namespace ipclab::ipc
