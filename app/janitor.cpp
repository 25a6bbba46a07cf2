#include "janitor.h"

#include <cerrno>
#include <filesystem>
#include <set>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

namespace ipclab::app {

int runJanitor(const char *folder)
{
    std::set<std::string> segments;
    std::string pending;
    char chunk[4096];
    while (true) {
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n > 0) {
            pending.append(chunk, static_cast<size_t>(n));
            for (std::size_t newline; (newline = pending.find('\n')) != std::string::npos; pending.erase(0, newline + 1))
                if (newline > 1 && pending[0] == '+')
                    segments.insert(pending.substr(1, newline - 1));
                else if (newline > 1 && pending[0] == '-')
                    segments.erase(pending.substr(1, newline - 1));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        break; // end of file: the orchestrator finished or died
    }
    for (const std::string &name : segments)
        if (!name.empty() && name.find('/') == std::string::npos)
            ::shm_unlink(("/" + name).c_str());
    // Only ever a run's own folder under the temp dir.
    const std::filesystem::path path(folder);
    if (path.filename().string().rfind("ipclab-run-", 0) == 0) {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    return 0;
}

} // namespace ipclab::app
