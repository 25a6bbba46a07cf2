#pragma once
// One colour per process, the same in every view (stage, code panel, timeline) and in every
// run of a lesson: a process is coloured by its name (MainProcess, Process-2), which a re-run
// gives it again, never by its pid, which changes.

#include <QColor>
#include <QString>
#include <cstdint>
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
    /// number, as multiprocessing numbers them in start order, and its family; any other name
    /// by its hash. The same name has the same colour in every run.
    static QColor colourForName(const QString &name)
    {
        if (name == QLatin1String("MainProcess"))
            return kPalette[0];
        const qsizetype dash = name.lastIndexOf(QLatin1Char('-'));
        bool numbered = false;
        const uint number = dash >= 0 && !name.contains(QLatin1Char(':')) ? name.mid(dash + 1).toUInt(&numbered) : 0;
        // Process-N keeps its number's colour; another family (SyncManager-1) is shifted by its
        // name, so that it does not take the colour of Process-1.
        const QString family = name.left(dash);
        if (numbered && family == QLatin1String("Process"))
            return kPalette[number % kColours];
        // Never MainProcess's colour, and not the colour of Process-N of the same number.
        const std::size_t slot = ((numbered ? number : 0) + familyShift(numbered ? family : name)) % (kColours - 1);
        return kPalette[1 + slot];
    }
    /// A fixed shift per family of names (FNV-1a of its letters), 1..6 so that SyncManager-N and
    /// ForkPoolWorker-N do not land on Process-N's colour.
    static std::size_t familyShift(const QString &family)
    {
        std::uint32_t h = 2166136261u;
        for (const QChar c : family)
            h = (h ^ c.unicode()) * 16777619u;
        return 1 + h % (kColours - 2);
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
