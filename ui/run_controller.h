#pragma once
// Runs a scenario for real (the orchestrator, on a thread of its own), keeps
// its events in a TraceModel, and plays them back at a human pace: the
// replay mode of the lab window. Everything the views show is the model's
// state at `position()` events.

#include "live_scheduler.h"
#include "orchestrator.h"
#include "trace_model.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <mutex>
#include <thread>

namespace ipclab::ui {

class RunController final : public QObject {
    Q_OBJECT
public:
    explicit RunController(QString workerPath, QObject *parent = nullptr);
    ~RunController() override;

    /// Runs `source` (already checked) and starts playing it back once recorded.
    void start(const QString &fileName, const QByteArray &source);
    /// Runs `source` live: every thread waits at its gates and the scheduler releases its
    /// steps (first `replaySteps`, a schedule); the views follow the events as they come.
    /// Once it ends, the run is a trace like any other: step back, scrub, replay.
    void startLive(const QString &fileName, const QByteArray &source, const QStringList &replaySteps = {}, const std::set<int> &breakpoints = {});
    /// The scheduler of the live run in progress (nullptr otherwise).
    engine::LiveScheduler *live() const { return m_thread ? m_live.get() : nullptr; }
    bool isLiveRun() const { return m_liveRun; }
    /// The steps the last live run released (its schedule), also after it ended.
    QStringList lastSchedule() const { return m_lastSchedule; }
    void stop();
    bool running() const { return m_thread != nullptr; }
    bool playing() const { return m_timer.isActive(); }

    const engine::TraceModel &model() const { return m_model; }
    const QString &workerPath() const { return m_workerPath; }
    const engine::RunResult &result() const { return m_result; }
    int position() const { return m_position; }
    /// The state once position() events have happened (cached for the current position).
    const engine::RunWatch &state() const { return m_state; }

    void play();
    void pause();
    void stepForward();
    void stepBack();
    void seek(int position);
    /// Beats played per second: a beat is one IPC step (playback_pace.h).
    void setSpeed(double eventsPerSecond);
    /// Whether playback gives every statement a beat of its own (else statements go by with
    /// the IPC step they lead to).
    void setEveryStatement(bool on);
    bool everyStatement() const { return m_everyStatement; }
    /// How long playing the whole run takes at the current speed, by the pace (not measured).
    double playbackSeconds() const;
    /// Where one beat of playback from `from` ends.
    int nextBeat(int from) const;
    double speed() const { return m_speed; }

signals:
    void runStarted();
    /// Live: new events arrived and the position followed them.
    void liveEventsArrived(int count);
    void runFinished();
    void positionChanged(int position);
    void playingChanged(bool playing);

private:
    /// Stops what runs, forgets the last run, and gives the options every run starts from.
    engine::RunOptions reset(const QString &fileName, const QByteArray &source, bool live);
    void launch(const engine::RunOptions &options);
    void finishRun();
    void joinThread();
    void takeLiveEvents();
    void takeFinishedRun();

    QString m_workerPath;
    engine::TraceModel m_model;
    engine::RunResult m_result;
    engine::RunWatch m_state;
    int m_position = 0;
    double m_speed = 4.0;
    bool m_everyStatement = false;
    const std::vector<float> &beats() const;
    mutable std::vector<float> m_beats; // per event, for the model as it is
    mutable bool m_beatsEveryStatement = false;
    QTimer m_timer;
    std::unique_ptr<std::thread> m_thread;
    engine::Orchestrator m_orchestrator;
    std::vector<engine::TraceEvent> m_recorded; // filled by the run's thread, read after it ends
    std::unique_ptr<engine::LiveScheduler> m_live;
    bool m_liveRun = false;
    QStringList m_lastSchedule;
    std::mutex m_incomingMutex; // live: events from the run's thread, not yet in the model
    std::vector<engine::TraceEvent> m_incoming;
    engine::RunResult m_finishedResult; // from the run's thread, under m_incomingMutex
    quint64 m_finishedGeneration = 0; // which run it is, under m_incomingMutex
    bool m_takePosted = false;
    quint64 m_generation = 0; ///< which run a queued "finished" belongs to
};

} // namespace ipclab::ui
