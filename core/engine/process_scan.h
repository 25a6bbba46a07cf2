#pragma once
// What /proc says about the processes of a run: which exist in its process
// group, whether each still runs, how much CPU it has used, and the exit
// status of one that died and was not reaped yet.

#include <optional>
#include <vector>

namespace ipclab::engine {

struct ProcessStat {
    char state = '?'; ///< R, S, D, Z, ...
    int processGroup = 0;
    long long cpuTicks = 0; ///< utime + stime
    int waitStatus = 0; ///< for a zombie: the status waitpid would report
};

/// Nothing when the process no longer exists.
std::optional<ProcessStat> readProcessStat(int pid);
/// One thread's state as the kernel sees it (S: asleep in a blocking call); '?' when gone.
char threadState(int pid, int tid);
/// Every process whose process group is `group`.
std::vector<int> processesInGroup(int group);

} // namespace ipclab::engine
