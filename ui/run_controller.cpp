#include "run_controller.h"

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
        seek(m_position + 1);
    });
    setSpeed(m_speed);
}

RunController::~RunController()
{
    stop();
}

void RunController::start(const QString &fileName, const QByteArray &source)
{
    stop();
    m_model.clear();
    m_state = engine::RunWatch();
    m_position = 0;
    m_result = engine::RunResult();
    m_recorded.clear();
    emit positionChanged(0);
    engine::RunOptions options;
    options.fileName = fileName;
    options.source = source;
    options.workerPath = m_workerPath;
    options.traceStatements = true; // the code panel marks each process's current line
    options.captureStdout = true;
    options.timeLimitSeconds = 60;
    emit runStarted();
    // The orchestrator blocks until the run ends: it gets a thread, which lives as long as
    // the run (the worker's parent-death signal follows the thread that started it).
    m_thread = std::make_unique<std::thread>([this, options] {
        engine::RunResult result = m_orchestrator.run(options, [this](const engine::TraceEvent &e, const QByteArray &) { m_recorded.push_back(e); });
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                m_result = result;
                finishRun();
            },
            Qt::QueuedConnection);
    });
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
    m_model.load(std::move(m_recorded));
    m_recorded.clear();
    emit runFinished();
    seek(0);
    play();
}

void RunController::stop()
{
    pause();
    if (m_thread) {
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
    if (position == m_position + 1 && position > 0)
        m_state.apply(m_model.event(position - 1)); // the common case: one step on
    else
        m_state = m_model.stateAfter(position);
    m_position = position;
    emit positionChanged(position);
}

void RunController::setSpeed(double eventsPerSecond)
{
    m_speed = std::clamp(eventsPerSecond, 0.5, 1000.0);
    m_timer.setInterval(static_cast<int>(1000.0 / m_speed));
}

} // namespace ipclab::ui
