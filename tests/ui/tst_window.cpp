// The lab window offscreen: open a scenario, run it for real, step, seek,
// restart, click the timeline; and the stage and timeline rendered to images
// at chosen moments, element by element and pixel by pixel.

#include "code_view.h"
#include "ipc.h"
#include "language.h"
#include "main_window.h"
#include "output_pane.h"
#include "process_tree.h"
#include "question_panel.h"
#include "stage_view.h"
#include "timeline_view.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QListWidget>
#include <QMutex>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

using namespace ipclab;

namespace {

int findEvent(const engine::TraceModel &model, const char *op, char ph, int from = 0)
{
    for (int i = from; i < model.size(); ++i)
        if (model.event(i).op == QLatin1String(op) && model.event(i).ph == ph)
            return i;
    return -1;
}

QImage renderStage(ui::StageView *stage)
{
    QImage image(1000, 700, QImage::Format_RGB32);
    QPainter p(&image);
    stage->paintStage(p, image.rect());
    return image;
}

// Every warning Qt or the window prints, for the tests that must print none.
QStringList g_warnings;
QtMessageHandler g_previousHandler = nullptr;

void recordWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // The offscreen platform plugin does not implement QPlatformWindow::propagateSizeHints(),
    // whose default prints this (in the default category) whenever a window's minimum or
    // maximum size changes. It says nothing about the window: drop that one message, there only.
    if (message == QLatin1String("This plugin does not support propagateSizeHints()") && QGuiApplication::platformName() == QLatin1String("offscreen"))
        return;
    if (type != QtDebugMsg && type != QtInfoMsg) {
        // Qt Test's watchdog thread reports a timeout through here too.
        static QMutex guard;
        const QMutexLocker locked(&guard);
        g_warnings.append(message);
    }
    g_previousHandler(type, context, message);
}

bool reddish(QRgb c)
{
    return qRed(c) > 180 && qGreen(c) < 120 && qBlue(c) < 120;
}

} // namespace

