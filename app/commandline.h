#pragma once
// The sub-commands of `ipclab`: run and check. Each returns the process exit code.

#include <QStringList>

namespace ipclab::app {

/// Dispatches on the first argument; `arguments` includes the program name.
int runCommandLine(const QStringList &arguments);

} // namespace ipclab::app
