// The stage explains why, checked offscreen on real runs: the forgotten close at its end (the
// banner, the hatched wait, MainProcess to blame, the marked line), a lock-order deadlock drawn
// as a cycle, the Queue(3) lesson's arrow to its semaphore, the Manager race's playback time by
// the pace, colours across runs, and the event log after a seek.

#include "code_view.h"
#include "ipc.h"
#include "main_window.h"
#include "operation_words.h"
#include "stage_view.h"
#include "timeline_view.h"

#include <QClipboard>
#include <QFile>
#include <QMenu>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace ipclab;

namespace {

// Two processes take two locks in opposite orders; the events make sure each holds its first
// lock before either asks for its second, so the deadlock happens on every run.
const char *const kLockOrderDeadlock = R"(from multiprocessing import Event, Lock, Process


def worker(first, second, mine, theirs):
    with first:
        mine.set()
        theirs.wait()
        with second:
            print("never printed")


if __name__ == "__main__":
    lock_a = Lock()
    lock_b = Lock()
    a_holds = Event()
    b_holds = Event()
    p = Process(target=worker, args=(lock_a, lock_b, a_holds, b_holds))
    q = Process(target=worker, args=(lock_b, lock_a, b_holds, a_holds))
    p.start()
    q.start()
    p.join()
    q.join()
)";

void paint(ui::StageView *stage)
{
    QImage image(1200, 900, QImage::Format_RGB32);
    QPainter p(&image);
    stage->paintStage(p, image.rect());
}

void paint(ui::TimelineView *timeline)
{
    QImage image(1000, 300, QImage::Format_RGB32);
    QPainter p(&image);
    timeline->paintTimeline(p, image.rect());
}

const ui::DrawnElement *drawn(ui::StageView *stage, const QString &kind, const QString &idPrefix = {})
{
    for (const ui::DrawnElement &d : stage->drawnElements())
        if (d.kind == kind && d.id.startsWith(idPrefix))
            return &d;
    return nullptr;
}

int countDrawn(ui::StageView *stage, const QString &kind)
{
    int n = 0;
    for (const ui::DrawnElement &d : stage->drawnElements())
        n += d.kind == kind;
    return n;
}

int findEvent(const engine::TraceModel &model, const char *op, char ph, int from)
{
    for (int i = from; i < model.size(); ++i)
        if (model.event(i).op == QLatin1String(op) && model.event(i).ph == ph)
            return i;
    return -1;
}

bool painted(const QStringList &texts, const QString &part)
{
    return std::any_of(texts.begin(), texts.end(), [&](const QString &t) { return t.contains(part); });
}

} // namespace

