#include "race_banner.h"

#include "run_controller.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace ipclab::ui {

RaceBanner::RaceBanner(RunController &controller, QWidget *parent)
    : QFrame(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("raceBanner"));
    setStyleSheet(QStringLiteral("#raceBanner { background:#fef2f2; border:1px solid #fca5a5; border-radius:6px; }"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(2);
    m_line = new QLabel;
    m_line->setWordWrap(true);
    m_line->setStyleSheet(QStringLiteral("color:#991b1b; font-weight:bold;"));
    m_line->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_line);
    m_count = new QLabel;
    m_count->setStyleSheet(QStringLiteral("color:#6b7280;"));
    layout->addWidget(m_count);
    hide();
    connect(&m_controller, &RunController::runStarted, this, [this] {
        m_detector = {};
        m_applied = 0;
        m_appliedLastT = -1;
        m_last = 0;
        m_pausedAt.clear();
        showFinding(-1);
    });
    connect(&m_controller, &RunController::positionChanged, this, &RaceBanner::positionChanged);
}

QWidget *RaceBanner::above(QWidget *stage)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(this);
    layout->addWidget(stage, 1);
    return box;
}

QString RaceBanner::narration() const
{
    return isHidden() ? QString() : m_line->text();
}

void RaceBanner::follow()
{
    const engine::TraceModel &model = m_controller.model();
    // A live event that arrived late is inserted before newer ones: the events already seen
    // moved, so fold them again (rare; the common case folds only the new ones).
    if (m_applied > model.size() || (m_applied > 0 && model.event(m_applied - 1).t != m_appliedLastT)) {
        m_detector = {};
        m_applied = 0;
    }
    for (; m_applied < model.size(); ++m_applied)
        m_detector.apply(model.event(m_applied), m_applied);
    m_appliedLastT = m_applied > 0 ? model.event(m_applied - 1).t : -1;
}

void RaceBanner::positionChanged(int position)
{
    follow();
    const int last = std::exchange(m_last, position);
    if (position == 0)
        m_pausedAt.clear(); // a restart narrates and pauses again
    const auto &found = m_detector.found();
    // Lost updates are found in the order of their lost writes: the latest one already reached.
    const auto reached = std::partition_point(found.begin(), found.end(), [position](const auto &u) { return u.lostWrite().index < position; });
    showFinding(static_cast<int>(reached - found.begin()) - 1);
    // Reaching it pauses there: playing, stepping, or a live run following its events; not a seek.
    const bool following = m_controller.live() && position == m_controller.model().size();
    if (position <= last || !(m_controller.playing() || position == last + 1 || following))
        return;
    auto first = std::partition_point(found.begin(), reached, [last](const auto &u) { return u.lostWrite().index < last; });
    for (; first != reached; ++first) {
        const int index = first->lostWrite().index;
        if (!m_pausedAt.insert(m_controller.model().event(index).t).second)
            continue;
        if (auto *live = m_controller.live()) {
            live->pause(); // the gates stay shut: nothing moves past the lost write until asked
        } else {
            m_controller.pause();
            if (position != index + 1) {
                // On the lost write itself; after the views have shown this position, not inside it.
                QMetaObject::invokeMethod(
                    this, [this, index] { m_controller.seek(index + 1); }, Qt::QueuedConnection);
            }
        }
        emit pausedAtLostUpdate(index);
        break;
    }
}

void RaceBanner::showFinding(int which)
{
    m_shown = which;
    const auto &found = m_detector.found();
    if (which < 0 || which >= static_cast<int>(found.size())) {
        hide();
        return;
    }
    m_line->setText(engine::narrate(found[static_cast<std::size_t>(which)]));
    // A live run may lose more; a recorded one has shown them all.
    const QString count = m_controller.running() ? tr("Lost update %1 of the %2 found so far in this run") : tr("Lost update %1 of %2 in this run");
    m_count->setText(found.size() > 1 ? count.arg(which + 1).arg(found.size()) : QString());
    m_count->setVisible(found.size() > 1);
    show();
}

void RaceBanner::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        showFinding(m_shown);
    QFrame::changeEvent(e);
}

} // namespace ipclab::ui
