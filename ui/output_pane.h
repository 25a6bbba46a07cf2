#pragma once
// What the program printed: every process's stdout and stderr, in the order it was
// printed, each line in its process's colour, up to the replay's position. An uncaught
// exception shows its traceback; a click on one of its lines names the line to mark.

#include "process_colours.h"
#include "trace_model.h"

#include <QListWidget>

namespace ipclab::ui {

class OutputPane final : public QListWidget {
    Q_OBJECT
public:
    explicit OutputPane(ProcessColours &colours, QWidget *parent = nullptr);
    /// Shows what was printed by the events [0, position) of `model`.
    void showUpTo(const engine::TraceModel &model, const engine::RunWatch &state, int position);
    void clearOutput();
    /// The printed lines shown now, oldest first (without the process's name).
    QStringList lines() const;

signals:
    /// A traceback line was clicked: the scenario line it names.
    void tracebackLineClicked(int line);

private:
    void addText(int pid, const QString &who, const QString &text, bool error);

    ProcessColours &m_colours;
    int m_shownUpTo = 0; ///< the position shown; earlier positions rebuild from the start
    int m_openLinePid = 0; ///< a process whose last print did not end its line (print(..., end=""))
};

} // namespace ipclab::ui
