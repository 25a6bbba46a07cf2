#pragma once
// The `os` module of a scenario: named pipes (mkfifo, open/read/write/close
// with the O_* flags), files for mmap (ftruncate), os.path.exists and
// remove/unlink, getpid/getppid. File descriptors are plain ints as in
// CPython; this process remembers what each one is, so the trace can say
// "the write end of FIFO 'req'" and the window can draw it like a pipe.

#include "objects.h"
#include "trace.h"

#include <string>

namespace ipclab::ipc {

void registerOsModule();

/// The relative path a scenario may use, or PermissionError: scenario files are untrusted,
/// so they stay inside the run's private folder (no absolute path, no "..").
const std::string &checkedScenarioPath(const lang::Value &path, const char *function);

/// The trace id of a named object every process computes alike (a FIFO's path, a shared
/// memory segment's name): no process has to tell the others.
trace::ObjectId namedObjectId(std::string_view kind, std::string_view name);

/// Whether the scenario opened fd itself (os.open). Every other descriptor, the run's trace,
/// gate and registry channels among them, is EBADF to the scenario, as a closed one would be.
bool isScenarioFd(int fd);

/// What this process knows about an fd it opened with os.open (for mmap's trace).
std::string openedFdPath(int fd);

} // namespace ipclab::ipc
