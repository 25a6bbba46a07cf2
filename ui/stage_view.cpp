#include "stage_view.h"

#include "operation_words.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QToolTip>

namespace ipclab::ui {

namespace {

const QColor kBlocked(0xdc, 0x26, 0x26);
const QColor kInk(0x1f, 0x29, 0x37);
const QColor kMuted(0x6b, 0x72, 0x80);
const QColor kFeeder(0x7c, 0x3a, 0xed);
const QColor kReady(0x05, 0x96, 0x69);

// A thread inside a call that may wait for another thread or process shows as blocked (core/trace/protocol.h).
bool isWaiting(const QString &op)
{
    return engine::blockingOf(op) == trace::Blocking::Blocks;
}

// What a thread is doing: the call's name, or what the Queue machinery is busy with.
QString callText(const engine::OpenCall &call, const engine::RunWatch &state)
{
    return state.callOn(call.op, call.obj); // "q.put()": Python's name for the call, else the vocabulary's wording for the activity
}

} // namespace

StageView::StageView(ProcessColours &colours, QWidget *parent)
    : QWidget(parent)
    , m_colours(colours)
{
    setMouseTracking(true);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, Qt::white);
    setPalette(pal);
}

void StageView::setState(const engine::RunWatch *state, const QStringList *sourceLines)
{
    m_state = state;
    m_sourceLines = sourceLines;
    update();
}

namespace {
constexpr double kSmallest = 0.7; ///< the stage draws itself down to this size before it scrolls
} // namespace

void StageView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    m_scale = 1.0;
    paintStage(p, rect());
    const int fullHeight = m_contentBottom;
    // The room the scroll area shows: the stage may be taller than it because of an earlier,
    // fuller moment of the run, and gives that height back when it no longer needs it.
    const int room = parentWidget() ? std::max(1, parentWidget()->height()) : height();
    const int needed = fullHeight * kSmallest > room ? static_cast<int>(std::ceil(fullHeight * kSmallest)) : 0;
    if (needed != minimumHeight())
        // Not from inside a paint: a new minimum relays out the scroll area around us.
        QTimer::singleShot(0, this, [this, needed] { setMinimumHeight(needed); });
    if (fullHeight <= height())
        return;
    // Taller than the room it has (a laptop, presentation type): draw it smaller, down to 70 %,
    // so that the class sees all of it at once; only beyond that does it scroll.
    const double scale = std::max(kSmallest, static_cast<double>(height()) / fullHeight);
    p.fillRect(rect(), palette().window());
    p.scale(scale, scale);
    m_scale = scale;
    paintStage(p, QRect(0, 0, static_cast<int>(width() / scale), static_cast<int>(height() / scale)));
}

void StageView::setStepKeys(std::map<int, int> keys)
{
    m_stepKeys = std::move(keys);
    update();
}

void StageView::mouseReleaseEvent(QMouseEvent *e)
{
    const QPoint at = (e->position() / m_scale).toPoint();
    for (const DrawnElement &d : m_drawn)
        if (d.kind == QLatin1String("thread") && d.rect.contains(at) && d.id.startsWith(QLatin1String("thread/"))) {
            emit elementClicked(d.id);
            emit threadClicked(d.id.mid(7).toInt());
            return;
        }
    // The smallest box with an id under the click: a lock rather than the column it sits in.
    const DrawnElement *hit = nullptr;
    for (const DrawnElement &d : m_drawn) {
        static const QStringList kSelectable { QStringLiteral("queue/"), QStringLiteral("tube/"), QStringLiteral("lock/"), QStringLiteral("fifo/"),
            QStringLiteral("socket/"), QStringLiteral("segment/"), QStringLiteral("pool/"), QStringLiteral("queue-pipe/"), QStringLiteral("slots/") };
        const bool selectable = std::any_of(kSelectable.begin(), kSelectable.end(), [&](const QString &prefix) { return d.id.startsWith(prefix); });
        if (selectable && d.rect.contains(at) && (!hit || d.rect.width() * d.rect.height() < hit->rect.width() * hit->rect.height()))
            hit = &d;
    }
    if (hit) {
        QString id = hit->id;
        if (id.startsWith(QLatin1String("queue-pipe/")) || id.startsWith(QLatin1String("slots/")))
            id = QStringLiteral("queue/") + id.section(QLatin1Char('/'), 1, 1);
        emit elementClicked(id);
        return;
    }
    QWidget::mouseReleaseEvent(e);
}

QString StageView::gateText(const engine::GateWait &gate) const
{
    if (gate.point == QLatin1String("proxy.call"))
        return tr("about to call the manager: %1").arg(gate.detail);
    if (gate.point == QLatin1String("queue.buffer"))
        return tr("took a slot of the semaphore; %1 not yet in the buffer").arg(gate.detail);
    if (gate.point == QLatin1String("feeder.write"))
        return tr("about to write an item into the pipe");
    if (gate.line > 0 && m_sourceLines && gate.line <= m_sourceLines->size())
        return tr("next: line %1: %2").arg(gate.line).arg(m_sourceLines->at(gate.line - 1).trimmed());
    return tr("ready");
}

bool StageView::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        for (const auto &[rect, tip] : m_tips)
            if (rect.contains((QPointF(help->pos()) / m_scale).toPoint())) {
                QToolTip::showText(help->globalPos(), tip, this);
                return true;
            }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void StageView::note(const QString &kind, const QString &label, const QRect &rect, bool highlighted, const QString &tip, const QString &id)
{
    m_drawn.push_back({ id, kind, label, rect, highlighted });
    if (!tip.isEmpty())
        m_tips.emplace_back(rect, tip);
}

QString StageView::endLabel(quint64 id, const QString &unnamed) const
{
    const QString name = m_state->objectName(id);
    return name.isEmpty() ? unnamed : name;
}

QString StageView::holders(const std::set<int> &pids) const
{
    QStringList names;
    for (int pid : pids) {
        auto it = m_state->processes().find(pid);
        names << (it != m_state->processes().end() && !it->second.name.isEmpty() ? it->second.name : QString::number(pid));
    }
    return names.isEmpty() ? tr("closed everywhere") : names.join(QStringLiteral(", "));
}

