#include "question_panel.h"

#include "language.h"
#include "protocol.h"
#include "run_controller.h"
#include "trace_model.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include <map>

namespace ipclab::ui {

namespace {

/// One execution of the question's line by one thread, as the trace recorded it.
struct Execution {
    std::pair<int, int> thread; ///< pid, tid
    int start = -1, last = -1; ///< its first and last event
    int raise = -1; ///< the failing (F, with `exc`) end of a call made on the line
    int blockedCallEnd = -1; ///< the end of the first call on the line that had to wait
    bool blocked = false;
    bool hung = false; ///< a blocking call on the line was still open when the run ended
};

using ThreadKey = std::pair<int, int>; // pid, tid: a kernel tid alone could be reused by another process

} // namespace

std::optional<QuestionMoment> findQuestionMoment(const engine::TraceModel &model, int line, const AskAt &at)
{
    const auto &events = model.events();
    const int n = model.size();
    // Pipe ends: a recv() waits for a send() on the other end of the same pipe.
    bool statements = false;
    std::map<quint64, quint64> otherEnd;
    for (const auto &e : events) {
        if (e.op == QLatin1String("stmt"))
            statements = true;
        else if (e.op == QLatin1String("pipe.create")) {
            const auto a = static_cast<quint64>(e.integer("a")), b = static_cast<quint64>(e.integer("b"));
            otherEnd[a] = b;
            otherEnd[b] = a;
        }
    }
    // A call had to wait when it timed out, or when another thread acted on what it waits on
    // (the same queue, lock or semaphore, or the pipe's other end) before it returned: that act
    // is what let it go on. The recorded order alone says so; no timing is involved.
    const auto waited = [&](int begin, int end, const ThreadKey &self) {
        const engine::TraceEvent &call = events[static_cast<std::size_t>(begin)];
        if (end < n && events[static_cast<std::size_t>(end)].flag("timedOut"))
            return true;
        if (call.obj == 0)
            return false;
        const auto peer = otherEnd.find(call.obj);
        for (int j = begin + 1; j < end && j < n; ++j) {
            const engine::TraceEvent &e = events[static_cast<std::size_t>(j)];
            if (ThreadKey(e.pid, e.tid) != self && e.obj != 0 && (e.obj == call.obj || (peer != otherEnd.end() && e.obj == peer->second)))
                return true;
        }
        return false;
    };
    std::vector<Execution> runs;
    std::map<ThreadKey, int> current; // the thread's execution of the line now, an index into runs
    std::map<ThreadKey, std::vector<int>> open; // the calls it is inside, their B events
    for (int i = 0; i < n; ++i) {
        const engine::TraceEvent &e = events[static_cast<std::size_t>(i)];
        const ThreadKey key(e.pid, e.tid);
        auto here = current.find(key);
        const bool starts = statements ? e.op == QLatin1String("stmt") : (e.line == line && here == current.end());
        const bool ends = statements ? e.op == QLatin1String("stmt") : (here != current.end() && e.line != line && open[key].empty());
        if (ends && here != current.end()) {
            current.erase(here);
            open.erase(key);
            here = current.end();
        }
        if (starts && e.line == line) {
            runs.push_back({ key, i, i });
            here = current.emplace(key, static_cast<int>(runs.size()) - 1).first;
            open[key].clear();
            if (statements)
                continue;
        }
        if (here == current.end())
            continue;
        Execution &run = runs[static_cast<std::size_t>(here->second)];
        run.last = i;
        std::vector<int> &calls = open[key];
        if (e.isBegin()) {
            calls.push_back(i);
        } else if (e.closes()) {
            // Its begin: the innermost open call of the same operation.
            auto b = std::find_if(calls.rbegin(), calls.rend(), [&](int k) { return events[static_cast<std::size_t>(k)].op == e.op; });
            if (b == calls.rend())
                continue;
            const int begin = *b;
            calls.erase(std::next(b).base(), calls.end());
            if (!run.blocked && trace::blockingOf(e.op.toStdString()) == trace::Blocking::Blocks && waited(begin, i, key))
                run.blocked = true;
            if (calls.empty()) { // the call made on the line itself has ended
                if (run.blocked && run.blockedCallEnd < 0)
                    run.blockedCallEnd = i;
                if (e.ph == 'F' && e.has("exc") && run.raise < 0)
                    run.raise = i;
            }
        }
    }
    // Calls still open when the run ended: the run ended inside them (a hang, a kill).
    for (const auto &[key, index] : current)
        for (int b : open[key])
            if (trace::blockingOf(events[static_cast<std::size_t>(b)].op.toStdString()) == trace::Blocking::Blocks) {
                Execution &run = runs[static_cast<std::size_t>(index)];
                run.hung = run.blocked = true;
            }
    // A line that traces nothing of its own (`x = 1`, a send() refused before any call): what
    // it did shows in its thread's next event (the print in the `except` it jumped to).
    if (statements)
        for (Execution &run : runs)
            if (run.last == run.start)
                for (int i = run.start + 1; i < n; ++i) {
                    const engine::TraceEvent &e = events[static_cast<std::size_t>(i)];
                    if (ThreadKey(e.pid, e.tid) == run.thread && e.op != QLatin1String("stmt")) {
                        run.last = i;
                        break;
                    }
                }
    const auto moment = [n](const Execution &run, int outcome) { return QuestionMoment { run.start, run.hung ? n - 1 : std::max(outcome, run.start) }; };
    switch (at.kind) {
    case AskAt::Nth:
        if (at.n >= 1 && at.n <= static_cast<int>(runs.size()))
            return moment(runs[static_cast<std::size_t>(at.n - 1)], runs[static_cast<std::size_t>(at.n - 1)].last);
        break;
    case AskAt::Last:
        if (!runs.empty())
            return moment(runs.back(), runs.back().last);
        break;
    case AskAt::Raises:
        for (const Execution &run : runs)
            if (run.raise >= 0)
                return moment(run, run.raise);
        break;
    case AskAt::Blocks:
        for (const Execution &run : runs)
            if (run.blocked)
                return moment(run, run.blockedCallEnd >= 0 ? run.blockedCallEnd : run.last);
        break;
    case AskAt::Hangs:
        for (const Execution &run : runs)
            if (run.hung)
                return moment(run, n - 1);
        break;
    }
    return std::nullopt;
}

QuestionPanel::QuestionPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_heading = new QLabel;
    m_heading->setStyleSheet(QStringLiteral("font-weight: bold; color: #1d4ed8;"));
    m_text = new QLabel;
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_answers = new QLabel;
    m_answers->setWordWrap(true);
    m_answers->setTextFormat(Qt::RichText);
    m_answers->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_answers, &QLabel::linkActivated, this, [this](const QString &link) { choose(link.toInt()); });
    m_result = new QLabel;
    m_result->setWordWrap(true);
    m_why = new QLabel;
    m_why->setWordWrap(true);
    m_why->setTextFormat(Qt::PlainText);
    m_why->setStyleSheet(QStringLiteral("color: #1e3a8a;"));
    m_continue = new QPushButton;
    connect(m_continue, &QPushButton::clicked, this, &QuestionPanel::continueRequested);
    layout->addWidget(m_heading);
    layout->addWidget(m_text);
    layout->addWidget(m_answers);
    layout->addWidget(m_result);
    layout->addWidget(m_why);
    layout->addWidget(m_continue, 0, Qt::AlignRight);
    setStyleSheet(QStringLiteral("ipclab--ui--QuestionPanel { background: #eff6ff; border: 1px solid #bfdbfe; border-radius: 6px; }"));
    setAttribute(Qt::WA_StyledBackground);
    hide();
}

