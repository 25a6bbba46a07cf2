#pragma once
// The second wall around a run, the one the kernel enforces (the first is the
// interpreter's own checks). Between fork and exec of the run's main worker:
//   - a network namespace with only its loopback: the run's own ports are the
//     only ones that exist;
//   - a mount namespace with a private /dev/shm and the run's folder on tmpfs
//     mounts of bounded size: segments cannot leak or touch anyone else's, and
//     the folder's bytes and files are capped by the kernel;
//   - Landlock: files only in the run's folder and /dev/shm (read-only system
//     libraries for exec), signals only within the run;
//   - no root: a run started as root runs as nobody;
//   - rlimits: address space per process, file size, no core files.
// Without root, a user namespace provides the namespaces where the kernel
// allows it. Whatever is not available is said, and the interpreter's checks
// remain. probe() finds out once per process by trying, in a throwaway child.

#include "run_limits.h"

#include <string>
#include <vector>

namespace ipclab::sandbox {

struct Capabilities {
    bool root = false;
    bool userNamespace = false; ///< unprivileged user namespaces work (needed without root)
    bool namespaces = false; ///< network and mount namespaces can be made
    int landlockAbi = 0; ///< 0: no Landlock
};

/// What this machine allows, tried once (a forked child attempts it) and remembered.
const Capabilities &probe();

/// Everything the child needs, computed before fork: applying it makes no allocation.
struct Plan {
    bool userNamespace = false;
    bool network = false;
    bool mounts = false;
    int landlockAbi = 0;
    bool dropRoot = false;
    unsigned nobodyUid = 65534, nobodyGid = 65534;
    unsigned outerUid = 0, outerGid = 0;
    std::string runFolder;
    std::string shmOptions, folderOptions;
    std::string uidMap, gidMap;
    std::vector<std::string> readPaths; ///< read and execute beneath these
    std::vector<std::string> devicePaths; ///< read and write these files
    RunLimits limits;
    bool setAddressSpace = true;
};

/// The plan for a run in `runFolder` with `limits`; `kernel` false keeps only the rlimits.
Plan makePlan(const RunLimits &limits, const std::string &runFolder, const std::string &workerPath, bool kernel);

/// Applies the plan to the calling process. Only async-signal-safe calls: this runs between
/// fork and exec. Returns 0, or the step that failed (see failedStep()).
int apply(const Plan &plan);
const char *failedStep(int step);

// The protections in words: core/engine/sandbox_words.h.

} // namespace ipclab::sandbox
