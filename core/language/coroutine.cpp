#include "coroutine.h"

#include <cstdint>
#include <cstring>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

namespace ipclab::lang {
namespace {

// Switching stacks under AddressSanitizer: before, say where the new side's stack is
// (and save this side's fake stack, unless it never comes back); after, on the stack
// switched back to, learn the stack of the side that switched here.
void beforeSwitch([[maybe_unused]] CoroutineContext &from, [[maybe_unused]] const CoroutineContext &to, [[maybe_unused]] bool forGood)
{
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_start_switch_fiber(forGood ? nullptr : &from.fakeStack, to.stackBottom, to.stackSize);
#endif
}

void afterSwitch([[maybe_unused]] const CoroutineContext *resumed, [[maybe_unused]] CoroutineContext &switcher)
{
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_finish_switch_fiber(resumed ? resumed->fakeStack : nullptr, &switcher.stackBottom, &switcher.stackSize);
#endif
}

} // namespace

void coroutineStarted(CoroutineContext &caller)
{
    afterSwitch(nullptr, caller); // a new coroutine has no fake stack to restore
}

} // namespace ipclab::lang

#if IPCLAB_FAST_COROUTINES

// ipclab_switch_stack(void **save, void *load): pushes the callee-saved registers and the
// SSE/x87 control words, stores the stack pointer in *save, loads `load` and pops the
// other side's registers; `ret` then continues wherever that side was paused.
extern "C" void ipclab_switch_stack(void **save, void *load);

asm(R"(
    .text
    .globl ipclab_switch_stack
    .type ipclab_switch_stack, @function
ipclab_switch_stack:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    subq $8, %rsp
    stmxcsr (%rsp)
    fnstcw 4(%rsp)
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    ldmxcsr (%rsp)
    fldcw 4(%rsp)
    addq $8, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size ipclab_switch_stack, .-ipclab_switch_stack
    .section .note.GNU-stack,"",@progbits
    .text
)");

namespace ipclab::lang {

void prepareCoroutine(CoroutineContext &ctx, char *stack, std::size_t size, void (*entry)())
{
    // The new stack as ipclab_switch_stack leaves a paused side: control words, six
    // registers, then the address `ret` goes to. After that `ret` the stack pointer must
    // be 8 past a multiple of 16, as if `entry` had been called.
    auto top = reinterpret_cast<std::uintptr_t>(stack + size) & ~std::uintptr_t(15);
    auto *slots = reinterpret_cast<std::uint64_t *>(top);
    *--slots = 0; // entry's would-be return address: it never returns
    *--slots = reinterpret_cast<std::uint64_t>(entry);
    for (int i = 0; i < 6; ++i)
        *--slots = 0; // rbp, rbx, r12-r15
    std::uint32_t mxcsr;
    std::uint16_t fpucw;
    asm volatile("stmxcsr %0" : "=m"(mxcsr));
    asm volatile("fnstcw %0" : "=m"(fpucw));
    std::uint64_t control = mxcsr | (static_cast<std::uint64_t>(fpucw) << 32);
    *--slots = control;
    ctx.sp = slots;
#if defined(__SANITIZE_ADDRESS__)
    ctx.stackBottom = stack;
    ctx.stackSize = size;
#endif
}

void switchCoroutine(CoroutineContext &from, CoroutineContext &to)
{
    beforeSwitch(from, to, false);
    ipclab_switch_stack(&from.sp, to.sp);
    afterSwitch(&from, to);
}

void finishCoroutine(CoroutineContext &from, CoroutineContext &to)
{
    beforeSwitch(from, to, true);
    ipclab_switch_stack(&from.sp, to.sp);
    __builtin_unreachable();
}

} // namespace ipclab::lang

#else

namespace ipclab::lang {

void prepareCoroutine(CoroutineContext &ctx, char *stack, std::size_t size, void (*entry)())
{
    getcontext(&ctx.context);
    ctx.context.uc_stack.ss_sp = stack;
    ctx.context.uc_stack.ss_size = size;
    ctx.context.uc_link = nullptr;
    makecontext(&ctx.context, entry, 0);
#if defined(__SANITIZE_ADDRESS__)
    ctx.stackBottom = stack;
    ctx.stackSize = size;
#endif
}

void switchCoroutine(CoroutineContext &from, CoroutineContext &to)
{
    beforeSwitch(from, to, false);
    swapcontext(&from.context, &to.context);
    afterSwitch(&from, to);
}

void finishCoroutine(CoroutineContext &from, CoroutineContext &to)
{
    beforeSwitch(from, to, true);
    swapcontext(&from.context, &to.context);
    __builtin_unreachable();
}

} // namespace ipclab::lang

#endif
