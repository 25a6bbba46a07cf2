#include "run_folder.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <sys/mman.h>
#include <unistd.h>

namespace ipclab::engine {

namespace {

constexpr std::string_view kPrefix = "ipclab-run-";

std::filesystem::path tempRoot()
{
    std::error_code ignored;
    std::filesystem::path root = std::filesystem::temp_directory_path(ignored);
    return root.empty() ? std::filesystem::path("/tmp") : root;
}

// Folders of orchestrators that no longer exist ("ipclab-run-PID-XXXXXX"): they were killed
// before they could clean up.
void removeStaleFolders(const std::filesystem::path &root)
{
    std::error_code error;
    for (const auto &entry : std::filesystem::directory_iterator(root, error)) {
        const std::string name = entry.path().filename().string();
        if (name.compare(0, kPrefix.size(), kPrefix) != 0)
            continue;
        const long pid = std::strtol(name.c_str() + kPrefix.size(), nullptr, 10);
        if (pid > 0 && pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
            std::error_code ignored;
            std::filesystem::remove_all(entry.path(), ignored);
        }
    }
}

} // namespace

bool RunFolder::create()
{
    remove();
    const std::filesystem::path root = tempRoot();
    removeStaleFolders(root);
    std::string pattern = (root / (std::string(kPrefix) + std::to_string(::getpid()) + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data()))
        return false;
    m_path = pattern;
    return true;
}

void RunFolder::remove()
{
    if (m_path.empty())
        return;
    std::error_code ignored; // remove_all does not follow symlinks out of the folder
    std::filesystem::remove_all(m_path, ignored);
    m_path.clear();
}


} // namespace ipclab::engine
