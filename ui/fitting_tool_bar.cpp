#include "fitting_tool_bar.h"

#include <QActionEvent>
#include <QHelpEvent>
#include <QLayout>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>

namespace ipclab::ui {

FittingToolBar::FittingToolBar(QWidget *parent)
    : QToolBar(parent)
{
    setMovable(false);
    setFloatable(false);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
}

void FittingToolBar::setIconPixels(int pixels)
{
    setIconSize(QSize(pixels, pixels));
    fit();
}

void FittingToolBar::addNameWidget(QWidget *widget)
{
    m_nameOnly << addWidget(widget);
}

bool FittingToolBar::overflows() const
{
    // Qt's overflow button ("»") is shown exactly when an entry did not fit.
    for (const QToolButton *button : findChildren<QToolButton *>(QString(), Qt::FindDirectChildrenOnly))
        if (button->objectName() == QLatin1String("qt_toolbar_ext_button") && button->isVisible())
            return true;
    return false;
}

QString FittingToolBar::toolTipFor(const QAction *action)
{
    QString text = action->toolTip();
    if (text.isEmpty())
        text = action->text();
    text.remove(QLatin1Char('&'));
    const QString keys = action->shortcut().toString(QKeySequence::NativeText);
    if (!keys.isEmpty() && !text.contains(keys))
        text += QStringLiteral(" (%1)").arg(keys);
    return text;
}

void FittingToolBar::fit()
{
    if (m_fitting)
        return;
    m_fitting = true;
    // Names beside icons when all of them fit the width the window gives the bar.
    const int room = width() - 8;
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction *words : std::as_const(m_nameOnly))
        words->setVisible(true);
    if (layout())
        layout()->invalidate();
    if (sizeHint().width() > room) {
        setToolButtonStyle(Qt::ToolButtonIconOnly);
        for (QAction *words : std::as_const(m_nameOnly))
            words->setVisible(false);
    }
    m_fitting = false;
}

void FittingToolBar::resizeEvent(QResizeEvent *event)
{
    QToolBar::resizeEvent(event);
    fit();
}

void FittingToolBar::changeEvent(QEvent *event)
{
    QToolBar::changeEvent(event);
    // New names (another language) or a new type size: they may fit, or no longer.
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        QTimer::singleShot(0, this, &FittingToolBar::fit);
}

void FittingToolBar::actionEvent(QActionEvent *event)
{
    QToolBar::actionEvent(event);
    if (event->type() == QEvent::ActionAdded)
        if (QWidget *button = widgetForAction(event->action()))
            button->installEventFilter(this);
}

bool FittingToolBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ToolTip)
        if (auto *button = qobject_cast<QToolButton *>(watched); button && button->defaultAction()) {
            QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), toolTipFor(button->defaultAction()), button);
            return true;
        }
    return QToolBar::eventFilter(watched, event);
}

} // namespace ipclab::ui
