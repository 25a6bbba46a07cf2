#pragma once
// Help › Keyboard shortcuts (every action of the window, searchable) and Help › the references
// for scenario authors (docs/*.md, shown from the resources so they match this build).

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace ipclab::ui {

class ShortcutsDialog final : public QDialog {
    Q_OBJECT
public:
    /// Lists every action of `window` (menus, toolbar and window-wide keys) that has a name.
    explicit ShortcutsDialog(QWidget *window);
    /// Shows only the actions whose name, keys or description contain `text` (any case).
    void filter(const QString &text);
    /// The rows shown now, as "name\tkeys" (tests read them).
    QStringList shownRows() const;

private:
    QLineEdit *m_search;
    QTreeWidget *m_list;
};

/// Opens the reference `file` ("language.md", "scenario-format.md") in a window of its own.
QDialog *showReference(QWidget *parent, const QString &file, const QString &title);

} // namespace ipclab::ui
