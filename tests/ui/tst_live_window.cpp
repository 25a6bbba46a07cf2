// The window's live controls offscreen, with real processes: next step,
// clicking a thread or its lane, breakpoints, run freely, pause; and that
// closing or killing the window in the middle of a gated run leaves nothing.

#include "ipc.h"
#include "main_window.h"
#include "process_tree.h"
#include "repeat_runs.h"
#include "stage_view.h"
#include "timeline_view.h"
#include "variables_panel.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <csignal>

using namespace ipclab;

namespace {

constexpr auto kProducer = R"(from multiprocessing import Process, Queue


def produce(q):
    for i in range(3):
        q.put(i)


if __name__ == "__main__":
    q = Queue(1)
    p = Process(target=produce, args=(q,))
    p.start()
    for _ in range(3):
        print("got", q.get())
    p.join()
)";

constexpr auto kLongLoop = R"(total = 0
for i in range(1000000):
    total += i
print(total)
)";

constexpr auto kNestedCalls = R"(LIMIT = 3


def inner(x):
    doubled = x * 2
    return doubled


def outer(items):
    total = 0
    for item in items:
        total += inner(item)
    return total


print(outer([1, 2]))
)";

/// The variables panel's tree as text: "inner()", "  x = 1", … ("*" marks a change).
QStringList panelRows(ui::MainWindow &w)
{
    QStringList rows;
    QTreeWidget *tree = w.variablesPanel()->tree();
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = tree->topLevelItem(i);
        rows << top->text(0);
        for (int j = 0; j < top->childCount(); ++j) {
            QTreeWidgetItem *row = top->child(j);
            const bool changed = row->background(1).style() != Qt::NoBrush;
            rows << QStringLiteral("  %1 = %2%3").arg(row->text(0), row->text(1), changed ? QStringLiteral(" *") : QString());
        }
    }
    return rows;
}

const engine::ThreadInfo *threadNamed(const engine::RunWatch &state, const QString &key)
{
    return state.threadByKey(key);
}

qint64 arrivals(ui::MainWindow &w, const QString &key)
{
    const engine::ThreadInfo *t = threadNamed(w.controller().state(), key);
    return t && t->gate ? t->gate->arrival : -1;
}

bool settledAt(ui::MainWindow &w, const QString &key)
{
    auto *live = w.controller().live();
    const engine::ThreadInfo *t = threadNamed(w.controller().state(), key);
    return live && t && t->gate && live->pendingSteps() == 0;
}

bool gone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2, 1) == "Z";
}

} // namespace

class TestLiveWindow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ui::MainWindow> m_window;
    QTemporaryDir m_dir;

    QString scenario(const char *name, const char *text)
    {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return path;
    }

    void openLive(const QString &path)
    {
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openScenario(path));
        m_window->setLiveMode(true);
        QVERIFY(m_window->runScenario());
        QVERIFY(m_window->controller().live());
    }

