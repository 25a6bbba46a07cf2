#include "run_controller.h"

#include "playback_pace.h"

#include <QMetaObject>

namespace ipclab::ui {

RunController::RunController(QString workerPath, QObject *parent)
    : QObject(parent)
    , m_workerPath(std::move(workerPath))
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_position >= m_model.size()) {
            pause();
            return;
        }
        seek(nextBeat(m_position));
    });
    setSpeed(m_speed);
}

RunController::~RunController()
{
    stop();
}

engine::RunOptions RunController::reset(const QString &fileName, const QByteArray &source, bool live)
{
    stop();
    m_liveRun = live;
    m_model.clear();
    m_state = engine::RunWatch();
    m_position = 0;
    m_result = engine::RunResult();
    m_recorded.clear();
    m_beats.clear();
    {
        std::lock_guard lock(m_incomingMutex);
        m_incoming.clear();
        m_takePosted = false;
    }
    emit positionChanged(0);
    engine::RunOptions options;
    options.fileName = fileName;
    options.source = source;
    options.workerPath = m_workerPath;
    options.traceStatements = true; // the code panel marks each process's current line
    options.traceVariables = true; // and the variables panel shows what each statement changed
    options.captureStdout = true;
    return options;
}

void RunController::launch(const engine::RunOptions &options)
{
    emit runStarted();
    m_orchestrator.clearStop(); // from here, a stop() ends this run, even before its thread has started it
    // The orchestrator blocks until the run ends: it gets a thread, which lives as long as
    // the run (the worker's parent-death signal follows the thread that started it).
    const quint64 generation = ++m_generation;
    m_thread = std::make_unique<std::thread>([this, options, generation] {
        engine::RunResult result = m_orchestrator.run(options, [this](const engine::TraceEvent &e, const QByteArray &) {
            if (!m_liveRun) {
                m_recorded.push_back(e); // read once the run has ended
                return;
            }
            // Live: hand the events to the window's thread; one queued call drains a whole batch.
            std::lock_guard lock(m_incomingMutex);
            m_incoming.push_back(e);
            if (!m_takePosted) {
                m_takePosted = true;
                QMetaObject::invokeMethod(this, &RunController::takeLiveEvents, Qt::QueuedConnection);
            }
        });
        {
            // Handed over under our own mutex, and the call posted carries no data: Qt's event
            // queue orders it, but ThreadSanitizer cannot see inside Qt's uninstrumented libraries.
            std::lock_guard lock(m_incomingMutex);
            m_finishedResult = std::move(result);
            m_finishedGeneration = generation;
        }
        QMetaObject::invokeMethod(this, &RunController::takeFinishedRun, Qt::QueuedConnection);
    });
}

void RunController::start(const QString &fileName, const QByteArray &source)
{
    engine::RunOptions options = reset(fileName, source, false);
    options.timeLimitSeconds = 60;
    launch(options);
}

void RunController::startLive(const QString &fileName, const QByteArray &source, const QStringList &replaySteps, const std::set<int> &breakpoints)
{
    engine::RunOptions options = reset(fileName, source, true);
    m_live = std::make_unique<engine::LiveScheduler>();
    m_live->setBreakpoints(breakpoints);
    m_live->replay(replaySteps);
    options.hangSeconds = 2.0;
    options.timeLimitSeconds = 0; // a class may think for as long as it likes
    options.live = m_live.get();
    launch(options);
}

void RunController::takeFinishedRun()
{
    {
        std::lock_guard lock(m_incomingMutex);
        if (m_finishedGeneration != m_generation)
            return; // a run that was stopped and replaced
        m_result = std::move(m_finishedResult);
    }
    finishRun();
}

void RunController::takeLiveEvents()
{
    std::vector<engine::TraceEvent> batch;
    {
        std::lock_guard lock(m_incomingMutex);
        batch.swap(m_incoming);
        m_takePosted = false;
    }
    if (batch.empty())
        return;
    const bool following = m_position == m_model.size();
    for (auto &e : batch)
        m_model.append(std::move(e));
    if (following)
        seek(m_model.size());
    emit liveEventsArrived(static_cast<int>(batch.size()));
}

void RunController::joinThread()
{
    if (m_thread && m_thread->joinable())
        m_thread->join();
    m_thread.reset();
}

void RunController::finishRun()
{
    joinThread();
    if (m_liveRun) {
        // The live run is already the model: it stays where it is, ready to scrub.
        takeLiveEvents();
        m_lastSchedule = m_live ? m_live->schedule() : QStringList();
        emit runFinished();
        seek(m_model.size());
        return;
    }
    m_model.load(std::move(m_recorded));
    m_recorded.clear();
    m_beats.clear();
    emit runFinished();
    seek(0);
    play();
}

void RunController::stop()
{
    pause();
    if (m_thread) {
        if (m_live)
            m_lastSchedule = m_live->schedule();
        m_orchestrator.requestStop();
        joinThread();
    }
}

void RunController::play()
{
    if (m_model.size() == 0 || m_timer.isActive())
        return;
    if (m_position >= m_model.size())
        seek(0);
    m_timer.start();
    emit playingChanged(true);
}

void RunController::pause()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void RunController::stepForward()
{
    pause();
    seek(m_position + 1);
}

void RunController::stepBack()
{
    pause();
    seek(m_position - 1);
}

void RunController::seek(int position)
{
    position = std::clamp(position, 0, m_model.size());
    if (position > m_position && position - m_position <= engine::TraceModel::kCheckpointEvery) {
        for (int i = m_position; i < position; ++i)
            m_state.apply(m_model.event(i)); // the common case: a few steps on
    } else
        m_state = m_model.stateAfter(position);
    m_position = position;
    emit positionChanged(position);
}

const std::vector<float> &RunController::beats() const
{
    if (m_beats.size() != static_cast<std::size_t>(m_model.size()) || m_beatsEveryStatement != m_everyStatement) {
        m_beats = playbackBeats(m_model.events(), m_everyStatement);
        m_beatsEveryStatement = m_everyStatement;
    }
    return m_beats;
}

int RunController::nextBeat(int from) const
{
    // One tick of the timer plays one beat: the next IPC step with what goes by with it, or
    // several repeats of a step that has become short.
    const std::vector<float> &beat = beats();
    const int size = m_model.size();
    if (from >= size)
        return size;
    double spent = 0.0;
    int i = from;
    do {
        spent += beat[static_cast<std::size_t>(i)];
        ++i;
    } while (i < size && spent + beat[static_cast<std::size_t>(i)] <= 1.0 && i - from < 4096);
    return i;
}

void RunController::setEveryStatement(bool on)
{
    m_everyStatement = on;
}

double RunController::playbackSeconds() const
{
    int ticks = 0;
    for (int at = 0; at < m_model.size(); at = nextBeat(at))
        ++ticks;
    return ticks / m_speed;
}

void RunController::setSpeed(double eventsPerSecond)
{
    m_speed = std::clamp(eventsPerSecond, 0.5, 1000.0);
    m_timer.setInterval(static_cast<int>(1000.0 / m_speed));
}

} // namespace ipclab::ui