namespace {

// The height `text` takes wrapped at `width`: the stage wraps what it says rather than cutting
// it off ("end 1: MainProcess, Proces…" was the very fact a lesson is about).
int wrappedHeight(const QFontMetrics &fm, const QString &text, int width)
{
    return fm.boundingRect(QRect(0, 0, std::max(1, width), 1 << 20), Qt::AlignLeft | Qt::TextWordWrap, text).height();
}

} // namespace

void StageView::paintText(QPainter &p, const QRectF &rect, int flags, const QString &text)
{
    m_paintedTexts.append(text);
    p.drawText(rect, flags, text);
}

void StageView::setVerdict(const QString &banner)
{
    m_banner = banner;
    update();
}

void StageView::paintStage(QPainter &p, const QRect &area)
{
    m_paintedTexts.clear();
    m_drawn.clear();
    m_tips.clear();
    m_edges.clear();
    m_cycle.clear();
    m_culpritProcesses.clear();
    m_culpritThreads.clear();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(area, Qt::white);
    if (!m_state || m_state->processes().empty()) {
        p.setPen(kMuted);
        paintText(p, area, Qt::AlignCenter, tr("Press Run to run the scenario; its processes, pipes and queues appear here."));
        return;
    }
    // Who waits for what, and who is to blame: the boxes are drawn knowing it.
    m_edges = engine::waitEdges(*m_state);
    m_cycle = engine::deadlockCycle(m_edges);
    for (const engine::WaitEdge &edge : m_edges) {
        const QString why = culpritText(edge);
        if (edge.culpritTid)
            m_culpritThreads[edge.culpritTid] << why;
        else
            for (int pid : edge.culpritPids)
                m_culpritProcesses[pid] << why;
    }
    const int margin = 12;
    const int gutter = 56; // room for the wait-for arrows between the two columns
    int top = area.top() + margin;
    if (!m_banner.isEmpty())
        top += paintBanner(p, QRect(area.left() + margin, top, area.width() - 2 * margin, 0)) + margin;
    const int columnWidth = (area.width() - 2 * margin - gutter) / 2;
    // Left: the processes. Right: the IPC objects between them.
    int y = top;
    for (const auto &[pid, process] : m_state->processes())
        y += paintProcess(p, process, QRect(area.left() + margin, y, columnWidth, 0)) + margin;
    for (const auto &[pid, child] : m_state->startingNames())
        y += paintStartingChild(p, pid, child, QRect(area.left() + margin, y, columnWidth, 0)) + margin;
    int ry = top;
    const int rx = area.left() + margin + columnWidth + gutter;
    for (const auto &[id, queue] : m_state->queues())
        ry += paintQueue(p, id, queue, QRect(rx, ry, columnWidth, 0)) + margin;
    std::set<quint64> drawnEnds;
    for (const auto &[id, end] : m_state->pipeEnds()) {
        if (drawnEnds.count(id))
            continue;
        auto peer = m_state->pipeEnds().find(end.peer);
        if (peer == m_state->pipeEnds().end() || isPoolPipe(id))
            continue;
        drawnEnds.insert(id);
        drawnEnds.insert(end.peer);
        ry += paintPipe(p, end, peer->second, QRect(rx, ry, columnWidth, 0)) + margin;
    }
    // A queue's own locks and semaphores are drawn in its box (queueOfSync knows them from
    // their creation), a Value's or Array's lock with its data.
    std::set<quint64> segmentLocks;
    for (const auto &[id, segment] : m_state->shared().segments)
        segmentLocks.insert(segment.lock);
    for (const auto &[id, sync] : m_state->syncs())
        if (!segmentLocks.count(id) && !m_state->queueOfSync(id) && sync.kind != QLatin1String("Condition"))
            ry += paintLock(p, id, sync, QRect(rx, ry, columnWidth, 0)) + margin;
    ry += paintSharedPrimitives(p, QRect(rx, ry, columnWidth, 0));
    m_contentBottom = std::max(y, ry) - area.top();
    paintWaitEdges(p);
    if (const QRect selected = m_selected.isEmpty() ? QRect() : rectOf(m_selected); !selected.isNull()) {
        p.setPen(QPen(QColor(0x1d, 0x4e, 0xd8), 2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(selected.adjusted(-4, -4, 4, 4), 9, 9);
    }
    paintMovingMessage(p);
}

int StageView::paintBanner(QPainter &p, QRect box)
{
    QFont bold = font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    const QFontMetrics fm(bold);
    const QRect text = fm.boundingRect(box.adjusted(14, 0, -14, 0), Qt::TextWordWrap | Qt::AlignLeft, m_banner);
    box.setHeight(text.height() + 16);
    p.setPen(QPen(kBlocked, 2));
    p.setBrush(QColor(0xfe, 0xf2, 0xf2));
    p.drawRoundedRect(box, 8, 8);
    p.setFont(bold);
    p.setPen(QColor(0x99, 0x1b, 0x1b));
    paintText(p, box.adjusted(14, 8, -14, -8), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignVCenter, m_banner);
    p.setFont(font());
    note(QStringLiteral("banner"), m_banner, box, true, {}, QStringLiteral("banner"));
    return box.height();
}

int StageView::paintStartingChild(QPainter &p, int pid, const engine::RunWatch::StartingChild &child, QRect box)
{
    // start() has returned: the child exists (fork() is done) but has not run a line yet. It
    // holds a copy of every pipe end its parent held.
    const QFontMetrics fm(p.font());
    const int lineHeight = fm.height() + 4;
    box.setHeight(2 * lineHeight + 12);
    const QColor colour = m_colours.colourFor(pid);
    p.setPen(QPen(colour, 1.5, Qt::DashLine));
    p.setBrush(Qt::white);
    p.drawRoundedRect(box, 8, 8);
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(colour);
    paintText(p, box.adjusted(10, 6, -10, 0), Qt::AlignLeft | Qt::AlignTop, QStringLiteral("%1  pid %2").arg(child.name).arg(pid));
    p.setFont(font());
    QStringList inherited;
    for (const auto &[id, end] : m_state->pipeEnds())
        if (end.holders.count(child.parent) && !isPoolPipe(id))
            inherited << endLabel(id, m_state->objectLabel(id));
    const QString status = inherited.isEmpty() ? tr("starting: start() returned, no line run yet")
                                               : tr("starting; inherited copies of %1").arg(inherited.join(QStringLiteral(", ")));
    p.setPen(kMuted);
    paintText(p, box.adjusted(10, 6 + lineHeight, -10, 0), Qt::AlignLeft | Qt::AlignTop, fm.elidedText(status, Qt::ElideRight, box.width() - 20));
    note(QStringLiteral("process"), child.name, box, false, status, QStringLiteral("process/%1").arg(pid));
    return box.height();
}

QString StageView::targetId(const engine::WaitEdge &edge) const
{
    using engine::WaitTarget;
    switch (edge.target) {
    case WaitTarget::Slots:
        return QStringLiteral("slots/%1").arg(edge.object);
    case WaitTarget::QueuePipe:
        return QStringLiteral("queue-pipe/%1").arg(edge.object);
    case WaitTarget::Lock:
        return QStringLiteral("lock/%1").arg(edge.object);
    case WaitTarget::PipeEnd:
        return QStringLiteral("tube/%1").arg(edge.object);
    case WaitTarget::Fifo:
        return QStringLiteral("fifo/%1").arg(edge.object);
    case WaitTarget::Socket:
        return QStringLiteral("socket/%1").arg(edge.object);
    case WaitTarget::Pool:
        return QStringLiteral("pool/%1").arg(edge.object);
    case WaitTarget::Manager:
        return QStringLiteral("manager");
    case WaitTarget::Process:
        return QStringLiteral("process/%1").arg(edge.object);
    case WaitTarget::Thread:
        return QStringLiteral("thread/%1").arg(edge.object);
    case WaitTarget::Other:
        break;
    }
    return {};
}

QString StageView::culpritText(const engine::WaitEdge &edge) const
{
    // Short: the arrow from the waiting call already says who waits.
    using engine::WaitTarget;
    switch (edge.target) {
    case WaitTarget::PipeEnd: {
        auto end = m_state->pipeEnds().find(edge.object);
        return tr("keeps %1 open").arg(end != m_state->pipeEnds().end() ? endLabel(end->second.peer, tr("the other end")) : tr("the other end"));
    }
    case WaitTarget::Lock:
    case WaitTarget::Slots:
    case WaitTarget::QueuePipe:
        return tr("holds %1").arg(m_state->objectLabel(edge.callObject));
    case WaitTarget::Fifo:
        return tr("keeps the FIFO's write end open");
    case WaitTarget::Process:
        return tr("has not ended");
    default:
        return tr("keeps %1 waiting").arg(m_state->callOn(edge.op, edge.callObject));
    }
}

namespace {

// An S-shaped arrow through the gutter between the columns, its head along its last stretch.
void drawCurvedArrow(QPainter &p, QPointF from, QPointF to, const QPen &pen)
{
    const double bend = std::max(24.0, std::abs(to.x() - from.x()) * 0.6);
    const double dir = to.x() >= from.x() ? 1.0 : -1.0;
    const QPointF c1(from.x() + dir * bend, from.y()), c2(to.x() - dir * bend, to.y());
    QPainterPath path(from);
    path.cubicTo(c1, c2, to);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    const QPointF along = to - path.pointAtPercent(0.93);
    const double length = std::hypot(along.x(), along.y());
    if (length <= 0.0)
        return;
    const QPointF unit = along / length, normal(-unit.y(), unit.x());
    QPainterPath head;
    head.moveTo(to);
    head.lineTo(to - unit * 9 + normal * 4.5);
    head.lineTo(to - unit * 9 - normal * 4.5);
    head.closeSubpath();
    p.fillPath(head, pen.color());
}

} // namespace

void StageView::paintWaitEdges(QPainter &p)
{
    std::set<int> onCycle(m_cycle.begin(), m_cycle.end());
    for (const engine::WaitEdge &edge : m_edges) {
        const QRect from = rectOf(QStringLiteral("thread/%1").arg(edge.tid));
        const QString target = targetId(edge);
        QRect to = target.isEmpty() ? QRect() : rectOf(target);
        if (from.isNull() || to.isNull())
            continue;
        const bool cycle = onCycle.count(edge.tid) > 0;
        const QPointF start(from.right() + 2, from.center().y());
        const bool sameColumn = std::abs(to.left() - from.left()) < from.width() / 2;
        const QPointF end = sameColumn ? QPointF(to.right() + 2, to.center().y()) : QPointF(to.left() - 2, to.center().y() - 4);
        drawCurvedArrow(p, start, end, QPen(kBlocked, cycle ? 3 : 2));
        m_drawn.push_back({ QStringLiteral("wait/%1").arg(edge.tid), QStringLiteral("wait-edge"), target, QRectF(start, end).normalized().toRect(), true });
        // On to whoever keeps it waiting: the holder's thread, or the processes holding an end open.
        std::vector<QString> culprits;
        if (edge.culpritTid)
            culprits.push_back(QStringLiteral("thread/%1").arg(edge.culpritTid));
        else
            for (int pid : edge.culpritPids)
                culprits.push_back(QStringLiteral("process/%1").arg(pid));
        for (const QString &culprit : culprits) {
            const QRect c = rectOf(culprit);
            if (c.isNull())
                continue;
            const QPointF back(to.left() - 2, to.center().y() + 6);
            const QPointF at(c.right() + 2, std::clamp(c.top() + 14.0, c.top() + 4.0, c.bottom() - 4.0));
            drawCurvedArrow(p, back, at, QPen(kBlocked.darker(120), cycle ? 3 : 1.5, Qt::DashLine));
            m_drawn.push_back(
                { QStringLiteral("held/%1").arg(edge.tid), QStringLiteral("culprit-edge"), culprit, QRectF(back, at).normalized().toRect(), true });
        }
    }
    // Each feeder thread belongs to its queue.
    for (const auto &[tid, thread] : m_state->threads()) {
        if (!thread.feederOf || thread.exited)
            continue;
        const QRect from = rectOf(QStringLiteral("thread/%1").arg(tid)), to = rectOf(QStringLiteral("queue/%1").arg(thread.feederOf));
        if (from.isNull() || to.isNull())
            continue;
        drawCurvedArrow(p, QPointF(from.right() + 2, from.bottom() - 8), QPointF(to.left() - 2, to.top() + 14), QPen(kFeeder, 1.2, Qt::DotLine));
        m_drawn.push_back({ QStringLiteral("feeder/%1").arg(tid), QStringLiteral("feeder-tie"), QStringLiteral("queue/%1").arg(thread.feederOf), from, false });
    }
}

QRect StageView::rectOf(const QString &id) const
{
    for (const DrawnElement &e : m_drawn)
        if (e.id == id)
            return e.rect;
    return {};
}

void StageView::paintMovingMessage(QPainter &p)
{
    if (!m_animation.active)
        return;
    const QRect from = rectOf(m_animation.fromId), to = rectOf(m_animation.toId);
    if (from.isNull() || to.isNull())
        return;
    const QPointF a = from.center(), b = to.center();
    const double t = m_animation.progress;
    const QPointF at = a + (b - a) * t;
    const QFontMetrics fm(p.font());
    const QString label = fm.elidedText(m_animation.label, Qt::ElideRight, 140);
    const QRectF chip(at.x() - (fm.horizontalAdvance(label) + 16) / 2.0, at.y() - fm.height() / 2.0 - 3, fm.horizontalAdvance(label) + 16, fm.height() + 6);
    p.setPen(QPen(QColor(0x1d, 0x4e, 0xd8), 2));
    p.setBrush(QColor(0xdb, 0xea, 0xfe));
    p.drawRoundedRect(chip, 6, 6);
    p.setPen(QColor(0x1e, 0x3a, 0x8a));
    paintText(p, chip, Qt::AlignCenter, label);
    m_drawn.push_back({ QStringLiteral("moving"), QStringLiteral("moving-message"), m_animation.label, chip.toRect(), true });
}

void StageView::setAnimationProgress(double progress)
{
    if (m_animator)
        m_animator->stop();
    m_animation.progress = progress;
    update();
}

bool StageView::animateEvent(const engine::TraceEvent &e)
{
    QString from, to, label = e.text("value");
    const QString thread = QStringLiteral("thread/%1").arg(e.tid);
    if (e.op == QLatin1String("buffer.append")) {
        from = thread;
        to = QStringLiteral("queue-buffer/%1/%2").arg(e.obj).arg(e.pid);
    } else if (e.op == QLatin1String("pipe.write") && e.ph == 'B') {
        from = QStringLiteral("queue-buffer/%1/%2").arg(e.obj).arg(e.pid);
        if (rectOf(from).isNull())
            from = thread; // the feeder took the last item out of the buffer
        to = QStringLiteral("queue-pipe/%1").arg(e.obj);
        label = tr("%1 bytes").arg(e.integer("bytes"));
    } else if (e.op == QLatin1String("pipe.read") && e.ph == 'E') {
        from = QStringLiteral("queue-pipe/%1").arg(e.obj);
        to = thread;
        label = tr("%1 bytes").arg(e.integer("bytes"));
    } else if ((e.op == QLatin1String("conn.send") || e.op == QLatin1String("conn.send_bytes")) && e.ph == 'B') {
        from = thread;
        to = QStringLiteral("tube/%1").arg(e.obj);
    } else if ((e.op == QLatin1String("conn.recv") || e.op == QLatin1String("conn.recv_bytes")) && e.ph == 'E') {
        from = QStringLiteral("tube/%1").arg(e.obj);
        to = thread;
    } else if (e.op == QLatin1String("proxy.call") && e.ph == 'B') {
        from = thread;
        to = QStringLiteral("manager");
        label = e.text("method") + e.text("args");
    } else if (!sharedPrimitivePath(e, from, to, label)) {
        return false;
    }
    if (label.isEmpty())
        label = tr("message");
    m_animation = { true, from, to, label, 0.0 };
    if (!m_animator) {
        m_animator = new QVariantAnimation(this);
        m_animator->setStartValue(0.0);
        m_animator->setEndValue(1.0);
        m_animator->setEasingCurve(QEasingCurve::InOutQuad);
        connect(m_animator, &QVariantAnimation::valueChanged, this, [this](const QVariant &v) {
            m_animation.progress = v.toDouble();
            update();
        });
        connect(m_animator, &QVariantAnimation::finished, this, [this] {
            m_animation.active = false;
            update();
        });
    }
    m_animator->stop();
    m_animator->setDuration(450);
    m_animator->start();
    return true;
}

int StageView::paintProcess(QPainter &p, const engine::ProcessInfo &process, QRect box)
{
    const QColor colour = m_colours.colourFor(process.pid);
    const QFontMetrics fm(p.font());
    const int lineHeight = fm.height() + 4;
    std::vector<const engine::ThreadInfo *> threads;
    for (const auto &[tid, thread] : m_state->threads())
        if (thread.pid == process.pid && !thread.exited)
            threads.push_back(&thread);
    // What each thread is and does, worded first: a long line wraps, and the box grows for it.
    struct ThreadWords {
        QString name, doing;
        bool ready = false, blocked = false, feeder = false, culprit = false;
        int height = 0;
    };
    const int textWidth = box.width() - 20 - 16;
    std::vector<ThreadWords> words;
    int threadsHeight = 0;
    for (const engine::ThreadInfo *thread : threads) {
        ThreadWords w;
        const engine::OpenCall *inner = thread->calls.empty() ? nullptr : &thread->calls.back();
        w.feeder = thread->name == QLatin1String("QueueFeederThread");
        w.ready = thread->gate.has_value();
        w.blocked = !w.ready && inner && isWaiting(inner->op);
        auto blame = m_culpritThreads.find(thread->tid);
        w.culprit = blame != m_culpritThreads.end();
        w.name = thread->name.isEmpty() ? tr("thread %1").arg(thread->tid) : thread->name;
        auto key = m_stepKeys.find(thread->tid);
        if (w.ready && key != m_stepKeys.end())
            w.name = tr("[%1] %2 — can take a step (key %1 or click)").arg(key->second).arg(w.name);
        else if (w.ready)
            w.name = tr("%1 — can take a step (click)").arg(w.name);
        const int line = inner ? inner->line : 0;
        if (w.ready)
            w.doing = gateText(*thread->gate);
        else if (inner && w.blocked && !m_banner.isEmpty())
            w.doing = tr("blocked forever in %1").arg(callText(*inner, *m_state));
        else if (inner)
            w.doing = w.blocked ? tr("blocked in %1").arg(callText(*inner, *m_state)) : tr("in %1").arg(callText(*inner, *m_state));
        else
            w.doing = tr("running");
        if (!w.ready && line > 0 && m_sourceLines && line <= m_sourceLines->size())
            w.doing = tr("line %1: %2 — %3").arg(line).arg(m_sourceLines->at(line - 1).trimmed(), w.doing);
        if (w.culprit)
            w.doing = tr("to blame: %1").arg(blame->second.join(QStringLiteral("; "))) + QStringLiteral(" · ") + w.doing;
        w.height = 4 + wrappedHeight(fm, w.name, textWidth) + 2 + wrappedHeight(fm, w.doing, textWidth) + 6;
        threadsHeight += w.height + 6;
        words.push_back(std::move(w));
    }
    // A Manager's server shows what it serves: the shared objects, as the server last saw them.
    std::vector<QString> served;
    if (process.role == QLatin1String("manager"))
        for (const auto &[key, contents] : m_state->managedObjects())
            if (key.first == process.pid)
                served.push_back(contents);
    // To blame for someone's wait (it holds an end open, it has not ended): said in red.
    auto culprit = m_culpritProcesses.find(process.pid);
    const bool isCulprit = culprit != m_culpritProcesses.end() && !process.gone;
    const QString why = isCulprit ? tr("to blame: %1").arg(culprit->second.join(QStringLiteral("; "))) : QString();
    const int whyHeight = isCulprit ? wrappedHeight(fm, why, box.width() - 20) + 4 : 0;
    box.setHeight(lineHeight * 2 + 12 + whyHeight + threadsHeight + static_cast<int>(served.size()) * lineHeight + (served.empty() ? 0 : lineHeight + 6));
    // A process with nothing inside any more (it has exited) is one line: its name and how it ended.
    const QString titleText = QStringLiteral("%1  pid %2").arg(process.name.isEmpty() ? tr("process") : process.name).arg(process.pid);
    const QString endText = tr("exit %1").arg(process.exitcode.value_or(0));
    QFont titleFont = p.font();
    titleFont.setBold(true);
    const bool oneLine = threads.empty() && served.empty() && !isCulprit && (process.gone || process.exitReported)
        && QFontMetrics(titleFont).horizontalAdvance(titleText) + fm.horizontalAdvance(endText) + 40 < box.width();
    if (oneLine)
        box.setHeight(lineHeight + 12);
    bool waitsForever = false;
    for (const engine::WaitEdge &edge : m_edges)
        waitsForever |= !m_banner.isEmpty() && edge.pid == process.pid;
    p.setPen(QPen(isCulprit ? kBlocked : colour, process.gone ? 1 : isCulprit ? 3 : 2, process.gone ? Qt::DashLine : Qt::SolidLine));
    p.setBrush(process.gone ? QColor(0xf3, 0xf4, 0xf6) : Qt::white);
    p.drawRoundedRect(box, 8, 8);
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(colour);
    const QString title = QStringLiteral("%1  pid %2").arg(process.name.isEmpty() ? tr("process") : process.name).arg(process.pid);
    paintText(p, box.adjusted(10, 6, -10, 0), Qt::AlignLeft | Qt::AlignTop, title);
    p.setFont(font());
    QString status;
    if (process.gone || process.exitReported) {
        const int code = process.exitcode.value_or(0);
        status = code < 0 ? tr("killed by signal %1").arg(-code) : tr("exited with code %1").arg(code);
    } else if (waitsForever) {
        status = tr("waiting forever");
    } else if (!process.role.isEmpty()) {
        status = tr("Manager server");
    } else {
        status = tr("running");
    }
    p.setPen(waitsForever ? kBlocked : kMuted);
    if (oneLine && process.exitcode.value_or(0) >= 0)
        paintText(p, box.adjusted(10, 6, -10, 0), Qt::AlignRight | Qt::AlignTop, endText);
    else if (oneLine)
        paintText(p, box.adjusted(10, 6, -10, 0), Qt::AlignRight | Qt::AlignTop, status);
    else
        paintText(p, box.adjusted(10, 6 + lineHeight, -10, 0), Qt::AlignLeft | Qt::AlignTop, status);
    note(QStringLiteral("process"), process.name, box, process.gone, {}, QStringLiteral("process/%1").arg(process.pid));
    int y = box.top() + 2 * lineHeight + 8;
    if (isCulprit) {
        p.setPen(kBlocked);
        paintText(p, QRect(box.left() + 10, y - 2, box.width() - 20, whyHeight), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, why);
        note(QStringLiteral("culprit"), why, box, true, why, QStringLiteral("culprit/process/%1").arg(process.pid));
        y += whyHeight;
    }
    for (std::size_t t = 0; t < threads.size(); ++t) {
        const engine::ThreadInfo *thread = threads[t];
        const ThreadWords &w = words[t];
        const QRect tbox(box.left() + 10, y, box.width() - 20, w.height);
        const bool feeder = w.feeder, ready = w.ready, blocked = w.blocked, threadCulprit = w.culprit;
        const QColor border = blocked || threadCulprit ? kBlocked : ready ? kReady : feeder ? kFeeder : colour.lighter(140);
        p.setPen(QPen(border, threadCulprit ? 3 : blocked || ready ? 2 : 1));
        p.setBrush(blocked ? QColor(0xfe, 0xf2, 0xf2) : ready ? QColor(0xec, 0xfd, 0xf5) : Qt::white);
        p.drawRoundedRect(tbox, 6, 6);
        p.setPen(feeder ? kFeeder : kInk);
        const int nameHeight = wrappedHeight(fm, w.name, textWidth);
        const int wrap = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
        paintText(p, QRect(tbox.left() + 8, tbox.top() + 4, textWidth, nameHeight), wrap, w.name);
        const QString &doing = w.doing;
        p.setPen(blocked || threadCulprit ? kBlocked : ready ? kReady.darker(130) : kMuted);
        paintText(p, QRect(tbox.left() + 8, tbox.top() + 6 + nameHeight, textWidth, tbox.height() - nameHeight - 6), wrap, doing);
        note(QStringLiteral("thread"), thread->name, tbox, blocked, blocked || threadCulprit ? doing : QString(), QStringLiteral("thread/%1").arg(thread->tid));
        m_drawn.back().ready = ready;
        if (threadCulprit)
            note(QStringLiteral("culprit"), doing, tbox, true, {}, QStringLiteral("culprit/thread/%1").arg(thread->tid));
        y += w.height + 6;
    }
    if (!served.empty()) {
        const QRect objects(box.left() + 10, y, box.width() - 20, lineHeight * (1 + static_cast<int>(served.size())));
        p.setPen(QPen(QColor(0x05, 0x96, 0x69), 1.5));
        p.setBrush(QColor(0xec, 0xfd, 0xf5));
        p.drawRoundedRect(objects, 6, 6);
        p.setPen(kInk);
        paintText(p, objects.adjusted(8, 2, -8, 0), Qt::AlignLeft | Qt::AlignTop, tr("shared objects:"));
        int row = objects.top() + lineHeight;
        for (const QString &contents : served) {
            const QRect line(objects.left() + 8, row, objects.width() - 16, lineHeight);
            paintText(p, line, Qt::AlignVCenter | Qt::AlignLeft, fm.elidedText(contents, Qt::ElideRight, line.width()));
            note(QStringLiteral("manager"), contents, line);
            row += lineHeight;
        }
        note(QStringLiteral("manager-box"), process.name, objects, false, {}, QStringLiteral("manager"));
    }
    return box.height();
}

int StageView::paintQueue(QPainter &p, quint64 id, const engine::QueueInfo &queue, QRect box)
{
    const QFontMetrics fm(p.font());
    const int lineHeight = fm.height() + 6;
    int buffered = 0;
    for (const auto &[pid, items] : queue.buffers)
        buffered += items.empty() ? 0 : 1;
    box.setHeight(lineHeight * (4 + buffered + static_cast<int>(queue.feederHolds.size())) + 16);
    p.setPen(QPen(kMuted, 1.5, Qt::DashLine));
    p.setBrush(QColor(0xfa, 0xfa, 0xfa));
    p.drawRoundedRect(box, 8, 8);
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(kInk);
    // As the lesson wrote it: "q = Queue(maxsize=3)"; without a name, "Queue #2 (maxsize=3)".
    const QString name = m_state->objectName(id);
    const QString bound = queue.maxsize > 0 ? QStringLiteral("(maxsize=%1)").arg(queue.maxsize) : QString();
    const QString title = !name.isEmpty() ? QStringLiteral("%1 = %2(%3)").arg(name, queue.kind, bound.mid(1, bound.size() - 2))
                                          : QStringLiteral("%1 %2").arg(m_state->objectLabel(id), bound).trimmed();
    paintText(p, box.adjusted(10, 6, -10, 0), Qt::AlignLeft | Qt::AlignTop, title);
    p.setFont(font());
    note(QStringLiteral("queue"), title, box, false, {}, QStringLiteral("queue/%1").arg(id));
    int y = box.top() + 6 + lineHeight;

    // The bounded semaphore: one box per slot, filled when taken.
    auto semaphore = m_state->syncs().find(queue.slotSemaphore);
    if (queue.slotSemaphore && semaphore != m_state->syncs().end() && queue.maxsize > 0 && queue.maxsize <= 32) {
        p.setPen(kMuted);
        paintText(p, QRect(box.left() + 10, y, 120, lineHeight), Qt::AlignVCenter, tr("semaphore"));
        const qint64 taken = queue.maxsize - semaphore->second.value;
        for (qint64 i = 0; i < queue.maxsize; ++i) {
            const QRect slot(box.left() + 130 + static_cast<int>(i) * 30, y + 2, 24, lineHeight - 4);
            const bool full = i < taken;
            p.setPen(QPen(full ? kBlocked : kMuted, 1.5));
            p.setBrush(full ? QColor(0xfe, 0xe2, 0xe2) : Qt::white);
            p.drawRoundedRect(slot, 4, 4);
            if (full) {
                p.setBrush(kBlocked);
                p.drawEllipse(slot.center(), 4, 4);
            }
            note(QStringLiteral("slot"), QString::number(i), slot, full);
        }
        p.setPen(semaphore->second.value == 0 ? kBlocked : kInk);
        paintText(p, QRect(box.left() + 140 + static_cast<int>(queue.maxsize) * 30, y, 140, lineHeight), Qt::AlignVCenter,
            tr("%1 of %2 free").arg(semaphore->second.value).arg(queue.maxsize));
        note(QStringLiteral("slots"), tr("semaphore"), QRect(box.left() + 4, y, 126 + static_cast<int>(queue.maxsize) * 30, lineHeight),
            semaphore->second.value == 0, {}, QStringLiteral("slots/%1").arg(id));
        y += lineHeight;
    } else if (queue.slotSemaphore && semaphore != m_state->syncs().end()) {
        p.setPen(kMuted);
        paintText(p, QRect(box.left() + 10, y, box.width() - 20, lineHeight), Qt::AlignVCenter,
            queue.maxsize <= 0 ? tr("unbounded: put() never waits for a slot")
                               : tr("semaphore: %n slot(s) free", nullptr, static_cast<int>(semaphore->second.value)));
        note(QStringLiteral("slots"), tr("semaphore"), QRect(box.left() + 4, y, box.width() - 8, lineHeight), false, {}, QStringLiteral("slots/%1").arg(id));
        y += lineHeight;
    } else {
        y += lineHeight;
    }
    // The locks and their owners.
    auto owner = [this](quint64 lockId) {
        auto it = m_state->syncs().find(lockId);
        if (it == m_state->syncs().end() || it->second.value > 0 || !it->second.ownerPid)
            return tr("free");
        auto proc = m_state->processes().find(it->second.ownerPid);
        return tr("held by %1").arg(proc != m_state->processes().end() ? proc->second.name : QString::number(it->second.ownerPid));
    };
    p.setPen(kMuted);
    paintText(p, QRect(box.left() + 10, y, box.width() - 20, lineHeight), Qt::AlignVCenter,
        tr("write lock: %1    read lock: %2").arg(owner(queue.writeLock), owner(queue.readLock)));
    y += lineHeight;
    // The pipe, with its messages.
    const QRect tube(box.left() + 10, y + 2, box.width() - 20, lineHeight - 2);
    p.setPen(QPen(kMuted, 1.5));
    p.setBrush(QColor(0xef, 0xf6, 0xff));
    p.drawRoundedRect(tube, tube.height() / 2, tube.height() / 2);
    const QString queueSummary = tr("pipe: %n message(s), %1", nullptr, queue.messagesInPipe).arg(pipeFill(queue.bytesInPipe));
    paintPills(p, tube, queue.inPipe, fm.horizontalAdvance(queueSummary) + 24);
    p.setPen(kInk);
    paintText(p, tube.adjusted(0, 0, -12, 0), Qt::AlignRight | Qt::AlignVCenter, queueSummary);
    note(QStringLiteral("pipe"), QStringLiteral("queue %1").arg(id), tube, false, {}, QStringLiteral("queue-pipe/%1").arg(id));
    y += lineHeight;
    // Each putting process's buffer, waiting for its feeder thread.
    for (const auto &[pid, items] : queue.buffers) {
        if (items.empty())
            continue;
        auto proc = m_state->processes().find(pid);
        const QString who = proc != m_state->processes().end() ? proc->second.name : QString::number(pid);
        p.setPen(m_colours.colourFor(pid));
        const QString label = tr("buffer in %1:").arg(who);
        paintText(p, QRect(box.left() + 10, y, 170, lineHeight), Qt::AlignVCenter, label);
        note(QStringLiteral("buffer"), label, QRect(box.left() + 10, y, box.width() - 20, lineHeight), false, {},
            QStringLiteral("queue-buffer/%1/%2").arg(id).arg(pid));
        int x = box.left() + 180;
        for (const QString &item : items) {
            const int w = fm.horizontalAdvance(item) + 12;
            if (x + w > box.right() - 10)
                break;
            const QRect chip(x, y + 2, w, lineHeight - 4);
            p.setPen(kFeeder);
            p.setBrush(QColor(0xf5, 0xf3, 0xff));
            p.drawRoundedRect(chip, 4, 4);
            paintText(p, chip, Qt::AlignCenter, item);
            note(QStringLiteral("buffer-item"), item, chip);
            x += w + 4;
        }
        y += lineHeight;
    }
    // The item a feeder took out of the buffer and has not yet written into the pipe.
    for (const auto &[pid, item] : queue.feederHolds) {
        p.setPen(kFeeder);
        const QString label = tr("%1's feeder holds:").arg(holders({ pid }));
        paintText(p, QRect(box.left() + 10, y, 170, lineHeight), Qt::AlignVCenter, fm.elidedText(label, Qt::ElideRight, 166));
        const QString shown = fm.elidedText(item, Qt::ElideRight, box.width() - 200);
        const QRect chip(box.left() + 180, y + 2, fm.horizontalAdvance(shown) + 12, lineHeight - 4);
        p.setBrush(QColor(0xed, 0xe9, 0xfe));
        p.setPen(QPen(kFeeder, 1.5));
        p.drawRoundedRect(chip, 4, 4);
        paintText(p, chip, Qt::AlignCenter, shown);
        note(QStringLiteral("feeder-item"), item, chip, false, {}, QStringLiteral("feeder-item/%1/%2").arg(id).arg(pid));
        y += lineHeight;
    }
    return box.height();
}

QString StageView::pipeFill(qint64 bytes) const
{
    // A pipe's kernel buffer against its capacity: "22 B of 64 KiB".
    return tr("%1 B of %2 KiB").arg(bytes).arg(engine::kPipeCapacity / 1024);
}

void StageView::paintPills(QPainter &p, const QRect &tube, const std::deque<engine::InFlight> &messages, int reserved)
{
    // Oldest first, at the reading end (the left), as the mock draws them: 'a' 22 B.
    const QFontMetrics fm(p.font());
    int x = tube.left() + 10;
    const int limit = tube.right() - reserved;
    int shown = 0;
    for (const engine::InFlight &m : messages) {
        const QString value = fm.elidedText(m.value.isEmpty() ? tr("message") : m.value, Qt::ElideRight, 110);
        const QString text = tr("%1 %2 B").arg(value).arg(m.bytes);
        const int w = fm.horizontalAdvance(text) + 14;
        if (x + w > limit) {
            const QString more = tr("+%1").arg(static_cast<int>(messages.size()) - shown);
            p.setPen(kInk);
            paintText(p, QRect(x, tube.top(), fm.horizontalAdvance(more) + 6, tube.height()), Qt::AlignVCenter | Qt::AlignLeft, more);
            break;
        }
        const QRect pill(x, tube.top() + 2, w, tube.height() - 4);
        p.setPen(QPen(QColor(0x1d, 0x4e, 0xd8), 1));
        p.setBrush(QColor(0xbf, 0xdb, 0xfe));
        p.drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        p.setPen(QColor(0x1e, 0x3a, 0x8a));
        paintText(p, pill, Qt::AlignCenter, text);
        note(QStringLiteral("message"), text, pill);
        x += w + 4;
        ++shown;
    }
}

int StageView::paintPipe(QPainter &p, const engine::PipeEnd &a, const engine::PipeEnd &b, QRect box)
{
    const QFontMetrics fm(p.font());
    const int lineHeight = fm.height() + 6;
    box.setHeight(lineHeight * 3 + 12);
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(kInk);
    paintText(p, box.adjusted(4, 2, 0, 0), Qt::AlignLeft | Qt::AlignTop, a.duplex ? tr("Pipe (duplex)") : tr("Pipe (one way: first end reads)"));
    p.setFont(font());
    const QRect tube(box.left() + 4, box.top() + lineHeight + 4, box.width() - 8, lineHeight);
    const bool aOpen = !a.holders.empty(), bOpen = !b.holders.empty();
    p.setPen(QPen(kMuted, 1.5));
    p.setBrush(QColor(0xef, 0xf6, 0xff));
    p.drawRoundedRect(tube, tube.height() / 2, tube.height() / 2);
    const int inFlight = a.messagesInFlight + b.messagesInFlight;
    std::deque<engine::InFlight> messages(a.inFlight.begin(), a.inFlight.end());
    messages.insert(messages.end(), b.inFlight.begin(), b.inFlight.end());
    const QString summary = tr("%n message(s), %1", nullptr, inFlight).arg(pipeFill(a.bytesInFlight + b.bytesInFlight));
    paintPills(p, tube, messages, fm.horizontalAdvance(summary) + 24);
    p.setPen(kInk);
    paintText(p, tube.adjusted(0, 0, -12, 0), Qt::AlignRight | Qt::AlignVCenter, summary);
    note(QStringLiteral("pipe"), QStringLiteral("pipe"), tube, !aOpen || !bOpen, {}, QStringLiteral("tube/%1").arg(a.id));
    note(QStringLiteral("pipe-end"), QStringLiteral("pipe"), tube, false, {}, QStringLiteral("tube/%1").arg(b.id));
    const QString first = endLabel(a.id, tr("end 1")) + QStringLiteral(": ") + holders(a.holders);
    const QString second = endLabel(b.id, tr("end 2")) + QStringLiteral(": ") + holders(b.holders);
    const int half = box.width() / 2 - 8;
    const int wrap = Qt::TextWordWrap;
    if (fm.horizontalAdvance(first) <= half && fm.horizontalAdvance(second) <= half) {
        p.setPen(aOpen ? kMuted : kBlocked);
        paintText(p, QRect(box.left() + 4, tube.bottom() + 2, box.width() / 2, lineHeight), Qt::AlignLeft | Qt::AlignVCenter, first);
        p.setPen(bOpen ? kMuted : kBlocked);
        paintText(p, QRect(box.left() + box.width() / 2, tube.bottom() + 2, box.width() / 2 - 4, lineHeight), Qt::AlignRight | Qt::AlignVCenter, second);
        return box.height();
    }
    // Too long side by side: one end under the other, each wrapped, so every holder is named.
    const int width = box.width() - 8;
    const int firstHeight = wrappedHeight(fm, first, width), secondHeight = wrappedHeight(fm, second, width);
    p.setPen(aOpen ? kMuted : kBlocked);
    paintText(p, QRect(box.left() + 4, tube.bottom() + 4, width, firstHeight), Qt::AlignLeft | Qt::AlignTop | wrap, first);
    p.setPen(bOpen ? kMuted : kBlocked);
    paintText(p, QRect(box.left() + 4, tube.bottom() + 6 + firstHeight, width, secondHeight), Qt::AlignLeft | Qt::AlignTop | wrap, second);
    return tube.bottom() + 10 + firstHeight + secondHeight - box.top();
}

int StageView::paintLock(QPainter &p, quint64 id, const engine::SyncInfo &lock, QRect box)
{
    const QFontMetrics fm(p.font());
    box.setHeight(fm.height() + 12);
    const bool held = lock.value <= 0;
    p.setPen(QPen(held ? kBlocked : kMuted, 1.5));
    p.setBrush(held ? QColor(0xfe, 0xf2, 0xf2) : Qt::white);
    p.drawRoundedRect(box, 6, 6);
    // "lock = Lock(): held by Process-1"; without a name, "Lock #1: free".
    const QString name = m_state->objectName(id);
    const QString label = name.isEmpty() ? m_state->objectLabel(id) : QStringLiteral("%1 = %2()").arg(name, lock.kind);
    QString text;
    if (lock.kind == QLatin1String("Lock") || lock.kind == QLatin1String("RLock")) {
        auto proc = m_state->processes().find(lock.ownerPid);
        text = held ? tr("%1: held by %2").arg(label, proc != m_state->processes().end() ? proc->second.name : QString::number(lock.ownerPid))
                    : tr("%1: free").arg(label);
    } else if (lock.kind == QLatin1String("Event")) {
        text = lock.value > 0 ? tr("%1: set").arg(label) : tr("%1: not set").arg(label);
    } else {
        text = tr("%1: value %2").arg(label).arg(lock.value);
    }
    p.setPen(kInk);
    paintText(p, box.adjusted(10, 0, -10, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    note(QStringLiteral("lock"), text, box, held, {}, QStringLiteral("lock/%1").arg(id));
    return box.height();
}

const DrawnElement *StageView::elementAt(QPoint at) const
{
    const QPoint logical = (QPointF(at) / m_scale).toPoint();
    const DrawnElement *hit = nullptr;
    for (const DrawnElement &d : m_drawn)
        if (!d.id.isEmpty() && d.rect.contains(logical) && (!hit || d.rect.width() * d.rect.height() < hit->rect.width() * hit->rect.height()))
            hit = &d;
    return hit;
}

QMenu *StageView::contextMenuFor(const DrawnElement *element)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (element) {
        // What the box says, for a slide or a question to the class.
        const QString words = element->label.isEmpty() ? element->id : element->label;
        menu->addAction(tr("Copy “%1”").arg(QFontMetrics(menu->font()).elidedText(words, Qt::ElideRight, 320)), this,
            [words] { QGuiApplication::clipboard()->setText(words); });
        const QString id = element->id;
        menu->addAction(tr("Follow it in the timeline (Ctrl+← / Ctrl+→)"), this, [this, id] { emit elementClicked(id); });
        menu->addSeparator();
    }
    menu->addAction(tr("Export the stage…"), this, &StageView::exportRequested);
    return menu;
}

void StageView::contextMenuEvent(QContextMenuEvent *e)
{
    contextMenuFor(elementAt(e->pos()))->popup(e->globalPos());
}

} // namespace ipclab::ui
