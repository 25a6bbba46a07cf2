#pragma once
// A thread's value stack: frame locals and call arguments, never reallocated.
// Reserved with mmap, so the kernel hands out zeroed pages only as a thread's
// calls reach them: a sleeping thread costs a few pages, not the whole 4 MiB
// (400 threads took 1.6 GB resident when the stack was a std::vector).
// An all-zero Value is Undefined, so a fresh page is already a valid slot.

#include "value.h"

#include <cstddef>
#include <new>
#include <sys/mman.h>

namespace ipclab::lang {

static_assert(static_cast<int>(Tag::Undefined) == 0, "a zeroed page must read as Undefined values");

class ValueStack {
public:
    explicit ValueStack(std::size_t slots)
        : m_size(slots)
    {
        void *p = ::mmap(nullptr, bytes(), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED)
            throw std::bad_alloc();
        m_slots = static_cast<Value *>(p);
    }
    ValueStack(const ValueStack &) = delete;
    ValueStack &operator=(const ValueStack &) = delete;
    /// The owner empties the slots it used first (StackMark does on every exit path).
    ~ValueStack() { ::munmap(m_slots, bytes()); }

    Value &operator[](std::size_t i) { return m_slots[i]; }
    const Value &operator[](std::size_t i) const { return m_slots[i]; }
    std::size_t size() const { return m_size; }

private:
    std::size_t bytes() const { return m_size * sizeof(Value); }
    Value *m_slots = nullptr;
    std::size_t m_size = 0;
};

/// Restores a value stack's top on every exit path, releasing what was pushed.
struct StackMark {
    StackMark(ValueStack &stack, std::size_t &top)
        : m_stack(stack)
        , m_top(top)
        , m_saved(top)
    {
    }
    ~StackMark()
    {
        for (std::size_t i = m_saved; i < m_top; ++i)
            m_stack[i] = Value();
        m_top = m_saved;
    }
    StackMark(const StackMark &) = delete;
    StackMark &operator=(const StackMark &) = delete;
    ValueStack &m_stack;
    std::size_t &m_top;
    std::size_t m_saved;
};

} // namespace ipclab::lang