void QuestionPanel::ask(const Question &question, const QString &language)
{
    m_question = question;
    m_language = language;
    m_stage = Stage::Asking;
    m_chosen = m_verdict = -1;
    fill();
    show();
}

void QuestionPanel::clear()
{
    m_stage = Stage::Hidden;
    m_chosen = m_verdict = -1;
    hide();
}

void QuestionPanel::watch()
{
    if (m_stage == Stage::Hidden)
        return;
    m_stage = Stage::Watching;
    fill();
}

void QuestionPanel::showOutcome()
{
    if (m_stage == Stage::Hidden)
        return;
    m_stage = Stage::AtOutcome;
    fill();
}

void QuestionPanel::choose(int index)
{
    if (m_stage != Stage::Asking || index < 0 || index >= static_cast<int>(m_question.answers.size()))
        return;
    m_chosen = index;
    m_verdict = m_question.answers[static_cast<std::size_t>(index)].correct ? 1 : 0;
    m_stage = Stage::Answered;
    fill();
    emit answered(m_verdict == 1);
}

QString QuestionPanel::whyText() const
{
    if (m_chosen < 0)
        return {};
    // The pick's own why first (why that one is wrong, or right), then the right answer's when
    // the pick was wrong, then the question's: the student reads about what they chose first.
    QStringList parts;
    const Answer &chosen = m_question.answers[static_cast<std::size_t>(m_chosen)];
    parts << chosen.why.text(m_language);
    if (!chosen.correct)
        for (const Answer &a : m_question.answers)
            if (a.correct)
                parts << a.why.text(m_language);
    parts << m_question.why.text(m_language);
    parts.removeAll(QString());
    return parts.join(QLatin1Char(' '));
}

