#include "main_window.h"

#include "catalogue_list.h"
#include "event_text.h"
#include "export_command.h"
#include "fitting_tool_bar.h"
#include "help_dialogs.h"
#include "language.h"
#include "lesson_editor.h"
#include "operation_words.h"
#include "output_pane.h"
#include "python_highlighter.h"
#include "race_banner.h"
#include "repeat_runs.h"
#include "sandbox_words.h"
#include "scenario.h"
#include "stage_view.h"
#include "timeline_view.h"
#include "variables_panel.h"
#include "wait_edges.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBlock>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace ipclab::ui {

namespace {

// A moment of the run as a class reads it: 250 µs, 1.944 ms, 2.31 s.
QString timeText(double ms)
{
    if (ms < 1.0)
        return QCoreApplication::translate("ipclab::ui::MainWindow", "%1 µs").arg(ms * 1000.0, 0, 'f', 0);
    if (ms < 1000.0)
        return QCoreApplication::translate("ipclab::ui::MainWindow", "%1 ms").arg(ms, 0, 'f', 3);
    return QCoreApplication::translate("ipclab::ui::MainWindow", "%1 s").arg(ms / 1000.0, 0, 'f', 3);
}

// A panel with its title above; the title is set again when the language changes.
QWidget *titled(const char *title, QWidget *content)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *label = new QLabel;
    label->setObjectName(QStringLiteral("panelTitle")); // its type size follows the window's (applyTypeSize)
    setTranslated(label, "text", MainWindow::staticMetaObject.className(), title);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

QIcon toolIcon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

} // namespace

MainWindow::MainWindow(QString workerPath, QWidget *parent)
    : QMainWindow(parent)
    , m_controller(std::make_unique<RunController>(std::move(workerPath)))
{
    setWindowTitle(tr("IPC Lab"));
    setAcceptDrops(true);
    m_catalogue = builtInScenarios();
    buildLayout();
    buildActions();
    buildLiveActions();
    connect(m_controller.get(), &RunController::positionChanged, this, &MainWindow::showPosition);
    connect(m_controller.get(), &RunController::runFinished, this, [this] {
        m_timeline->setHung(m_controller->result().end == engine::RunEnd::Hang);
        m_timeline->setModel(&m_controller->model());
        m_timeline->setPosition(m_controller->position());
        m_loggedUpTo = -1; // the verdict is in: write the log again with it
        showLogUpTo(m_controller->position());
        if (m_controller->isLiveRun()) {
            QString text;
            if (m_controller->result().end == engine::RunEnd::Hang) {
                // Nothing can run: say why for every blocked call (the stage shows them in red).
                text = tr("Nothing can run any more: every thread waits, and nobody will wake it.");
                for (const engine::BlockedCall &b : m_controller->result().blocked)
                    text += QStringLiteral("\n\n") + b.text;
            } else {
                text = tr("The live run ended (%n step(s) taken). Scrub the timeline or step back to see it again; Undo re-runs it one step shorter.", nullptr,
                    static_cast<int>(m_controller->lastSchedule().size()));
            }
            m_explanation->setText(text);
        }
        updateLiveControls();
    });
    connect(m_controller.get(), &RunController::liveEventsArrived, this, [this] {
        m_timeline->setHung(false);
        m_timeline->setModel(&m_controller->model());
        m_timeline->setPosition(m_controller->position());
        updateStepKeys();
        if (auto *live = m_controller->live()) {
            const QString message = live->takeMessage();
            if (!message.isEmpty())
                statusBar()->showMessage(message, 6000);
        }
    });
    connect(m_stage, &StageView::threadClicked, this, &MainWindow::stepThread);
    connect(m_stage, &StageView::exportRequested, this, [this] { exportPicture(QStringLiteral("stage-png")); });
    connect(m_timeline, &TimelineView::exportRequested, this, [this] { exportPicture(QStringLiteral("timeline-png")); });
    connect(m_stage, &StageView::elementClicked, this, &MainWindow::selectOnStage);
    connect(m_timeline, &TimelineView::laneClicked, this, &MainWindow::stepThread);
    connect(m_timeline, &TimelineView::laneClicked, this, [this](int tid) { selectOnStage(QStringLiteral("thread/%1").arg(tid)); });
    connect(m_controller.get(), &RunController::playingChanged, this, [this](bool playing) {
        keep(m_playAction, "text", playing ? QT_TR_NOOP("Pause") : QT_TR_NOOP("Play"));
        m_playAction->setIcon(toolIcon(playing ? "pause" : "play"));
    });
    connect(m_timeline, &TimelineView::seekRequested, this, [this](int position) {
        m_controller->pause();
        m_controller->seek(position);
    });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        if (path != m_path || !QFileInfo::exists(path))
            return;
        // Changed on disk while the author has unsaved text here: ask which to keep.
        if (m_code->editing() && m_editor->modified()
            && QMessageBox::question(this, tr("Changed on disk"),
                   tr("%1 was changed on disk, and the editor has unsaved changes. Load the file from disk and drop the changes here?")
                       .arg(QFileInfo(path).fileName()),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                != QMessageBox::Yes)
            return;
        m_editor->forgetRecovery();
        if (openScenario(path, true))
            runScenario(); // reload what changed on disk, and run it again
    });
    restoreLayout();
    // The type before any window scaled it: the application's font is what applyTypeSize()
    // changes, so a second window (or a test's next one) must not take a scaled one as its base.
    static const QFont unscaled = QApplication::font();
    m_baseFont = unscaled;
    setZoom(QSettings().value(QStringLiteral("zoom"), 1.0).toDouble());
    setSelfStudy(QSettings().value(QStringLiteral("selfStudy"), false).toBool());
}

void MainWindow::setZoom(double factor)
{
    m_zoom = std::clamp(factor, 0.6, 3.0);
    QSettings().setValue(QStringLiteral("zoom"), m_zoom);
    applyTypeSize();
}

void MainWindow::setPresentationMode(bool on)
{
    if (on == m_presenting)
        return;
    if (on && m_arranged)
        saveLayout(); // what the desk looked like, to come back to
    m_presenting = on;
    m_presentAction->setChecked(on);
    if (on) {
        showFullScreen();
        // Without a window manager (a bare X server, some projector set-ups) full screen is only
        // a wish: take the screen's size ourselves.
        if (const QScreen *screen = this->screen())
            setGeometry(screen->geometry());
    } else {
        showNormal();
        restoreGeometry(QSettings().value(layoutKey() + QStringLiteral("geometry")).toByteArray());
    }
    // High contrast: black ink on white, and the explanation in strong colours.
    m_explanation->setStyleSheet(on ? QStringLiteral("background:#ffffff; color:#000000; border:3px solid #000000; border-radius:6px; padding:10px;")
                                    : QStringLiteral("background:#fffbeb; border:1px solid #fde68a; border-radius:6px; padding:8px;"));
    m_explanation->setMinimumHeight(on ? 0 : 140);
    rearrange(on ? Arrangement::Room : (width() < kLaptopWidth ? Arrangement::Laptop : Arrangement::Desk));
    applyTypeSize();
}

void MainWindow::applyTypeSize()
{
    QFont font = m_baseFont;
    QFont mono = m_code->font();
    if (m_presenting) {
        // For a room: sizes in pixels of the screen's height, so that the back row reads the
        // same on a 720p projector and on a 4K one (with or without high-DPI scaling): code at
        // 22 px at 1080 lines.
        const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
        const double lines = screen ? screen->geometry().height() : 1080.0;
        font.setPixelSize(std::max(14, static_cast<int>(std::lround(19.0 * lines / 1080.0 * m_zoom))));
        mono.setPixelSize(std::max(16, static_cast<int>(std::lround(22.0 * lines / 1080.0 * m_zoom))));
        m_bar->setIconPixels(std::max(24, static_cast<int>(std::lround(30.0 * lines / 1080.0))));
    } else {
        font.setPointSizeF(m_baseFont.pointSizeF() * m_zoom);
        mono.setPointSizeF(m_baseFont.pointSizeF() * m_zoom);
        m_bar->setIconPixels(20);
    }
    QApplication::setFont(font);
    m_code->setFont(mono);
    for (QWidget *w : { static_cast<QWidget *>(m_stage), static_cast<QWidget *>(m_timeline), static_cast<QWidget *>(m_explanation),
             static_cast<QWidget *>(m_catalogueList), static_cast<QWidget *>(m_log) })
        w->setFont(font);
    // The panes that show program text (output, variables) in the code's type; titles in bold.
    m_output->setFont(mono);
    m_variables->setFont(font);
    for (QTreeView *tree : m_variables->findChildren<QTreeView *>())
        tree->setFont(mono);
    QFont title = font;
    title.setBold(true);
    for (QLabel *label : findChildren<QLabel *>(QStringLiteral("panelTitle")))
        label->setFont(title);
    fillCatalogue(); // its chapter headings carry a bold copy of the list's font
    m_bar->fit();
}

