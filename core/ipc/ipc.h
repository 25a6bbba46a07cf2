#pragma once
// The IPC runtime that scenarios import as `multiprocessing`: real processes
// (fork), real pipes and socketpairs. Registers its modules with the language.

namespace ipclab::ipc {

/// Adds `multiprocessing` (and its submodules) to the importable modules. Idempotent.
void registerModules();

} // namespace ipclab::ipc
