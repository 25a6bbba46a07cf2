#pragma once
// Cleans up after a run even when the orchestrator itself is killed (the
// window SIGKILLed mid-run): a small process of its own (`ipclab-worker
// --janitor FOLDER GROUP REGISTRY-FD`), outside the run's process group and
// without a parent-death signal, that waits for the orchestrator's end of a
// socket pair to close — normally or by the orchestrator's death — and then ends
// what is left of the run's process group, unlinks the segments the run's
// registry names, and removes the run's folder. It reads the registry, never
// a trace event or a file the scenario could write.

#include <QString>

#include <boost/process/child.hpp>

#include <optional>
#include <string>

namespace ipclab::engine {

class RunJanitor {
public:
    RunJanitor() = default;
    ~RunJanitor();
    RunJanitor(const RunJanitor &) = delete;
    RunJanitor &operator=(const RunJanitor &) = delete;

    /// Starts the janitor for `folder` and the registry `registryFd`; false when it cannot
    /// (the run still cleans up itself).
    bool start(const QString &workerPath, const std::string &folder, int registryFd);
    /// The run's process group, once it exists: the janitor ends it if the orchestrator dies.
    void noteGroup(int group);
    /// If the janitor died (killed from outside), how: its signal, or its exit status.
    /// Reaps it; a second call after restart() asks about the new one.
    std::optional<int> death();
    /// Starts a new janitor for the same run after death().
    bool restart();
    int pid() const;
    /// Lets the janitor do its work now and waits for it.
    void finish();

private:
    int m_pipe = -1;
    int m_group = 0;
    QString m_workerPath;
    std::string m_folder;
    int m_registryFd = -1;
    boost::process::child m_child;
};

} // namespace ipclab::engine
