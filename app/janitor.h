#pragma once
// The janitor's side of core/engine/run_janitor.h, in ipclab-worker (no Qt).

namespace ipclab::app {

/// ipclab-worker --janitor FOLDER REGISTRY-FD: reads "group N" (the run's process group) from
/// stdin until end of file (the orchestrator finished, or died), then ends what is left of that
/// group, unlinks the segments the run's registry names and removes FOLDER (only a run's,
/// "ipclab-run-...").
int runJanitor(const char *folder, const char *registryFd);

} // namespace ipclab::app