void MainWindow::rearrange(Arrangement arrangement)
{
    if (m_arranged && arrangement == m_arrangement)
        return;
    QSettings settings;
    const QString key = layoutKey();
    if (m_arranged)
        saveArrangement();
    std::array<QByteArray, 4> saved;
    const QString prefix = key + arrangementName(arrangement) + QLatin1Char('/');
    saved[0] = settings.value(prefix + m_splitters.columns->objectName()).toByteArray();
    for (std::size_t i = 0; i < 3; ++i)
        saved[i + 1] = settings.value(prefix + m_splitters.column[i]->objectName()).toByteArray();
    arrangePanels(arrangement, m_panels, m_splitters, m_parking, saved);
    m_arrangement = arrangement;
    m_arranged = true;
    m_lessonChooserAction->setVisible(arrangement != Arrangement::Desk);
    m_bar->fit();
}

void MainWindow::resizeEvent(QResizeEvent *e)
{
    QMainWindow::resizeEvent(e);
    // A narrow window folds the lesson list into the toolbar; a wide one unfolds it.
    if (!m_presenting && m_bar)
        rearrange(width() < kLaptopWidth ? Arrangement::Laptop : Arrangement::Desk);
}

MainWindow::~MainWindow()
{
    m_controller->stop();
}

void MainWindow::buildLayout()
{
    m_catalogueList = new QListWidget;
    m_catalogueList->setWordWrap(true);
    m_catalogueList->setSpacing(3);
    fillCatalogue();
    connect(m_catalogueList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (openScenario(item->data(Qt::UserRole).toString()))
            runScenario();
    });
    connect(m_catalogueList, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        if (openScenario(item->data(Qt::UserRole).toString()))
            runScenario();
    });
    m_explanation = new QLabel;
    m_explanation->setWordWrap(true);
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_explanation->setStyleSheet(QStringLiteral("background:#fffbeb; border:1px solid #fde68a; border-radius:6px; padding:8px;"));
    m_explanation->setMinimumHeight(140);
    m_questions = new QuestionPanel;
    m_selfStudy = new SelfStudy(*m_controller, *m_questions, this);
    auto *happening = new QWidget;
    auto *happeningLayout = new QVBoxLayout(happening);
    happeningLayout->setContentsMargins(0, 0, 0, 0);
    happeningLayout->addWidget(m_explanation, 1);
    happeningLayout->addWidget(m_questions);
    m_panels.lessons = titled(QT_TR_NOOP("Lessons"), m_catalogueList);
    // Scrolls rather than squeezes: a long diagnosis and a question with its why can need more
    // height than the pane has, and labels pressed below their height overprint each other.
    auto *happeningScroll = new QScrollArea;
    happeningScroll->setWidget(happening);
    happeningScroll->setWidgetResizable(true);
    happeningScroll->setFrameShape(QFrame::NoFrame);
    happeningScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_panels.happening = titled(QT_TR_NOOP("What is happening"), happeningScroll);

    m_stage = new StageView(m_colours);
    m_timeline = new TimelineView(m_colours);
    auto *stageScroll = new QScrollArea;
    stageScroll->setWidget(m_stage);
    stageScroll->setWidgetResizable(true);
    stageScroll->setFrameShape(QFrame::NoFrame);
    m_race = new RaceBanner(*m_controller);
    m_panels.stage = titled(QT_TR_NOOP("Stage"), m_race->above(stageScroll));
    m_panels.timeline = titled(QT_TR_NOOP("Timeline"), m_timeline);

    m_code = new CodeView;
    connect(m_code, &CodeView::breakpointsChanged, this, [this](const std::set<int> &lines) {
        if (auto *live = m_controller->live())
            live->setBreakpoints(lines);
    });
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_code->setFont(mono);
    new PythonHighlighter(m_code->document());
    m_log = new QListWidget;
    m_output = new OutputPane(m_colours);
    connect(m_output, &OutputPane::tracebackLineClicked, this, [this](int line) {
        m_errorLine = line;
        markCurrentLines();
        QTextCursor cursor(m_code->document()->findBlockByNumber(line - 1));
        m_code->setTextCursor(cursor);
        m_code->ensureCursorVisible();
    });
    m_variables = new VariablesPanel(m_colours);
    m_editor = new LessonEditor(*m_code, this);
    m_problemList = new QListWidget;
    m_problemList->setStyleSheet(QStringLiteral("QListWidget { color: #991b1b; background: #fef2f2; }"));
    m_problemList->hide();
    connect(m_editor, &LessonEditor::problemsChanged, this, &MainWindow::showProblems);
    connect(m_editor, &LessonEditor::modifiedChanged, this, &QWidget::setWindowModified);
    connect(m_problemList, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { goToProblem(item->text()); });
    auto *codeAndProblems = new QWidget;
    auto *codeLayout = new QVBoxLayout(codeAndProblems);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    codeLayout->setSpacing(2);
    codeLayout->addWidget(m_code, 1);
    codeLayout->addWidget(m_problemList);
    m_panels.code = titled(QT_TR_NOOP("Code"), codeAndProblems);
    m_panels.variables = titled(QT_TR_NOOP("Variables"), m_variables);
    m_panels.output = titled(QT_TR_NOOP("Output"), m_output);
    m_panels.log = titled(QT_TR_NOOP("Event log"), m_log);

    auto *main = new QSplitter(Qt::Horizontal);
    main->setObjectName(QStringLiteral("columns"));
    m_splitters.columns = main;
    for (std::size_t i = 0; i < m_splitters.column.size(); ++i) {
        auto *column = new QSplitter(Qt::Vertical);
        column->setObjectName(QStringLiteral("column%1").arg(i));
        column->setChildrenCollapsible(false);
        main->addWidget(column);
        m_splitters.column[i] = column;
    }
    m_parking = new QWidget(this);
    m_parking->hide();
    arrangePanels(Arrangement::Desk, m_panels, m_splitters, m_parking, {});
    setCentralWidget(main);
    m_status = new QLabel;
    statusBar()->addPermanentWidget(m_status);
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(QString());
    keep(file, "title", QT_TR_NOOP("&File"));
    QAction *open = file->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a scenario"), QString(), tr("Python scenarios (*.py)"));
        if (!path.isEmpty() && openScenario(path))
            runScenario();
    });
    keep(open, "text", QT_TR_NOOP("&Open..."));
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(QString());
    keep(m_recentMenu, "title", QT_TR_NOOP("Open &Recent"));
    updateRecentMenu();
    // Pictures for slides and handouts: the same code as `ipclab export`.
    QMenu *exports = file->addMenu(QString());
    keep(exports, "title", QT_TR_NOOP("&Export"));
    const std::pair<const char *, const char *> kinds[] = { { "stage-png", QT_TR_NOOP("The stage as PNG…") }, { "stage-svg", QT_TR_NOOP("The stage as SVG…") },
        { "timeline-png", QT_TR_NOOP("The timeline as PNG…") }, { "timeline-svg", QT_TR_NOOP("The timeline as SVG…") },
        { "gif", QT_TR_NOOP("The replay from here as GIF…") }, { "pdf", QT_TR_NOOP("A handout as PDF…") } };
    for (const auto &[kind, name] : kinds) {
        const QString what = QString::fromLatin1(kind);
        keep(exports->addAction(QString(), this, [this, what] { exportPicture(what); }), "text", name);
    }
    file->addSeparator();
    QAction *saveLessonAction = file->addAction(QString(), this, [this] { saveLesson(); });
    keep(saveLessonAction, "text", QT_TR_NOOP("&Save lesson"));
    saveLessonAction->setShortcut(QKeySequence::Save);
    QAction *saveAs = file->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the lesson as"), QFileInfo(m_path).fileName(), tr("Python scenarios (*.py)"));
        if (!path.isEmpty())
            saveLesson(path);
    });
    keep(saveAs, "text", QT_TR_NOOP("Save lesson &as…"));
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    keep(file->addAction(QString(), QKeySequence::Quit, this, &QWidget::close), "text", QT_TR_NOOP("&Quit"));

    QMenu *edit = menuBar()->addMenu(QString());
    keep(edit, "title", QT_TR_NOOP("&Edit"));
    m_editAction = edit->addAction(QString(), this, [this](bool on) { setEditing(on); });
    keep(m_editAction, "text", QT_TR_NOOP("Edit the lesson"));
    keep(m_editAction, "toolTip", QT_TR_NOOP("Turn the code panel into an editor, checked as you type; Run runs what is in it, saved or not"));
    m_editAction->setCheckable(true);
    m_editAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *comment = edit->addAction(QString(), this, [this] { m_code->toggleComment(); });
    keep(comment, "text", QT_TR_NOOP("Comment or uncomment the lines"));
    comment->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));

    m_bar = new FittingToolBar(this);
    addToolBar(m_bar);
    FittingToolBar *bar = m_bar;
    keep(bar, "windowTitle", QT_TR_NOOP("Controls"));
    // The lesson list folded into the toolbar, where the window has no room for the list
    // (a laptop, presentation mode).
    m_lessonChooser = new QComboBox;
    m_lessonChooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_lessonChooser->setMinimumContentsLength(32); // "1.5  The forgotten close(): recv() waits…"
    connect(m_lessonChooser, &QComboBox::activated, this, [this](int index) {
        const QString path = m_lessonChooser->itemData(index).toString();
        if (!path.isEmpty() && path != m_path && openScenario(path))
            runScenario();
    });
    m_lessonChooserAction = bar->addWidget(m_lessonChooser);
    m_lessonChooserAction->setVisible(false);
    m_runAction = bar->addAction(QString(), this, [this] { runScenario(); });
    keep(m_runAction, "text", QT_TR_NOOP("Run"));
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_playAction = bar->addAction(QString(), this, [this] { m_controller->playing() ? m_controller->pause() : m_controller->play(); });
    keep(m_playAction, "text", QT_TR_NOOP("Play"));
    m_playAction->setShortcut(QKeySequence(Qt::Key_Space));
    m_backAction = bar->addAction(QString(), this, [this] { m_controller->stepBack(); });
    keep(m_backAction, "text", QT_TR_NOOP("Step back"));
    m_backAction->setShortcut(QKeySequence(Qt::Key_Left));
    m_stepAction = bar->addAction(QString(), this, [this] { m_controller->stepForward(); });
    keep(m_stepAction, "text", QT_TR_NOOP("Step"));
    m_stepAction->setShortcut(QKeySequence(Qt::Key_Right));
    // Through a long run by what matters: the lesson's IPC steps (Shift+arrows), and the
    // steps of the thread or object clicked on the stage or the timeline (Ctrl+arrows).
    m_previousIpcAction = bar->addAction(QString(), this, [this] { goToIpcEvent(-1); });
    keep(m_previousIpcAction, "text", QT_TR_NOOP("◀ IPC"));
    keep(m_previousIpcAction, "toolTip", QT_TR_NOOP("Previous IPC event (Shift+←)"));
    m_previousIpcAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Left));
    m_nextIpcAction = bar->addAction(QString(), this, [this] { goToIpcEvent(+1); });
    keep(m_nextIpcAction, "text", QT_TR_NOOP("IPC ▶"));
    keep(m_nextIpcAction, "toolTip", QT_TR_NOOP("Next IPC event (Shift+→)"));
    m_nextIpcAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Right));
    auto *goTo = new QAction(this);
    keep(goTo, "text", QT_TR_NOOP("Go to event…"));
    goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(goTo, &QAction::triggered, this, [this] {
        bool ok = false;
        const int size = m_controller->model().size();
        const int event = QInputDialog::getInt(this, tr("Go to event"), tr("Event (0 to %1):").arg(size), m_controller->position(), 0, size, 1, &ok);
        if (ok) {
            m_controller->pause();
            m_controller->seek(event);
        }
    });
    addAction(goTo);
    auto *previousOfSelection = new QAction(this);
    previousOfSelection->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Left));
    connect(previousOfSelection, &QAction::triggered, this, [this] { goToSelectionEvent(-1); });
    addAction(previousOfSelection);
    auto *nextOfSelection = new QAction(this);
    nextOfSelection->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right));
    connect(nextOfSelection, &QAction::triggered, this, [this] { goToSelectionEvent(+1); });
    addAction(nextOfSelection);
    m_everyStatementAction = bar->addAction(QString(), this, [this](bool on) { m_controller->setEveryStatement(on); });
    m_everyStatementAction->setCheckable(true);
    keep(m_everyStatementAction, "text", QT_TR_NOOP("Every statement"));
    keep(m_everyStatementAction, "toolTip",
        QT_TR_NOOP("Play gives every statement a step of its own; otherwise statements go by with the IPC step they lead to, and repeated steps speed up"));
    m_restartAction = bar->addAction(QString(), this, [this] {
        m_controller->seek(0);
        m_controller->play();
    });
    keep(m_restartAction, "text", QT_TR_NOOP("Restart"));
    m_restartAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Home));
    // Home and End jump to the first and the last event whichever panel has the focus
    // (a list would otherwise move its selection); none of the panels edits text.
    auto *first = new QAction(this);
    keep(first, "text", QT_TR_NOOP("First event"));
    first->setShortcut(QKeySequence(Qt::Key_Home));
    connect(first, &QAction::triggered, this, [this] {
        m_controller->pause();
        m_controller->seek(0);
    });
    addAction(first);
    auto *last = new QAction(this);
    keep(last, "text", QT_TR_NOOP("Last event"));
    last->setShortcut(QKeySequence(Qt::Key_End));
    connect(last, &QAction::triggered, this, [this] {
        m_controller->pause();
        m_controller->seek(m_controller->model().size());
    });
    addAction(last);
    bar->addSeparator();
    auto *speedLabel = new QLabel;
    keep(speedLabel, "text", QT_TR_NOOP(" Speed "));
    bar->addNameWidget(speedLabel);
    m_speed = new QSlider(Qt::Horizontal);
    m_speed->setRange(1, 100);
    m_speed->setValue(20);
    m_speed->setMaximumWidth(160);
    m_speed->setMinimumWidth(80);
    keep(m_speed, "toolTip", QT_TR_NOOP("Speed of the replay"));
    connect(m_speed, &QSlider::valueChanged, this, [this](int v) { m_controller->setSpeed(v * 0.5); });
    m_controller->setSpeed(m_speed->value() * 0.5);
    bar->addWidget(m_speed);

    QMenu *view = menuBar()->addMenu(QString());
    keep(view, "title", QT_TR_NOOP("&View"));
    QAction *zoomIn = view->addAction(QString(), this, [this] { setZoom(m_zoom * 1.15); });
    keep(zoomIn, "text", QT_TR_NOOP("Larger type"));
    zoomIn->setShortcuts({ QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal) });
    QAction *zoomOut = view->addAction(QString(), this, [this] { setZoom(m_zoom / 1.15); });
    keep(zoomOut, "text", QT_TR_NOOP("Smaller type"));
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *normal = view->addAction(QString(), this, [this] { setZoom(1.0); });
    keep(normal, "text", QT_TR_NOOP("Normal size"));
    normal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *present = view->addAction(QString(), this, [this](bool on) { setPresentationMode(on); });
    m_presentAction = present;
    keep(present, "text", QT_TR_NOOP("Presentation mode"));
    present->setCheckable(true);
    present->setShortcut(QKeySequence(Qt::Key_F5));
    bar->addSeparator();
    bar->addAction(present);

    m_selfStudyAction = view->addAction(QString(), this, [this](bool on) { setSelfStudy(on); });
    keep(m_selfStudyAction, "text", QT_TR_NOOP("Self-study: stop at questions"));
    keep(m_selfStudyAction, "toolTip", QT_TR_NOOP("Pause the replay at each question of the lesson, let the student answer, then show what really happens"));
    m_selfStudyAction->setCheckable(true);
    bar->addAction(m_selfStudyAction);
    QAction *metadata = view->addAction(QString(), this, [this](bool on) {
        m_showMetadata = on;
        QSettings().setValue(QStringLiteral("showLessonMetadata"), on);
        showCodeLines();
    });
    keep(metadata, "text", QT_TR_NOOP("Show lesson metadata"));
    keep(metadata, "toolTip",
        QT_TR_NOOP("Show the lesson's # ipclab: comments in the code (for authors); otherwise they are folded away and their words are in the margin marks"));
    metadata->setCheckable(true);
    m_showMetadata = QSettings().value(QStringLiteral("showLessonMetadata"), false).toBool();
    metadata->setChecked(m_showMetadata);

    // Each language is named in itself, so whoever cannot read the current one still finds theirs.
    QMenu *languages = view->addMenu(QString());
    keep(languages, "title", QT_TR_NOOP("&Language"));
    auto *group = new QActionGroup(languages);
    for (const QString &language : interfaceLanguages()) {
        QAction *choice = languages->addAction(languageName(language), this, [this, language] { setLanguage(language); });
        choice->setCheckable(true);
        choice->setChecked(language == currentLanguage());
        choice->setData(language);
        group->addAction(choice);
    }

    QMenu *help = menuBar()->addMenu(QString());
    keep(help, "title", QT_TR_NOOP("&Help"));
    QAction *shortcuts = help->addAction(QString(), this, [this] {
        auto *dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    keep(shortcuts, "text", QT_TR_NOOP("&Keyboard shortcuts"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    QAction *language = help->addAction(QString(), this, [this] { showReference(this, QStringLiteral("language.md"), tr("The scenario language")); });
    keep(language, "text", QT_TR_NOOP("The scenario &language"));
    QAction *format = help->addAction(QString(), this, [this] { showReference(this, QStringLiteral("scenario-format.md"), tr("Writing a lesson")); });
    keep(format, "text", QT_TR_NOOP("Writing a &lesson (scenario format)"));
    help->addSeparator();
    QAction *about = help->addAction(QString(), this, [this] { showAbout(); });
    keep(about, "text", QT_TR_NOOP("About IPC Lab"));
    about->setMenuRole(QAction::AboutRole);
}

bool MainWindow::exportPicture(const QString &kind, QString path)
{
    const QString suffix = kind.section(QLatin1Char('-'), -1);
    if (path.isEmpty()) {
        const QString suggested = QFileInfo(m_path).completeBaseName() + QLatin1Char('-') + QString(kind).replace(QLatin1Char('-'), QLatin1Char('.'));
        path = QFileDialog::getSaveFileName(
            this, tr("Export"), suggested.endsWith(suffix) ? suggested : suggested + QLatin1Char('.') + suffix, QStringLiteral("*.%1").arg(suffix));
        if (path.isEmpty())
            return false;
    }
    const QString what = kind.startsWith(QLatin1String("timeline")) ? QStringLiteral("timeline") : QStringLiteral("stage");
    const QSize size(1600, 900);
    const int position = m_controller->position();
    QString problem;
    if (suffix == QLatin1String("png"))
        problem = exportPng(*this, what, size, path);
    else if (suffix == QLatin1String("svg"))
        problem = exportSvg(*this, what, size, path);
    else if (suffix == QLatin1String("gif"))
        problem = exportGif(*this, what, size, 8, path);
    else
        problem = exportPdf(*this, path);
    m_controller->seek(position); // the GIF and the handout moved through the run: come back
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Export"), problem);
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 6000);
    return true;
}

void MainWindow::setEditing(bool on)
{
    m_code->setEditing(on);
    m_editAction->setChecked(on);
    showCodeLines(); // an author edits every line, metadata included
    if (on) {
        m_code->setFocus();
        m_editor->checkNow();
    } else {
        m_code->setProblemMarks({});
        m_problemList->hide();
    }
}

bool MainWindow::saveLesson(QString path)
{
    if (path.isEmpty())
        path = m_path;
    if (path.isEmpty() || path.startsWith(QLatin1Char(':'))) {
        // A built-in lesson is part of the program: its copy goes where the author says.
        path = QFileDialog::getSaveFileName(this, tr("Save the lesson as"), QFileInfo(m_path).fileName(), tr("Python scenarios (*.py)"));
        if (path.isEmpty())
            return false;
    }
    m_watcher.removePath(m_path);
    const QString problem = m_editor->save(path);
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Save"), problem);
        return false;
    }
    m_path = path;
    m_source = m_editor->text();
    m_watcher.addPath(path);
    rememberRecent(path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

bool MainWindow::maybeKeepUnsaved()
{
    if (!m_editor || !m_code->editing() || !m_editor->modified())
        return true;
    const auto choice
        = QMessageBox::question(this, tr("Unsaved changes"), tr("%1 has changes that are not saved. Save them?").arg(QFileInfo(m_path).fileName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (choice == QMessageBox::Cancel)
        return false;
    if (choice == QMessageBox::Save)
        return saveLesson();
    m_editor->forgetRecovery();
    return true;
}

void MainWindow::showProblems(const QStringList &problems)
{
    m_problemList->clear();
    m_problemList->addItems(problems);
    // As tall as its problems, up to four: the code keeps the room.
    const int rows = static_cast<int>(std::min<qsizetype>(4, std::max<qsizetype>(1, problems.size())));
    m_problemList->setFixedHeight(rows * (m_problemList->fontMetrics().height() + 4) + 2 * m_problemList->frameWidth() + 4);
    m_problemList->setVisible(m_code->editing() && !problems.isEmpty());
}

void MainWindow::goToProblem(const QString &problem)
{
    static const QRegularExpression where(QStringLiteral("^[^:]*:(\\d+):(\\d+):"));
    const QRegularExpressionMatch m = where.match(problem);
    if (!m.hasMatch())
        return;
    QTextCursor cursor(m_code->document()->findBlockByNumber(m.captured(1).toInt() - 1));
    cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::MoveAnchor, std::max(0, m.captured(2).toInt() - 1));
    m_code->setTextCursor(cursor);
    m_code->ensureCursorVisible();
    m_code->setFocus();
}

void MainWindow::offerRecovery()
{
    // Unsaved text of a window that did not close (a crash, a kill): offered back, whole.
    for (const QString &lesson : LessonEditor::recoveries()) {
        QFile copy(LessonEditor::recoveryFor(lesson));
        if (!copy.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = copy.readAll();
        copy.close();
        if (QMessageBox::question(this, tr("Restore unsaved text"),
                tr("IPC Lab did not close properly while %1 had unsaved changes. Restore them in the editor?").arg(QFileInfo(lesson).fileName()),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes)
            == QMessageBox::Yes) {
            restoreText(lesson, text);
            return;
        }
        QFile::remove(copy.fileName());
        QFile::remove(copy.fileName() + QStringLiteral(".from"));
    }
}

void MainWindow::restoreText(const QString &lesson, const QByteArray &text)
{
    if (!openScenario(lesson, true))
        return;
    setEditing(true);
    m_code->setPlainText(QString::fromUtf8(text)); // unsaved again, until the author saves it
}

QString MainWindow::outcomeText() const
{
    return m_explanation->text();
}

QString MainWindow::aboutText() const
{
    QString text = tr("<h3>IPC Lab %1</h3><p>Inter-process communication as Python's multiprocessing does it, in real processes.</p>")
                       .arg(QCoreApplication::applicationVersion().toHtmlEscaped());
    text += tr("<p>A lesson file cannot reach anything outside its own run. On this machine every run gets:</p>");
    text += QStringLiteral("<ul>");
    for (const QString &line : engine::protectionWords(engine::planForThisMachine({}, m_controller->workerPath())))
        text += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    text += QStringLiteral("</ul>");
    return text;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About IPC Lab"), aboutText());
}

void MainWindow::keep(QObject *object, const char *property, const char *source)
{
    setTranslated(object, property, metaObject()->className(), source);
}

void MainWindow::setLanguage(const QString &language)
{
    rememberLanguage(language);
    applyLanguage(language); // Qt sends LanguageChange to every widget: see changeEvent()
}

void MainWindow::setSelfStudy(bool on)
{
    QSettings().setValue(QStringLiteral("selfStudy"), on);
    m_selfStudy->setEnabled(on);
    m_selfStudyAction->setChecked(on);
    showCodeLines();
}

void MainWindow::showCodeLines()
{
    // Only code: the lesson's `# ipclab:` lines are folded away unless an author asks for them
    // (View › Show lesson metadata); in self-study the question and answer comments always are,
    // as they would tell the student which answer is right. What they say is in the margin marks.
    std::set<int> hidden = m_selfStudy->enabled() && !m_code->editing() ? m_info.selfStudyLines : std::set<int>();
    if (!m_showMetadata && !m_code->editing())
        for (int i = 0; i < m_sourceLines.size(); ++i)
            if (m_sourceLines.at(i).trimmed().startsWith(QLatin1String("# ipclab:")))
                hidden.insert(i + 1);
    m_code->setHiddenLines(hidden);
    const QString language = currentLanguage();
    std::map<int, CodeView::MarginNote> notes;
    for (const auto &[line, text] : m_info.explanations)
        notes[line] = { QLatin1Char('i'), text.text(language) };
    for (const auto &[line, question] : m_info.questions)
        notes[line] = { QLatin1Char('?'), tr("Question: %1").arg(question.text.text(language)) };
    m_code->setMarginNotes(std::move(notes));
}

void MainWindow::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(e);
}

void MainWindow::retranslate()
{
    // Menus, actions and panel titles remember their source texts; the rest is built from the
    // scenario and the run again, which stay loaded.
    retranslateTree(this);
    if (m_code && m_selfStudy)
        showCodeLines(); // the margin marks speak the new language
    for (QAction *choice : findChildren<QAction *>())
        if (choice->data().isValid() && interfaceLanguages().contains(choice->data().toString()))
            choice->setChecked(choice->data().toString() == currentLanguage());
    fillCatalogue();
    m_selfStudy->setLanguage(currentLanguage());
    setWindowTitle(m_path.isEmpty() ? tr("IPC Lab") : tr("IPC Lab — %1").arg(m_info.title(currentLanguage())) + QStringLiteral("[*]"));
    if (m_controller->position() > 0)
        explainPosition(m_controller->position());
    else if (!m_path.isEmpty())
        m_explanation->setText(m_info.summary(currentLanguage()));
    m_stage->update();
    m_timeline->update();
}

void MainWindow::fillCatalogue()
{
    fillCatalogueList(m_catalogueList, m_catalogue, currentLanguage(), m_path);
    if (m_lessonChooser)
        fillCatalogueChooser(m_lessonChooser, m_catalogue, currentLanguage(), m_path);
}

bool MainWindow::openScenario(const QString &path, bool dropUnsaved)
{
    if (!dropUnsaved && !maybeKeepUnsaved())
        return false;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_log->addItem(tr("Cannot open %1: %2").arg(path, f.errorString()));
        return false;
    }
    m_controller->stop();
    if (!m_path.isEmpty() && !m_path.startsWith(QLatin1Char(':')))
        m_watcher.removePath(m_path);
    m_path = path;
    m_source = f.readAll();
    m_sourceLines = QString::fromUtf8(m_source).split(QLatin1Char('\n'));
    m_code->setPlainText(QString::fromUtf8(m_source));
    m_editor->setLesson(path, m_source);
    m_log->clear();
    m_loggedUpTo = 0;
    m_logShowsDiagnosis = false;
    m_output->clearOutput();
    m_variables->clearState();
    m_errorLine = 0;
    m_colours.clear();
    m_timeline->setModel(nullptr);
    m_stage->setState(nullptr, nullptr);
    m_info = describeScenario(path, m_source);
    m_selfStudy->setScenario(m_info);
    showCodeLines();
    setWindowTitle(tr("IPC Lab — %1").arg(m_info.title(currentLanguage())) + QStringLiteral("[*]"));
    m_explanation->setText(m_info.summary(currentLanguage()));
    if (!path.startsWith(QLatin1Char(':'))) {
        m_watcher.addPath(path);
        rememberRecent(path);
    }
    // The lesson list follows what is loaded, also when it came from the command line or
    // a drop: a built-in lesson's file name is unique.
    for (int i = 0; i < m_catalogueList->count(); ++i) {
        const QString item = m_catalogueList->item(i)->data(Qt::UserRole).toString();
        if (item == path || (!item.isEmpty() && QFileInfo(item).fileName() == QFileInfo(path).fileName())) {
            const QSignalBlocker quiet(m_catalogueList);
            m_catalogueList->setCurrentRow(i);
        }
    }
    if (m_lessonChooser) {
        const QSignalBlocker quiet(m_lessonChooser);
        for (int i = 0; i < m_lessonChooser->count(); ++i) {
            const QString item = m_lessonChooser->itemData(i).toString();
            if (!item.isEmpty() && QFileInfo(item).fileName() == QFileInfo(path).fileName())
                m_lessonChooser->setCurrentIndex(i);
        }
    }
    return true;
}

bool MainWindow::checkScenario()
{
    if (m_code->editing()) {
        // Run runs what is in the editor, saved or not: the worker takes its source from memory.
        m_source = m_editor->text();
        m_sourceLines = QString::fromUtf8(m_source).split(QLatin1Char('\n'));
        m_info = describeScenario(m_path, m_source);
        m_selfStudy->setScenario(m_info);
        m_editor->checkNow();
    }
    if (m_source.isNull())
        return false;
    const lang::LoadedScenario loaded = lang::loadScenarioText(QFileInfo(m_path).fileName().toStdString(), m_source.toStdString());
    // A malformed `# ipclab:` comment stops the run too: a lesson that silently lost its
    // question would teach less than its author thinks.
    if (loaded.program && m_info.problems.isEmpty())
        return true;
    m_problems.clear();
    for (const auto &d : loaded.problems)
        m_problems << QString::fromStdString(d.format());
    m_problems << m_info.problems;
    m_log->addItems(m_problems);
    m_explanation->setText(tr("This scenario has problems; see the event log. Nothing was run."));
    return false;
}

bool MainWindow::runScenario()
{
    if (m_liveMode)
        return runLive();
    if (!checkScenario())
        return false;
    const QString name = QFileInfo(m_path).fileName();
    m_log->clear();
    m_loggedUpTo = 0;
    m_logShowsDiagnosis = false;
    m_output->clearOutput();
    m_variables->clearState();
    m_errorLine = 0;
    m_colours.clear();
    m_controller->start(name, m_source);
    m_explanation->setText(tr("Running the scenario for real; the replay starts when it ends."));
    return true;
}

bool MainWindow::runLive(const QStringList &steps)
{
    if (!checkScenario())
        return false;
    const QString name = QFileInfo(m_path).fileName();
    m_log->clear();
    m_loggedUpTo = 0;
    m_logShowsDiagnosis = false;
    m_output->clearOutput();
    m_variables->clearState();
    m_errorLine = 0;
    m_colours.clear();
    m_lastPosition = 0;
    m_controller->startLive(name, m_source, steps, m_code->breakpoints());
    m_timeline->setModel(&m_controller->model());
    m_explanation->setText(tr("Live: every thread waits before its next step. Step (F10) lets the next one go; click a thread (or press its number) "
                              "to choose who runs; Run freely (F8) lets them all go until a breakpoint."));
    updateLiveControls();
    return true;
}

void MainWindow::setLiveMode(bool on)
{
    m_liveMode = on;
    m_liveAction->setChecked(on);
    if (!on)
        m_autoAction->setChecked(false);
    updateLiveControls();
}

void MainWindow::stepThread(int tid)
{
    auto *live = m_controller->live();
    if (!live)
        return;
    const auto &state = m_controller->state();
    auto it = state.threads().find(tid);
    if (it == state.threads().end())
        return;
    if (!it->second.gate) {
        statusBar()->showMessage(tr("%1 cannot take a step now: it is not waiting at a gate.").arg(state.threadKey(it->second)), 6000);
        return;
    }
    live->stepThread(state.threadKey(it->second));
}

int MainWindow::threadForKey(int n) const
{
    for (const auto &[tid, key] : m_stepKeys)
        if (key == n)
            return tid;
    return 0;
}

void MainWindow::updateStepKeys()
{
    // Number the threads that can be stepped in the scheduler's order (their keys sorted),
    // so a number stays with its thread from one step to the next.
    const auto &state = m_controller->state();
    std::vector<std::pair<QString, int>> threads;
    for (const auto &[tid, t] : state.threads()) {
        if (t.exited)
            continue;
        auto p = state.processes().find(t.pid);
        if (p != state.processes().end() && (p->second.gone || p->second.role == QLatin1String("manager")))
            continue;
        threads.emplace_back(state.threadKey(t), tid);
    }
    std::sort(threads.begin(), threads.end());
    m_stepKeys.clear();
    if (m_controller->live())
        for (std::size_t i = 0; i < threads.size() && i < 9; ++i)
            m_stepKeys[threads[i].second] = static_cast<int>(i) + 1;
    m_stage->setStepKeys(m_stepKeys);
}

void MainWindow::undoStep()
{
    QStringList steps = m_controller->live() ? m_controller->live()->schedule() : m_controller->lastSchedule();
    while (!steps.isEmpty() && steps.last() == QLatin1String(engine::kFreeRunStep))
        steps.removeLast();
    if (!steps.isEmpty())
        steps.removeLast();
    m_liveMode = true;
    m_liveAction->setChecked(true);
    runLive(steps);
    statusBar()->showMessage(
        tr("Re-running from the start with %n step(s): the real processes go through them again.", nullptr, static_cast<int>(steps.size())), 6000);
}

QString MainWindow::defaultSchedulePath() const
{
    if (m_path.startsWith(QLatin1Char(':')))
        return QDir::home().filePath(QFileInfo(m_path).completeBaseName() + QStringLiteral(".schedule.json"));
    const QFileInfo info(m_path);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".schedule.json"));
}

bool MainWindow::saveSchedule(const QString &path)
{
    engine::Schedule schedule;
    schedule.scenario = QFileInfo(m_path).fileName();
    schedule.steps = m_controller->live() ? m_controller->live()->schedule() : m_controller->lastSchedule();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(schedule.toJson()) < 0 || !f.commit()) {
        QMessageBox::warning(this, tr("Save schedule"), tr("Cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    statusBar()->showMessage(tr("Saved %n step(s) to %1", nullptr, static_cast<int>(schedule.steps.size())).arg(path), 6000);
    return true;
}

bool MainWindow::replaySchedule(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Replay schedule"), tr("Cannot read %1: %2").arg(path, f.errorString()));
        return false;
    }
    QString error;
    const auto schedule = engine::Schedule::fromJson(f.readAll(), &error);
    if (!schedule) {
        QMessageBox::warning(this, tr("Replay schedule"), QStringLiteral("%1:%2").arg(path, error));
        return false;
    }
    setLiveMode(true);
    return runLive(schedule->steps);
}

RepeatRunsDialog *MainWindow::runManyTimes(int runs)
{
    if (!checkScenario())
        return nullptr;
    const QString name = QFileInfo(m_path).fileName();
    engine::RunOptions options;
    options.fileName = name;
    options.source = m_source;
    options.workerPath = m_controller->workerPath();
    options.hangSeconds = 3.0;
    options.timeLimitSeconds = 60;
    auto *dialog = new RepeatRunsDialog(options, runs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::buildLiveActions()
{
    FittingToolBar *bar = m_bar;
    bar->addSeparator();
    m_liveAction = bar->addAction(QString(), this, [this](bool on) {
        setLiveMode(on);
        if (on)
            runLive();
        else
            m_controller->stop();
    });
    keep(m_liveAction, "text", QT_TR_NOOP("Live"));
    m_liveAction->setCheckable(true);
    m_liveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    keep(m_liveAction, "toolTip", QT_TR_NOOP("Run live: real processes wait before every step until you let them go (Ctrl+L)"));
    m_liveStepAction = bar->addAction(QString(), this, [this] {
        if (auto *live = m_controller->live())
            live->stepAny();
    });
    keep(m_liveStepAction, "text", QT_TR_NOOP("Next step"));
    m_liveStepAction->setShortcut(QKeySequence(Qt::Key_F10));
    keep(m_liveStepAction, "toolTip", QT_TR_NOOP("Let the next thread in turn take one step (F10)"));
    m_freeAction = bar->addAction(QString(), this, [this] {
        auto *live = m_controller->live();
        if (!live)
            return;
        if (live->freeRunning())
            live->pause();
        else
            live->runFree();
        QTimer::singleShot(50, this, &MainWindow::updateLiveControls);
    });
    keep(m_freeAction, "text", QT_TR_NOOP("Run freely"));
    m_freeAction->setShortcut(QKeySequence(Qt::Key_F8));
    keep(m_freeAction, "toolTip", QT_TR_NOOP("Open every gate until a breakpoint (click a line number); again to pause (F8)"));
    m_raceAction = bar->addAction(QString(), this, [this] {
        if (auto *live = m_controller->live())
            live->showRace();
    });
    keep(m_raceAction, "text", QT_TR_NOOP("Show me the race"));
    keep(m_raceAction, "toolTip",
        QT_TR_NOOP("Two workers each read the shared value, then both write it back: one update is lost. With a Lock, the second waits."));
    m_undoAction = bar->addAction(QString(), this, &MainWindow::undoStep);
    keep(m_undoAction, "text", QT_TR_NOOP("Undo step"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    keep(m_undoAction, "toolTip", QT_TR_NOOP("Run again from the start with one step fewer, to try another order (Ctrl+Z)"));
    m_autoAction = bar->addAction(QString(), this, [this](bool on) {
        if (on)
            m_autoStep->start();
        else
            m_autoStep->stop();
    });
    keep(m_autoAction, "text", QT_TR_NOOP("Auto"));
    m_autoAction->setCheckable(true);
    keep(m_autoAction, "toolTip", QT_TR_NOOP("Take steps by themselves, at the pace of the speed slider"));
    m_autoStep = new QTimer(this);
    connect(m_autoStep, &QTimer::timeout, this, [this] {
        auto *live = m_controller->live();
        if (live && live->pendingSteps() == 0 && !live->freeRunning())
            live->stepAny();
    });
    connect(m_speed, &QSlider::valueChanged, this, [this](int v) { m_autoStep->setInterval(std::max(20, 4000 / std::max(1, v))); });
    m_autoStep->setInterval(std::max(20, 4000 / std::max(1, m_speed->value())));
    connect(m_race, &RaceBanner::pausedAtLostUpdate, this, [this] {
        m_autoAction->setChecked(false); // paused on a lost write: Auto would step on past it
        m_autoStep->stop();
        updateLiveControls();
    });
    bar->addSeparator();
    m_repeatAction = bar->addAction(QString(), this, [this] {
        bool ok = false;
        const int runs = QInputDialog::getInt(this, tr("Run it N times"), tr("How many runs, with the gates off?"), 200, 1, 10000, 10, &ok);
        if (ok)
            runManyTimes(runs);
    });
    keep(m_repeatAction, "text", QT_TR_NOOP("Run it N times…"));
    m_repeatAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    for (int n = 1; n <= 9; ++n) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::Key_0 + n), this);
        connect(shortcut, &QShortcut::activated, this, [this, n] {
            if (const int tid = threadForKey(n))
                stepThread(tid);
        });
    }
    // One picture per toolbar action: what the bar shows when the names do not fit.
    const std::pair<QAction *, const char *> icons[]
        = { { m_runAction, "run" }, { m_playAction, "play" }, { m_backAction, "step-back" }, { m_stepAction, "step" }, { m_previousIpcAction, "ipc-previous" },
              { m_nextIpcAction, "ipc-next" }, { m_everyStatementAction, "every-statement" }, { m_restartAction, "restart" }, { m_presentAction, "present" },
              { m_selfStudyAction, "self-study" }, { m_liveAction, "live" }, { m_liveStepAction, "next-step" }, { m_freeAction, "run-freely" },
              { m_raceAction, "race" }, { m_undoAction, "undo" }, { m_autoAction, "auto" }, { m_repeatAction, "run-many" } };
    for (const auto &[action, name] : icons)
        action->setIcon(toolIcon(name));
    QMenu *file = menuBar()->actions().first()->menu();
    QAction *quit = file->actions().last();
    auto *save = new QAction(file);
    keep(save, "text", QT_TR_NOOP("Save schedule…"));
    file->insertAction(quit, save);
    connect(save, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save schedule"), defaultSchedulePath(), tr("Schedules (*.schedule.json)"));
        if (!path.isEmpty())
            saveSchedule(path);
    });
    QAction *replay = new QAction(file);
    keep(replay, "text", QT_TR_NOOP("Replay schedule…"));
    file->insertAction(quit, replay);
    connect(replay, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Replay schedule"), defaultSchedulePath(), tr("Schedules (*.schedule.json)"));
        if (!path.isEmpty())
            replaySchedule(path);
    });
    file->insertSeparator(quit);
    updateLiveControls();
}

void MainWindow::updateLiveControls()
{
    const bool live = m_controller->live() != nullptr;
    m_liveStepAction->setEnabled(live);
    m_freeAction->setEnabled(live);
    m_raceAction->setEnabled(live);
    m_autoAction->setEnabled(live);
    m_undoAction->setEnabled(m_controller->isLiveRun());
    keep(m_freeAction, "text", live && m_controller->live()->freeRunning() ? QT_TR_NOOP("Pause") : QT_TR_NOOP("Run freely"));
    if (!live)
        m_stage->setStepKeys({});
}

QString MainWindow::explanation() const
{
    return m_explanation->text();
}

void MainWindow::showPosition(int position)
{
    const auto &model = m_controller->model();
    for (const auto &[pid, process] : m_controller->state().processes())
        m_colours.learn(pid, process.name);
    m_stage->setState(&m_controller->state(), &m_sourceLines);
    showVerdict(position);
    if (position > m_lastPosition && position - m_lastPosition <= 4096)
        // Played on: let what moved travel (of a beat of several events, the last that moves).
        for (int i = position - 1; i >= m_lastPosition; --i)
            if (m_stage->animateEvent(model.event(i)))
                break;
    m_lastPosition = position;
    m_timeline->setPosition(position);
    markCurrentLines();
    m_output->showUpTo(model, m_controller->state(), position);
    m_variables->showState(m_controller->state(), position > 0 && position <= model.size() ? model.event(position - 1).tid : 0);
    if (position > 0 && position <= model.size()) {
        const engine::TraceEvent &e = model.event(position - 1);
        // Keep the line being run in view; at the end of a hung run, the line that never returns.
        if (const int line = m_hangLine > 0 ? m_hangLine : e.line; line > 0) {
            QTextCursor cursor(m_code->document()->findBlockByNumber(line - 1));
            m_code->setTextCursor(cursor);
            m_code->ensureCursorVisible();
        }
    }
    showLogUpTo(position);
    explainPosition(position);
}

QStringList MainWindow::logLines() const
{
    QStringList lines;
    for (int i = 0; i < m_log->count(); ++i)
        lines << m_log->item(i)->text();
    return lines;
}

void MainWindow::goToIpcEvent(int direction)
{
    // Playing, the step lands on the IPC event; a student reads it where it is.
    m_controller->pause();
    const auto &model = m_controller->model();
    // Position p shows event p - 1: the next IPC event at index i is position i + 1.
    for (int i = m_controller->position() - 1 + direction; i >= 0 && i < model.size(); i += direction)
        if (engine::isIpcOperation(model.event(i).op)) {
            m_controller->seek(i + 1);
            return;
        }
    m_controller->seek(direction > 0 ? model.size() : 0);
}

void MainWindow::goToSelectionEvent(int direction)
{
    if (!m_selectedTid && m_selectedObjects.empty()) {
        statusBar()->showMessage(tr("Click a thread or an object on the stage (or a lane of the timeline) first: Ctrl+← and Ctrl+→ go to its events."), 6000);
        return;
    }
    m_controller->pause();
    const auto &model = m_controller->model();
    for (int i = m_controller->position() - 1 + direction; i >= 0 && i < model.size(); i += direction) {
        const engine::TraceEvent &e = model.event(i);
        if (e.op == QLatin1String("stmt") || !engine::isIpcOperation(e.op))
            continue;
        if ((m_selectedTid && e.tid == m_selectedTid) || (e.obj && m_selectedObjects.count(e.obj))) {
            m_controller->seek(i + 1);
            return;
        }
    }
    statusBar()->showMessage(direction > 0 ? tr("No later event of the selection.") : tr("No earlier event of the selection."), 4000);
}

void MainWindow::selectOnStage(const QString &id)
{
    // "thread/12": that thread; "queue/5", "tube/7", "lock/3"…: that object (a pipe is both its ends).
    const qsizetype slash = id.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return;
    const QString kind = id.left(slash);
    const quint64 number = id.mid(slash + 1).section(QLatin1Char('/'), 0, 0).toULongLong();
    m_selectedTid = 0;
    m_selectedObjects.clear();
    if (kind == QLatin1String("thread")) {
        m_selectedTid = static_cast<int>(number);
    } else if (number) {
        m_selectedObjects.insert(number);
        const auto &ends = m_controller->state().pipeEnds();
        if (auto end = ends.find(number); end != ends.end())
            m_selectedObjects.insert(end->second.peer);
        if (auto queue = m_controller->state().queues().find(number); queue != m_controller->state().queues().end())
            m_selectedObjects.insert({ queue->second.readLock, queue->second.writeLock, queue->second.slotSemaphore });
    }
    m_stage->setSelected(kind == QLatin1String("thread") ? id : QStringLiteral("%1/%2").arg(kind).arg(number));
    statusBar()->showMessage(tr("Selected: Ctrl+← and Ctrl+→ go to its previous and next event."), 4000);
}

void MainWindow::showVerdict(int position)
{
    // At the end of a run IPC Lab stopped as hung: say so across the stage, with the wait that
    // never ends, and mark its line in the code.
    m_hangLine = 0;
    QString banner;
    const auto &state = m_controller->state();
    if (!m_controller->running() && m_controller->result().end == engine::RunEnd::Hang && position == m_controller->model().size() && position > 0) {
        const std::vector<engine::WaitEdge> edges = engine::waitEdges(state);
        const std::vector<int> cycle = engine::deadlockCycle(edges);
        QString sentence;
        if (!cycle.empty()) {
            sentence = engine::deadlockSentence(state, cycle);
            for (const engine::WaitEdge &e : edges)
                if (e.tid == cycle.front())
                    m_hangLine = e.line;
        } else if (!edges.empty()) {
            // The wait with someone to blame is the lesson's point; else the first.
            const auto blamed = std::find_if(edges.begin(), edges.end(), [](const engine::WaitEdge &e) { return !e.culpritPids.empty(); });
            const engine::WaitEdge &edge = blamed != edges.end() ? *blamed : edges.front();
            sentence = engine::foreverSentence(state, edge);
            m_hangLine = edge.line;
        } else if (!m_controller->result().diagnosis.isEmpty()) {
            sentence = m_controller->result().diagnosis.front();
        }
        banner = tr("IPC Lab stopped this run: %1").arg(sentence);
    }
    m_stage->setVerdict(banner);
}

void MainWindow::showLogUpTo(int position)
{
    // The log is a view of the run at the playhead: one step on adds a line, any other move
    // (a seek, a step back, a restart) writes it again from the model.
    const auto &model = m_controller->model();
    constexpr int kShown = 500;
    if (position == m_loggedUpTo && !m_logShowsDiagnosis)
        return;
    if (position > 0 && position == m_loggedUpTo + 1 && position <= model.size() && !m_logShowsDiagnosis) {
        m_log->addItem(eventText(model.event(position - 1)));
        while (m_log->count() > kShown)
            delete m_log->takeItem(0);
    } else {
        m_log->clear();
        for (int i = std::max(0, position - kShown); i < std::min(position, model.size()); ++i)
            m_log->addItem(eventText(model.event(i)));
    }
    m_loggedUpTo = position;
    // At the end of a recorded run, its verdict: why it hung, what crashed.
    m_logShowsDiagnosis = !m_controller->running() && position == model.size() && position > 0 && !m_controller->result().diagnosis.isEmpty();
    if (m_logShowsDiagnosis)
        for (const QString &line : m_controller->result().diagnosis)
            m_log->addItem(QStringLiteral("⚠ ") + line);
    m_log->scrollToBottom();
}

QString MainWindow::eventText(const engine::TraceEvent &e) const
{
    QString text = describeEvent(e, m_controller->state());
    if (e.op == QLatin1String("stmt") && e.line > 0 && e.line <= m_sourceLines.size())
        text += QStringLiteral("  ") + m_sourceLines.at(e.line - 1).trimmed();
    return text;
}

void MainWindow::explainPosition(int position)
{
    const auto &model = m_controller->model();
    if (position > 0 && position <= model.size()) {
        int shown = position - 1;
        if (m_controller->live()) {
            // Live, the newest event is often a helper going back to sleep (a manager thread
            // waiting for the next request): explain the last one a student would care about.
            while (shown > 0 && shown > position - 64 && engine::blockingOf(model.event(shown).op) == trace::Blocking::Idle)
                --shown;
        }
        const engine::TraceEvent &e = model.event(shown);
        // The lesson's own words for the line being run, the event, then why anyone is
        // waiting: the orchestrator's hang diagnosis, live.
        QString explanation;
        if (const auto it = m_info.explanations.find(e.line); it != m_info.explanations.end())
            explanation = it->second.text(currentLanguage()) + QStringLiteral("\n\n");
        explanation += eventText(e);
        if (const QString race = m_race->narration(); !race.isEmpty())
            explanation = race + QStringLiteral("\n\n") + explanation; // a lost update: the point of the moment
        for (const engine::BlockedCall &b : m_controller->state().blockedCalls(m_sourceLines))
            explanation += QStringLiteral("\n\n") + b.text;
        if (m_controller->live()) {
            // Who can take the next step, and with which key.
            QStringList ready;
            for (const auto &[tid, t] : m_controller->state().threads()) {
                if (t.exited || !t.gate)
                    continue;
                const auto key = m_stepKeys.find(tid);
                const QString name = m_controller->state().threadKey(t);
                ready << (key != m_stepKeys.end() ? QStringLiteral("[%1] %2").arg(key->second).arg(name) : name);
            }
            if (!ready.isEmpty())
                explanation += QStringLiteral("\n\n") + tr("Can take a step: %1").arg(ready.join(QStringLiteral(", ")));
        }
        if (position == model.size() && m_output->count() > 0) {
            // The run's point is often its last printed line: say it again here.
            const QStringList printed = m_output->lines();
            explanation += QStringLiteral("\n\n") + tr("The program printed last:") + QStringLiteral("\n")
                + printed.mid(std::max<qsizetype>(0, printed.size() - 4)).join(QLatin1Char('\n'));
        }
        m_explanation->setText(explanation);
        const double ms = model.size() ? static_cast<double>(e.t - model.event(0).t) / 1e6 : 0.0;
        m_status->setText(tr("event %1 of %2 · t = %3").arg(position).arg(model.size()).arg(timeText(ms)));
    } else {
        m_status->setText(tr("event 0 of %1").arg(model.size()));
    }
}

void MainWindow::markCurrentLines()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const auto &[tid, thread] : m_controller->state().threads()) {
        if (thread.exited || thread.line <= 0)
            continue;
        auto proc = m_controller->state().processes().find(thread.pid);
        if (proc != m_controller->state().processes().end() && proc->second.gone)
            continue;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(m_code->document()->findBlockByNumber(thread.line - 1));
        s.format.setBackground(m_colours.colourFor(thread.pid).lighter(175));
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(s);
    }
    if (m_hangLine > 0) {
        // The line whose call never returns, in a run stopped as hung.
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(m_code->document()->findBlockByNumber(m_hangLine - 1));
        s.format.setBackground(QBrush(QColor(0xfe, 0xca, 0xca)));
        s.format.setForeground(QColor(0x99, 0x1b, 0x1b));
        s.format.setFontWeight(QFont::Bold);
        s.format.setToolTip(tr("This call never returns: IPC Lab stopped the run here."));
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(s);
    }
    if (m_errorLine > 0) {
        // The line a clicked traceback line names (the output pane).
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(m_code->document()->findBlockByNumber(m_errorLine - 1));
        s.format.setBackground(QColor(0xfe, 0xca, 0xca));
        s.format.setForeground(QColor(0x99, 0x1b, 0x1b));
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(s);
    }
    m_code->setLineMarks(selections);
}

