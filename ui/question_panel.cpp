#include "question_panel.h"

#include "language.h"
#include "run_controller.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ipclab::ui {

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
    m_continue = new QPushButton;
    connect(m_continue, &QPushButton::clicked, this, &QuestionPanel::continueRequested);
    layout->addWidget(m_heading);
    layout->addWidget(m_text);
    layout->addWidget(m_answers);
    layout->addWidget(m_result);
    layout->addWidget(m_continue, 0, Qt::AlignRight);
    setStyleSheet(QStringLiteral("ipclab--ui--QuestionPanel { background: #eff6ff; border: 1px solid #bfdbfe; border-radius: 6px; }"));
    setAttribute(Qt::WA_StyledBackground);
    hide();
}

void QuestionPanel::ask(const Question &question, const QString &language)
{
    m_question = question;
    m_language = language;
    m_asking = true;
    m_chosen = m_verdict = -1;
    fill();
    show();
}

void QuestionPanel::clear()
{
    m_asking = false;
    m_chosen = m_verdict = -1;
    hide();
}

void QuestionPanel::choose(int index)
{
    if (!m_asking || m_chosen >= 0 || index < 0 || index >= static_cast<int>(m_question.answers.size()))
        return;
    m_chosen = index;
    m_verdict = m_question.answers[static_cast<std::size_t>(index)].correct ? 1 : 0;
    fill();
    emit answered(m_verdict == 1);
}

void QuestionPanel::setLanguage(const QString &language)
{
    m_language = language;
    if (m_asking)
        fill();
}

void QuestionPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange && m_asking)
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
    for (QLabel *label : { m_text, m_answers, m_result })
        if (label->width() > 0)
            label->setMinimumHeight(label->heightForWidth(label->width()));
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
    if (m_chosen < 0)
        m_result->setText(tr("Pick an answer; then watch what really happens."));
    else
        m_result->setText(m_verdict == 1 ? tr("Right! Continue to see it happen.")
                                         : tr("Not quite: the right answer is marked in green. Continue to see what really happens."));
    m_continue->setText(m_chosen < 0 ? tr("Skip") : tr("Continue"));
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
        m_panel.clear();
    });
    connect(&m_panel, &QuestionPanel::continueRequested, this, [this] {
        m_panel.clear();
        m_controller.play();
    });
}

void SelfStudy::setEnabled(bool on)
{
    m_enabled = on;
    if (!on)
        m_panel.clear();
}

void SelfStudy::setScenario(const ScenarioInfo &info)
{
    m_questions = info.questions;
    m_asked.clear();
    m_panel.clear();
}

void SelfStudy::setLanguage(const QString &language)
{
    m_panel.setLanguage(language);
}

void SelfStudy::positionChanged(int position)
{
    const int last = m_last;
    m_last = position;
    if (position == 0) {
        m_asked.clear(); // a restart asks again
        return;
    }
    // Only when the replay moves on by one event (playing or stepping): a seek is not "reaching" a line.
    if (!m_enabled || position != last + 1 || position > m_controller.model().size())
        return;
    const int line = m_controller.model().event(position - 1).line;
    const auto it = m_questions.find(line);
    if (it == m_questions.end() || m_asked.count(line))
        return;
    m_asked.insert(line);
    m_controller.pause(); // as the line starts, before its outcome is shown: the student answers first
    m_panel.ask(it->second, currentLanguage());
}

} // namespace ipclab::ui
