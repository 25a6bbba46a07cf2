#include "process_scan.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace ipclab::engine {

namespace {

std::optional<ProcessStat> readStatFile(const char *path)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    char text[2048];
    const ssize_t n = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    if (n <= 0)
        return std::nullopt;
    text[n] = '\0';
    // The command name is in parentheses and may itself contain them: fields start after the last ')'.
    const char *p = std::strrchr(text, ')');
    if (!p)
        return std::nullopt;
    p += 2;
    ProcessStat stat;
    stat.state = *p;
    // Field 3 is the state; count fields from there (1-based as in proc(5)).
    int field = 3;
    long long utime = 0;
    const char *cursor = p;
    while (*cursor) {
        while (*cursor == ' ')
            ++cursor;
        if (!*cursor)
            break;
        char *end = nullptr;
        const long long value = std::strtoll(cursor, &end, 10);
        if (field == 5)
            stat.processGroup = static_cast<int>(value);
        else if (field == 14)
            utime = value;
        else if (field == 15)
            stat.cpuTicks = utime + value;
        else if (field == 52)
            stat.waitStatus = static_cast<int>(value);
        while (*cursor && *cursor != ' ')
            ++cursor;
        ++field;
        (void)end;
    }
    return stat;
}

} // namespace

std::optional<ProcessStat> readProcessStat(int pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/stat", pid);
    return readStatFile(path);
}

char threadState(int pid, int tid)
{
    char path[96];
    std::snprintf(path, sizeof path, "/proc/%d/task/%d/stat", pid, tid);
    const auto stat = readStatFile(path);
    return stat ? stat->state : '?';
}

std::vector<int> processesInGroup(int group)
{
    std::vector<int> pids;
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return pids;
    while (const dirent *entry = ::readdir(proc)) {
        if (!std::isdigit(static_cast<unsigned char>(entry->d_name[0])))
            continue;
        const int pid = std::atoi(entry->d_name);
        const auto stat = readProcessStat(pid);
        if (stat && stat->processGroup == group)
            pids.push_back(pid);
    }
    ::closedir(proc);
    return pids;
}

} // namespace ipclab::engine
