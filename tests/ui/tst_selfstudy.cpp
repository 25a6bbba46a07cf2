// Self-study asks at the right moment: the annotation syntax and its errors, the moment of a
// question in a recorded trace (at=N, last, raises, blocks, hangs), and in the window: the EOF
// lesson asks before the EOFError and stops at it, the why comes after the answer, and the
// code panel never shows which answer is right.

#include "code_view.h"
#include "ipc.h"
#include "language.h"
#include "main_window.h"
#include "question_panel.h"
#include "scenario_catalogue.h"
#include "trace_model.h"

#include <QFile>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ipclab;

namespace {

engine::TraceEvent traced(int tid, const char *op, char ph, int line, quint64 obj = 0, const QByteArray &values = {})
{
    static qint64 t = 0;
    engine::TraceEvent e;
    e.t = ++t;
    e.pid = 100;
    e.tid = tid;
    e.op = QString::fromLatin1(op);
    e.ph = ph;
    e.line = line;
    e.obj = obj;
    e.rawValues = values;
    return e;
}

QString textOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestSelfStudy : public QObject {
    Q_OBJECT

    std::unique_ptr<ui::MainWindow> m_window;

    /// Opens and records `lesson`, then rewinds with self-study on, ready to play.
    void recordLesson(const char *lesson)
    {
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        m_window->show();
        QVERIFY(m_window->openScenario(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/") + QLatin1String(lesson)));
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        QVERIFY(m_window->runScenario());
        QVERIFY(finished.wait(60000)); // a safety net: the run takes about a second
        auto &c = m_window->controller();
        c.pause();
        c.seek(0);
        m_window->setSelfStudy(true);
        c.setSpeed(1000);
    }

private slots:
    void initTestCase()
    {
        ipc::registerModules();
        QCoreApplication::setOrganizationName(QStringLiteral("IPC Lab tests")); // keep the user's settings out of it
        QCoreApplication::setApplicationName(QStringLiteral("tst_selfstudy"));
        QSettings().remove(QStringLiteral("selfStudy"));
        QSettings().remove(QStringLiteral("language"));
    }

    void annotationsAreRead()
    {
        const QByteArray source = "x = 0\n"
                                  "for i in range(5):\n"
                                  "    # ipclab:question at=3 en: Third?\n"
                                  "    # ipclab:question zh: 第三次？\n"
                                  "    # ipclab:why en: Because.\n"
                                  "    # ipclab:why zh: 因为。\n"
                                  "    # ipclab:answer en: A\n"
                                  "    # ipclab:answer zh: 甲\n"
                                  "    # ipclab:answer* en: B\n"
                                  "    # ipclab:why en: B is right.\n"
                                  "    # ipclab:answer* zh: 乙\n"
                                  "    # ipclab:why zh: 乙是对的。\n"
                                  "    x += i\n"
                                  "# ipclab:question at=last en: Last?\n"
                                  "# ipclab:question at=last zh: 最后？\n"
                                  "# ipclab:answer* en: Yes\n"
                                  "# ipclab:answer* zh: 是\n"
                                  "# ipclab:answer en: No\n"
                                  "# ipclab:answer zh: 否\n"
                                  "print(x)\n";
        const ui::ScenarioInfo info = ui::describeScenario(QStringLiteral("q.py"), source);
        QVERIFY2(info.problems.isEmpty(), qPrintable(info.problems.join(QLatin1Char('\n'))));
        QCOMPARE(info.questions.size(), std::size_t(2));
        const ui::Question &third = info.questions.at(13);
        QCOMPARE(third.at.kind, ui::AskAt::Nth);
        QCOMPARE(third.at.n, 3);
        QCOMPARE(third.why.en, QStringLiteral("Because."));
        QCOMPARE(third.why.zh, QStringLiteral("因为。"));
        QVERIFY(third.answers.at(0).why.en.isEmpty());
        QCOMPARE(third.answers.at(1).why.en, QStringLiteral("B is right."));
        QCOMPARE(third.answers.at(1).why.zh, QStringLiteral("乙是对的。"));
        QVERIFY(third.answers.at(1).correct);
        QCOMPARE(info.questions.at(20).at.kind, ui::AskAt::Last);
        QCOMPARE(info.questions.at(20).at, (ui::AskAt { ui::AskAt::Last, 0 }));
        // Every question, answer and why line is one the code panel folds away in self-study.
        std::set<int> expected;
        for (int line = 3; line <= 12; ++line)
            expected.insert(line);
        for (int line = 14; line <= 19; ++line)
            expected.insert(line);
        QCOMPARE(info.selfStudyLines, expected);
        for (const char *when : { "first", "last", "raises", "blocks", "hangs", "1", "12" }) {
            const QByteArray one = QByteArray("# ipclab:question at=") + when
                + " en: Q?\n# ipclab:question zh: 问？\n# ipclab:answer* en: A\n# ipclab:answer* zh: 甲\n# ipclab:answer en: B\n# ipclab:answer zh: 乙\npass\n";
            const auto parsed = ui::describeScenario(QStringLiteral("w.py"), one);
            QVERIFY2(parsed.problems.isEmpty(), qPrintable(parsed.problems.join(QLatin1Char('\n'))));
            QCOMPARE(parsed.questions.size(), std::size_t(1));
        }
    }

    // A malformed annotation is an error naming file, line and column and what was expected.
    void badAnnotationsSayWhere_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("expected");
        const QByteArray answers = "    # ipclab:answer* en: A\n    # ipclab:answer* zh: 甲\n    # ipclab:answer en: B\n    # ipclab:answer zh: 乙\n    pass\n";
        QTest::newRow("at=lastt") << QByteArray("if True:\n    # ipclab:question at=lastt en: Q?\n    # ipclab:question zh: 问？\n" + answers)
                                  << QStringLiteral("bad.py:2:26:") << QStringLiteral("expected at=first, at=last, at=N");
        QTest::newRow("at=0") << QByteArray("if True:\n    # ipclab:question at=0 en: Q?\n    # ipclab:question zh: 问？\n" + answers)
                              << QStringLiteral("bad.py:2:26:") << QStringLiteral("from 1");
        QTest::newRow("at=-2") << QByteArray("if True:\n    # ipclab:question zh: 问？\n    # ipclab:question at=-2 en: Q?\n" + answers)
                               << QStringLiteral("bad.py:3:26:") << QStringLiteral("`at=-2`");
        QTest::newRow("unknown option") << QByteArray("if True:\n    # ipclab:question when=3 en: Q?\n    # ipclab:question zh: 问？\n" + answers)
                                        << QStringLiteral("bad.py:2:23:") << QStringLiteral("expected `at=WHEN`");
        QTest::newRow("option on an answer") << QByteArray("# ipclab:question en: Q?\n# ipclab:question zh: 问？\n# ipclab:answer at=2 en: A\npass\n")
                                             << QStringLiteral("bad.py:3:17:") << QStringLiteral("expected `en:` or `zh:`");
        QTest::newRow("unknown key") << QByteArray("x = 1\n  # ipclab:qestion en: Q?\nx = 2\n") << QStringLiteral("bad.py:2:12:")
                                     << QStringLiteral("unknown annotation `# ipclab:qestion`");
        QTest::newRow("no language") << QByteArray("# ipclab:why\npass\n") << QStringLiteral("bad.py:1:13:") << QStringLiteral("expected `en:` or `zh:`");
        QTest::newRow("why alone") << QByteArray("# ipclab:why en: because\npass\n") << QStringLiteral("bad.py:1:10:")
                                   << QStringLiteral("with no question before it");
        QTest::newRow("no right answer") << QByteArray("# ipclab:question en: Q?\n# ipclab:question zh: 问？\n# ipclab:answer en: A\n# ipclab:answer zh: 甲\n"
                                                       "# ipclab:answer en: B\n# ipclab:answer zh: 乙\npass\n")
                                         << QStringLiteral("bad.py:1:10:") << QStringLiteral("expected exactly one `# ipclab:answer*`");
        QTest::newRow("different moments") << QByteArray("# ipclab:question at=2 en: Q?\n# ipclab:question at=last zh: 问？\n# ipclab:answer* en: A\n"
                                                         "# ipclab:answer* zh: 甲\n# ipclab:answer en: B\n# ipclab:answer zh: 乙\npass\n")
                                           << QStringLiteral("bad.py:2:10:") << QStringLiteral("the same `at=`");
        QTest::newRow("bad lesson") << QByteArray("# ipclab:lesson one\npass\n") << QStringLiteral("bad.py:1:17:") << QStringLiteral("CHAPTER.LESSON");
    }

    void badAnnotationsSayWhere()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, where);
        QFETCH(QString, expected);
        const ui::ScenarioInfo info = ui::describeScenario(QStringLiteral("/some/dir/bad.py"), source);
        QVERIFY2(!info.problems.isEmpty(), "no problem reported");
        const QString problem = info.problems.front();
        QVERIFY2(problem.startsWith(where), qPrintable(problem));
        QVERIFY2(problem.contains(expected), qPrintable(problem));
        QVERIFY2(info.questions.empty(), "a malformed question is not asked with a made-up default");
    }

