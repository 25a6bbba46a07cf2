#include "source_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ipclab::lang {

namespace {

class FileDescriptor {
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {
    }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

SourceFileBytes failure(std::string why)
{
    return SourceFileBytes { std::nullopt, std::move(why) };
}

std::string notRegular(mode_t mode)
{
    if (S_ISDIR(mode))
        return std::strerror(EISDIR);
    const char *kind = S_ISFIFO(mode) ? "a FIFO" : S_ISSOCK(mode) ? "a socket" : S_ISCHR(mode) || S_ISBLK(mode) ? "a device" : "a special file";
    return std::string("not a regular file (") + kind + ")";
}

} // namespace

SourceFileBytes readSourceFile(const std::string &path)
{
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. The type
    // is checked on the open descriptor, so the file cannot be swapped in between.
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (fd.get() < 0)
        return failure(std::strerror(errno));
    struct stat st { };
    if (::fstat(fd.get(), &st) != 0)
        return failure(std::strerror(errno));
    if (!S_ISREG(st.st_mode))
        return failure(notRegular(st.st_mode));
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[1 << 16];
    while (true) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failure(std::strerror(errno));
        if (n == 0)
            break;
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    return SourceFileBytes { std::move(bytes), {} };
}

} // namespace ipclab::lang