void MainWindow::rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 8)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] {
            if (openScenario(path))
                runScenario();
        });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *e)
{
    if (e->mimeData()->hasUrls())
        e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *e)
{
    const auto urls = e->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile() && openScenario(urls.first().toLocalFile()))
        runScenario();
}

QString MainWindow::layoutKey() const
{
    // Per screen size: a laptop and a projector each keep the layout made for them.
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    const QSize size = screen ? screen->size() : QSize();
    return QStringLiteral("layout/%1x%2/").arg(size.width()).arg(size.height());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    const QString key = layoutKey();
    if (!restoreGeometry(settings.value(key + QStringLiteral("geometry")).toByteArray())) {
        // First start on this screen: open inside it, never larger than what it has room for.
        const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
        const QRect room = screen ? screen->availableGeometry() : QRect(0, 0, 1440, 900);
        // Most of a large screen, all of a small one (a 1366×768 laptop).
        resize(std::min(room.width(), std::max(1440, room.width() * 9 / 10)), std::min(room.height(), std::max(900, room.height() * 9 / 10)));
        move(room.topLeft() + QPoint((room.width() - width()) / 2, (room.height() - height()) / 2));
    }
    rearrange(width() < kLaptopWidth ? Arrangement::Laptop : Arrangement::Desk);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    const QString key = layoutKey();
    if (!m_presenting)
        settings.setValue(key + QStringLiteral("geometry"), saveGeometry());
    saveArrangement();
}

void MainWindow::saveArrangement() const
{
    // Each arrangement's splitters under its own name, per screen size.
    QSettings settings;
    const QString key = layoutKey() + arrangementName(m_arrangement) + QLatin1Char('/');
    for (const QSplitter *splitter : { m_splitters.columns, m_splitters.column[0], m_splitters.column[1], m_splitters.column[2] })
        settings.setValue(key + splitter->objectName(), splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *e)
{
    if (!maybeKeepUnsaved()) {
        e->ignore();
        return;
    }
    m_editor->forgetRecovery();
    saveLayout();
    m_controller->stop(); // nothing of a run outlives the window
    e->accept();
}

} // namespace ipclab::ui
