#pragma once
// The stage: the state of a run at one moment, drawn. Processes as boxes with
// their threads and what each is doing (blocked calls in red, with the reason
// on hover); each Queue as its real parts (the semaphore's slots, the read
// and write locks and their owners, every process's buffer, the messages in
// its pipe); each Pipe as a tube with who holds which end and what is in
// flight; shared locks with their owner; a Manager's shared objects.

#include "process_colours.h"
#include "run_watch.h"
#include "wait_edges.h"

#include <QStringList>
#include <QVariantAnimation>
#include <QWidget>

namespace ipclab::ui {

/// What was drawn where: lets tests check the picture element by element.
struct DrawnElement {
    /// What it stands for: "thread/123", "process/<pid>", "queue/<queue>", "slots/<queue>", "queue-pipe/<queue>",
    /// "queue-buffer/<queue>/<pid>", "tube/<end>", "lock/<id>", "manager", "wait/<tid>" (a wait-for arrow),
    /// "held/<tid>" (an arrow from what a thread waits on to the culprit), "feeder/<tid>" (a feeder tied to its queue).
    QString id;
    /// "process", "thread", "queue", "slot", "pipe", "lock", "manager", "buffer-item", "message", "banner",
    /// "wait-edge", "culprit-edge", "feeder-tie", "culprit" (a process or thread to blame), "feeder-item".
    QString kind;
    QString label;
    QRect rect;
    bool highlighted = false; ///< blocked thread, taken slot, closed end
    bool ready = false; ///< a live run's thread waiting at a gate: a click steps it
};

class StageView final : public QWidget {
    Q_OBJECT
public:
    /// Every text the last paint drew, in order: tests read what a student reads.
    const QStringList &paintedTexts() const { return m_paintedTexts; }
    explicit StageView(ProcessColours &colours, QWidget *parent = nullptr);
    void setState(const engine::RunWatch *state, const QStringList *sourceLines);
    /// Live: the number key that steps each thread (tid -> 1..9); empty in a replay.
    void setStepKeys(std::map<int, int> keys);
    /// The run was stopped as hung and the playhead is at its end: a banner says so across the
    /// stage ("IPC Lab stopped this run: …") and the blocked calls wait forever. Empty: no banner.
    void setVerdict(const QString &banner);
    /// What the user clicked (an element id): drawn with a focus ring, Ctrl+arrows go to its events.
    void setSelected(const QString &id)
    {
        m_selected = id;
        update();
    }
    /// The wait-for cycle of the last paint (thread ids in order), empty when there is none.
    const std::vector<int> &drawnCycle() const { return m_cycle; }
    const std::vector<DrawnElement> &drawnElements() const { return m_drawn; }
    /// The smallest element drawn at `at` (widget coordinates) that has an id; null if none.
    const DrawnElement *elementAt(QPoint at) const;
    /// The context menu for `element` (null: the stage itself), as a right-click shows it.
    class QMenu *contextMenuFor(const DrawnElement *element);
    /// Paints the stage into `painter` over `area` (the widget and the tests both use this).
    void paintStage(QPainter &painter, const QRect &area);
    QSize sizeHint() const override { return { 720, 480 }; }
    /// Moves what `event` carries along its path (a buffer into the pipe, the pipe to a reader,
    /// a sender into a pipe...) instead of letting it jump: call after the step that applied it.
    /// Returns whether `event` moves anything (else nothing is animated).
    bool animateEvent(const engine::TraceEvent &event);
    bool animating() const { return m_animation.active; }
    /// Where the moving message is, 0 (its source) to 1 (its destination); tests freeze it.
    void setAnimationProgress(double progress);

signals:
    /// A click on a thread's box (live: step it).
    void threadClicked(int tid);
    /// A click on anything drawn with an id ("thread/12", "queue/5", "tube/7", "lock/3"): select it.
    void elementClicked(const QString &id);
    /// The context menu's "Export the stage…".
    void exportRequested();

protected:
    void paintEvent(QPaintEvent *) override;
    void mouseReleaseEvent(QMouseEvent *e) override;
    void contextMenuEvent(QContextMenuEvent *e) override;
    bool event(QEvent *e) override;

private:
    int paintProcess(QPainter &p, const engine::ProcessInfo &process, QRect box);
    int paintQueue(QPainter &p, quint64 id, const engine::QueueInfo &queue, QRect box);
    int paintPipe(QPainter &p, const engine::PipeEnd &a, const engine::PipeEnd &b, QRect box);
    int paintLock(QPainter &p, quint64 id, const engine::SyncInfo &lock, QRect box);
    // FIFOs, sockets, shared memory and pools (stage_shared.cpp).
    int paintSharedPrimitives(QPainter &p, QRect box);
    int paintFifo(QPainter &p, quint64 id, const engine::FifoInfo &fifo, QRect box);
    int paintSocket(QPainter &p, quint64 id, const engine::SocketInfo &socket, QRect box);
    int paintConnection(QPainter &p, quint64 clientId, const engine::SocketInfo &client, quint64 serverId, const engine::SocketInfo &server, QRect box);
    int paintSegment(QPainter &p, quint64 id, const engine::SegmentInfo &segment, QRect box);
    int paintPool(QPainter &p, quint64 id, const engine::PoolInfo &pool, QRect box);
    bool isPoolPipe(quint64 end) const;
    /// Where `e` moves something between a thread and a FIFO, socket, segment or pool, if it does.
    bool sharedPrimitivePath(const engine::TraceEvent &e, QString &from, QString &to, QString &label) const;
    QString holders(const std::set<int> &pids) const;
    /// A pipe end as the lesson calls it (`receiver`), else "end 1".
    QString endLabel(quint64 id, const QString &unnamed) const;
    QString gateText(const engine::GateWait &gate) const;
    void note(const QString &kind, const QString &label, const QRect &rect, bool highlighted = false, const QString &tip = {}, const QString &id = {});
    QRect rectOf(const QString &id) const;
    void paintMovingMessage(QPainter &p);
    int paintBanner(QPainter &p, QRect box);
    /// The messages in a pipe as pills with their value and size, leaving `reserved` pixels at the right.
    void paintPills(QPainter &p, const QRect &tube, const std::deque<engine::InFlight> &messages, int reserved);
    QString pipeFill(qint64 bytes) const;
    int paintStartingChild(QPainter &p, int pid, const engine::RunWatch::StartingChild &child, QRect box);
    /// Arrows from every blocked call to what it waits on and on to the culprit; feeders to their queues.
    void paintWaitEdges(QPainter &p);
    QString targetId(const engine::WaitEdge &edge) const;
    /// What a culprit does that keeps someone waiting: "keeps sender open", "holds lock".
    QString culpritText(const engine::WaitEdge &edge) const;

    ProcessColours &m_colours;
    const engine::RunWatch *m_state = nullptr;
    const QStringList *m_sourceLines = nullptr;
    std::map<int, int> m_stepKeys;
    QString m_banner;
    QString m_selected;
    std::vector<engine::WaitEdge> m_edges; ///< of the state being painted
    std::vector<int> m_cycle;
    std::map<int, QStringList> m_culpritProcesses, m_culpritThreads; ///< pid / tid -> why each is to blame
    std::vector<DrawnElement> m_drawn;
    std::vector<std::pair<QRect, QString>> m_tips; ///< hover text for blocked calls
    struct Animation {
        bool active = false;
        QString fromId, toId, label;
        double progress = 0.0;
    } m_animation;
    QVariantAnimation *m_animator = nullptr;
    double m_scale = 1.0; ///< the last picture was drawn at this size, to fit the view (clicks are mapped back)
    int m_contentBottom = 0; ///< how tall the last picture was, so a scroll area can show all of it
    void paintText(QPainter &p, const QRectF &rect, int flags, const QString &text);
    QStringList m_paintedTexts;
};

} // namespace ipclab::ui
