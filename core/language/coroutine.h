#pragma once
// Switching between C stacks, for generators. On x86-64 a dozen instructions
// save the callee-saved registers and swap the stack pointer; swapcontext would
// also save and restore the signal mask, two system calls per switch, which made
// a generator five times slower than CPython's. Elsewhere, and under the
// sanitizers (which must see stack switches), ucontext does it.

#include <cstddef>

#if defined(__x86_64__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define IPCLAB_FAST_COROUTINES 1
#else
#include <ucontext.h>
#endif

namespace ipclab::lang {

struct CoroutineContext {
#if IPCLAB_FAST_COROUTINES
    void *sp = nullptr; // where the registers of the paused side were pushed
#else
    ucontext_t context {};
#endif
};

/// Sets `ctx` up so that the first switch to it runs `entry` on [stack, stack + size).
/// `entry` must never return: it switches away for the last time instead.
void prepareCoroutine(CoroutineContext &ctx, char *stack, std::size_t size, void (*entry)());

/// Saves the running side in `from` and resumes `to`; returns when something switches back to `from`.
void switchCoroutine(CoroutineContext &from, CoroutineContext &to);

} // namespace ipclab::lang
