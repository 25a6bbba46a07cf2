#include "output_pane.h"

#include <QFontDatabase>
#include <QRegularExpression>

#include <algorithm>

namespace ipclab::ui {

namespace {

constexpr int kLineRole = Qt::UserRole + 1; ///< the scenario line a traceback line names
constexpr int kPidRole = Qt::UserRole + 2;

} // namespace

OutputPane::OutputPane(ProcessColours &colours, QWidget *parent)
    : QListWidget(parent)
    , m_colours(colours)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setWordWrap(true);
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        if (const int line = item->data(kLineRole).toInt(); line > 0)
            emit tracebackLineClicked(line);
    });
}

void OutputPane::clearOutput()
{
    clear();
    m_shownUpTo = 0;
    m_openLinePid = 0;
}

void OutputPane::showUpTo(const engine::TraceModel &model, const engine::RunWatch &state, int position)
{
    position = std::clamp(position, 0, model.size());
    const int before = count();
    if (position < m_shownUpTo)
        clearOutput(); // stepping back: the output is a fold of the events from the start
    for (int index = m_shownUpTo; index < position; ++index) {
        const engine::TraceEvent &e = model.event(index);
        const bool print = e.op == QLatin1String("print");
        if (!print && e.op != QLatin1String("exception"))
            continue;
        const auto proc = state.processes().find(e.pid);
        const QString who = proc != state.processes().end() ? proc->second.name : QString::number(e.pid);
        if (print)
            addText(e.pid, who, e.text("text"), e.text("stream") == QLatin1String("stderr"));
        else
            addText(e.pid, who, e.text("traceback"), true);
    }
    m_shownUpTo = position;
    if (count() != before)
        scrollToBottom(); // a list lays out all its items to scroll: only when a line came
}

void OutputPane::addText(int pid, const QString &who, const QString &text, bool error)
{
    static const QRegularExpression tracebackLine(QStringLiteral("^  File \".*\", line (\\d+)"));
    QStringList parts = text.split(QLatin1Char('\n'));
    const bool endsLine = text.endsWith(QLatin1Char('\n'));
    if (endsLine)
        parts.removeLast();
    for (int i = 0; i < parts.size(); ++i) {
        QListWidgetItem *item = nullptr;
        if (i == 0 && m_openLinePid == pid && count() > 0) {
            item = this->item(count() - 1); // the rest of a line begun with print(..., end="")
            item->setText(item->text() + parts[i]);
        } else {
            item = new QListWidgetItem(parts[i], this);
            item->setData(kPidRole, pid);
            item->setToolTip(who);
            item->setForeground(error ? QColor(0xb9, 0x1c, 0x1c) : m_colours.colourFor(pid).darker(130));
        }
        if (const auto match = tracebackLine.match(parts[i]); error && match.hasMatch()) {
            item->setData(kLineRole, match.captured(1).toInt());
            item->setToolTip(tr("%1 — click to mark line %2 in the code").arg(who, match.captured(1)));
        }
    }
    m_openLinePid = endsLine || parts.isEmpty() ? 0 : pid;
}

QStringList OutputPane::lines() const
{
    QStringList out;
    for (int i = 0; i < count(); ++i)
        out << item(i)->text();
    return out;
}

} // namespace ipclab::ui
