#include "janitor.h"

#include "run_registry.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace ipclab::app {

namespace {

// Kills the group until nothing of it is left (kill says ESRCH): its processes are not our
// children, so there is no waiting for them, only asking again.
void endGroup(pid_t group)
{
    if (group <= 1)
        return;
    for (int attempt = 0; attempt < 500 && ::kill(-group, SIGKILL) == 0; ++attempt)
        ::usleep(2000);
}

} // namespace

int runJanitor(const char *folder, const char *registryFdText)
{
    char *end = nullptr;
    const long registryFd = std::strtol(registryFdText, &end, 10);
    pid_t group = 0;
    std::string pending;
    char chunk[4096];
    while (true) {
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n > 0) {
            pending.append(chunk, static_cast<size_t>(n));
            for (std::size_t newline; (newline = pending.find('\n')) != std::string::npos; pending.erase(0, newline + 1))
                if (pending.compare(0, 6, "group ") == 0)
                    group = static_cast<pid_t>(std::strtol(pending.c_str() + 6, nullptr, 10));
                else if (pending.compare(0, 4, "done") == 0)
                    group = 0; // the orchestrator ended the group itself
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        break; // end of file: the orchestrator finished or died
    }
    endGroup(group);
    if (*end == '\0' && registryFd >= 0)
        sandbox::removeSegmentsOfRegistry(static_cast<int>(registryFd));
    // Only ever a run's own folder under the temp dir.
    const std::filesystem::path path(folder);
    if (path.filename().string().rfind("ipclab-run-", 0) == 0) {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    return 0;
}

} // namespace ipclab::app
