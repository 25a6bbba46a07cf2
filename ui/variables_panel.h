#pragma once
// The variables of a thread, as Python Tutor shows them: its function frames, innermost
// first, each with its locals, then the module's globals in that thread's process. Values
// are Python reprs; a queue, a pipe end or a lock is called by its name. What the thread's
// latest statement changed is marked.

#include "process_colours.h"
#include "run_watch.h"

#include <QWidget>

class QComboBox;
class QTreeWidget;

namespace ipclab::ui {

class VariablesPanel final : public QWidget {
    Q_OBJECT
public:
    explicit VariablesPanel(ProcessColours &colours, QWidget *parent = nullptr);
    /// Shows the state at the playhead. `runningTid` ran the event there: the panel follows it
    /// unless the user picked a thread.
    void showState(const engine::RunWatch &state, int runningTid);
    void clearState();
    /// The thread shown now (0: none).
    int shownThread() const { return m_shownTid; }
    /// Picks the thread to show, as the thread list does (0: follow the running thread).
    void pickThread(int tid);
    QTreeWidget *tree() const { return m_tree; }

protected:
    void changeEvent(QEvent *e) override;

private:
    void rebuild();
    void fillThreads();

    ProcessColours &m_colours;
    QComboBox *m_threads = nullptr;
    QTreeWidget *m_tree = nullptr;
    const engine::RunWatch *m_state = nullptr;
    int m_runningTid = 0;
    int m_pickedTid = 0; ///< 0: follow the running thread
    int m_shownTid = 0;
};

} // namespace ipclab::ui