class TestStageWhy : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ui::MainWindow> m_window;
    QTemporaryDir m_dir;

    bool run(const QString &path)
    {
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()) || !m_window->openScenario(path))
            return false;
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        if (!m_window->runScenario() || !finished.wait(120000)) // a safety net: a hang is found in about 2 s
            return false;
        m_window->controller().pause();
        return true;
    }
    QString lesson(const char *file) const { return QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/") + QLatin1String(file); }
    int pidOf(const QString &name) const
    {
        const engine::RunWatch end = m_window->controller().model().stateAfter(m_window->controller().model().size());
        for (const auto &[pid, p] : end.processes())
            if (p.name == name)
                return pid;
        return 0;
    }

private slots:
    void initTestCase()
    {
        ipc::registerModules();
        QCoreApplication::setOrganizationName(QStringLiteral("IPC Lab tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_stage_why"));
        QSettings().remove(QStringLiteral("selfStudy"));
        QSettings().remove(QStringLiteral("language"));
        QVERIFY(m_dir.isValid());
    }

    // Right-click menus: copy what a box says, follow it in the timeline, export; the timeline
    // zooms back to fit. File › Export writes the pictures from the window.
    void contextMenusAndExportFromTheWindow()
    {
        QVERIFY(run(lesson("02_pipe_forgotten_close.py")));
        auto &c = m_window->controller();
        c.seek(c.model().size());
        m_window->stage()->resize(1200, 700);
        m_window->stage()->repaint();
        const ui::DrawnElement *process = drawn(m_window->stage(), QStringLiteral("process"));
        QVERIFY(process);
        const ui::DrawnElement *under = m_window->stage()->elementAt(process->rect.topLeft() + QPoint(4, 4));
        QVERIFY(under);
        QMenu *menu = m_window->stage()->contextMenuFor(under);
        QStringList texts;
        for (QAction *a : menu->actions())
            texts << a->text();
        QVERIFY2(texts.size() >= 3 && texts[0].startsWith(QLatin1String("Copy")), qPrintable(texts.join(QLatin1Char('|'))));
        menu->actions().first()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), under->label.isEmpty() ? under->id : under->label);
        QSignalSpy selected(m_window->stage(), &ui::StageView::elementClicked);
        menu->actions().at(1)->trigger();
        QCOMPARE(selected.size(), 1);
        delete menu;

        ui::TimelineView *timeline = m_window->timeline();
        QWheelEvent zoom(
            QPointF(500, 40), timeline->mapToGlobal(QPointF(500, 40)), {}, QPoint(0, 240), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        timeline->resize(1000, 200);
        QApplication::sendEvent(timeline, &zoom);
        QVERIFY(timeline->zoomedIn());
        timeline->zoomToFit();
        QVERIFY(!timeline->zoomedIn());

        const QString png = m_dir.filePath(QStringLiteral("window-stage.png"));
        QVERIFY(m_window->exportPicture(QStringLiteral("stage-png"), png));
        QCOMPARE(QImage(png).size(), QSize(1600, 900));
        const int before = c.position();
        QVERIFY(m_window->exportPicture(QStringLiteral("pdf"), m_dir.filePath(QStringLiteral("handout.pdf"))));
        QCOMPARE(c.position(), before); // the handout visits the questions, then comes back
    }

    void forgottenCloseAtItsEnd()
    {
        QVERIFY(run(lesson("02_pipe_forgotten_close.py")));
        auto &c = m_window->controller();
        QCOMPARE(c.result().end, engine::RunEnd::Hang);
        c.seek(c.model().size());
        ui::StageView *stage = m_window->stage();
        paint(stage);
        const QStringList texts = stage->paintedTexts();
        const ui::DrawnElement *banner = drawn(stage, QStringLiteral("banner"));
        QVERIFY(banner);
        QVERIFY2(
            banner->label.startsWith(QStringLiteral("IPC Lab stopped this run: receiver.recv() in MainProcess would wait forever")), qPrintable(banner->label));
        QVERIFY(banner->label.contains(QStringLiteral("sender")));
        QVERIFY(painted(texts, QStringLiteral("waiting forever")));
        // MainProcess itself is to blame: it still holds sender.
        const int main = pidOf(QStringLiteral("MainProcess"));
        QVERIFY(main > 0);
        QVERIFY(drawn(stage, QStringLiteral("culprit"), QStringLiteral("culprit/process/%1").arg(main)));
        const ui::DrawnElement *wait = drawn(stage, QStringLiteral("wait-edge"));
        QVERIFY(wait);
        QVERIFY2(wait->label.startsWith(QStringLiteral("tube/")), qPrintable(wait->label));
        const ui::DrawnElement *blame = drawn(stage, QStringLiteral("culprit-edge"));
        QVERIFY(blame);
        QCOMPARE(blame->label, QStringLiteral("process/%1").arg(main));
        // The timeline: the recv() that never returns runs off the edge, hatched.
        ui::TimelineView *timeline = m_window->timeline();
        QCOMPARE(timeline->foreverCount(), 1);
        paint(timeline);
        QVERIFY(painted(timeline->paintedTexts(), QStringLiteral("forever →")));
        // The code marks the line of that recv().
        QFile source(lesson("02_pipe_forgotten_close.py"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(source.readAll()).split(QLatin1Char('\n'));
        QVERIFY(m_window->hangLine() > 0);
        QVERIFY2(lines.at(m_window->hangLine() - 1).contains(QStringLiteral("receiver.recv()")), qPrintable(lines.at(m_window->hangLine() - 1)));
        // Before the end, no banner: the run was not stopped yet.
        c.seek(c.model().size() - 1);
        paint(stage);
        QVERIFY(!drawn(stage, QStringLiteral("banner")));
    }

    void lockOrderDeadlockDrawsACycle()
    {
        const QString path = m_dir.filePath(QStringLiteral("lock_order.py"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kLockOrderDeadlock);
        f.close();
        QVERIFY(run(path));
        auto &c = m_window->controller();
        QCOMPARE(c.result().end, engine::RunEnd::Hang);
        c.seek(c.model().size());
        ui::StageView *stage = m_window->stage();
        paint(stage);
        QCOMPARE(stage->drawnCycle().size(), std::size_t(2));
        // Three waits: the two workers for a lock each, MainProcess in join() for the first.
        QCOMPARE(countDrawn(stage, QStringLiteral("wait-edge")), 3);
        // Each worker's arrow runs to a lock, and from that lock on to the other worker's thread.
        std::set<QString> waitedOn, blamed;
        for (const ui::DrawnElement &d : stage->drawnElements()) {
            if (d.kind == QLatin1String("wait-edge") && !d.label.startsWith(QStringLiteral("process/")))
                waitedOn.insert(d.label);
            if (d.kind == QLatin1String("culprit-edge") && d.label.startsWith(QStringLiteral("thread/")))
                blamed.insert(d.label);
        }
        QCOMPARE(waitedOn.size(), std::size_t(2));
        for (const QString &lock : waitedOn)
            QVERIFY2(lock.startsWith(QStringLiteral("lock/")), qPrintable(lock));
        QCOMPARE(blamed.size(), std::size_t(2));
        for (int tid : stage->drawnCycle())
            QVERIFY(blamed.count(QStringLiteral("thread/%1").arg(tid)));
        const ui::DrawnElement *banner = drawn(stage, QStringLiteral("banner"));
        QVERIFY(banner);
        QVERIFY2(banner->label.contains(QStringLiteral("a deadlock")), qPrintable(banner->label));
        QVERIFY2(banner->label.contains(QStringLiteral("lock_a")) && banner->label.contains(QStringLiteral("lock_b")), qPrintable(banner->label));
    }

    void queueLessonAtTheFailingPutPointsAtTheSemaphore()
    {
        QVERIFY(run(lesson("03_queue_full_blocks.py")));
        auto &c = m_window->controller();
        const engine::TraceModel &model = c.model();
        // The put(3, timeout=0.5): the main thread waits for a slot of q's semaphore.
        int at = -1;
        for (int i = 0; i < model.size() && at < 0; ++i) {
            const engine::TraceEvent &e = model.event(i);
            if (e.op == QLatin1String("sync.acquire") && e.ph == 'B' && e.has("timeout") && e.number("timeout") > 0)
                at = i;
        }
        QVERIFY(at > 0);
        c.seek(at + 1);
        ui::StageView *stage = m_window->stage();
        paint(stage);
        const engine::TraceEvent &put = model.event(at);
        const ui::DrawnElement *wait = drawn(stage, QStringLiteral("wait-edge"), QStringLiteral("wait/%1").arg(put.tid));
        QVERIFY(wait);
        QVERIFY2(wait->label.startsWith(QStringLiteral("slots/")), qPrintable(wait->label));
        QVERIFY(drawn(stage, QStringLiteral("slots"), wait->label));
        // They are still in the main process's buffer (its feeder has not run yet); once the
        // feeder writes one into the pipe, it is a pill with its value and its bytes on the wire.
        QCOMPARE(countDrawn(stage, QStringLiteral("buffer-item")), 3);
        const int written = findEvent(model, "pipe.write", 'B', at);
        QVERIFY(written > at);
        c.seek(written + 1);
        paint(stage);
        const ui::DrawnElement *pill = drawn(stage, QStringLiteral("message"));
        QVERIFY(pill);
        QCOMPARE(pill->label, QStringLiteral("0 %1 B").arg(model.event(written).integer("bytes")));
        c.seek(at + 1);
        // Next IPC event goes to an IPC step, never a statement.
        m_window->goToIpcEvent(+1);
        QVERIFY(engine::isIpcOperation(model.event(c.position() - 1).op));
        QVERIFY(c.position() > at + 1);
        m_window->goToIpcEvent(-1);
        QCOMPARE(c.position(), at + 1);
        // Ctrl+→ on the selected thread goes to its next event, whichever thread ran between.
        m_window->selectOnStage(QStringLiteral("thread/%1").arg(put.tid));
        m_window->goToSelectionEvent(+1);
        QCOMPARE(model.event(c.position() - 1).tid, put.tid);
    }

    void managerRacePlaysInUnderTwoMinutes()
    {
        QVERIFY(run(lesson("05_manager_dict_race.py")));
        auto &c = m_window->controller();
        QVERIFY(c.model().size() > 20000);
        const double seconds = c.playbackSeconds();
        qInfo("Manager race: %d events play in %.1f s at the default pace", c.model().size(), seconds);
        QVERIFY2(seconds < 120.0, qPrintable(QString::number(seconds)));
        // Every statement, when asked for, gives each a beat of its own: far longer.
        c.setEveryStatement(true);
        QVERIFY(c.playbackSeconds() > seconds * 10);
        c.setEveryStatement(false);
    }

    void aProcessKeepsItsColourAcrossRuns()
    {
        QVERIFY(run(lesson("11_pipe_two_processes.py")));
        const int first = pidOf(QStringLiteral("Process-1"));
        m_window->controller().seek(m_window->controller().model().size());
        const QColor colour = m_window->colours().colourFor(first);
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        QVERIFY(m_window->runScenario());
        QVERIFY(finished.wait(120000));
        m_window->controller().pause();
        m_window->controller().seek(m_window->controller().model().size());
        const int second = pidOf(QStringLiteral("Process-1"));
        QVERIFY(first != second);
        QCOMPARE(m_window->colours().colourFor(second), colour);
        QVERIFY(m_window->colours().colourFor(pidOf(QStringLiteral("MainProcess"))) != colour);
        // A Manager's server and a pool's workers are told from the Process of the same number.
        using ui::ProcessColours;
        for (const char *other : { "SyncManager-1", "ForkPoolWorker-1" }) {
            QVERIFY(ProcessColours::colourForName(QLatin1String(other)) != ProcessColours::colourForName(QStringLiteral("Process-1")));
            QVERIFY(ProcessColours::colourForName(QLatin1String(other)) != ProcessColours::colourForName(QStringLiteral("MainProcess")));
        }
    }

    // Only code in the code panel: the lesson's `# ipclab:` lines are folded away (the star of a
    // right answer with them), their words in margin marks, in the interface's language.
    void codePanelShowsOnlyCode()
    {
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        QVERIFY(m_window->openScenario(lesson("02_pipe_forgotten_close.py")));
        ui::CodeView *code = m_window->codeView();
        QVERIFY(!code->visibleText().contains(QStringLiteral("# ipclab:")));
        QVERIFY(!code->visibleText().contains(QStringLiteral("answer*")));
        QVERIFY(code->visibleText().contains(QStringLiteral("message = receiver.recv()")));
        bool explained = false, asked = false;
        for (const auto &[line, note] : code->marginNotes()) {
            explained |= note.mark == QLatin1Char('i') && !note.text.isEmpty();
            asked |= note.mark == QLatin1Char('?') && note.text.startsWith(QStringLiteral("Question: "));
        }
        QVERIFY(explained && asked);
        m_window->setLanguage(QStringLiteral("zh_CN"));
        QCoreApplication::processEvents(); // the language change arrives as an event
        QVERIFY(!code->marginNotes().empty());
        for (const auto &[line, note] : code->marginNotes())
            QVERIFY2(!note.text.contains(QStringLiteral("The ")), qPrintable(note.text)); // no English left in the marks
        m_window->setLanguage(QStringLiteral("en"));
        QSettings().remove(QStringLiteral("language"));
    }

    void eventLogAfterASeekIsTheLogOfAFreshReplay()
    {
        QVERIFY(run(lesson("11_pipe_two_processes.py")));
        auto &c = m_window->controller();
        const int target = c.model().size() / 2;
        c.seek(c.model().size());
        c.seek(target); // back, in one jump
        const QStringList afterSeek = m_window->logLines();
        c.seek(0);
        QVERIFY(m_window->logLines().isEmpty());
        for (int i = 0; i < target; ++i)
            c.stepForward();
        QCOMPARE(m_window->logLines(), afterSeek);
        QCOMPARE(afterSeek.size(), target);
    }
};

QTEST_MAIN(TestStageWhy)
#include "tst_stage_why.moc"
