#pragma once
// The janitor's side of core/engine/run_janitor.h, in ipclab-worker (no Qt).

namespace ipclab::app {

/// ipclab-worker --janitor FOLDER: reads "+NAME" (a segment the run created) and "-NAME" (it was
/// not the run's after all) lines from stdin until end of file (the orchestrator finished, or
/// died), then unlinks the run's segments and removes FOLDER (only a run's, "ipclab-run-...").
int runJanitor(const char *folder);

} // namespace ipclab::app
