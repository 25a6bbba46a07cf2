#pragma once
// One colour per process, the same in every view (stage, code panel, timeline).

#include <QColor>
#include <map>

namespace ipclab::ui {

class ProcessColours {
public:
    QColor colourFor(int pid)
    {
        static const QColor palette[] = { QColor(0x25, 0x63, 0xeb), QColor(0xd9, 0x77, 0x06), QColor(0x05, 0x96, 0x69), QColor(0xc0, 0x26, 0xd3),
            QColor(0x0e, 0x74, 0x90), QColor(0xdc, 0x26, 0x26), QColor(0x65, 0x4d, 0x1c), QColor(0x4f, 0x46, 0xe5) };
        auto it = m_assigned.find(pid);
        if (it == m_assigned.end())
            it = m_assigned.emplace(pid, palette[m_assigned.size() % (sizeof palette / sizeof palette[0])]).first;
        return it->second;
    }
    void clear() { m_assigned.clear(); }

private:
    std::map<int, QColor> m_assigned;
};

} // namespace ipclab::ui
