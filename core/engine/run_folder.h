#pragma once
// What a run may leave on the machine, and its removal: the private folder a
// run works in (its FIFOs and files), and the POSIX shared memory segments
// its processes created. Both go when the run ends, however it ends.

#include <QString>

#include <set>
#include <string>

namespace ipclab::engine {

/// A fresh folder under the temp dir, the working directory of every process of one run;
/// removed with everything in it when this object goes. A folder left by an orchestrator
/// that was itself killed is removed by the next run.
class RunFolder {
public:
    RunFolder() = default;
    ~RunFolder() { remove(); }
    RunFolder(const RunFolder &) = delete;
    RunFolder &operator=(const RunFolder &) = delete;
    /// False (with errno set) when the folder cannot be made.
    bool create();
    void remove();
    const std::string &path() const { return m_path; }

private:
    std::string m_path;
};


} // namespace ipclab::engine
