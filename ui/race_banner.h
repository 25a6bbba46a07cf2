#pragma once
// Races narrated: when the replay's playhead (or a live run) reaches a lost
// update (core/engine/lost_updates.h), a banner above the stage says its four
// steps in one line ("Process-1 read 1 · Process-2 read 1 · Process-1 wrote 2 ·
// Process-2 wrote 2 → one update lost") and the run pauses on the lost write,
// once per replay, as self-study pauses at a question.

#include "lost_updates.h"

#include <QFrame>

#include <set>
#include <vector>

class QLabel;

namespace ipclab::ui {

class RunController;

class RaceBanner final : public QFrame {
    Q_OBJECT
public:
    explicit RaceBanner(RunController &controller, QWidget *parent = nullptr);
    /// `stage` with the banner above it, as one widget for the window's stage column.
    QWidget *above(QWidget *stage);
    /// The lost updates of the run in the model, as far as it has come.
    const std::vector<engine::LostUpdate> &lostUpdates() const { return m_detector.found(); }
    /// What the banner says now; empty while it is hidden.
    QString narration() const;

signals:
    /// The run paused on the lost write at this event index.
    void pausedAtLostUpdate(int index);

protected:
    void changeEvent(QEvent *e) override;

private:
    void positionChanged(int position);
    /// Brings m_found up to the model: only the new events when nothing was inserted before them.
    void follow();
    void showFinding(int which);

    RunController &m_controller;
    engine::LostUpdateDetector m_detector;
    int m_applied = 0; ///< events of the model the detector has seen
    qint64 m_appliedLastT = -1; ///< the time of the last of them: a live event inserted earlier moves it
    int m_last = 0;
    int m_shown = -1; ///< which of the lost updates the banner says
    std::set<qint64> m_pausedAt; ///< the lost writes paused at in this replay, by time (live indices move)
    QLabel *m_line = nullptr;
    QLabel *m_count = nullptr;
};

} // namespace ipclab::ui
