#include "help_dialogs.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <set>

namespace ipclab::ui {

ShortcutsDialog::ShortcutsDialog(QWidget *window)
    : QDialog(window)
    , m_search(new QLineEdit)
    , m_list(new QTreeWidget)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    resize(720, 560);
    m_search->setPlaceholderText(tr("Search actions and keys…"));
    m_search->setClearButtonEnabled(true);
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({ tr("Action"), tr("Keys"), tr("What it does") });
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    // Every named action once: a toolbar button and its menu entry are the same QAction.
    std::set<const QAction *> seen;
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (action->isSeparator() || action->text().isEmpty() || !seen.insert(action).second)
            continue;
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        QString name = action->text();
        name.remove(QLatin1Char('&'));
        const QString description = action->toolTip() != action->text() ? action->toolTip() : QString();
        auto *row = new QTreeWidgetItem(m_list, { name, keys.join(QStringLiteral(", ")), description });
        row->setToolTip(2, description);
    }
    m_list->sortItems(1, Qt::DescendingOrder); // the ones with keys first
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, &ShortcutsDialog::filter);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
}

void ShortcutsDialog::filter(const QString &text)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *row = m_list->topLevelItem(i);
        bool match = text.isEmpty();
        for (int c = 0; c < 3 && !match; ++c)
            match = row->text(c).contains(text, Qt::CaseInsensitive);
        row->setHidden(!match);
    }
}

QStringList ShortcutsDialog::shownRows() const
{
    QStringList rows;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (!m_list->topLevelItem(i)->isHidden())
            rows << m_list->topLevelItem(i)->text(0) + QLatin1Char('\t') + m_list->topLevelItem(i)->text(1);
    return rows;
}

QDialog *showReference(QWidget *parent, const QString &file, const QString &title)
{
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->resize(900, 700);
    auto *browser = new QTextBrowser;
    browser->setOpenExternalLinks(true);
    QFile text(QStringLiteral(":/docs/") + file);
    if (text.open(QIODevice::ReadOnly))
        browser->setMarkdown(QString::fromUtf8(text.readAll()));
    else
        browser->setPlainText(QDialog::tr("The reference %1 is missing from this build.").arg(file));
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser);
    dialog->show();
    return dialog;
}

} // namespace ipclab::ui
