#pragma once

#include <array>
// The lab window: the catalogue, the stage, the timeline, the code with each
// process's current line, the event log and what is happening now, with
// run / play / step / restart controls over one RunController.

#include "code_view.h"
#include "panel_arrangement.h"
#include "process_colours.h"
#include "question_panel.h"
#include "run_controller.h"
#include "scenario_catalogue.h"

#include <QFileSystemWatcher>
#include <QMainWindow>
#include <QSplitter>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QSlider;
class QAction;
class QTimer;

namespace ipclab::ui {

class FittingToolBar;
class RaceBanner;
class StageView;
class TimelineView;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    /// The line marked as the one whose call never returns (0: none); tests read it.
    int hangLine() const { return m_hangLine; }
    explicit MainWindow(QString workerPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a scenario (a built-in ":/scenarios/..." path or a file); false with a message when it cannot be read.
    /// Loads `path` into the window; with unsaved text in the editor it asks first, unless
    /// `dropUnsaved` (the author already chose).
    bool openScenario(const QString &path, bool dropUnsaved = false);
    /// Checks and runs the open scenario; false when it has problems (shown in the log).
    bool runScenario();
    /// Runs the open scenario live (gated), replaying `steps` first; false when it has problems.
    bool runLive(const QStringList &steps = {});
    /// Live mode: Run starts gated runs that the user steps.
    void setLiveMode(bool on);
    bool liveMode() const { return m_liveMode; }
    /// Live: steps the thread with this tid (a click on its box or lane).
    void stepThread(int tid);
    /// Live: the thread that number key `n` (1..9) steps.
    int threadForKey(int n) const;
    /// Live: re-runs from the start with the schedule minus its last step.
    void undoStep();
    /// Runs the open scenario `runs` times with the gates off and shows the outcomes.
    class RepeatRunsDialog *runManyTimes(int runs);
    bool saveSchedule(const QString &path);
    bool replaySchedule(const QString &path);
    RunController &controller() { return *m_controller; }
    StageView *stage() const { return m_stage; }
    TimelineView *timeline() const { return m_timeline; }
    CodeView *codeView() const { return m_code; }
    const ProcessColours &colours() const { return m_colours; }
    /// The event log's lines, top to bottom.
    QStringList logLines() const;
    /// Shift+arrows and Ctrl+arrows (see buildActions).
    void goToIpcEvent(int direction);
    void goToSelectionEvent(int direction);
    void selectOnStage(const QString &id);
    QString explanation() const;
    /// The About box's text: the version, and the protections a run gets on this machine.
    QString aboutText() const;
    QString currentPath() const { return m_path; }
    const ScenarioInfo &scenarioInfo() const { return m_info; }
    const QStringList &sourceLines() const { return m_sourceLines; }
    /// File › Export: `kind` is stage-png, stage-svg, timeline-png, timeline-svg, gif or pdf; asks
    /// for a file name when `path` is empty. False when nothing was written.
    bool exportPicture(const QString &kind, QString path = {});
    /// Edit mode (Ctrl+E): the code panel is an editor, checked as the author types.
    void setEditing(bool on);
    class LessonEditor *editor() const { return m_editor; }
    QListWidget *problemList() const { return m_problemList; }
    /// Saves the editor's text to `path` (empty: the lesson's own file; a built-in lesson asks).
    bool saveLesson(QString path = {});
    /// Unsaved text in the editor: asks to save, drop or cancel; false when the author cancels.
    bool maybeKeepUnsaved();
    /// Offers back the unsaved text of a window that did not close (called once at start).
    void offerRecovery();
    void restoreText(const QString &lesson, const QByteArray &text);
    /// "What is happening" as it reads now.
    QString outcomeText() const;
    /// What stopped the last run from starting (FILE:LINE:COL: message), if anything did.
    const QStringList &problems() const { return m_problems; }
    /// Type size relative to the system's (Ctrl +/-), remembered across sessions.
    void setZoom(double factor);
    double zoom() const { return m_zoom; }
    /// Full screen, large type, high contrast: for the back of a classroom.
    void setPresentationMode(bool on);
    bool presentationMode() const { return m_presenting; }
    Arrangement arrangement() const { return m_arrangement; }
    FittingToolBar *toolBar() const { return m_bar; }
    QComboBox *lessonChooser() const { return m_lessonChooser; }
    /// Switches the interface language live ("en", "zh_CN"), remembered for the next start.
    void setLanguage(const QString &language);
    /// Self-study: the replay pauses at each question of the scenario (see question_panel.h).
    void setSelfStudy(bool on);
    QuestionPanel *questionPanel() const { return m_questions; }
    SelfStudy *selfStudy() const { return m_selfStudy; }
    QListWidget *catalogueList() const { return m_catalogueList; }
    class OutputPane *outputPane() const { return m_output; }
    class VariablesPanel *variablesPanel() const { return m_variables; }
    RaceBanner *raceBanner() const { return m_race; }

protected:
    void dragEnterEvent(QDragEnterEvent *e) override;
    void dropEvent(QDropEvent *e) override;
    void closeEvent(QCloseEvent *e) override;
    void changeEvent(QEvent *e) override;

private:
    void showAbout();
    void buildActions();
    void buildLayout();
    void showPosition(int position);
    void explainPosition(int position);
    void showLogUpTo(int position);
    void showVerdict(int position);
    void showCodeLines();
    QString layoutKey() const;
    void restoreLayout();
    void rearrange(Arrangement arrangement);
    void resizeEvent(QResizeEvent *e) override;
    void saveLayout() const;
    void saveArrangement() const;
    QString eventText(const engine::TraceEvent &e) const;
    void fillCatalogue();
    void retranslate();
    void keep(QObject *object, const char *property, const char *source);
    void markCurrentLines();
    void rememberRecent(const QString &path);
    void updateRecentMenu();

    void applyTypeSize();
    void buildLiveActions();
    /// Checks the open scenario; its problems go to the event log (false) and nothing runs.
    bool checkScenario();
    void updateLiveControls();
    void updateStepKeys();
    QString defaultSchedulePath() const;

    std::unique_ptr<RunController> m_controller;
    QFont m_baseFont;
    double m_zoom = 1.0;
    int m_lastPosition = 0;
    QAction *m_previousIpcAction = nullptr;
    QAction *m_nextIpcAction = nullptr;
    QAction *m_everyStatementAction = nullptr;
    int m_selectedTid = 0; ///< Ctrl+arrows go to this thread's events…
    std::set<quint64> m_selectedObjects; ///< …or this object's
    PanelSplitters m_splitters; ///< the columns and their panels' heights: remembered per arrangement and screen size
    Panels m_panels;
    QWidget *m_parking = nullptr; ///< holds the panels an arrangement leaves out
    Arrangement m_arrangement = Arrangement::Desk;
    bool m_arranged = false;
    FittingToolBar *m_bar = nullptr;
    QComboBox *m_lessonChooser = nullptr; ///< the lesson list, folded into the toolbar
    QAction *m_lessonChooserAction = nullptr;
    QAction *m_presentAction = nullptr;
    bool m_showMetadata = false; ///< View › Show lesson metadata
    int m_hangLine = 0; ///< the line whose call never returns, at the end of a hung run
    int m_loggedUpTo = 0; ///< the event log shows the run up to this position
    bool m_logShowsDiagnosis = false;
    bool m_presenting = false;
    ProcessColours m_colours;
    std::vector<ScenarioInfo> m_catalogue;
    QString m_path;
    ScenarioInfo m_info;
    QByteArray m_source;
    QStringList m_sourceLines;
    QStringList m_problems;
    class LessonEditor *m_editor = nullptr;
    QListWidget *m_problemList = nullptr;
    QAction *m_editAction = nullptr;
    void showProblems(const QStringList &problems);
    void goToProblem(const QString &problem);
    QFileSystemWatcher m_watcher;

    QListWidget *m_catalogueList = nullptr;
    QLabel *m_explanation = nullptr;
    StageView *m_stage = nullptr;
    TimelineView *m_timeline = nullptr;
    CodeView *m_code = nullptr;
    bool m_liveMode = false;
    QTimer *m_autoStep = nullptr;
    std::map<int, int> m_stepKeys; ///< tid -> number key
    QAction *m_liveAction = nullptr, *m_liveStepAction = nullptr, *m_freeAction = nullptr, *m_raceAction = nullptr, *m_undoAction = nullptr,
            *m_autoAction = nullptr, *m_repeatAction = nullptr;
    QListWidget *m_log = nullptr;
    class OutputPane *m_output = nullptr;
    class VariablesPanel *m_variables = nullptr;
    RaceBanner *m_race = nullptr; ///< narrates a lost update above the stage and pauses on it
    int m_errorLine = 0; ///< the line marked from a traceback in the output pane (0: none)
    QLabel *m_status = nullptr;
    QSlider *m_speed = nullptr;
    QAction *m_runAction = nullptr, *m_playAction = nullptr, *m_backAction = nullptr, *m_stepAction = nullptr, *m_restartAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QuestionPanel *m_questions = nullptr;
    SelfStudy *m_selfStudy = nullptr;
    QAction *m_selfStudyAction = nullptr;
};

} // namespace ipclab::ui
