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
#include <optional>
#include <thread>
#include <vector>

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

/// A line of output whose runs differ in one number only ("without a lock: n = 937 lost
/// updates: yes"): the runs counted by that number, so N runs read as a histogram of values
/// rather than N rows of 1.
struct NumericOutcomes {
    QString before; ///< the line's text before the number, from its most frequent form
    std::map<qint64, int> counts; ///< value -> runs
};
/// Nothing when the line printed the same every time, or when not exactly one of its numbers
/// varies (the words around it may: "lost updates: yes" / "none this time" follow the number).
std::optional<NumericOutcomes> numericOutcomes(const std::map<QString, int> &texts);

/// One bar of a histogram: the runs whose value is in [low, high].
struct HistogramBin {
    qint64 low = 0, high = 0;
    int count = 0;
    bool operator==(const HistogramBin &) const = default;
};
/// One bin per value while there are at most `maxBins` of them; else ranges of one round
/// width (1, 2 or 5 times a power of ten), empty ones included, from the smallest value to the largest.
std::vector<HistogramBin> histogramBins(const std::map<qint64, int> &counts, int maxBins = 12);

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
