#pragma once
// The window's one toolbar. It never hides an action behind "»": when the actions' names do
// not fit the window's width (a laptop, Chinese, presentation type) it shows icons only, and
// every button's tooltip names the action and its shortcut.

#include <QToolBar>

namespace ipclab::ui {

class FittingToolBar final : public QToolBar {
    Q_OBJECT
public:
    explicit FittingToolBar(QWidget *parent = nullptr);

    /// Icons of `pixels` logical pixels (larger in presentation mode); the bar fits itself again.
    void setIconPixels(int pixels);
    /// A widget shown only beside names, hidden when the bar shows icons only (the "Speed" label).
    void addNameWidget(QWidget *widget);
    /// True when something does not fit and sits in the overflow menu (tests ask this).
    bool overflows() const;
    /// The text of `action`'s tooltip: its tooltip or name, then its shortcut.
    static QString toolTipFor(const QAction *action);

    /// Chooses names beside icons, or icons only, for the current width.
    void fit();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void actionEvent(QActionEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool m_fitting = false;
    QList<QAction *> m_nameOnly; ///< toolbar entries that are words, not actions
};

} // namespace ipclab::ui
