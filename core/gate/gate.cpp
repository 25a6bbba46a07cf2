#include "gate.h"

#include "gate_board.h"
#include "trace.h"

#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ipclab::gate {

void futexWait(std::atomic<std::uint32_t> &word, std::uint32_t expected)
{
    // Interrupted or spurious wake-ups come back here: the caller loops on the word.
    ::syscall(SYS_futex, reinterpret_cast<std::uint32_t *>(&word), FUTEX_WAIT, expected, nullptr, nullptr, 0);
}

void futexWakeAll(std::atomic<std::uint32_t> &word)
{
    ::syscall(SYS_futex, reinterpret_cast<std::uint32_t *>(&word), FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
}

namespace detail {
bool g_live = false;
}

namespace {

Board *g_board = nullptr;
int g_fd = -1;

struct ThreadSlot {
    int pid = 0; ///< the process that took the slot: a forked child takes its own
    Slot *slot = nullptr;
    bool exhausted = false;
};
thread_local ThreadSlot t_slot;

Slot *mySlot()
{
    const int pid = trace::selfPid();
    if (t_slot.pid != pid) {
        t_slot = {};
        t_slot.pid = pid;
        const std::uint32_t index = g_board->nextSlot.fetch_add(1);
        if (index >= kMaxSlots) {
            t_slot.exhausted = true; // more threads than slots: the rest run ungated
            return nullptr;
        }
        Slot &s = g_board->slots[index];
        s.pid.store(pid);
        s.tid.store(trace::selfTid());
        s.state.store(SlotRunning);
        t_slot.slot = &s;
    }
    return t_slot.slot;
}

const char *pointName(Point point)
{
    switch (point) {
    case Point::Statement:
        return "statement";
    case Point::ProxyCall:
        return "proxy.call";
    case Point::QueueBuffer:
        return "queue.buffer";
    case Point::FeederWrite:
        return "feeder.write";
    }
    return "statement";
}

} // namespace

bool configure(int fd)
{
    void *mapping = ::mmap(nullptr, sizeof(Board), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (mapping == MAP_FAILED)
        return false;
    auto *board = static_cast<Board *>(mapping);
    if (board->magic.load() != kBoardMagic) {
        ::munmap(mapping, sizeof(Board));
        return false;
    }
    ::fcntl(fd, F_SETFD, FD_CLOEXEC); // handed down to a spawned worker explicitly, like the trace
    g_board = board;
    g_fd = fd;
    detail::g_live = true;
    return true;
}

int boardFd()
{
    return g_fd;
}

namespace {

bool isBreakpoint(Point point, int line)
{
    return point == Point::Statement && line > 0 && static_cast<std::uint32_t>(line) < kMaxLines && g_board->breakpoints[line].load(std::memory_order_relaxed);
}

} // namespace

bool detail::mustStop(Point point, int line)
{
    return !g_board->freeRunning.load(std::memory_order_relaxed) || isBreakpoint(point, line);
}

void detail::wait(Point point, int line, std::string_view detail)
{
    Slot *slot = mySlot();
    if (!slot)
        return;
    bool breakpoint = false;
    if (g_board->freeRunning.load()) {
        if (!isBreakpoint(point, line))
            return; // the gates opened since mustStop looked
        // A breakpoint while running freely: hold everyone at their next step, as a debugger does.
        breakpoint = true;
        g_board->freeRunning.store(0);
    }
    const std::uint32_t index = static_cast<std::uint32_t>(slot - g_board->slots);
    slot->state.store(SlotWaiting);
    const std::uint32_t arrival = slot->arrivals.fetch_add(1) + 1;
    trace::emit("gate", trace::Phase::Begin, 0,
        { trace::arg("point", pointName(point)), trace::arg("slot", static_cast<std::int64_t>(index)), trace::arg("n", static_cast<std::int64_t>(arrival)),
            trace::arg("detail", detail), trace::arg("breakpoint", breakpoint) });
    trace::flushThread(); // the orchestrator learns at once that this thread can be stepped
    while (slot->state.load() == SlotWaiting)
        futexWait(slot->state, SlotWaiting);
    trace::emit("gate", trace::Phase::End, 0, { trace::arg("point", pointName(point)), trace::arg("slot", static_cast<std::int64_t>(index)) });
}

} // namespace ipclab::gate
