#pragma once
// The janitor's side of core/engine/run_janitor.h, in ipclab-worker (no Qt).

namespace ipclab::app {

/// ipclab-worker --janitor FOLDER: reads shared memory segment names from stdin until end of
/// file (the orchestrator finished, or died), then unlinks them and removes FOLDER (only a
/// run's folder, "ipclab-run-...").
int runJanitor(const char *folder);

} // namespace ipclab::app
