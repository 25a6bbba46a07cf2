#pragma once
// Cleans up after a run even when the orchestrator itself is killed (the
// window SIGKILLed mid-run): a small process of its own (`ipclab-worker
// --janitor FOLDER`), outside the run's process group and without a
// parent-death signal, that waits for the orchestrator's end of a pipe to
// close — normally or by the orchestrator's death — and then removes the
// run's folder and unlinks the shared memory segments it was told about.

#include <QString>

#include <boost/process/child.hpp>

#include <string>

namespace ipclab::engine {

class RunJanitor {
public:
    RunJanitor() = default;
    ~RunJanitor();
    RunJanitor(const RunJanitor &) = delete;
    RunJanitor &operator=(const RunJanitor &) = delete;

    /// Starts the janitor for `folder`; false when it cannot (the run still cleans up itself).
    bool start(const QString &workerPath, const std::string &folder);
    /// A shared memory segment the run may have created (ours: true), or learned was not its
    /// own after all (false): the janitor unlinks those still marked the run's.
    void noteSegment(const QString &name, bool ours);
    /// Lets the janitor do its work now and waits for it.
    void finish();

private:
    int m_pipe = -1;
    boost::process::child m_child;
};

} // namespace ipclab::engine
