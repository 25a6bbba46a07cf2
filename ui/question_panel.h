#pragma once
// Self-study: "check yourself" questions. A scenario attaches a question and
// its answers to a line (`# ipclab:question at=raises en: ...`, the format is
// in docs/scenario-format.md); with self-study on, the replay pauses just
// before the chosen execution of that line (the 4th, the last, the one whose
// call raises, blocks or never returns), the panel asks, the student picks an
// answer and is told whether it was right and why, and Continue plays on to
// that execution's outcome (the EOFError, the wait, the value received) and
// stops there, so the student sees what they predicted happen.

#include "scenario_catalogue.h"

#include <QWidget>

#include <optional>
#include <set>

class QLabel;
class QPushButton;

namespace ipclab::engine {
class TraceModel;
}

namespace ipclab::ui {

class RunController;

/// Where in a recorded run a question is asked and what answers it (event indices).
struct QuestionMoment {
    int ask = -1; ///< the first event of the execution: the replay pauses once it has happened
    int outcome = -1; ///< the event that shows the answer: the replay stops once it has happened
};

/// The moment of the question on `line` in a recorded run, nothing when the run never got
/// there (the line ran fewer times, nothing on it raised...). An execution of a line is a
/// thread's events from its `stmt` of that line up to that thread's next `stmt` (in a trace
/// without statements: its consecutive events of that line).
std::optional<QuestionMoment> findQuestionMoment(const engine::TraceModel &model, int line, const AskAt &at);

/// The question, its answers (links: a click picks one), the verdict, why, and a button.
class QuestionPanel final : public QWidget {
    Q_OBJECT
public:
    /// Asking: no answer yet. Answered: verdict and why shown. Watching: the replay plays on to
    /// the outcome. AtOutcome: it stopped there.
    enum class Stage { Hidden, Asking, Answered, Watching, AtOutcome };

    explicit QuestionPanel(QWidget *parent = nullptr);
    /// Shows `question` in `language`; hidden again by clear().
    void ask(const Question &question, const QString &language);
    void clear();
    /// A question is up and not yet continued from (Asking or Answered).
    bool asking() const { return m_stage == Stage::Asking || m_stage == Stage::Answered; }
    Stage stage() const { return m_stage; }
    /// The replay plays on to the outcome; then it stopped there.
    void watch();
    void showOutcome();
    /// The student picks answer `index` (what a click on its link does).
    void choose(int index);
    /// -1 until an answer was picked, then whether it was right (0 or 1).
    int verdict() const { return m_verdict; }
    /// The "why" shown once answered, in the panel's language (empty before, or when the lesson has none).
    QString whyText() const;
    /// Everything the panel shows now, as plain text (for tests: what a student can read).
    QString shownText() const;
    /// Shows the same question and verdict in another language.
    void setLanguage(const QString &language);

signals:
    void answered(bool right);
    void continueRequested();

protected:
    void changeEvent(QEvent *e) override;
    void resizeEvent(QResizeEvent *e) override;

private:
    void fill();
    void fitLabels();

    Question m_question;
    QString m_language;
    Stage m_stage = Stage::Hidden;
    int m_chosen = -1, m_verdict = -1;
    QLabel *m_heading = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_answers = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_why = nullptr;
    QPushButton *m_continue = nullptr;
};

/// Watches the replay and stops it at each question's moment while self-study is on, then,
/// once answered, at its outcome.
class SelfStudy final : public QObject {
    Q_OBJECT
public:
    SelfStudy(RunController &controller, QuestionPanel &panel, QObject *parent = nullptr);
    void setEnabled(bool on);
    bool enabled() const { return m_enabled; }
    /// The questions of the scenario now open (each asked once per replay).
    void setScenario(const ScenarioInfo &info);
    /// Shows the question being asked in another language (new ones use the current one).
    void setLanguage(const QString &language);
    /// The position (events played) the replay stops at for the question on `line` of the
    /// recorded run; -1 when it is not asked in this run.
    int askPosition(int line);
    int outcomePosition(int line);

private:
    void positionChanged(int position);
    void backTo(int moment, int position);
    /// Finds every question's moment in the recorded run (once per run).
    void locate();

    struct Placed {
        int line = 0;
        Question question;
        QuestionMoment moment;
    };
    RunController &m_controller;
    QuestionPanel &m_panel;
    std::map<int, Question> m_questions;
    std::vector<Placed> m_placed; ///< the questions this run reaches
    bool m_located = false;
    std::set<int> m_asked; ///< lines already asked in this replay
    bool m_enabled = false;
    int m_last = 0;
    int m_stopAt = -1; ///< the outcome's position while watching
};

} // namespace ipclab::ui
