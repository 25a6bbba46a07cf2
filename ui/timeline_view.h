#pragma once
// The timeline: a lane per process thread, each call a span (blocking calls
// shaded), message arrows from send/put to recv/get, and a playhead. Wheel
// zooms, dragging pans, a click moves every view to that moment.

#include "process_colours.h"
#include "trace_model.h"

#include <QStringList>
#include <QWidget>

namespace ipclab::ui {

class TimelineView final : public QWidget {
    Q_OBJECT
public:
    /// Every text the last paint drew, in order: tests read what a student reads.
    const QStringList &paintedTexts() const { return m_paintedTexts; }
    explicit TimelineView(ProcessColours &colours, QWidget *parent = nullptr);
    /// Recomputes lanes, spans and arrows from the model (after a run).
    void setModel(const engine::TraceModel *model);
    /// The run was stopped as hung: the calls still open at its end never end. Set before setModel.
    void setHung(bool hung) { m_hung = hung; }
    /// How many calls are drawn running off the edge, "forever →".
    int foreverCount() const;
    void setPosition(int position);
    void paintTimeline(QPainter &painter, const QRect &area);
    int laneCount() const { return static_cast<int>(m_lanes.size()); }
    int spanCount() const { return static_cast<int>(m_spans.size()); }
    int arrowCount() const { return static_cast<int>(m_arrows.size()); }
    QSize sizeHint() const override { return { 900, 200 }; }

    /// Shows the whole run again after zooming in.
    void zoomToFit();
    bool zoomedIn() const { return m_viewStart != m_start || m_viewEnd != m_end; }

signals:
    void seekRequested(int position);
    void laneClicked(int tid);
    /// The context menu's "Export the timeline…".
    void exportRequested();

protected:
    void paintEvent(QPaintEvent *) override;
    void wheelEvent(QWheelEvent *e) override;
    void mousePressEvent(QMouseEvent *e) override;
    void mouseMoveEvent(QMouseEvent *e) override;
    void mouseReleaseEvent(QMouseEvent *e) override;
    void contextMenuEvent(QContextMenuEvent *e) override;
    bool event(QEvent *e) override;

private:
    struct Lane {
        int pid = 0, tid = 0;
        QString label;
    };
    // The horizontal axis counts events, not nanoseconds: a 0.5 s timeout would otherwise
    // squeeze every other call into a sliver. Spans and arrows are in event indexes.
    struct Span {
        int lane = 0;
        qint64 begin = 0, end = 0;
        QString op;
        QString label; ///< the call as the lesson writes it: "q.put()"
        bool blocking = false, failed = false;
        bool neverEnds = false; ///< still waiting when IPC Lab stopped the hung run
    };
    struct Arrow {
        int fromLane = 0, toLane = 0;
        qint64 from = 0, to = 0;
    };
    double xFor(qint64 t, const QRect &plot) const;
    qint64 timeAt(double x, const QRect &plot) const;
    QRect plotArea(const QRect &area) const;

    ProcessColours &m_colours;
    const engine::TraceModel *m_model = nullptr;
    int m_position = 0;
    std::vector<Lane> m_lanes;
    std::vector<Span> m_spans;
    std::vector<Arrow> m_arrows;
    qint64 m_start = 0, m_end = 1;
    bool m_hung = false;
    void paintAxes(QPainter &p, const QRect &plot);
    qint64 m_viewStart = 0, m_viewEnd = 1; // zoom and pan
    QPoint m_pressAt;
    qint64 m_pressViewStart = 0;
    bool m_dragged = false;
    void paintText(QPainter &p, const QRectF &rect, int flags, const QString &text);
    /// The lanes' names column: as wide as the longest name, at most a third of the view.
    int labelWidth(int areaWidth) const;
    int laneHeight(const QRect &plot) const;
    QStringList m_paintedTexts;
};

} // namespace ipclab::ui