QString QuestionPanel::shownText() const
{
    if (m_stage == Stage::Hidden)
        return {};
    QStringList parts;
    for (const QLabel *label : { m_heading, m_text, m_answers, m_result, m_why })
        if (!label->isHidden())
            parts << (label->textFormat() == Qt::RichText ? QTextDocumentFragment::fromHtml(label->text()).toPlainText() : label->text());
    return parts.join(QLatin1Char('\n'));
}

void QuestionPanel::setLanguage(const QString &language)
{
    m_language = language;
    if (m_stage != Stage::Hidden)
        fill();
}

void QuestionPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange && m_stage != Stage::Hidden)
        fill();
    QWidget::changeEvent(e);
}

void QuestionPanel::resizeEvent(QResizeEvent *e)
{
    QWidget::resizeEvent(e);
    fitLabels();
}

void QuestionPanel::fitLabels()
{
    // Word-wrapped labels ask for the height of their text at a guessed width; the panel's
    // parents (a layout in a splitter) then give too little for long answers at the real one.
    for (QLabel *label : { m_text, m_answers, m_result, m_why })
        if (label->width() > 0)
            label->setMinimumHeight(label->isHidden() ? 0 : label->heightForWidth(label->width()));
}

void QuestionPanel::fill()
{
    m_heading->setText(tr("Check yourself"));
    m_text->setText(m_question.text.text(m_language));
    // The answers as links in one word-wrapped label: long answers wrap (a button would cut
    // them), and a click on one is the pick. Once answered they are plain text: the right one
    // in green, a wrong pick in red, no second try.
    QString html;
    for (std::size_t i = 0; i < m_question.answers.size(); ++i) {
        const Answer &answer = m_question.answers[i];
        const QString letter = QChar(u'A' + static_cast<char16_t>(i));
        const QString text = answer.text.text(m_language).toHtmlEscaped();
        const int index = static_cast<int>(i);
        QString row;
        if (m_chosen < 0)
            row = QStringLiteral("<a href=\"%1\" style=\"color:#1d4ed8; text-decoration:none;\">%2.&nbsp;%3</a>").arg(index).arg(letter, text);
        else if (answer.correct)
            row = QStringLiteral("<span style=\"background:#dcfce7; color:#14532d;\">&#10004;&nbsp;%1.&nbsp;%2</span>").arg(letter, text);
        else if (index == m_chosen)
            row = QStringLiteral("<span style=\"background:#fee2e2; color:#7f1d1d;\">&#10008;&nbsp;%1.&nbsp;%2</span>").arg(letter, text);
        else
            row = QStringLiteral("<span style=\"color:#6b7280;\">%1.&nbsp;%2</span>").arg(letter, text);
        html += QStringLiteral("<p style=\"margin:4px 0;\">%1</p>").arg(row);
    }
    m_answers->setText(html);
    switch (m_stage) {
    case Stage::Hidden:
    case Stage::Asking:
        m_result->setText(tr("Pick an answer; then watch what really happens."));
        break;
    case Stage::Answered:
        m_result->setText(m_verdict == 1 ? tr("Right! Continue to see it happen.")
                                         : tr("Not quite: the right answer is marked in green. Continue to see what really happens."));
        break;
    case Stage::Watching:
        m_result->setText(tr("Watch: the replay plays on to the moment that answers the question, and stops there."));
        break;
    case Stage::AtOutcome:
        m_result->setText(tr("There it is: the stage shows what the question was about. Continue plays on."));
        break;
    }
    const QString why = whyText();
    m_why->setText(why.isEmpty() ? QString() : tr("Why: %1").arg(why));
    m_why->setVisible(!why.isEmpty());
    m_continue->setText(m_stage == Stage::Asking ? tr("Skip") : tr("Continue"));
    m_continue->setVisible(m_stage != Stage::Watching); // Pause in the toolbar still stops it
    fitLabels();
}

