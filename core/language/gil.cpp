#include "gil.h"

#include "trace.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <new>

namespace ipclab::lang {

namespace {

// A ticket lock: threads are served in the order they asked, so a busy thread
// that hands the lock over can't take it straight back.
struct TicketLock {
    std::mutex mutex;
    std::condition_variable turn;
    std::uint64_t nextTicket = 0;
    std::uint64_t serving = 0;
    bool held = false;
    std::atomic<int> waiting { 0 };
};

alignas(TicketLock) unsigned char g_storage[sizeof(TicketLock)];
TicketLock *g_lock = new (g_storage) TicketLock;

} // namespace

void InterpreterLock::acquire()
{
    std::unique_lock guard(g_lock->mutex);
    const std::uint64_t ticket = g_lock->nextTicket++;
    g_lock->waiting.fetch_add(1, std::memory_order_relaxed);
    g_lock->turn.wait(guard, [&] { return !g_lock->held && g_lock->serving == ticket; });
    g_lock->waiting.fetch_sub(1, std::memory_order_relaxed);
    g_lock->held = true;
    ++g_lock->serving;
}

void InterpreterLock::release()
{
    // What this thread did is in the trace before another thread can act on it: a feeder that
    // pops an item must never reach the trace ahead of the put that appended it.
    trace::flushThread();
    {
        std::lock_guard guard(g_lock->mutex);
        g_lock->held = false;
    }
    g_lock->turn.notify_all();
}

void InterpreterLock::yieldIfWaited()
{
    if (g_lock->waiting.load(std::memory_order_relaxed) == 0)
        return;
    release();
    acquire();
}

void InterpreterLock::resetAfterFork()
{
    // The mutex may have been held by a thread that no longer exists: rebuild it.
    g_lock = new (g_storage) TicketLock;
    g_lock->held = true;
}

} // namespace ipclab::lang
