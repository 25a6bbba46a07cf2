#pragma once
// Self-study: "check yourself" questions. A scenario can attach a question
// and its answers to a line (`# ipclab:question en: ...`); with self-study on,
// when the replay reaches that line it pauses there, the panel asks, the
// student picks an answer and is told whether it was right, and Continue
// plays on to show what really happens.

#include "scenario_catalogue.h"

#include <QWidget>

#include <set>

class QLabel;
class QPushButton;

namespace ipclab::ui {

class RunController;

/// The question, its answers (links: a click picks one), the verdict and a Continue button.
class QuestionPanel final : public QWidget {
    Q_OBJECT
public:
    explicit QuestionPanel(QWidget *parent = nullptr);
    /// Shows `question` in `language`; hidden again by clear().
    void ask(const Question &question, const QString &language);
    void clear();
    bool asking() const { return m_asking; }
    /// The student picks answer `index` (what a click on its button does).
    void choose(int index);
    /// -1 until an answer was picked, then whether it was right (0 or 1).
    int verdict() const { return m_verdict; }
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
    bool m_asking = false;
    int m_chosen = -1, m_verdict = -1;
    QLabel *m_heading = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_answers = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_continue = nullptr;
};

/// Watches the replay and stops it at each question's line while self-study is on.
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

private:
    void positionChanged(int position);

    RunController &m_controller;
    QuestionPanel &m_panel;
    std::map<int, Question> m_questions;
    std::set<int> m_asked; ///< lines already asked in this replay
    bool m_enabled = false;
    int m_last = 0;
};

} // namespace ipclab::ui
