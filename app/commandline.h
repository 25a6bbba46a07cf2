#pragma once
// The sub-commands of `ipclab`: run and check. Each returns the process exit code.

#include <QString>
#include <QStringList>

namespace ipclab::app {

/// Dispatches on the first argument; `arguments` includes the program name.
int runCommandLine(const QStringList &arguments);

/// The ipclab-worker executable beside this one: every scenario's main process.
QString workerPath();

} // namespace ipclab::app
