#include "gate_board_owner.h"

#include "gate_board.h"

#include <new>
#include <sys/mman.h>
#include <unistd.h>

namespace ipclab::engine {

GateBoardOwner::GateBoardOwner()
{
    m_fd = ::memfd_create("ipclab-gates", MFD_CLOEXEC);
    if (m_fd < 0)
        return;
    if (::ftruncate(m_fd, sizeof(gate::Board)) != 0) {
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    void *mapping = ::mmap(nullptr, sizeof(gate::Board), PROT_READ | PROT_WRITE, MAP_SHARED, m_fd, 0);
    if (mapping == MAP_FAILED) {
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    // A fresh memfd reads as zeros: every slot unused, gates on, no breakpoints.
    m_board = new (mapping) gate::Board;
    m_board->magic.store(gate::kBoardMagic);
}

GateBoardOwner::~GateBoardOwner()
{
    if (m_board)
        ::munmap(m_board, sizeof(gate::Board));
    if (m_fd >= 0)
        ::close(m_fd);
}

void GateBoardOwner::release(int slot)
{
    if (!m_board || slot < 0 || static_cast<unsigned>(slot) >= gate::kMaxSlots)
        return;
    gate::Slot &s = m_board->slots[slot];
    s.state.store(gate::SlotRunning);
    gate::futexWakeAll(s.state);
}

void GateBoardOwner::setFreeRunning(bool free)
{
    if (m_board)
        m_board->freeRunning.store(free ? 1 : 0);
}

bool GateBoardOwner::freeRunning() const
{
    return m_board && m_board->freeRunning.load();
}

void GateBoardOwner::setBreakpoints(const std::set<int> &lines)
{
    if (!m_board)
        return;
    for (auto &b : m_board->breakpoints)
        b.store(0, std::memory_order_relaxed);
    for (int line : lines)
        if (line > 0 && static_cast<unsigned>(line) < gate::kMaxLines)
            m_board->breakpoints[line].store(1, std::memory_order_relaxed);
}

} // namespace ipclab::engine
