#include "stage_view.h"

#include "operation_words.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
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

void StageView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paintStage(p, rect());
    if (m_contentBottom > height())
        setMinimumHeight(m_contentBottom); // many processes: grow, and let the scroll area scroll
}

void StageView::setStepKeys(std::map<int, int> keys)
{
    m_stepKeys = std::move(keys);
    update();
}

void StageView::mouseReleaseEvent(QMouseEvent *e)
{
    for (const DrawnElement &d : m_drawn)
        if (d.kind == QLatin1String("thread") && d.rect.contains(e->position().toPoint()) && d.id.startsWith(QLatin1String("thread/"))) {
            emit threadClicked(d.id.mid(7).toInt());
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
            if (rect.contains(help->pos())) {
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

void StageView::paintText(QPainter &p, const QRectF &rect, int flags, const QString &text)
{
    m_paintedTexts.append(text);
    p.drawText(rect, flags, text);
}

void StageView::paintStage(QPainter &p, const QRect &area)
{
    m_paintedTexts.clear();
    m_drawn.clear();
    m_tips.clear();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(area, Qt::white);
    if (!m_state || m_state->processes().empty()) {
        p.setPen(kMuted);
        paintText(p, area, Qt::AlignCenter, tr("Press Run to run the scenario; its processes, pipes and queues appear here."));
        return;
    }
    const int margin = 12;
    const int columnWidth = (area.width() - 3 * margin) / 2;
    // Left: the processes. Right: the IPC objects between them.
    int y = area.top() + margin;
    for (const auto &[pid, process] : m_state->processes())
        y += paintProcess(p, process, QRect(area.left() + margin, y, columnWidth, 0)) + margin;
    int ry = area.top() + margin;
    const int rx = area.left() + 2 * margin + columnWidth;
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
    paintMovingMessage(p);
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

void StageView::animateEvent(const engine::TraceEvent &e)
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
        return;
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
    const int threadHeight = 2 * lineHeight + 8;
    // A Manager's server shows what it serves: the shared objects, as the server last saw them.
    std::vector<QString> served;
    if (process.role == QLatin1String("manager"))
        for (const auto &[key, contents] : m_state->managedObjects())
            if (key.first == process.pid)
                served.push_back(contents);
    box.setHeight(lineHeight * 2 + 12 + static_cast<int>(threads.size()) * (threadHeight + 6) + static_cast<int>(served.size()) * lineHeight
        + (served.empty() ? 0 : lineHeight + 6));
    p.setPen(QPen(colour, process.gone ? 1 : 2, process.gone ? Qt::DashLine : Qt::SolidLine));
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
    } else if (!process.role.isEmpty()) {
        status = tr("Manager server");
    } else {
        status = tr("running");
    }
    p.setPen(kMuted);
    paintText(p, box.adjusted(10, 6 + lineHeight, -10, 0), Qt::AlignLeft | Qt::AlignTop, status);
    note(QStringLiteral("process"), process.name, box, process.gone);

    int y = box.top() + 2 * lineHeight + 8;
    for (const engine::ThreadInfo *thread : threads) {
        const QRect tbox(box.left() + 10, y, box.width() - 20, threadHeight);
        const engine::OpenCall *inner = thread->calls.empty() ? nullptr : &thread->calls.back();
        const bool feeder = thread->name == QLatin1String("QueueFeederThread");
        const bool ready = thread->gate.has_value();
        const bool blocked = !ready && inner && isWaiting(inner->op);
        const QColor border = blocked ? kBlocked : ready ? kReady : feeder ? kFeeder : colour.lighter(140);
        p.setPen(QPen(border, blocked || ready ? 2 : 1));
        p.setBrush(blocked ? QColor(0xfe, 0xf2, 0xf2) : ready ? QColor(0xec, 0xfd, 0xf5) : Qt::white);
        p.drawRoundedRect(tbox, 6, 6);
        p.setPen(feeder ? kFeeder : kInk);
        QString name = thread->name.isEmpty() ? tr("thread %1").arg(thread->tid) : thread->name;
        auto key = m_stepKeys.find(thread->tid);
        if (ready && key != m_stepKeys.end())
            name = tr("[%1] %2 — can take a step (key %1 or click)").arg(key->second).arg(name);
        else if (ready)
            name = tr("%1 — can take a step (click)").arg(name);
        paintText(p, tbox.adjusted(8, 4, -8, 0), Qt::AlignLeft | Qt::AlignTop, fm.elidedText(name, Qt::ElideRight, tbox.width() - 16));
        QString doing;
        const int line = inner ? inner->line : 0;
        if (ready)
            doing = gateText(*thread->gate);
        else if (inner)
            doing = blocked ? tr("blocked in %1").arg(callText(*inner, *m_state)) : tr("in %1").arg(callText(*inner, *m_state));
        else
            doing = tr("running");
        if (!ready && line > 0 && m_sourceLines && line <= m_sourceLines->size())
            doing = tr("line %1: %2 — %3").arg(line).arg(m_sourceLines->at(line - 1).trimmed(), doing);
        p.setPen(blocked ? kBlocked : ready ? kReady.darker(130) : kMuted);
        paintText(p, tbox.adjusted(8, 4 + lineHeight, -8, 0), Qt::AlignLeft | Qt::AlignTop, fm.elidedText(doing, Qt::ElideRight, tbox.width() - 16));
        note(QStringLiteral("thread"), thread->name, tbox, blocked, blocked ? doing : QString(), QStringLiteral("thread/%1").arg(thread->tid));
        m_drawn.back().ready = ready;
        y += threadHeight + 6;
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
    box.setHeight(lineHeight * (4 + buffered) + 16);
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
        y += lineHeight;
    } else if (queue.slotSemaphore && semaphore != m_state->syncs().end()) {
        p.setPen(kMuted);
        paintText(p, QRect(box.left() + 10, y, box.width() - 20, lineHeight), Qt::AlignVCenter,
            queue.maxsize <= 0 ? tr("unbounded: put() never waits for a slot")
                               : tr("semaphore: %n slot(s) free", nullptr, static_cast<int>(semaphore->second.value)));
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
    for (int i = 0; i < std::min(queue.messagesInPipe, 12); ++i) {
        const QRect message(tube.left() + 10 + i * 26, tube.top() + 3, 20, tube.height() - 6);
        p.setBrush(QColor(0x93, 0xc5, 0xfd));
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(message, 4, 4);
        note(QStringLiteral("message"), QString::number(i), message);
    }
    p.setPen(kInk);
    paintText(p, tube.adjusted(0, 0, -12, 0), Qt::AlignRight | Qt::AlignVCenter,
        tr("pipe: %n message(s), %1 bytes", nullptr, queue.messagesInPipe).arg(queue.bytesInPipe));
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
    return box.height();
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
    for (int i = 0; i < std::min(inFlight, 12); ++i) {
        const QRect message(tube.left() + 18 + i * 26, tube.top() + 3, 20, tube.height() - 6);
        p.setBrush(QColor(0x93, 0xc5, 0xfd));
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(message, 4, 4);
        note(QStringLiteral("message"), QString::number(i), message);
    }
    p.setPen(kInk);
    paintText(p, tube.adjusted(0, 0, -12, 0), Qt::AlignRight | Qt::AlignVCenter,
        tr("%n message(s), %1 bytes in flight", nullptr, inFlight).arg(a.bytesInFlight + b.bytesInFlight));
    note(QStringLiteral("pipe"), QStringLiteral("pipe"), tube, !aOpen || !bOpen, {}, QStringLiteral("tube/%1").arg(a.id));
    note(QStringLiteral("pipe-end"), QStringLiteral("pipe"), tube, false, {}, QStringLiteral("tube/%1").arg(b.id));
    p.setPen(aOpen ? kMuted : kBlocked);
    paintText(p, QRect(box.left() + 4, tube.bottom() + 2, box.width() / 2, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(endLabel(a.id, tr("end 1")) + QStringLiteral(": ") + holders(a.holders), Qt::ElideRight, box.width() / 2 - 8));
    p.setPen(bOpen ? kMuted : kBlocked);
    paintText(p, QRect(box.left() + box.width() / 2, tube.bottom() + 2, box.width() / 2 - 4, lineHeight), Qt::AlignRight | Qt::AlignVCenter,
        fm.elidedText(endLabel(b.id, tr("end 2")) + QStringLiteral(": ") + holders(b.holders), Qt::ElideRight, box.width() / 2 - 8));
    return box.height();
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
    note(QStringLiteral("lock"), text, box, held);
    return box.height();
}

} // namespace ipclab::ui
