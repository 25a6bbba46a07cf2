#pragma once
// The gate board: a page of shared memory (a memfd the orchestrator creates
// and every worker of a live run maps) through which the orchestrator holds
// scenario threads before their next step and releases them one at a time.
// A thread waiting at a gate sleeps on a futex in its slot; the orchestrator
// stores "go" and wakes it. Works across processes because the futex word
// lives in a shared mapping (no FUTEX_PRIVATE_FLAG).

#include <atomic>
#include <cstdint>

namespace ipclab::gate {

constexpr std::uint32_t kMaxSlots = 1024;
constexpr std::uint32_t kMaxLines = 16384;

enum SlotState : std::uint32_t {
    SlotUnused = 0,
    SlotRunning = 1, ///< the thread runs (or was released and will run)
    SlotWaiting = 2, ///< the thread sleeps at a gate until released
};

struct Slot {
    std::atomic<std::uint32_t> state;
    std::atomic<std::int32_t> pid;
    std::atomic<std::int32_t> tid;
    std::atomic<std::uint32_t> arrivals; ///< gates this thread reached so far
};

struct Board {
    std::atomic<std::uint32_t> magic;
    /// 1: threads pass every gate except a breakpoint's (gates off, "run freely").
    std::atomic<std::uint32_t> freeRunning;
    std::atomic<std::uint32_t> nextSlot;
    std::atomic<std::uint8_t> breakpoints[kMaxLines];
    Slot slots[kMaxSlots];
};

constexpr std::uint32_t kBoardMagic = 0x49504347; // "IPCG"

static_assert(std::atomic<std::uint32_t>::is_always_lock_free, "futex words must be plain 32-bit words");
static_assert(sizeof(std::atomic<std::uint32_t>) == 4);

/// Sleeps while *word == expected (returns at once if it already differs).
void futexWait(std::atomic<std::uint32_t> &word, std::uint32_t expected);
/// Wakes every sleeper on word.
void futexWakeAll(std::atomic<std::uint32_t> &word);

} // namespace ipclab::gate
