// The floor for a round trip: two processes bouncing a length-prefixed
// 32-byte message over a socketpair with raw read/write, as Connection frames it.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static bool readFull(int fd, char *p, size_t n)
{
    while (n > 0) {
        const ssize_t r = ::read(fd, p, n);
        if (r <= 0)
            return false;
        p += r;
        n -= static_cast<size_t>(r);
    }
    return true;
}

static void message(int fd, const char *payload, unsigned size)
{
    char frame[64];
    frame[0] = 0, frame[1] = 0, frame[2] = 0, frame[3] = static_cast<char>(size);
    std::memcpy(frame + 4, payload, size);
    if (::write(fd, frame, size + 4) != static_cast<ssize_t>(size + 4))
        std::exit(1);
}

int main(int argc, char **argv)
{
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 20000;
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
        return 1;
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(fds[0]);
        char buf[64];
        while (readFull(fds[1], buf, 4)) {
            const unsigned size = static_cast<unsigned char>(buf[3]);
            if (!readFull(fds[1], buf + 4, size))
                break;
            message(fds[1], buf + 4, size);
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    char payload[32];
    std::memset(payload, 'x', sizeof payload);
    char buf[64];
    auto once = [&] {
        message(fds[0], payload, sizeof payload);
        readFull(fds[0], buf, 4 + sizeof payload);
    };
    for (int i = 0; i < 200; ++i)
        once();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < rounds; ++i)
        once();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ::close(fds[0]);
    ::waitpid(child, nullptr, 0);
    std::printf("round_trip_us %f\n", seconds / rounds * 1e6);
    return 0;
}
