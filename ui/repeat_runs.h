#pragma once
// Run it N times: the scenario runs again and again with the gates off, and a
// histogram counts what each line of its output said, so a race that
// happens once in fifty runs shows up as a number.

#include "orchestrator.h"

#include <QDialog>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

class QLabel;
class QProgressBar;

namespace ipclab::ui {

/// What N runs printed: for each line of output, how often each text appeared.
struct OutcomeTally {
    int runs = 0;
    int failedRuns = 0; ///< ended by a hang, a crash or a time limit
    std::vector<std::map<QString, int>> lines;
    void add(const QByteArray &stdoutText, bool finished);
};

class HistogramView final : public QWidget {
    Q_OBJECT
public:
    explicit HistogramView(QWidget *parent = nullptr);
    void setTally(const OutcomeTally &tally);
    QSize sizeHint() const override { return { 640, 360 }; }

protected:
    void paintEvent(QPaintEvent *) override;

private:
    OutcomeTally m_tally;
};

class RepeatRunsDialog final : public QDialog {
    Q_OBJECT
public:
    RepeatRunsDialog(const engine::RunOptions &options, int runs, QWidget *parent = nullptr);
    ~RepeatRunsDialog() override;
    /// The tally so far (the window's thread).
    const OutcomeTally &tally() const { return m_shown; }
    bool finished() const { return m_done; }

signals:
    void allDone();

private:
    void showProgress();

    engine::RunOptions m_options;
    int m_runs;
    std::mutex m_mutex;
    OutcomeTally m_tally; ///< filled by the runs' thread
    OutcomeTally m_shown;
    std::atomic<bool> m_cancel { false };
    engine::Orchestrator m_orchestrator;
    std::thread m_thread;
    bool m_done = false;
    HistogramView *m_histogram;
    QProgressBar *m_progress;
    QLabel *m_label;
};

} // namespace ipclab::ui
