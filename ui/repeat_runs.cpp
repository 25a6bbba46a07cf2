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

namespace {

// The integers of a line, as the runs printed them: where each starts, how long, its value.
struct Number {
    qsizetype at, length;
    qint64 value;
};

std::vector<Number> numbersIn(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("(?<![\\w.])-?\\d+(?!\\w|\\.\\d)"));
    std::vector<Number> out;
    for (auto it = number.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        bool ok = false;
        const qint64 value = m.captured().toLongLong(&ok);
        if (ok)
            out.push_back({ m.capturedStart(), m.capturedLength(), value });
    }
    return out;
}

// 1, 2, 5, 10, 20, 50...: the smallest such width that makes at most `bins` ranges of `span` values.
qint64 roundWidth(qint64 span, int bins)
{
    for (qint64 scale = 1;; scale *= 10)
        for (qint64 step : { 1, 2, 5 })
            if (step * scale * bins >= span)
                return step * scale;
}

} // namespace

std::optional<NumericOutcomes> numericOutcomes(const std::map<QString, int> &texts)
{
    if (texts.size() < 2)
        return std::nullopt;
    std::vector<std::vector<Number>> numbers;
    for (const auto &[text, count] : texts) {
        numbers.push_back(numbersIn(text));
        if (numbers.back().empty() || numbers.back().size() != numbers.front().size())
            return std::nullopt;
    }
    // The one number that varies; the others print the same in every run ("of 1000").
    std::optional<std::size_t> varying;
    for (std::size_t k = 0; k < numbers.front().size(); ++k) {
        const bool same = std::all_of(numbers.begin(), numbers.end(), [&](const auto &n) { return n[k].value == numbers.front()[k].value; });
        if (same)
            continue;
        if (varying)
            return std::nullopt;
        varying = k;
    }
    if (!varying)
        return std::nullopt; // the same numbers, different words: text outcomes
    NumericOutcomes out;
    int mostRuns = 0;
    std::size_t i = 0;
    for (const auto &[text, count] : texts) {
        const Number &n = numbers[i++][*varying];
        out.counts[n.value] += count;
        if (count > mostRuns) {
            mostRuns = count;
            out.before = text.left(n.at);
        }
    }
    return out;
}

std::vector<HistogramBin> histogramBins(const std::map<qint64, int> &counts, int maxBins)
{
    std::vector<HistogramBin> bins;
    if (counts.empty())
        return bins;
    if (static_cast<int>(counts.size()) <= maxBins) {
        for (const auto &[value, count] : counts)
            bins.push_back({ value, value, count });
        return bins;
    }
    const qint64 min = counts.begin()->first, max = counts.rbegin()->first;
    const qint64 width = roundWidth(max - min + 1, maxBins);
    // Ranges start at a multiple of the width (600–649, not 598–647), so the first may
    // need one more bin than the span alone.
    qint64 low = min >= 0 ? min / width * width : -((-min + width - 1) / width) * width;
    for (; low <= max; low += width)
        bins.push_back({ low, low + width - 1, 0 });
    for (const auto &[value, count] : counts)
        bins[static_cast<std::size_t>((value - bins.front().low) / width)].count += count;
    return bins;
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
        const auto numeric = numericOutcomes(counts);
        QString heading;
        if (numeric)
            heading = tr("Line %1 of the output (%2 …): %3 different values, from %4 to %5")
                          .arg(line + 1)
                          .arg(numeric->before.trimmed())
                          .arg(numeric->counts.size())
                          .arg(numeric->counts.begin()->first)
                          .arg(numeric->counts.rbegin()->first);
        else if (bars.size() == 1 && other == 0)
            heading = tr("Line %1 of the output: the same in every run").arg(line + 1);
        else
            heading = tr("Line %1 of the output: %2 different outcomes").arg(line + 1).arg(counts.size());
        p.drawText(QRect(8, y, width() - 16, rowHeight), Qt::AlignVCenter, fm.elidedText(heading, Qt::ElideMiddle, width() - 16));
        p.setFont(font());
        y += rowHeight;
        const int labelWidth = std::min(width() / 2, numeric ? 160 : 360);
        const int barSpace = width() - labelWidth - 80;
        auto drawBar = [&](const QString &label, int count, int scale, const QColor &colour) {
            p.setPen(QColor(0x1f, 0x29, 0x37));
            p.drawText(QRect(16, y, labelWidth - 8, rowHeight), Qt::AlignVCenter | (numeric ? Qt::AlignRight : Qt::AlignLeft),
                fm.elidedText(label, Qt::ElideRight, labelWidth - 8));
            const int w = count ? std::max(2, barSpace * count / std::max(1, scale)) : 0;
            p.fillRect(QRect(labelWidth + 8, y + 3, w, rowHeight - 6), colour);
            p.drawText(QRect(labelWidth + 14 + w, y, 70, rowHeight), Qt::AlignVCenter, QString::number(count));
            y += rowHeight;
        };
        if (numeric) {
            // A histogram: a bar per value or per range of values, the longest bar full width.
            const auto bins = histogramBins(numeric->counts);
            const int most = std::max_element(bins.begin(), bins.end(), [](const auto &a, const auto &b) { return a.count < b.count; })->count;
            for (const HistogramBin &bin : bins)
                drawBar(bin.low == bin.high ? QString::number(bin.low) : QStringLiteral("%1 – %2").arg(bin.low).arg(bin.high), bin.count, most,
                    QColor(0x25, 0x63, 0xeb));
            y += 6;
            continue;
        }
        for (const auto &[text, count] : bars)
            drawBar(text, count, m_tally.runs, QColor(0x25, 0x63, 0xeb));
        if (other)
            drawBar(tr("(other outcomes)"), other, m_tally.runs, QColor(0x9c, 0xa3, 0xaf));
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
    m_label->setText(m_done ? tr("%1 runs of %2, with the gates off. Each bar counts the runs that printed that line, or a number in that range.")
                                  .arg(m_shown.runs)
                                  .arg(m_options.fileName)
                            : tr("Running %1: %2 of %3 done…").arg(m_options.fileName).arg(m_shown.runs).arg(m_runs));
    m_histogram->setTally(m_shown);
}

} // namespace ipclab::ui
