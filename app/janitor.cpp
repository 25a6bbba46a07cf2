#include "janitor.h"

#include "run_registry.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace ipclab::app {

namespace {

// Whether a process of `group` still runs. Its zombies do not count: they hold no memory,
// file or mount any more, only a pid for their new parent (init, once the orchestrator is
// dead) to collect, and kill() still succeeds on them.
bool groupRuns(pid_t group)
{
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return true; // cannot tell: keep asking kill()
    bool runs = false;
    while (const dirent *entry = ::readdir(proc)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
            continue;
        const std::string path = std::string("/proc/") + entry->d_name + "/stat";
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        char text[512];
        const ssize_t n = ::read(fd, text, sizeof text - 1);
        ::close(fd);
        if (n <= 0)
            continue;
        text[n] = '\0';
        // After the command name in parentheses: state, parent, process group.
        const char *name = std::strrchr(text, ')');
        char state = 0;
        int parent = 0, processGroup = 0;
        if (name && std::sscanf(name + 1, " %c %d %d", &state, &parent, &processGroup) == 3 && processGroup == group && state != 'Z') {
            runs = true;
            break;
        }
    }
    ::closedir(proc);
    return runs;
}

// Kills the group until nothing of it runs: its processes are not our children, so there is
// no waiting for them, only asking again. Not until kill() says ESRCH: zombies that nobody
// reaps at once made every clean-up after a killed orchestrator wait out all the attempts
// (a second; tst_faults).
void endGroup(pid_t group)
{
    if (group <= 1)
        return;
    for (int attempt = 0; attempt < 500 && ::kill(-group, SIGKILL) == 0 && groupRuns(group); ++attempt)
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
