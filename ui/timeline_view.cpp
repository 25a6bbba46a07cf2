#include "timeline_view.h"

#include "message_paths.h"
#include "operation_words.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

namespace ipclab::ui {

namespace {

// Shaded on the timeline: calls that may wait for another thread or process, and helpers
// idle until work comes (the vocabulary's one classification, core/trace/protocol.h).
bool isBlocking(const QString &op)
{
    return engine::blockingOf(op) != trace::Blocking::Neither;
}

} // namespace

TimelineView::TimelineView(ProcessColours &colours, QWidget *parent)
    : QWidget(parent)
    , m_colours(colours)
{
    setMinimumHeight(120);
    setMouseTracking(false);
}

void TimelineView::setModel(const engine::TraceModel *model)
{
    m_model = model;
    m_lanes.clear();
    m_spans.clear();
    m_arrows.clear();
    if (!model || model->size() == 0) {
        update();
        return;
    }
    // Spans say the call as the lesson wrote it ("q.put()"): the names are the run's, known by its end.
    const engine::RunWatch named = model->stateAfter(model->size());
    std::map<int, int> laneOfTid;
    std::map<int, QString> processNames;
    std::map<int, std::vector<std::pair<int, const engine::TraceEvent *>>> open; // tid -> (span index, begin)
    std::vector<int> laneOfEvent(static_cast<std::size_t>(model->size()), -1);
    auto laneFor = [&](const engine::TraceEvent &e) {
        auto it = laneOfTid.find(e.tid);
        if (it != laneOfTid.end())
            return it->second;
        m_lanes.push_back({ e.pid, e.tid, QString() });
        return laneOfTid[e.tid] = static_cast<int>(m_lanes.size()) - 1;
    };
    for (int index = 0; index < model->size(); ++index) {
        const engine::TraceEvent &e = model->event(index);
        if (e.pid <= 0 || e.op == QLatin1String("stmt"))
            continue;
        const int lane = laneFor(e);
        laneOfEvent[static_cast<std::size_t>(index)] = lane;
        if (e.op == QLatin1String("process.run")) {
            processNames[e.pid] = e.text("name");
            m_colours.learn(e.pid, e.text("name"));
            m_lanes[static_cast<std::size_t>(lane)].label = e.text("name") + QStringLiteral(" · ") + e.text("thread");
        } else if (e.op == QLatin1String("thread.start")) {
            m_lanes[static_cast<std::size_t>(lane)].label = processNames[e.pid] + QStringLiteral(" · ") + e.text("name");
        }
        if (e.op == QLatin1String("gate"))
            continue; // a live run's wait for the user: the lane exists, no call to draw
        if (e.ph == 'B') {
            m_spans.push_back({ lane, index, -1, e.op, named.callOn(e.op, e.obj), isBlocking(e.op), false });
            open[e.tid].emplace_back(static_cast<int>(m_spans.size()) - 1, &e);
        } else if (e.closes()) {
            auto &stack = open[e.tid];
            for (auto it = stack.rbegin(); it != stack.rend(); ++it)
                if (m_spans[static_cast<std::size_t>(it->first)].op == e.op) {
                    m_spans[static_cast<std::size_t>(it->first)].end = index + 1;
                    m_spans[static_cast<std::size_t>(it->first)].failed = e.ph == 'F';
                    stack.erase(std::next(it).base(), stack.end());
                    break;
                }
        }
    }
    for (const engine::MessagePath &path : engine::messagePaths(model->events()))
        if (path.received >= 0 && laneOfEvent[static_cast<std::size_t>(path.sent)] >= 0 && laneOfEvent[static_cast<std::size_t>(path.received)] >= 0)
            m_arrows.push_back(
                { laneOfEvent[static_cast<std::size_t>(path.sent)], laneOfEvent[static_cast<std::size_t>(path.received)], path.sent, path.received });
    m_start = 0;
    m_end = model->size();
    bool anyNeverEnds = false;
    for (Span &s : m_spans)
        if (s.end < 0) {
            s.end = m_end; // the run ended inside the call
            s.neverEnds = m_hung && s.blocking;
            anyNeverEnds |= s.neverEnds;
        }
    if (anyNeverEnds) {
        // Room past the last event for the waits that never end to run off the edge.
        m_end += std::max<qint64>(10, model->size() / 4);
        for (Span &s : m_spans)
            if (s.neverEnds)
                s.end = m_end;
    }
    for (Lane &lane : m_lanes)
        if (lane.label.isEmpty())
            lane.label = QStringLiteral("%1 · %2").arg(processNames[lane.pid]).arg(lane.tid);
    m_viewStart = m_start;
    m_viewEnd = m_end;
    // Room for a few lanes; more lanes share the height the window gives (laneHeight()).
    setMinimumHeight(static_cast<int>(std::min<std::size_t>(m_lanes.size(), 6)) * (fontMetrics().height() + 2) + 2 * fontMetrics().height() + 20);
    update();
}

void TimelineView::setPosition(int position)
{
    m_position = position;
    update();
}

QRect TimelineView::plotArea(const QRect &area) const
{
    return area.adjusted(labelWidth(area.width()), 6, -12, -2 * QFontMetrics(font()).height() - 10); // room for the two axes
}

int TimelineView::laneHeight(const QRect &plot) const
{
    // A lane is a line of text with air around it; many lanes share what the plot has, down to
    // the text's own height.
    const int text = QFontMetrics(font()).height();
    const int lanes = std::max<int>(1, static_cast<int>(m_lanes.size()));
    return std::clamp(plot.height() / lanes, text + 2, std::max(28, text + 12));
}

double TimelineView::xFor(qint64 t, const QRect &plot) const
{
    return plot.left() + static_cast<double>(t - m_viewStart) / static_cast<double>(std::max<qint64>(1, m_viewEnd - m_viewStart)) * plot.width();
}

qint64 TimelineView::timeAt(double x, const QRect &plot) const
{
    return m_viewStart + static_cast<qint64>((x - plot.left()) / std::max(1, plot.width()) * static_cast<double>(m_viewEnd - m_viewStart));
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paintTimeline(p, rect());
}

void TimelineView::paintText(QPainter &p, const QRectF &rect, int flags, const QString &text)
{
    m_paintedTexts.append(text);
    p.drawText(rect, flags, text);
}

void TimelineView::paintTimeline(QPainter &p, const QRect &area)
{
    m_paintedTexts.clear();
    p.fillRect(area, Qt::white);
    p.setRenderHint(QPainter::Antialiasing);
    if (m_lanes.empty()) {
        p.setPen(QColor(0x6b, 0x72, 0x80));
        paintText(p, area, Qt::AlignCenter, tr("The timeline of the run appears here: a lane per thread."));
        return;
    }
    const QRect plot = plotArea(area);
    const QFontMetrics fm(p.font());
    const int rowHeight = laneHeight(plot);
    // More lanes than the height holds even at their smallest: the lanes below are cut at the
    // axes (their names are in the tooltip, and the window can give the timeline more height).
    p.save();
    p.setClipRect(QRect(area.left(), area.top(), area.width(), plot.bottom() - area.top() + 1));
    for (std::size_t i = 0; i < m_lanes.size(); ++i) {
        const int y = plot.top() + static_cast<int>(i) * rowHeight;
        const QColor colour = m_colours.colourFor(m_lanes[i].pid);
        p.fillRect(QRect(area.left(), y, 4, rowHeight - 4), colour);
        p.setPen(QColor(0x1f, 0x29, 0x37));
        paintText(p, QRect(area.left() + 10, y, labelWidth(area.width()) - 16, rowHeight - 4), Qt::AlignVCenter,
            fm.elidedText(m_lanes[i].label, Qt::ElideRight, labelWidth(area.width()) - 16));
        p.setPen(QColor(0xe5, 0xe7, 0xeb));
        p.drawLine(plot.left(), y + rowHeight - 2, plot.right(), y + rowHeight - 2);
    }
    p.save();
    p.setClipRect(plot.adjusted(0, 0, 0, 18), Qt::IntersectClip);
    // Level of detail: a span narrower than a few pixels is not drawn on its own; it marks the
    // pixel columns it covers in its lane, and each lane's marks become thin bars. A trace of a
    // million events then paints in a few milliseconds at any zoom.
    const int width = std::max(1, plot.width());
    std::vector<std::vector<std::uint8_t>> covered(m_lanes.size()); // 0 none, 1 call, 2 blocking call
    for (const Span &s : m_spans) {
        if (s.end < m_viewStart || s.begin > m_viewEnd)
            continue;
        const double x1 = xFor(s.begin, plot), x2 = std::max(xFor(s.end, plot), x1 + 1);
        const QColor colour = m_colours.colourFor(m_lanes[static_cast<std::size_t>(s.lane)].pid);
        if (x2 - x1 < 4) {
            auto &columns = covered[static_cast<std::size_t>(s.lane)];
            if (columns.empty())
                columns.assign(static_cast<std::size_t>(width), 0);
            for (int x = std::max(0, static_cast<int>(x1) - plot.left()); x <= std::min(width - 1, static_cast<int>(x2) - plot.left()); ++x)
                columns[static_cast<std::size_t>(x)] = std::max<std::uint8_t>(columns[static_cast<std::size_t>(x)], s.blocking ? 2 : 1);
            continue;
        }
        const int y = plot.top() + s.lane * rowHeight + 4;
        const QRectF r(x1, y, x2 - x1, rowHeight - 10);
        p.setPen(s.failed || s.neverEnds ? QColor(0xdc, 0x26, 0x26) : colour);
        p.setBrush(s.blocking ? QColor(0xfe, 0xe2, 0xe2) : colour.lighter(185));
        p.drawRect(r);
        if (s.neverEnds) {
            // Hatched, and past the right edge: this call never returns.
            p.setBrush(QBrush(QColor(0xdc, 0x26, 0x26, 110), Qt::BDiagPattern));
            p.drawRect(r.adjusted(0, 0, 40, 0));
            const QString label = tr("%1 · forever →").arg(s.label);
            const QRectF at(std::max(r.left(), static_cast<double>(plot.left())), r.top(),
                std::min(r.right(), static_cast<double>(plot.right())) - std::max(r.left(), static_cast<double>(plot.left())), r.height());
            p.setPen(QColor(0x99, 0x1b, 0x1b));
            paintText(p, at.adjusted(4, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter,
                fm.elidedText(label, Qt::ElideLeft, std::max(20, static_cast<int>(at.width()) - 8)));
        } else if (r.width() > fm.horizontalAdvance(s.label) + 6 && r.height() >= fm.height() - 4) { // squeezed lanes: no room for words
            p.setPen(QColor(0x1f, 0x29, 0x37));
            paintText(p, r, Qt::AlignCenter, s.label);
        }
    }
    for (std::size_t lane = 0; lane < covered.size(); ++lane) {
        if (covered[lane].empty())
            continue;
        const QColor colour = m_colours.colourFor(m_lanes[lane].pid);
        const int y = plot.top() + static_cast<int>(lane) * rowHeight + 4;
        for (int x = 0; x < width; ++x)
            if (const std::uint8_t c = covered[lane][static_cast<std::size_t>(x)])
                p.fillRect(QRect(plot.left() + x, y, 1, rowHeight - 10), c == 2 ? QColor(0xfc, 0xa5, 0xa5) : colour.lighter(150));
    }
    // Arrows only where they can be told apart (zoom in to see every message).
    std::size_t visibleArrows = 0;
    for (const Arrow &a : m_arrows)
        visibleArrows += a.to >= m_viewStart && a.from <= m_viewEnd;
    p.setPen(QPen(QColor(0x47, 0x55, 0x69), 1));
    if (visibleArrows <= static_cast<std::size_t>(width) / 4)
        for (const Arrow &a : m_arrows) {
            if (a.to < m_viewStart || a.from > m_viewEnd)
                continue;
            const QPointF from(xFor(a.from, plot), plot.top() + a.fromLane * rowHeight + rowHeight / 2.0);
            const QPointF to(xFor(a.to, plot), plot.top() + a.toLane * rowHeight + rowHeight / 2.0);
            p.drawLine(from, to);
            const QPointF d = to - from;
            const double len = std::max(1.0, std::hypot(d.x(), d.y()));
            const QPointF u = d / len, n(-u.y(), u.x());
            QPolygonF head;
            head << to << to - u * 7 + n * 3.5 << to - u * 7 - n * 3.5;
            p.setBrush(QColor(0x47, 0x55, 0x69));
            p.drawPolygon(head);
        }
    // The playhead: the time of the last event played.
    if (m_model && m_position > 0 && m_position <= m_model->size()) {
        const double x = xFor(m_position, plot);
        p.setPen(QPen(Qt::black, 2));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom() + 12));
    }
    p.restore();
    p.restore();
    paintAxes(p, plot);
}

