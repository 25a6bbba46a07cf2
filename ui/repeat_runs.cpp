#include "repeat_runs.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>

namespace ipclab::ui {

void OutcomeTally::add(const QByteArray &stdoutText, bool finished)
{
    ++runs;
    if (!finished)
        ++failedRuns;
    const QStringList printed = QString::fromUtf8(stdoutText).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() < static_cast<std::size_t>(printed.size()))
        lines.resize(static_cast<std::size_t>(printed.size()));
    for (qsizetype i = 0; i < printed.size(); ++i)
        ++lines[static_cast<std::size_t>(i)][printed[i]];
}

HistogramView::HistogramView(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(480, 240);
}

void HistogramView::setTally(const OutcomeTally &tally)
{
    m_tally = tally;
    update();
}

void HistogramView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    const QFontMetrics fm(font());
    const int rowHeight = fm.height() + 6;
    int y = 8;
    if (m_tally.runs == 0) {
        p.setPen(QColor(0x6b, 0x72, 0x80));
        p.drawText(rect(), Qt::AlignCenter, tr("The outcomes appear here as the runs end."));
        return;
    }
    // Lines that printed the same in every run say nothing about the race: shown first, in one line.
    for (std::size_t line = 0; line < m_tally.lines.size(); ++line) {
        const auto &counts = m_tally.lines[line];
        std::vector<std::pair<QString, int>> bars(counts.begin(), counts.end());
        // Sort by the number the line prints when there is one (n = 998 before n = 1000), else by text.
        static const QRegularExpression number(QStringLiteral("-?\\d+"));
        auto firstNumber = [](const QString &text) {
            const auto m = number.match(text);
            return m.hasMatch() ? m.captured().toLongLong() : 0LL;
        };
        std::sort(bars.begin(), bars.end(), [&](const auto &a, const auto &b) {
            const auto na = firstNumber(a.first), nb = firstNumber(b.first);
            return na != nb ? na < nb : a.first < b.first;
        });
        int other = 0;
        constexpr std::size_t kMaxBars = 14;
        if (bars.size() > kMaxBars) {
            // Keep the most frequent ones in their order; count the rest together.
            std::vector<std::pair<QString, int>> byCount = bars;
            std::sort(byCount.begin(), byCount.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
            const int threshold = byCount[kMaxBars - 1].second;
            std::vector<std::pair<QString, int>> kept;
            for (const auto &bar : bars)
                if (bar.second >= threshold && kept.size() < kMaxBars)
                    kept.push_back(bar);
                else
                    other += bar.second;
            bars = std::move(kept);
        }
        p.setPen(QColor(0x1f, 0x29, 0x37));
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(QRect(8, y, width() - 16, rowHeight), Qt::AlignVCenter,
            bars.size() == 1 && other == 0 ? tr("Line %1 of the output: the same in every run").arg(line + 1)
                                           : tr("Line %1 of the output: %2 different outcomes").arg(line + 1).arg(counts.size()));
        p.setFont(font());
        y += rowHeight;
        const int labelWidth = std::min(width() / 2, 360);
        const int barSpace = width() - labelWidth - 80;
        auto drawBar = [&](const QString &label, int count, const QColor &colour) {
            p.setPen(QColor(0x1f, 0x29, 0x37));
            p.drawText(QRect(16, y, labelWidth - 8, rowHeight), Qt::AlignVCenter | Qt::AlignLeft, fm.elidedText(label, Qt::ElideRight, labelWidth - 8));
            const int w = std::max(2, barSpace * count / std::max(1, m_tally.runs));
            p.fillRect(QRect(labelWidth + 8, y + 3, w, rowHeight - 6), colour);
            p.drawText(QRect(labelWidth + 14 + w, y, 70, rowHeight), Qt::AlignVCenter, QString::number(count));
            y += rowHeight;
        };
        for (const auto &[text, count] : bars)
            drawBar(text, count, QColor(0x25, 0x63, 0xeb));
        if (other)
            drawBar(tr("(other outcomes)"), other, QColor(0x9c, 0xa3, 0xaf));
        y += 6;
    }
    if (m_tally.failedRuns) {
        p.setPen(QColor(0xdc, 0x26, 0x26));
        p.drawText(
            QRect(8, y, width() - 16, rowHeight), Qt::AlignVCenter, tr("%n run(s) did not finish (hang, crash or time limit)", nullptr, m_tally.failedRuns));
        y += rowHeight;
    }
    setMinimumHeight(y + 8);
}

RepeatRunsDialog::RepeatRunsDialog(const engine::RunOptions &options, int runs, QWidget *parent)
    : QDialog(parent)
    , m_options(options)
    , m_runs(runs)
{
    setWindowTitle(tr("Run it %n time(s)", nullptr, runs));
    auto *layout = new QVBoxLayout(this);
    m_label = new QLabel;
    m_label->setWordWrap(true);
    layout->addWidget(m_label);
    m_progress = new QProgressBar;
    m_progress->setRange(0, runs);
    layout->addWidget(m_progress);
    m_histogram = new HistogramView;
    layout->addWidget(m_histogram, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 520);
    showProgress();

    m_options.live = nullptr; // gates off: as fast as it goes
    m_options.traceStatements = false;
    m_options.captureStdout = true;
    m_options.echoStdout = false;
    m_thread = std::thread([this] {
        for (int i = 0; i < m_runs && !m_cancel.load(); ++i) {
            const engine::RunResult r = m_orchestrator.run(m_options);
            {
                std::lock_guard lock(m_mutex);
                if (!m_cancel.load())
                    m_tally.add(r.stdoutText, r.end == engine::RunEnd::Finished);
            }
            QMetaObject::invokeMethod(this, &RepeatRunsDialog::showProgress, Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_done = true;
                showProgress();
                emit allDone();
            },
            Qt::QueuedConnection);
    });
}

RepeatRunsDialog::~RepeatRunsDialog()
{
    m_cancel.store(true);
    m_orchestrator.requestStop();
    if (m_thread.joinable())
        m_thread.join();
}

void RepeatRunsDialog::showProgress()
{
    {
        std::lock_guard lock(m_mutex);
        m_shown = m_tally;
    }
    m_progress->setValue(m_shown.runs);
    m_label->setText(m_done
            ? tr("%1 runs of %2, with the gates off. Each bar counts the runs that printed that line.").arg(m_shown.runs).arg(m_options.fileName)
            : tr("Running %1: %2 of %3 done…").arg(m_options.fileName).arg(m_shown.runs).arg(m_runs));
    m_histogram->setTally(m_shown);
}

} // namespace ipclab::ui