SelfStudy::SelfStudy(RunController &controller, QuestionPanel &panel, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_panel(panel)
{
    connect(&m_controller, &RunController::positionChanged, this, &SelfStudy::positionChanged);
    connect(&m_controller, &RunController::runStarted, this, [this] {
        m_asked.clear();
        m_placed.clear();
        m_located = false; // the new run's moments are found once it is recorded
        m_stopAt = -1;
        m_panel.clear();
    });
    connect(&m_panel, &QuestionPanel::continueRequested, this, [this] {
        if (m_panel.stage() == QuestionPanel::Stage::Answered && m_stopAt > 0) {
            // On to the outcome the student predicted, and no further.
            if (m_controller.position() >= m_stopAt) {
                m_stopAt = -1;
                m_panel.showOutcome();
                return;
            }
            m_panel.watch();
            m_controller.play();
            return;
        }
        m_stopAt = -1;
        m_panel.clear();
        m_controller.play();
    });
}

void SelfStudy::setEnabled(bool on)
{
    m_enabled = on;
    if (!on) {
        m_stopAt = -1;
        m_panel.clear();
    }
}

void SelfStudy::setScenario(const ScenarioInfo &info)
{
    m_questions = info.questions;
    m_placed.clear();
    m_located = false;
    m_asked.clear();
    m_stopAt = -1;
    m_panel.clear();
}

void SelfStudy::setLanguage(const QString &language)
{
    m_panel.setLanguage(language);
}

void SelfStudy::locate()
{
    m_located = true;
    m_placed.clear();
    for (const auto &[line, question] : m_questions)
        if (const auto moment = findQuestionMoment(m_controller.model(), line, question.at))
            m_placed.push_back({ line, question, *moment });
    // In the order the replay reaches them.
    std::sort(m_placed.begin(), m_placed.end(), [](const Placed &a, const Placed &b) { return a.moment.ask < b.moment.ask; });
}

int SelfStudy::askPosition(int line)
{
    if (!m_located && !m_controller.running())
        locate();
    for (const Placed &p : m_placed)
        if (p.line == line)
            return p.moment.ask + 1;
    return -1;
}

int SelfStudy::outcomePosition(int line)
{
    if (!m_located && !m_controller.running())
        locate();
    for (const Placed &p : m_placed)
        if (p.line == line)
            return p.moment.outcome + 1;
    return -1;
}

void SelfStudy::positionChanged(int position)
{
    const int last = m_last;
    m_last = position;
    if (position == 0) {
        m_asked.clear(); // a restart asks again
        m_stopAt = -1;
        if (m_panel.stage() == QuestionPanel::Stage::Watching || m_panel.stage() == QuestionPanel::Stage::AtOutcome)
            m_panel.clear();
        return;
    }
    // A live run in progress: the trace is not known yet, so neither is the moment of a question
    // (the last time a line runs, the call that will raise). Questions come in its replay.
    if (!m_enabled || m_controller.running())
        return;
    // Only when the replay moves on (stepping, or playing, which may cover several events in a
    // beat: playback_pace.h): a seek is not "reaching" a moment.
    const bool movedOn = position == last + 1 || (m_controller.playing() && position > last);
    if (!movedOn || position > m_controller.model().size()) {
        if (m_stopAt > 0 && m_panel.stage() == QuestionPanel::Stage::Watching) {
            m_stopAt = -1; // the student went elsewhere: the outcome is no longer "next"
            m_panel.clear();
        }
        return;
    }
    if (!m_located)
        locate();
    if (m_panel.stage() == QuestionPanel::Stage::AtOutcome)
        m_panel.clear(); // played on from the outcome
    for (const Placed &p : m_placed) {
        if (p.moment.ask + 1 <= last || p.moment.ask + 1 > position || m_asked.count(p.line))
            continue;
        m_asked.insert(p.line);
        m_controller.pause(); // before the execution's calls are shown: the student answers first
        m_stopAt = p.moment.outcome + 1;
        m_panel.ask(p.question, currentLanguage());
        backTo(p.moment.ask + 1, position);
        return;
    }
    if (m_stopAt > 0 && position >= m_stopAt && m_panel.stage() == QuestionPanel::Stage::Watching) {
        const int outcome = std::exchange(m_stopAt, -1);
        m_controller.pause();
        m_panel.showOutcome();
        backTo(outcome, position);
    }
}

void SelfStudy::backTo(int moment, int position)
{
    // A beat of playback went past the moment: go back to it once every view has shown this
    // position (a seek inside this signal would reach the views after it, out of order).
    if (moment == position)
        return;
    QMetaObject::invokeMethod(
        &m_controller, [controller = &m_controller, moment] { controller->seek(moment); }, Qt::QueuedConnection);
}

} // namespace ipclab::ui