class TestWindow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ui::MainWindow> m_window;

    void runQueueLesson()
    {
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openScenario(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/03_queue_full_blocks.py")));
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        QVERIFY(m_window->runScenario());
        QVERIFY(finished.wait(60000)); // a safety net: the run takes about a second
        m_window->controller().pause();
    }

private slots:
    void initTestCase()
    {
        ipc::registerModules();
        QCoreApplication::setOrganizationName(QStringLiteral("IPC Lab tests")); // keep the user's settings out of it
        QCoreApplication::setApplicationName(QStringLiteral("tst_window"));
        QSettings().remove(QStringLiteral("selfStudy"));
        QSettings().remove(QStringLiteral("language"));
        g_previousHandler = qInstallMessageHandler(recordWarnings);
    }

    // Every lesson of the catalogue loads, runs and plays to its last event with no warning.
    void everyLessonPlaysToTheEnd_data()
    {
        QTest::addColumn<QString>("path");
        const auto catalogue = ui::builtInScenarios();
        QVERIFY(catalogue.size() >= 19);
        for (const ui::ScenarioInfo &info : catalogue)
            QTest::newRow(qPrintable(info.fileName)) << info.path;
    }

    void everyLessonPlaysToTheEnd()
    {
        QFETCH(QString, path);
        g_warnings.clear();
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openScenario(path));
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        QVERIFY(m_window->runScenario());
        QVERIFY(finished.wait(120000));
        auto &c = m_window->controller();
        c.pause();
        QVERIFY(c.model().size() > 0);
        c.seek(0);
        // Event by event, as Play shows them; through the middle of a long run (the Manager
        // races have tens of thousands of events) in strides, to keep the suite's time in bounds.
        const int size = c.model().size(), edge = 3000, stride = std::max(1, (size - 2 * edge) / 3000);
        for (int i = 0; c.position() < size; ++i) {
            if (c.position() > edge && c.position() < size - edge)
                c.seek(std::min(c.position() + stride, size - edge));
            else
                c.stepForward();
            if (i % 64 == 0) {
                renderStage(m_window->stage());
                QCoreApplication::processEvents(); // paint, animate and lay out as a user would see it
            }
        }
        QCOMPARE(c.position(), c.model().size());
        renderStage(m_window->stage());
        QTest::qWait(50);
        QVERIFY2(!m_window->explanation().isEmpty(), "nothing said at the end");
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(QLatin1Char('\n'))));
    }

    // View > Language: every text of the window in the other language at once, the lesson,
    // its run and the replay position kept; remembered for the next start.
    void languageSwitchesLive()
    {
        g_warnings.clear();
        runQueueLesson();
        auto &c = m_window->controller();
        const int size = c.model().size();
        c.seek(size / 2);
        const QString englishExplanation = m_window->explanation();
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("a full queue blocks the producer")));
        m_window->setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(ui::currentLanguage(), QStringLiteral("zh_CN"));
        QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("zh_CN"));
        QTRY_VERIFY(m_window->windowTitle().contains(QStringLiteral("队列满了")));
        QCOMPARE(c.model().size(), size);
        QCOMPARE(c.position(), size / 2);
        QVERIFY(m_window->currentPath().endsWith(QStringLiteral("03_queue_full_blocks.py")));
        QVERIFY(m_window->explanation() != englishExplanation);
        QStringList actions;
        for (QAction *a : m_window->findChildren<QAction *>())
            actions << a->text();
        QVERIFY2(actions.contains(QStringLiteral("运行")) && actions.contains(QStringLiteral("前进一步")), qPrintable(actions.join(QLatin1Char(','))));
        QVERIFY(!actions.contains(QStringLiteral("Run")));
        bool chapterInChinese = false;
        for (int i = 0; i < m_window->catalogueList()->count(); ++i)
            chapterInChinese |= m_window->catalogueList()->item(i)->text().startsWith(QStringLiteral("第 "));
        QVERIFY(chapterInChinese);
        m_window->setLanguage(QStringLiteral("en"));
        QTRY_VERIFY(m_window->windowTitle().contains(QStringLiteral("a full queue blocks the producer")));
        QCOMPARE(m_window->explanation(), englishExplanation);
        actions.clear();
        for (QAction *a : m_window->findChildren<QAction *>())
            actions << a->text();
        QVERIFY(actions.contains(QStringLiteral("Run")));
        QSettings().remove(QStringLiteral("language"));
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(QLatin1Char('\n'))));
    }

    // The lesson's own explanation of a line leads "What is happening" while that line runs,
    // in the interface language.
    void lineExplanationsAreShown()
    {
        const QString path = QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/01_pipe_eof.py");
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const ui::ScenarioInfo info = ui::describeScenario(path, f.readAll());
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        QVERIFY(m_window->openScenario(path));
        QCOMPARE(m_window->explanation(), info.summaryEn);
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        QVERIFY(m_window->runScenario());
        QVERIFY(finished.wait(60000));
        auto &c = m_window->controller();
        c.pause();
        int at = -1;
        for (int i = 0; i < c.model().size() && at < 0; ++i)
            if (info.explanations.count(c.model().event(i).line))
                at = i;
        QVERIFY(at >= 0);
        c.seek(at + 1);
        const ui::BilingualText &text = info.explanations.at(c.model().event(at).line);
        QVERIFY2(m_window->explanation().startsWith(text.en), qPrintable(m_window->explanation()));
        m_window->setLanguage(QStringLiteral("zh_CN"));
        QTRY_VERIFY(m_window->explanation().startsWith(text.zh));
        m_window->setLanguage(QStringLiteral("en"));
        QSettings().remove(QStringLiteral("language"));
        QTRY_VERIFY(m_window->explanation().startsWith(text.en)); // Qt delivers LanguageChange to widgets as a posted event
    }

    // The output pane at three positions of the Queue(3) lesson: what python3 prints for the
    // same file, as far as the replay has come (the processes' order may differ run to run,
    // so the lines are compared as a multiset at the end and as members before).
    void outputPaneFollowsThePlayhead()
    {
        QProcess python;
        python.start(QStringLiteral("python3"), { QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/03_queue_full_blocks.py") });
        QVERIFY(python.waitForFinished(60000));
        QStringList expected = QString::fromUtf8(python.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(expected.size() >= 5);
        runQueueLesson();
        auto &c = m_window->controller();
        ui::OutputPane *pane = m_window->outputPane();
        c.seek(0);
        QVERIFY(pane->lines().isEmpty());
        const int firstPrint = findEvent(c.model(), "print", 'I');
        QVERIFY(firstPrint > 0);
        c.seek(firstPrint + 1);
        QCOMPARE(pane->lines().size(), 1);
        QVERIFY(expected.contains(pane->lines().front()));
        int prints = 0;
        const int middle = c.model().size() / 2;
        for (int i = 0; i < middle; ++i)
            prints += c.model().event(i).op == QLatin1String("print");
        c.seek(middle);
        QCOMPARE(pane->lines().size(), prints);
        for (const QString &line : pane->lines())
            QVERIFY2(expected.contains(line), qPrintable(line));
        c.seek(c.model().size());
        QStringList shown = pane->lines();
        shown.sort();
        expected.sort();
        QCOMPARE(shown, expected);
        // At the end, "What is happening" repeats the last lines.
        QVERIFY(m_window->explanation().contains(QStringLiteral("all six items went through a queue of three slots")));
    }

    // An uncaught exception shows its traceback; a click on its line marks that line in the code.
    void tracebackLineMarksTheCode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("boom.py"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("def fail():\n    raise ValueError('boom')\n\nprint('before')\nfail()\n");
        f.close();
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openScenario(path));
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        QVERIFY(m_window->runScenario());
        QVERIFY(finished.wait(60000));
        auto &c = m_window->controller();
        c.pause();
        c.seek(c.model().size());
        ui::OutputPane *pane = m_window->outputPane();
        const QStringList lines = pane->lines();
        QVERIFY2(lines.contains(QStringLiteral("before")), qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY(lines.contains(QStringLiteral("Traceback (most recent call last):")));
        QVERIFY(lines.contains(QStringLiteral("ValueError: boom")));
        int row = -1;
        for (int i = 0; i < pane->count(); ++i)
            if (pane->item(i)->text().contains(QStringLiteral("line 2,")))
                row = i;
        QVERIFY(row >= 0);
        pane->scrollToItem(pane->item(row));
        QTest::mouseClick(pane->viewport(), Qt::LeftButton, {}, pane->visualItemRect(pane->item(row)).center());
        bool marked = false;
        for (const QTextEdit::ExtraSelection &s : m_window->codeView()->extraSelections())
            marked |= s.cursor.blockNumber() == 1 && s.format.foreground().color() == QColor(0x99, 0x1b, 0x1b);
        QVERIFY(marked);
    }

    // Home and End go to the first and the last event, even with the lesson list focused.
    void homeAndEndJumpWhereverTheFocusIs()
    {
        runQueueLesson();
        auto &c = m_window->controller();
        c.seek(10);
        m_window->catalogueList()->setFocus();
        QTest::keyClick(m_window->catalogueList(), Qt::Key_End);
        QCOMPARE(c.position(), c.model().size());
        m_window->codeView()->setFocus();
        QTest::keyClick(m_window->codeView(), Qt::Key_Home);
        QCOMPARE(c.position(), 0);
    }

    void runStepAndSeek()
    {
        runQueueLesson();
        auto &c = m_window->controller();
        QVERIFY(c.model().size() > 50);
        c.seek(10);
        c.stepForward();
        QCOMPARE(c.position(), 11);
        c.stepBack();
        c.stepBack();
        QCOMPARE(c.position(), 9);
        // Restart: back to the beginning, nothing on the stage yet.
        c.seek(0);
        QCOMPARE(c.position(), 0);
        renderStage(m_window->stage());
        QVERIFY(m_window->stage()->drawnElements().empty());
        c.seek(c.model().size());
        QCOMPARE(c.position(), c.model().size());
        QVERIFY(m_window->explanation().size() > 0);
    }

    void stageShowsTheFullQueue()
    {
        runQueueLesson();
        auto &c = m_window->controller();
        // The moment put(3, timeout=0.5) fails: three slots taken, drawn red.
        const int full = findEvent(c.model(), "queue.put", 'F');
        QVERIFY(full > 0);
        c.seek(full + 1);
        const QImage image = renderStage(m_window->stage());
        int taken = 0, slotCount = 0;
        for (const ui::DrawnElement &e : m_window->stage()->drawnElements())
            if (e.kind == QLatin1String("slot")) {
                ++slotCount;
                if (e.highlighted) {
                    ++taken;
                    QVERIFY2(reddish(image.pixel(e.rect.center())), "a taken slot is painted red");
                }
            }
        QCOMPARE(slotCount, 3);
        QCOMPARE(taken, 3);
        // While that put waited for a slot, the main thread was drawn as blocked.
        const int waiting = findEvent(c.model(), "sync.acquire", 'B', findEvent(c.model(), "queue.put", 'B', full - 40 > 0 ? full - 40 : 0));
        QVERIFY(waiting > 0 && waiting < full);
        int blockedPut = -1;
        for (int i = full; i > 0; --i)
            if (c.model().event(i).op == QLatin1String("sync.acquire") && c.model().event(i).ph == 'B') {
                blockedPut = i;
                break;
            }
        c.seek(blockedPut + 1);
        renderStage(m_window->stage());
        bool blockedThread = false, processBox = false, queueBox = false;
        for (const ui::DrawnElement &e : m_window->stage()->drawnElements()) {
            blockedThread |= e.kind == QLatin1String("thread") && e.highlighted;
            processBox |= e.kind == QLatin1String("process") && e.label == QLatin1String("MainProcess");
            queueBox |= e.kind == QLatin1String("queue") && e.label == QLatin1String("q = Queue(maxsize=3)");
        }
        QVERIFY(blockedThread);
        QVERIFY(processBox);
        QVERIFY(queueBox);
        QVERIFY(m_window->explanation().contains(QStringLiteral("acquire")) || m_window->explanation().contains(QStringLiteral("put")));
        // Later, items wait in the producer's buffer or travel in the pipe: drawn as chips and messages.
        bool sawItems = false;
        for (int i = 0; i < c.model().size() && !sawItems; ++i) {
            c.seek(i);
            renderStage(m_window->stage());
            for (const ui::DrawnElement &e : m_window->stage()->drawnElements())
                sawItems |= e.kind == QLatin1String("buffer-item") || e.kind == QLatin1String("message");
        }
        QVERIFY(sawItems);
    }

    void timelineLanesArrowsPlayheadAndClick()
    {
        runQueueLesson();
        auto &c = m_window->controller();
        ui::TimelineView *timeline = m_window->timeline();
        QVERIFY(timeline->laneCount() >= 3); // main and feeder of the producer, the consumer
        QVERIFY(timeline->arrowCount() >= 7); // six items and "go", put -> get
        c.seek(c.model().size() / 2);
        QImage image(900, 200, QImage::Format_RGB32);
        QPainter p(&image);
        timeline->paintTimeline(p, image.rect());
        p.end();
        int darkColumns = 0;
        for (int x = 301; x < image.width(); ++x) // right of the lane names (at most a third)
            if (qGray(image.pixel(x, 8)) < 40) // in the first lane, above the axes
                ++darkColumns;
        QVERIFY2(darkColumns >= 1 && darkColumns <= 4, "the playhead is one thin dark line");
        // A click on the timeline moves every view there.
        timeline->resize(900, 200);
        const int before = c.position();
        QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(260, 20));
        QVERIFY(c.position() != before);
        QVERIFY(c.position() < c.model().size() / 2);
    }

    // Messages travel: stepping onto the read of an item shows it on its way from the pipe to the reader.
    void messagesMoveAlongTheirPaths()
    {
        runQueueLesson();
        auto &c = m_window->controller();
        const int read = findEvent(c.model(), "pipe.read", 'E');
        QVERIFY(read > 0);
        c.seek(read);
        renderStage(m_window->stage()); // the picture before the step: where the pipe is
        QRect pipe;
        for (const ui::DrawnElement &e : m_window->stage()->drawnElements())
            if (e.id == QStringLiteral("queue-pipe/%1").arg(c.model().event(read).obj))
                pipe = e.rect;
        c.stepForward();
        QVERIFY(m_window->stage()->animating());
        QRect reader;
        m_window->stage()->setAnimationProgress(0.0);
        renderStage(m_window->stage());
        QRect start, middle;
        for (const ui::DrawnElement &e : m_window->stage()->drawnElements())
            if (e.kind == QLatin1String("moving-message"))
                start = e.rect;
        m_window->stage()->setAnimationProgress(0.5);
        renderStage(m_window->stage());
        for (const ui::DrawnElement &e : m_window->stage()->drawnElements()) {
            if (e.kind == QLatin1String("moving-message"))
                middle = e.rect;
            if (e.id == QStringLiteral("thread/%1").arg(c.model().event(read).tid))
                reader = e.rect;
        }
        QVERIFY(start.isValid() && middle.isValid() && reader.isValid());
        QVERIFY(pipe.contains(start.center()) || (start.center() - pipe.center()).manhattanLength() < 40);
        // Halfway, it is between the pipe and the reader, not at either end.
        const int toReader = (middle.center() - reader.center()).manhattanLength();
        const int toPipe = (middle.center() - start.center()).manhattanLength();
        QVERIFY(toReader > 10 && toPipe > 10);
    }

    void codePanelMarksCurrentLines()
    {
        runQueueLesson();
        auto &c = m_window->controller();
        c.seek(c.model().size() / 2);
        QVERIFY(!m_window->codeView()->extraSelections().isEmpty());
    }

    void zoomAndPresentationAreRemembered()
    {
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        m_window->setZoom(1.0);
        const double base = m_window->codeView()->font().pointSizeF();
        m_window->setZoom(1.5);
        QVERIFY(m_window->codeView()->font().pointSizeF() > base * 1.4);
        const int zoomed = QFontInfo(m_window->codeView()->font()).pixelSize();
        m_window->setPresentationMode(true); // type for a room, in pixels of the screen's height
        QVERIFY(QFontInfo(m_window->codeView()->font()).pixelSize() > zoomed);
        m_window->setPresentationMode(false);
        m_window.reset();
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER)); // a new session
        QCOMPARE(m_window->zoom(), 1.5);
        m_window->setZoom(1.0);
    }

    // A file from disk: problems are shown, nothing runs; an edit on disk is reloaded.
    void openFromDiskShowsProblemsAndReloads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.py"));
        auto write = [&](const QByteArray &text) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
        };
        write("print('one'\n");
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        QVERIFY(m_window->openScenario(path));
        QVERIFY(!m_window->runScenario());
        QVERIFY(!m_window->controller().running());
        QVERIFY2(m_window->explanation().contains(QStringLiteral("problems")), qPrintable(m_window->explanation()));
        write("print('two')\n");
        QTRY_VERIFY_WITH_TIMEOUT(m_window->codeView()->toPlainText().contains(QStringLiteral("two")), 10000);
        QVERIFY(!m_window->openScenario(dir.filePath(QStringLiteral("missing.py"))));
    }

    // Closing the window in the middle of a run leaves no process behind.
    void closingMidRunLeavesNothing()
    {
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        QVERIFY(m_window->openScenario(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/02_pipe_forgotten_close.py")));
        QVERIFY(m_window->runScenario());
        // Wait until the scenario is running (its main process blocks in recv() for 3 s).
        QTRY_VERIFY_WITH_TIMEOUT(!descendants(QCoreApplication::applicationPid()).isEmpty(), 20000);
        m_window->close();
        QVERIFY(!m_window->controller().running());
        QTRY_VERIFY_WITH_TIMEOUT(descendants(QCoreApplication::applicationPid()).isEmpty(), 10000);
    }

    // A FIFO, a shared memory segment, a socket connection and a Pool on the stage: the bytes
    // both processes see (the child's write in its colour), the connect -> accept handshake.
    void stageShowsFifoSocketSharedMemoryAndPool()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shared.py"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("import os, socket, time\n"
                "from multiprocessing import Process, Pool, Value, shared_memory\n"
                "def sq(x):\n"
                "    return x * x\n"
                "def child(name, port):\n"
                "    fd = os.open('ch', os.O_WRONLY)\n"
                "    os.write(fd, b'ping')\n"
                "    shm = shared_memory.SharedMemory(name=name)\n"
                "    shm.buf[:2] = b'HI'\n"
                "    shm.close()\n"
                "    with socket.socket() as c:\n"
                "        c.connect(('127.0.0.1', port))\n"
                "        c.sendall(b'hello')\n"
                "        time.sleep(0.3)\n"
                "    os.close(fd)\n"
                "if __name__ == '__main__':\n"
                "    pool = Pool(2)\n"
                "    print(pool.map(sq, [1, 2, 3]))\n"
                "    os.mkfifo('ch')\n"
                "    shm = shared_memory.SharedMemory(create=True, size=8)\n"
                "    shm.buf[:2] = b'hi'\n"
                "    server = socket.socket()\n"
                "    server.bind(('127.0.0.1', 0))\n"
                "    server.listen()\n"
                "    p = Process(target=child, args=(shm.name, server.getsockname()[1]))\n"
                "    p.start()\n"
                "    fd = os.open('ch', os.O_RDONLY)\n"
                "    v = Value('i', 7)\n"
                "    v.get_lock().acquire()\n"
                "    conn, addr = server.accept()\n"
                "    print(conn.recv(10))\n"
                "    p.join()\n"
                "    print(os.read(fd, 10), bytes(shm.buf[:2]))\n"
                "    os.close(fd)\n"
                "    conn.close()\n"
                "    server.close()\n"
                "    shm.close()\n"
                "    shm.unlink()\n"
                "    pool.close()\n"
                "    pool.join()\n");
        f.close();
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        QVERIFY(m_window->openScenario(path));
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        QVERIFY(m_window->runScenario());
        QVERIFY(finished.wait(60000));
        auto &c = m_window->controller();
        c.pause();
        const int received = findEvent(c.model(), "socket.recv", 'E');
        QVERIFY(received > 0);
        c.seek(received + 1);
        const QImage image = renderStage(m_window->stage());
        if (qEnvironmentVariableIsSet("IPCLAB_STAGE_SHOT"))
            image.save(qEnvironmentVariable("IPCLAB_STAGE_SHOT"));
        bool fifo = false, handshake = false, pool = false, lessonPipe = false, heldLock = false, value = false;
        QString bytes;
        int childWrote = 0;
        const int created = findEvent(c.model(), "shm.create", 'E');
        QVERIFY(created > 0);
        const QString shmBytes = QStringLiteral("segment/%1/").arg(c.model().event(created).obj);
        for (const ui::DrawnElement &e : m_window->stage()->drawnElements()) {
            fifo |= e.kind == QLatin1String("fifo") && e.label == QLatin1String("ch") && !e.highlighted; // both ends open
            handshake |= e.kind == QLatin1String("handshake");
            pool |= e.kind == QLatin1String("pool") && e.label.startsWith(QLatin1String("3 tasks sent, 3 done"));
            lessonPipe |= e.kind == QLatin1String("pipe"); // the pool's own pipes are not drawn as lesson pipes
            heldLock |= e.kind == QLatin1String("segment-lock") && e.highlighted && e.label.contains(QLatin1String("MainProcess"));
            value |= e.kind == QLatin1String("segment-value") && e.label == QLatin1String("7");
            if (e.kind == QLatin1String("segment-byte") && e.id.startsWith(shmBytes) && bytes.size() < 2) {
                bytes += QChar(e.label.toInt());
                childWrote += e.highlighted;
            }
        }
        QVERIFY(fifo);
        QVERIFY(handshake);
        QVERIFY(pool);
        QVERIFY(!lessonPipe);
        QVERIFY(heldLock); // the Value's lock, drawn with it: held by the parent
        QVERIFY(value);
        QCOMPARE(bytes, QStringLiteral("HI")); // what the child wrote, seen in the parent's segment
        QCOMPARE(childWrote, 2);
        // The bytes written into the FIFO travel from the writer's thread into the FIFO.
        const int write = findEvent(c.model(), "os.write", 'B');
        QVERIFY(write > 0);
        c.seek(write);
        renderStage(m_window->stage());
        c.stepForward();
        QVERIFY(m_window->stage()->animating());
        m_window->stage()->setAnimationProgress(1.0);
        renderStage(m_window->stage());
        QRect chip, fifoRect;
        for (const ui::DrawnElement &e : m_window->stage()->drawnElements()) {
            if (e.kind == QLatin1String("moving-message"))
                chip = e.rect;
            if (e.kind == QLatin1String("fifo"))
                fifoRect = e.rect;
        }
        QVERIFY(chip.isValid() && fifoRect.isValid());
        QVERIFY(fifoRect.contains(chip.center()));
    }

    void cleanup() { m_window.reset(); }
};

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