int TimelineView::foreverCount() const
{
    return static_cast<int>(std::count_if(m_spans.begin(), m_spans.end(), [](const Span &s) { return s.neverEnds; }));
}

namespace {

// A step of 1, 2 or 5 times a power of ten that puts about `ticks` ticks across `range`.
double niceStep(double range, int ticks)
{
    const double raw = range / std::max(1, ticks);
    const double power = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-12))));
    for (const double m : { 1.0, 2.0, 5.0, 10.0 })
        if (m * power >= raw)
            return m * power;
    return 10.0 * power;
}

QString timeLabel(double ns)
{
    if (ns < 1e3)
        return QStringLiteral("%1 ns").arg(ns, 0, 'g', 3);
    if (ns < 1e6)
        return QStringLiteral("%1 µs").arg(ns / 1e3, 0, 'g', 4);
    if (ns < 1e9)
        return QStringLiteral("%1 ms").arg(ns / 1e6, 0, 'g', 4);
    return QStringLiteral("%1 s").arg(ns / 1e9, 0, 'g', 4);
}

} // namespace

void TimelineView::paintAxes(QPainter &p, const QRect &plot)
{
    // Two axes under the lanes: the order of events (how the timeline is laid out), and the
    // real time those events happened at, which runs unevenly along it.
    if (!m_model || m_model->size() == 0)
        return;
    const QFontMetrics fm(p.font());
    const int eventRow = plot.bottom() + 4, timeRow = eventRow + fm.height() + 2;
    const QColor muted(0x6b, 0x72, 0x80), ink(0x1f, 0x29, 0x37);
    p.setPen(muted);
    paintText(p, QRect(10, eventRow, plot.left() - 26, fm.height()), Qt::AlignVCenter | Qt::AlignLeft, tr("event"));
    paintText(p, QRect(10, timeRow, plot.left() - 26, fm.height()), Qt::AlignVCenter | Qt::AlignLeft, tr("time"));
    const int ticks = std::max(3, plot.width() / 80);
    const double eventStep = std::max(1.0, niceStep(static_cast<double>(m_viewEnd - m_viewStart), ticks));
    for (double at = std::ceil(static_cast<double>(std::max<qint64>(0, m_viewStart)) / eventStep) * eventStep;
         at <= static_cast<double>(std::min(m_viewEnd, static_cast<qint64>(m_model->size()))); at += eventStep) {
        const double x = xFor(static_cast<qint64>(at), plot);
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, eventRow + 2));
        paintText(p, QRectF(x + 2, eventRow, 80, fm.height()), Qt::AlignVCenter | Qt::AlignLeft, QString::number(static_cast<qint64>(at)));
    }
    // Time ticks: at round times, placed where the event happening at that time is drawn.
    const qint64 t0 = m_model->event(0).t;
    const int first = static_cast<int>(std::clamp<qint64>(m_viewStart, 0, m_model->size() - 1));
    const int last = static_cast<int>(std::clamp<qint64>(m_viewEnd, 0, m_model->size()) - 1);
    if (last <= first)
        return;
    const double from = static_cast<double>(m_model->event(first).t - t0), to = static_cast<double>(m_model->event(last).t - t0);
    const double step = niceStep(std::max(1.0, to - from), ticks);
    p.setPen(ink);
    double lastX = -1e9;
    for (double t = std::ceil(from / step) * step; t <= to; t += step) {
        const int index = m_model->indexAtTime(t0 + static_cast<qint64>(t));
        const double x = xFor(index, plot);
        const QString label = timeLabel(t);
        if (x - lastX < fm.horizontalAdvance(label) + 8)
            continue; // events bunched in time: skip ticks that would overlap
        lastX = x;
        p.drawLine(QPointF(x, timeRow), QPointF(x, timeRow + 4));
        paintText(p, QRectF(x + 2, timeRow, fm.horizontalAdvance(label) + 4, fm.height()), Qt::AlignVCenter | Qt::AlignLeft, label);
    }
}

