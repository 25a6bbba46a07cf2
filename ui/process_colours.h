#pragma once
// One colour per process, the same in every view (stage, code panel, timeline) and in every
// run of a lesson: a process is coloured by its name (MainProcess, Process-2), which a re-run
// gives it again, never by its pid, which changes.

#include <QColor>
#include <QHash>
#include <QString>
#include <map>

namespace ipclab::ui {

class ProcessColours {
public:
    /// Tells the colours what a pid is called; views that read a trace call it as they learn.
    void learn(int pid, const QString &name)
    {
        if (!name.isEmpty())
            m_names[pid] = name;
    }
    QColor colourFor(int pid) const
    {
        auto named = m_names.find(pid);
        return named != m_names.end() ? colourForName(named->second) : kPalette[static_cast<std::size_t>(pid) % kColours];
    }
    /// MainProcess first; a numbered child (Process-3, SyncManager-1, ForkPoolWorker-2) by its
    /// number, as multiprocessing numbers them in start order; any other name by its hash.
    static QColor colourForName(const QString &name)
    {
        if (name == QLatin1String("MainProcess"))
            return kPalette[0];
        const qsizetype dash = name.lastIndexOf(QLatin1Char('-'));
        bool numbered = false;
        const uint number = dash >= 0 && !name.contains(QLatin1Char(':')) ? name.mid(dash + 1).toUInt(&numbered) : 0;
        return kPalette[(numbered ? number : qHash(name)) % kColours];
    }
    /// A new run: pids are reused by other processes, names stay.
    void clear() { m_names.clear(); }

private:
    static constexpr std::size_t kColours = 8;
    // No red: red is for what blocks and for culprits.
    static inline const QColor kPalette[kColours] = { QColor(0x25, 0x63, 0xeb), QColor(0xd9, 0x77, 0x06), QColor(0x05, 0x96, 0x69), QColor(0xc0, 0x26, 0xd3),
        QColor(0x0e, 0x74, 0x90), QColor(0x65, 0xa3, 0x0d), QColor(0x65, 0x4d, 0x1c), QColor(0x4f, 0x46, 0xe5) };
    std::map<int, QString> m_names;
};

} // namespace ipclab::ui