private slots:
    void initTestCase()
    {
        ipc::registerModules();
        QCoreApplication::setOrganizationName(QStringLiteral("IPC Lab tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_live_window"));
        QVERIFY(m_dir.isValid());
    }

    void nextStepReleasesOneStep()
    {
        openLive(scenario("producer.py", kProducer));
        const QString main = QStringLiteral("MainProcess/MainThread");
        QTRY_VERIFY_WITH_TIMEOUT(settledAt(*m_window, main), 30000);
        const qint64 before = arrivals(*m_window, main);
        QTest::keyClick(m_window.get(), Qt::Key_F10);
        QTRY_VERIFY_WITH_TIMEOUT(arrivals(*m_window, main) == before + 1, 30000);
        // The stage draws it as ready, with its number key.
        bool drawnReady = false;
        for (const auto &d : m_window->stage()->drawnElements())
            drawnReady |= d.kind == QLatin1String("thread") && d.ready && d.label == QLatin1String("MainThread");
        QVERIFY(drawnReady);
        QCOMPARE(m_window->threadForKey(1), threadNamed(m_window->controller().state(), main)->tid);
        // Its number key steps it too.
        QTRY_VERIFY_WITH_TIMEOUT(settledAt(*m_window, main), 30000);
        QTest::keyClick(m_window.get(), Qt::Key_1);
        QTRY_VERIFY_WITH_TIMEOUT(arrivals(*m_window, main) == before + 2, 30000);
    }

    void clickingAThreadOrItsLaneStepsIt()
    {
        openLive(scenario("producer.py", kProducer));
        const QString main = QStringLiteral("MainProcess/MainThread");
        const QString producer = QStringLiteral("Process-1/MainThread");
        // Step the main process until the producer exists.
        for (int step = 0; step < 30 && !threadNamed(m_window->controller().state(), producer); ++step) {
            QTRY_VERIFY_WITH_TIMEOUT(settledAt(*m_window, main), 30000);
            const qint64 before = arrivals(*m_window, main);
            QTest::keyClick(m_window.get(), Qt::Key_F10);
            QTRY_VERIFY_WITH_TIMEOUT(arrivals(*m_window, main) > before || threadNamed(m_window->controller().state(), producer), 30000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(settledAt(*m_window, producer), 30000);
        const int producerTid = threadNamed(m_window->controller().state(), producer)->tid;
        m_window->stage()->repaint();
        QRect box;
        for (const auto &d : m_window->stage()->drawnElements())
            if (d.id == QStringLiteral("thread/%1").arg(producerTid))
                box = d.rect;
        QVERIFY(!box.isNull());
        const qint64 before = arrivals(*m_window, producer);
        QTest::mouseClick(m_window->stage(), Qt::LeftButton, {}, box.center());
        QTRY_VERIFY_WITH_TIMEOUT(arrivals(*m_window, producer) > before, 30000);
        // Its lane's name on the timeline does the same.
        QTRY_VERIFY_WITH_TIMEOUT(settledAt(*m_window, producer), 30000);
        const qint64 again = arrivals(*m_window, producer);
        QSignalSpy lane(m_window->timeline(), &ui::TimelineView::laneClicked);
        for (int y = 10; y < m_window->timeline()->height() && lane.isEmpty(); y += 8)
            QTest::mouseClick(m_window->timeline(), Qt::LeftButton, {}, QPoint(40, y));
        QVERIFY(!lane.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(arrivals(*m_window, producer) > again || arrivals(*m_window, main) > 0, 30000);
    }

    void breakpointStopsRunFreelyAndResumes()
    {
        openLive(scenario("producer.py", kProducer));
        const QString main = QStringLiteral("MainProcess/MainThread");
        QTRY_VERIFY_WITH_TIMEOUT(settledAt(*m_window, main), 30000);
        m_window->codeView()->toggleBreakpoint(14); // print("got", q.get())
        QTest::keyClick(m_window.get(), Qt::Key_F8); // run freely
        auto atBreakpoint = [&] {
            const engine::ThreadInfo *t = threadNamed(m_window->controller().state(), main);
            return t && t->gate && t->gate->breakpoint && t->gate->line == 14;
        };
        QTRY_VERIFY_WITH_TIMEOUT(atBreakpoint(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->controller().live()->freeRunning(), 30000);
        const qint64 first = arrivals(*m_window, main);
        QTest::keyClick(m_window.get(), Qt::Key_F8); // resume: the loop comes back to line 14
        QTRY_VERIFY_WITH_TIMEOUT(atBreakpoint() && arrivals(*m_window, main) > first, 30000);
        m_window->codeView()->clearBreakpoints();
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        QTest::keyClick(m_window.get(), Qt::Key_F8);
        QVERIFY(finished.wait(60000));
        QCOMPARE(m_window->controller().result().end, engine::RunEnd::Finished);
        QCOMPARE(m_window->controller().result().stdoutText, QByteArray("got 0\ngot 1\ngot 2\n"));
        // The live log is the trace in its order: each process's exit once, as many as the trace has.
        const QStringList log = m_window->logLines();
        int exitLines = 0, exitEvents = 0;
        for (const QString &line : log)
            exitLines += line.contains(QStringLiteral(" exits with code "));
        for (const engine::TraceEvent &e : m_window->controller().model().events())
            exitEvents += e.op == QLatin1String("process.exit");
        QVERIFY(exitEvents >= 2);
        QCOMPARE(exitLines, exitEvents);
        QCOMPARE(log.count(QStringLiteral("MainProcess exits with code 0.")), 1);
        // The finished live run is a trace like any other: step back through it.
        const int end = m_window->controller().position();
        m_window->controller().stepBack();
        QCOMPARE(m_window->controller().position(), end - 1);
    }

    // At a breakpoint the panel shows the frames innermost first, then the globals, and marks
    // what the latest statement changed.
    void variablesAtABreakpoint()
    {
        openLive(scenario("nested.py", kNestedCalls));
        const QString main = QStringLiteral("MainProcess/MainThread");
        QTRY_VERIFY_WITH_TIMEOUT(settledAt(*m_window, main), 30000);
        m_window->codeView()->toggleBreakpoint(6); // return doubled
        QTest::keyClick(m_window.get(), Qt::Key_F8);
        auto atBreakpoint = [&] {
            const engine::ThreadInfo *t = threadNamed(m_window->controller().state(), main);
            return t && t->gate && t->gate->breakpoint && t->gate->line == 6 && !m_window->controller().live()->freeRunning();
        };
        QTRY_VERIFY_WITH_TIMEOUT(atBreakpoint(), 30000);
        const QStringList first { QStringLiteral("inner()"), QStringLiteral("  x = 1"), QStringLiteral("  doubled = 2 *"), QStringLiteral("outer()"),
            QStringLiteral("  items = [1, 2]"), QStringLiteral("  total = 0"), QStringLiteral("  item = 1"), QStringLiteral("Globals of MainProcess"),
            QStringLiteral("  LIMIT = 3") };
        QTRY_VERIFY2_WITH_TIMEOUT(panelRows(*m_window) == first, qPrintable(panelRows(*m_window).join(QStringLiteral(" | "))), 20000);

        // The second call: a fresh inner frame, and outer's total has grown.
        const qint64 arrival = arrivals(*m_window, main);
        QTest::keyClick(m_window.get(), Qt::Key_F8);
        QTRY_VERIFY_WITH_TIMEOUT(atBreakpoint() && arrivals(*m_window, main) > arrival, 30000);
        const QStringList second { QStringLiteral("inner()"), QStringLiteral("  x = 2"), QStringLiteral("  doubled = 4 *"), QStringLiteral("outer()"),
            QStringLiteral("  items = [1, 2]"), QStringLiteral("  total = 2"), QStringLiteral("  item = 2"), QStringLiteral("Globals of MainProcess"),
            QStringLiteral("  LIMIT = 3") };
        QTRY_VERIFY2_WITH_TIMEOUT(panelRows(*m_window) == second, qPrintable(panelRows(*m_window).join(QStringLiteral(" | "))), 20000);
        m_window->codeView()->clearBreakpoints();
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        QTest::keyClick(m_window.get(), Qt::Key_F8);
        QVERIFY(finished.wait(60000));
        QCOMPARE(m_window->controller().result().stdoutText, QByteArray("6\n"));
    }

    void pauseHoldsAFreeRun()
    {
        openLive(scenario("loop.py", kLongLoop));
        const QString main = QStringLiteral("MainProcess/MainThread");
        QTRY_VERIFY_WITH_TIMEOUT(settledAt(*m_window, main), 30000);
        const qint64 start = arrivals(*m_window, main);
        QTest::keyClick(m_window.get(), Qt::Key_F8);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller().live()->freeRunning(), 30000);
        QTest::keyClick(m_window.get(), Qt::Key_F8); // pause
        QVERIFY(!m_window->controller().live()->freeRunning());
        // It was let go, and stops at its next gate.
        QTRY_VERIFY_WITH_TIMEOUT(settledAt(*m_window, main) && arrivals(*m_window, main) > start, 30000);
        const qint64 held = arrivals(*m_window, main);
        QTest::qWait(300);
        QCOMPARE(arrivals(*m_window, main), held); // nothing moves while paused
        QVERIFY(m_window->controller().running());
    }

    // When nothing can run any more, the window says why, in words and in red on the stage.
    void aLiveHangIsExplained()
    {
        openLive(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/02_pipe_forgotten_close.py"));
        QTRY_VERIFY_WITH_TIMEOUT(settledAt(*m_window, QStringLiteral("MainProcess/MainThread")), 30000);
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        QTest::keyClick(m_window.get(), Qt::Key_F8);
        QVERIFY(finished.wait(60000));
        QCOMPARE(m_window->controller().result().end, engine::RunEnd::Hang);
        const QString text = m_window->explanation();
        QVERIFY2(text.contains(QLatin1String("recv()")) && text.contains(QLatin1String("MainProcess")), qPrintable(text));
        m_window->stage()->repaint();
        bool blockedDrawn = false;
        for (const auto &d : m_window->stage()->drawnElements())
            blockedDrawn |= d.kind == QLatin1String("thread") && d.highlighted;
        QVERIFY(blockedDrawn);
    }

    // Run it N times: every run's output counted line by line.
    void runItNTimesCountsOutcomes()
    {
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        QVERIFY(m_window->openScenario(scenario("twice.py", "import os\nprint('same')\nprint('pid', os.getpid())\n")));
        ui::RepeatRunsDialog *dialog = m_window->runManyTimes(6);
        QVERIFY(dialog);
        QSignalSpy done(dialog, &ui::RepeatRunsDialog::allDone);
        QVERIFY(done.wait(120000));
        const ui::OutcomeTally &tally = dialog->tally();
        QCOMPARE(tally.runs, 6);
        QCOMPARE(tally.failedRuns, 0);
        QCOMPARE(tally.lines.size(), std::size_t(2));
        QCOMPARE(tally.lines[0].at(QStringLiteral("same")), 6); // the same every time
        QCOMPARE(static_cast<int>(tally.lines[1].size()), 6); // a new pid every run
    }

    void closingAGatedRunLeavesNothing()
    {
        openLive(scenario("producer.py", kProducer));
        QTRY_VERIFY_WITH_TIMEOUT(settledAt(*m_window, QStringLiteral("MainProcess/MainThread")), 30000);
        QVERIFY(!descendants(QCoreApplication::applicationPid()).isEmpty());
        m_window->close();
        QVERIFY(!m_window->controller().running());
        QTRY_VERIFY_WITH_TIMEOUT(descendants(QCoreApplication::applicationPid()).isEmpty(), 10000);
    }

    void killingTheWindowLeavesNothing()
    {
        const QStringList shmBefore = QDir(QStringLiteral("/dev/shm")).entryList(QDir::Files);
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(IPCLAB_BINARY), { QStringLiteral("gui"), QStringLiteral("--live"), scenario("producer.py", kProducer) });
        QVERIFY(gui.waitForStarted(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!descendants(gui.processId()).isEmpty(), 30000);
        const QString folderPattern = QStringLiteral("ipclab-run-%1-*").arg(gui.processId());
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(QDir::tempPath()).entryList({ folderPattern }, QDir::Dirs).isEmpty(), 30000);
        const QList<qint64> workers = descendants(gui.processId());
        ::kill(static_cast<pid_t>(gui.processId()), SIGKILL);
        QVERIFY(gui.waitForFinished(30000));
        for (qint64 pid : workers)
            QTRY_VERIFY2_WITH_TIMEOUT(gone(pid), qPrintable(QStringLiteral("worker %1 outlived the window").arg(pid)), 10000);
        QCOMPARE(QDir(QStringLiteral("/dev/shm")).entryList(QDir::Files), shmBefore);
        // The run's private folder goes too: the janitor outlives the window and removes it.
        QTRY_VERIFY_WITH_TIMEOUT(
            QDir(QDir::tempPath()).entryList({ folderPattern }, QDir::Dirs).isEmpty(), 60000); // a safety net: under sanitizers the janitor took 28 s
    }

    void cleanup() { m_window.reset(); }
};

QTEST_MAIN(TestLiveWindow)
#include "tst_live_window.moc"
