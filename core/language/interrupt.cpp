#include "interrupt.h"

#include "errors.h"
#include "objects.h"
#include "types.h"

#include <atomic>
#include <csignal>
#include <sys/syscall.h>
#include <unistd.h>

namespace ipclab::lang::interrupt {

namespace {

std::atomic<bool> g_pending { false };
std::atomic<pid_t> g_mainThread { 0 };
thread_local bool t_isMainThread = false;

pid_t currentTid()
{
    return static_cast<pid_t>(::syscall(SYS_gettid));
}

void onInterrupt(int)
{
    const int savedErrno = errno;
    // The kernel picks any thread that does not block SIGINT; the main thread must see it,
    // so that its blocked call returns EINTR: pass it on, and let the main thread's own
    // handler set the flag (setting it here too would interrupt twice).
    // tgkill is a plain system call: safe in a handler.
    const pid_t main = g_mainThread.load();
    if (main > 0 && currentTid() != main)
        ::syscall(SYS_tgkill, ::getpid(), main, SIGINT);
    else
        g_pending.store(true);
    errno = savedErrno;
}

} // namespace

void install()
{
    adoptMainThread();
    struct sigaction action { };
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: blocked calls return EINTR and look at the flag
    ::sigaction(SIGINT, &action, nullptr);
}

void adoptMainThread()
{
    g_mainThread.store(currentTid());
    t_isMainThread = true;
    g_pending.store(false);
}

void ignore()
{
    std::signal(SIGINT, SIG_IGN);
    g_pending.store(false);
}

bool pendingHere()
{
    return g_pending.load(std::memory_order_relaxed) && t_isMainThread;
}

void raiseIfPending()
{
    if (!pendingHere())
        return;
    g_pending.store(false);
    raise(make<ExceptionObject>(types().KeyboardInterrupt, std::vector<Value> {}));
}

} // namespace ipclab::lang::interrupt