    // The window refuses to run a lesson whose annotations are malformed and says where.
    void windowReportsBadAnnotations()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.py"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# ipclab:question at=never en: Q?\n# ipclab:question zh: 问？\n# ipclab:answer* en: A\n# ipclab:answer* zh: 甲\n"
                "# ipclab:answer en: B\n# ipclab:answer zh: 乙\nprint('hi')\n");
        f.close();
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        QVERIFY(m_window->openScenario(path));
        QVERIFY(!m_window->runScenario());
        QVERIFY(!m_window->controller().running());
        QStringList log;
        for (QListWidget *list : m_window->findChildren<QListWidget *>())
            for (int i = 0; i < list->count(); ++i)
                log << list->item(i)->text();
        QVERIFY2(log.filter(QStringLiteral("mine.py:1:22: `at=never`")).size() == 1, qPrintable(log.join(QLatin1Char('\n'))));
    }

    // The moment and outcome of each kind of `at=` in a trace made by hand: a recv() line run
    // four times (the last one raising), a put() that waits for another thread's get, and a
    // recv() the run ended inside.
    void momentsInATrace()
    {
        std::vector<engine::TraceEvent> events;
        events.push_back(traced(1, "run.start", 'I', 0));
        for (int i = 0; i < 4; ++i) {
            events.push_back(traced(1, "stmt", 'I', 7));
            events.push_back(traced(1, "conn.recv", 'B', 7, 5));
            if (i < 3) {
                events.push_back(traced(1, "conn.recv", 'E', 7, 5, "{\"value\":\"1\"}"));
                events.push_back(traced(1, "stmt", 'I', 8));
                events.push_back(traced(1, "print", 'I', 8));
            } else {
                events.push_back(traced(1, "conn.recv", 'F', 7, 5, "{\"exc\":\"EOFError\"}"));
            }
        }
        // Line 10: a put() that returns at once, then one that waits until thread 2's get.
        events.push_back(traced(1, "stmt", 'I', 10));
        events.push_back(traced(1, "queue.put", 'B', 10, 9));
        events.push_back(traced(1, "queue.put", 'E', 10, 9));
        events.push_back(traced(1, "stmt", 'I', 10));
        const int blockingPut = static_cast<int>(events.size()) - 1;
        events.push_back(traced(1, "queue.put", 'B', 10, 9));
        events.push_back(traced(2, "stmt", 'I', 20));
        events.push_back(traced(2, "queue.get", 'B', 20, 9));
        events.push_back(traced(2, "queue.get", 'E', 20, 9));
        events.push_back(traced(1, "queue.put", 'E', 10, 9));
        const int putReturned = static_cast<int>(events.size()) - 1;
        // Line 12: a recv() nobody answers: the run ends inside it.
        events.push_back(traced(1, "stmt", 'I', 12));
        const int hangingRecv = static_cast<int>(events.size()) - 1;
        events.push_back(traced(1, "conn.recv", 'B', 12, 5));
        events.push_back(traced(0, "run.end", 'I', 0, 0, "{\"end\":\"hang\"}"));
        engine::TraceModel model;
        model.load(events);
        const int n = model.size();
        const auto at = [&](int line, ui::AskAt when) {
            const auto m = ui::findQuestionMoment(model, line, when);
            return m ? std::pair(m->ask, m->outcome) : std::pair(-1, -1);
        };
        // The k-th stmt of line 7 is at 1 + 5 * (k - 1); its recv ends two events later.
        QCOMPARE(at(7, { ui::AskAt::Nth, 1 }), std::pair(1, 3));
        QCOMPARE(at(7, { ui::AskAt::Nth, 3 }), std::pair(11, 13));
        QCOMPARE(at(7, { ui::AskAt::Nth, 4 }), std::pair(16, 18));
        QCOMPARE(at(7, { ui::AskAt::Nth, 5 }), std::pair(-1, -1)); // the line ran four times: not asked
        QCOMPARE(at(7, { ui::AskAt::Last, 0 }), std::pair(16, 18));
        QCOMPARE(at(7, { ui::AskAt::Raises, 0 }), std::pair(16, 18));
        QCOMPARE(at(8, { ui::AskAt::Last, 0 }), std::pair(14, 15)); // a print: its own event is the outcome
        QCOMPARE(at(7, { ui::AskAt::Blocks, 0 }), std::pair(-1, -1)); // nobody else touched the pipe
        QCOMPARE(at(10, { ui::AskAt::Nth, 1 }), std::pair(19, 21));
        QCOMPARE(at(10, { ui::AskAt::Blocks, 0 }), std::pair(blockingPut, putReturned));
        QCOMPARE(at(10, { ui::AskAt::Raises, 0 }), std::pair(-1, -1));
        QCOMPARE(at(12, { ui::AskAt::Hangs, 0 }), std::pair(hangingRecv, n - 1));
        QCOMPARE(at(12, { ui::AskAt::Nth, 1 }), std::pair(hangingRecv, n - 1)); // the run ended inside it: the end is its outcome
        QCOMPARE(at(10, { ui::AskAt::Hangs, 0 }), std::pair(-1, -1));
    }

    // The teacher's report: the EOF lesson asks before the recv() that raises EOFError (not the
    // first one), the why comes after the answer, Continue stops at the EOFError, and the code
    // panel never shows the answers.
    void eofLessonAsksBeforeTheEOFErrorAndStopsThere()
    {
        recordLesson("01_pipe_eof.py");
        auto &c = m_window->controller();
        ui::QuestionPanel *panel = m_window->questionPanel();
        ui::CodeView *code = m_window->codeView();
        const QString source = textOf(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/01_pipe_eof.py"));
        const ui::ScenarioInfo info = ui::describeScenario(QStringLiteral("01_pipe_eof.py"), source.toUtf8());
        QCOMPARE(info.questions.size(), std::size_t(1));
        const auto &[line, question] = *info.questions.begin();
        QCOMPARE(question.at.kind, ui::AskAt::Raises);
        QString right;
        for (const ui::Answer &a : question.answers)
            if (a.correct)
                right = a.text.en;
        // Before any answer: no star, no why, no answer in the code panel, while the source has them.
        QVERIFY(source.contains(QStringLiteral("# ipclab:answer*")));
        QVERIFY(!code->visibleText().contains(QStringLiteral("answer*")));
        QVERIFY(!code->visibleText().contains(QStringLiteral("# ipclab:why")));
        QVERIFY(!code->visibleText().contains(QStringLiteral("# ipclab:question")));
        QVERIFY(!code->visibleText().contains(right));
        QVERIFY(!code->visibleText().contains(question.why.en));
        QVERIFY(code->visibleText().contains(QStringLiteral("message = receiver.recv()")));
        QCOMPARE(code->document()->blockCount(), static_cast<int>(source.count(QLatin1Char('\n'))) + 1); // folded, not removed: line numbers stay

        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(panel->asking(), 30000);
        QVERIFY(!c.playing());
        // A beat of playback that went past the moment comes back to it once the views showed it.
        QTRY_COMPARE(c.position(), m_window->selfStudy()->askPosition(line));
        const int asked = c.position();
        // It is the recv() line, after three recv()s returned and before the one that raises.
        QCOMPARE(c.model().event(asked - 1).line, line);
        int returned = 0;
        for (int i = 0; i < asked; ++i)
            returned += c.model().event(i).op == QLatin1String("conn.recv") && c.model().event(i).ph == 'E' ? 1 : 0;
        QCOMPARE(returned, 3);
        for (int i = 0; i < asked; ++i)
            QVERIFY(!(c.model().event(i).op == QLatin1String("conn.recv") && c.model().event(i).ph == 'F'));
        QVERIFY(!code->visibleText().contains(QStringLiteral("answer*")));
        QVERIFY(!panel->shownText().contains(QStringLiteral("*")));
        QVERIFY(!panel->shownText().contains(question.why.en));
        QVERIFY(panel->whyText().isEmpty());

        panel->choose(0); // "It returns None": wrong
        QCOMPARE(panel->verdict(), 0);
        panel->choose(2); // no second try
        QCOMPARE(panel->verdict(), 0);
        // The why: the pick's own, then the question's.
        QVERIFY2(panel->whyText().startsWith(question.answers.at(0).why.en), qPrintable(panel->whyText()));
        QVERIFY2(panel->whyText().contains(question.why.en), qPrintable(panel->whyText()));
        QVERIFY(panel->shownText().contains(question.why.en));
        m_window->setLanguage(QStringLiteral("zh_CN"));
        QTRY_VERIFY(panel->whyText().contains(question.why.zh));
        QVERIFY(panel->shownText().contains(question.why.zh));
        m_window->setLanguage(QStringLiteral("en"));
        QSettings().remove(QStringLiteral("language"));
        QTRY_VERIFY(panel->whyText().contains(question.why.en));

        emit panel->continueRequested();
        QVERIFY(c.playing());
        QCOMPARE(panel->stage(), ui::QuestionPanel::Stage::Watching);
        QTRY_VERIFY_WITH_TIMEOUT(panel->stage() == ui::QuestionPanel::Stage::AtOutcome, 30000);
        QVERIFY(!c.playing());
        QTRY_COMPARE(c.position(), m_window->selfStudy()->outcomePosition(line));
        // Stopped right at the EOFError, far from the end of the run.
        const engine::TraceEvent &outcome = c.model().event(c.position() - 1);
        QCOMPARE(outcome.op, QStringLiteral("conn.recv"));
        QCOMPARE(outcome.ph, 'F');
        QCOMPARE(outcome.text("exc"), QStringLiteral("EOFError"));
        QCOMPARE(c.position(), m_window->selfStudy()->outcomePosition(line));
        QVERIFY(c.position() < c.model().size());
        QVERIFY(panel->shownText().contains(question.why.en)); // still there at the outcome

        // Continue plays on to the end; the question is asked once per replay.
        emit panel->continueRequested();
        QCOMPARE(panel->stage(), ui::QuestionPanel::Stage::Hidden);
        QTRY_VERIFY_WITH_TIMEOUT(c.position() == c.model().size(), 30000);
        QVERIFY(!panel->asking());
        // Self-study off: the annotations stay folded with the rest of the lesson's metadata
        // (only View › Show lesson metadata shows them).
        m_window->setSelfStudy(false);
        QVERIFY(!code->visibleText().contains(QStringLiteral("# ipclab:answer*")));
    }

    // The forgotten close(): asked before the recv() that never returns, and the outcome is the
    // end of the run, its hang diagnosis.
    void forgottenCloseAsksBeforeTheWaitThatNeverEnds()
    {
        recordLesson("02_pipe_forgotten_close.py");
        auto &c = m_window->controller();
        ui::QuestionPanel *panel = m_window->questionPanel();
        const ui::ScenarioInfo info = ui::describeScenario(
            QStringLiteral("02_pipe_forgotten_close.py"), textOf(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/02_pipe_forgotten_close.py")).toUtf8());
        QCOMPARE(info.questions.size(), std::size_t(1));
        const int line = info.questions.begin()->first;
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(panel->asking(), 30000);
        QTRY_COMPARE(c.position(), m_window->selfStudy()->askPosition(line));
        const int asked = c.position();
        int returned = 0;
        for (int i = 0; i < asked; ++i)
            returned += c.model().event(i).op == QLatin1String("conn.recv") && c.model().event(i).ph == 'E' ? 1 : 0;
        QCOMPARE(returned, 3);
        // After it, the parent's recv() begins and never ends.
        int begins = 0, ends = 0;
        for (int i = asked; i < c.model().size(); ++i) {
            const engine::TraceEvent &e = c.model().event(i);
            if (e.op == QLatin1String("conn.recv"))
                (e.isBegin() ? begins : ends) += 1;
        }
        QCOMPARE(begins, 1);
        QCOMPARE(ends, 0);
        panel->choose(1); // "It waits forever": right
        QCOMPARE(panel->verdict(), 1);
        QVERIFY(!panel->whyText().isEmpty());
        emit panel->continueRequested();
        QTRY_VERIFY_WITH_TIMEOUT(panel->stage() == ui::QuestionPanel::Stage::AtOutcome, 30000);
        QTRY_COMPARE(c.position(), c.model().size()); // the end of the run: the hang and its diagnosis
        m_window->setSelfStudy(false);
    }

    // Every built-in lesson's question is reached in a real run of it, and its outcome comes
    // after its moment: none is silently never asked.
    void everyLessonsQuestionIsReached_data()
    {
        QTest::addColumn<QString>("path");
        for (const ui::ScenarioInfo &info : ui::builtInScenarios())
            if (!info.questions.empty())
                QTest::newRow(qPrintable(info.fileName)) << info.path;
    }

    void everyLessonsQuestionIsReached()
    {
        QFETCH(QString, path);
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        QVERIFY(m_window->openScenario(path));
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        QVERIFY(m_window->runScenario());
        QVERIFY(finished.wait(120000)); // a safety net
        m_window->controller().pause();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const auto &[line, question] : ui::describeScenario(path, f.readAll()).questions) {
            const int ask = m_window->selfStudy()->askPosition(line);
            QVERIFY2(ask > 0, qPrintable(QStringLiteral("the question of line %1 is never asked").arg(line)));
            QVERIFY(m_window->selfStudy()->outcomePosition(line) >= ask);
        }
    }

    void cleanup() { m_window.reset(); } // stops the run: no process of it is left
};

QTEST_MAIN(TestSelfStudy)
#include "tst_selfstudy.moc"
