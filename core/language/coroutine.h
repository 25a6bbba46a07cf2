#pragma once
// Switching between C stacks, for generators. On x86-64 a dozen instructions
// save the callee-saved registers and swap the stack pointer; swapcontext would
// also save and restore the signal mask, two system calls per switch, which made
// a generator five times slower than CPython's. Elsewhere, and under
// ThreadSanitizer, ucontext does it. AddressSanitizer is told of every switch
// (__sanitizer_start/finish_switch_fiber): without that, an exception thrown on a
// generator's stack made it unpoison the wrong range and report false overflows,
// and its swapcontext interceptor printed a warning into every run's stderr.

#include <cstddef>

#if defined(__x86_64__) && !defined(__SANITIZE_THREAD__)
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
#if defined(__SANITIZE_ADDRESS__)
    // For AddressSanitizer: the stack this side runs on (a generator's is known when it is
    // prepared; a resumer's is learnt each time it switches in) and its saved fake stack.
    const void *stackBottom = nullptr;
    std::size_t stackSize = 0;
    void *fakeStack = nullptr;
#endif
};

/// Sets `ctx` up so that the first switch to it runs `entry` on [stack, stack + size).
/// `entry` must never return: it switches away for the last time instead.
void prepareCoroutine(CoroutineContext &ctx, char *stack, std::size_t size, void (*entry)());

/// Saves the running side in `from` and resumes `to`; returns when `to` switches back to `from`.
void switchCoroutine(CoroutineContext &from, CoroutineContext &to);

/// The last switch away from `from`, whose stack is never resumed again.
[[noreturn]] void finishCoroutine(CoroutineContext &from, CoroutineContext &to);

/// Called first thing by a coroutine's `entry`, with the context of whoever switched to it.
void coroutineStarted(CoroutineContext &caller);

} // namespace ipclab::lang