bool TimelineView::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        // A lane's full name, when its label had to be shortened.
        auto *help = static_cast<QHelpEvent *>(e);
        const QRect plot = plotArea(rect());
        const int lane = (help->pos().y() - plot.top()) / laneHeight(plot);
        if (help->pos().x() < plot.left() && help->pos().y() >= plot.top() && lane >= 0 && lane < static_cast<int>(m_lanes.size()))
            QToolTip::showText(help->globalPos(), m_lanes[static_cast<std::size_t>(lane)].label, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void TimelineView::wheelEvent(QWheelEvent *e)
{
    const QRect plot = plotArea(rect());
    const qint64 anchor = timeAt(e->position().x(), plot);
    const double factor = e->angleDelta().y() > 0 ? 0.8 : 1.25;
    const qint64 span = std::max<qint64>(8, static_cast<qint64>(static_cast<double>(m_viewEnd - m_viewStart) * factor));
    const double share = static_cast<double>(anchor - m_viewStart) / std::max<qint64>(1, m_viewEnd - m_viewStart);
    m_viewStart = anchor - static_cast<qint64>(share * static_cast<double>(span));
    m_viewEnd = m_viewStart + span;
    update();
}

void TimelineView::mousePressEvent(QMouseEvent *e)
{
    m_pressAt = e->pos();
    m_pressViewStart = m_viewStart;
    m_dragged = false;
}

void TimelineView::mouseMoveEvent(QMouseEvent *e)
{
    if (!(e->buttons() & Qt::LeftButton))
        return;
    const int dx = e->pos().x() - m_pressAt.x();
    if (std::abs(dx) > 3)
        m_dragged = true;
    if (!m_dragged)
        return;
    const QRect plot = plotArea(rect());
    const qint64 span = m_viewEnd - m_viewStart;
    m_viewStart = m_pressViewStart - static_cast<qint64>(static_cast<double>(dx) / std::max(1, plot.width()) * static_cast<double>(span));
    m_viewEnd = m_viewStart + span;
    update();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *e)
{
    if (m_dragged || !m_model)
        return;
    const QRect plot = plotArea(rect());
    if (e->position().x() < plot.left()) {
        // A click on a lane's name: that thread (live: step it).
        const int lane = (static_cast<int>(e->position().y()) - plot.top()) / laneHeight(plot);
        if (lane >= 0 && lane < static_cast<int>(m_lanes.size()) && e->position().y() >= plot.top())
            emit laneClicked(m_lanes[static_cast<std::size_t>(lane)].tid);
        return;
    }
    // A click: every view goes to that moment.
    emit seekRequested(static_cast<int>(std::clamp<qint64>(timeAt(e->position().x() + 0.5, plotArea(rect())), 0, m_model->size())));
}

int TimelineView::labelWidth(int areaWidth) const
{
    const QFontMetrics fm(font());
    int widest = fm.horizontalAdvance(tr("event")) + 26;
    for (const Lane &lane : m_lanes)
        widest = std::max(widest, fm.horizontalAdvance(lane.label) + 26);
    return std::clamp(widest, 120, std::max(120, areaWidth / 3));
}

void TimelineView::zoomToFit()
{
    m_viewStart = m_start;
    m_viewEnd = m_end;
    update();
}

void TimelineView::contextMenuEvent(QContextMenuEvent *e)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *fit = menu->addAction(tr("Zoom to fit the whole run"), this, &TimelineView::zoomToFit);
    fit->setEnabled(zoomedIn());
    menu->addAction(tr("Export the timeline…"), this, &TimelineView::exportRequested);
    menu->popup(e->globalPos());
}

} // namespace ipclab::ui
