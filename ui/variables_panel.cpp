#include "variables_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ipclab::ui {

namespace {

const QColor kChanged(0xfe, 0xf0, 0x8a); // a highlighter's yellow, as Python Tutor marks a change

/// Whether the thread has anything to show: a frame, or globals in its process.
bool hasVariables(const engine::RunWatch &state, const engine::ThreadInfo &t)
{
    if (!t.frames.empty())
        return true;
    auto p = state.processes().find(t.pid);
    return p != state.processes().end() && !p->second.globals.empty() && t.name == QLatin1String("MainThread");
}

} // namespace

VariablesPanel::VariablesPanel(ProcessColours &colours, QWidget *parent)
    : QWidget(parent)
    , m_colours(colours)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_threads = new QComboBox;
    m_threads->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    layout->addWidget(m_threads);
    m_tree = new QTreeWidget;
    m_tree->setColumnCount(2);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    layout->addWidget(m_tree, 1);
    connect(m_threads, &QComboBox::activated, this, [this](int index) { pickThread(m_threads->itemData(index).toInt()); });
    changeEvent(nullptr);
}

void VariablesPanel::changeEvent(QEvent *e)
{
    if (!e || e->type() == QEvent::LanguageChange) {
        m_tree->setHeaderLabels({ tr("Name"), tr("Value") });
        m_threads->setToolTip(tr("Whose variables to show"));
        if (m_state)
            rebuild();
    }
    if (e)
        QWidget::changeEvent(e);
}

void VariablesPanel::clearState()
{
    m_state = nullptr;
    m_runningTid = 0;
    m_pickedTid = 0;
    m_shownTid = 0;
    m_threads->clear();
    m_tree->clear();
}

void VariablesPanel::showState(const engine::RunWatch &state, int runningTid)
{
    m_state = &state;
    // A helper thread (a feeder, a manager's server) has no variables to show: keep the last
    // lesson thread that had some.
    auto t = state.threads().find(runningTid);
    if (t != state.threads().end() && hasVariables(state, t->second))
        m_runningTid = runningTid;
    rebuild();
}

void VariablesPanel::pickThread(int tid)
{
    m_pickedTid = tid;
    if (m_state)
        rebuild();
}

void VariablesPanel::fillThreads()
{
    const QSignalBlocker blocker(m_threads);
    m_threads->clear();
    m_threads->addItem(tr("The thread that ran last"), 0);
    for (const auto &[tid, t] : m_state->threads())
        if (hasVariables(*m_state, t)) {
            m_threads->addItem(m_state->threadKey(t).replace(QLatin1Char('/'), QStringLiteral(" · ")), tid);
            m_threads->setItemData(m_threads->count() - 1, m_colours.colourFor(t.pid), Qt::ForegroundRole);
        }
    const int picked = m_threads->findData(m_pickedTid);
    m_threads->setCurrentIndex(picked < 0 ? 0 : picked);
}

void VariablesPanel::rebuild()
{
    fillThreads();
    m_tree->clear();
    const int tid = m_pickedTid && m_state->threads().count(m_pickedTid) ? m_pickedTid : m_runningTid;
    auto found = m_state->threads().find(tid);
    m_shownTid = found == m_state->threads().end() ? 0 : tid;
    if (!m_shownTid)
        return;
    const engine::ThreadInfo &t = found->second;
    auto addRows = [this](QTreeWidgetItem *parent, const engine::Variables &variables, const std::set<QString> &changed) {
        for (const auto &[name, value] : variables) {
            auto *row = new QTreeWidgetItem(parent, { name, m_state->variableText(value) });
            row->setToolTip(1, row->text(1));
            if (changed.count(name)) {
                for (int column = 0; column < 2; ++column)
                    row->setBackground(column, kChanged);
                row->setToolTip(0, tr("changed by the latest statement"));
            }
        }
    };
    for (std::size_t i = t.frames.size(); i-- > 0;) {
        const engine::FrameVariables &frame = t.frames[i];
        auto *item = new QTreeWidgetItem(m_tree, { frame.function + QStringLiteral("()") });
        item->setFirstColumnSpanned(true);
        addRows(item, frame.locals, i + 1 == t.frames.size() ? t.changedLocals : std::set<QString> {});
        if (frame.locals.empty())
            new QTreeWidgetItem(item, { tr("(no local variables yet)") });
        item->setExpanded(true);
    }
    auto p = m_state->processes().find(t.pid);
    if (p != m_state->processes().end()) {
        const QString process = p->second.name.isEmpty() ? m_state->describeProcess(t.pid) : p->second.name;
        auto *globals = new QTreeWidgetItem(m_tree, { tr("Globals of %1").arg(process) });
        globals->setFirstColumnSpanned(true);
        globals->setForeground(0, m_colours.colourFor(t.pid));
        addRows(globals, p->second.globals, t.changedGlobals);
        globals->setExpanded(true);
    }
}

} // namespace ipclab::ui
