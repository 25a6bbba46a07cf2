// Races narrated, in the window offscreen with real processes: the replay of a
// scripted race (tests/data/scripted_race.py, its order forced by Events)
// pauses on the lost write with the four steps in one line, in English and
// 简体中文; "Show me the race" in a live run of the Manager dict lesson does the
// same and holds the run there; and "Run it N times" bins numeric outcomes.
// Assertions are on order, values and states; timeouts are only a safety net.

#include "ipc.h"
#include "language.h"
#include "main_window.h"
#include "process_tree.h"
#include "race_banner.h"
#include "repeat_runs.h"

#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace ipclab;

class TestRaceWindow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ui::MainWindow> m_window;

    void openWindow()
    {
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

private slots:
    void initTestCase()
    {
        ipc::registerModules();
        QCoreApplication::setOrganizationName(QStringLiteral("IPC Lab tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_race_window"));
        QSettings().remove(QStringLiteral("selfStudy"));
        QSettings().remove(QStringLiteral("language"));
    }

    void replayPausesOnTheLostWrite()
    {
        openWindow();
        QVERIFY(m_window->openScenario(QStringLiteral(IPCLAB_SOURCE_DIR "/tests/data/scripted_race.py")));
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        QVERIFY(m_window->runScenario());
        QVERIFY(finished.wait(120000));
        auto &c = m_window->controller();
        QCOMPARE(c.result().stdoutText, QByteArray("n = 2\n"));
        ui::RaceBanner *banner = m_window->raceBanner();
        c.pause();
        c.seek(0);
        QVERIFY(banner->narration().isEmpty());
        c.setSpeed(1000);
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(!banner->narration().isEmpty(), 60000);
        QVERIFY(!c.playing());
        QCOMPARE(banner->lostUpdates().size(), std::size_t(1));
        const engine::LostUpdate &lost = banner->lostUpdates().front();
        // On the lost write itself (a beat that went past it comes back to it once the views showed it).
        QTRY_COMPARE(c.position(), lost.lostWrite().index + 1);
        QCOMPARE(banner->narration(), QStringLiteral("A read 1 · B read 1 · A wrote 2 · B wrote 2 → one update lost"));
        QVERIFY(banner->isVisible());
        qInfo("the four steps at events %d, %d, %d, %d of %d", lost.steps[0].index, lost.steps[1].index, lost.steps[2].index, lost.steps[3].index,
            c.model().size());

        // The same line in Chinese, live as the language changes.
        m_window->setLanguage(QStringLiteral("zh_CN"));
        QTRY_COMPARE(banner->narration(), QStringLiteral("A 读到 1 · B 读到 1 · A 写入 2 · B 写入 2 → 丢失了一次更新"));
        m_window->setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(banner->narration(), QStringLiteral("A read 1 · B read 1 · A wrote 2 · B wrote 2 → one update lost"));

        // Play on: no other lost update, so it plays to the end; the banner keeps the one it told.
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(c.position() == c.model().size(), 60000);
        QVERIFY(!banner->narration().isEmpty());
        // A seek back before it hides it; a seek past it does not pause; a replay pauses again.
        c.seek(lost.steps[0].index);
        QVERIFY(banner->narration().isEmpty());
        c.seek(c.model().size());
        QVERIFY(!banner->narration().isEmpty());
        c.seek(0);
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(!c.playing(), 60000);
        QTRY_COMPARE(c.position(), lost.lostWrite().index + 1);
        // Stepping onto it pauses too (it is already paused) and says it.
        c.seek(lost.lostWrite().index);
        QVERIFY(banner->narration().isEmpty());
        c.stepForward();
        QCOMPARE(banner->narration(), QStringLiteral("A read 1 · B read 1 · A wrote 2 · B wrote 2 → one update lost"));
    }

    // The lesson, live: "Show me the race" drives two workers into a lost update; the window
    // narrates it as the lost write happens and holds the run there.
    void liveRaceNarratesAndHolds()
    {
        openWindow();
        QVERIFY(m_window->openScenario(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/05_manager_dict_race.py")));
        m_window->setLiveMode(true);
        QVERIFY(m_window->runScenario());
        auto &c = m_window->controller();
        QVERIFY(c.live());
        QAction *race = nullptr;
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->text() == QLatin1String("Show me the race"))
                race = a;
        QVERIFY(race);
        QTRY_VERIFY_WITH_TIMEOUT(race->isEnabled(), 30000);
        QSignalSpy paused(m_window->raceBanner(), &ui::RaceBanner::pausedAtLostUpdate);
        race->trigger();
        QVERIFY(paused.wait(120000));
        ui::RaceBanner *banner = m_window->raceBanner();
        QCOMPARE(banner->narration(), QStringLiteral("Process-1 read 0 · Process-2 read 0 · Process-1 wrote 1 · Process-2 wrote 1 → one update lost"));
        // Held: nothing asked for, not running freely, and the workers wait at their gates.
        auto *live = c.live();
        QVERIFY(live);
        QCOMPARE(live->pendingSteps(), 0);
        QVERIFY(!live->freeRunning());
        const qsizetype steps = live->schedule().size();
        QTRY_VERIFY_WITH_TIMEOUT(live->settled(c.state()), 30000);
        QCOMPARE(live->schedule().size(), steps);
        const engine::LostUpdate lost = banner->lostUpdates().front();
        QCOMPARE(c.model().event(lost.lostWrite().index).op, QStringLiteral("manager.handle"));
        qInfo("live: the four steps at events %d, %d, %d, %d", lost.steps[0].index, lost.steps[1].index, lost.steps[2].index, lost.steps[3].index);
        const qint64 self = QCoreApplication::applicationPid();
        QVERIFY(!descendants(self).isEmpty());
        m_window.reset(); // closing the window ends the run: nothing of it is left
        QTRY_VERIFY_WITH_TIMEOUT(descendants(self).isEmpty(), 30000);
    }

    // "Run it N times" on a number that varies: a histogram of values, not one row per run.
    void numericOutcomesAreBinned()
    {
        std::map<QString, int> texts;
        for (int n : { 537, 561, 602, 603, 640, 655, 700, 712, 760, 801, 850, 905, 930, 951, 990 })
            texts[QStringLiteral("without a lock: n = %1 lost updates: yes").arg(n)] += 1;
        texts[QStringLiteral("without a lock: n = 1000 lost updates: none this time")] += 1;
        const auto numeric = ui::numericOutcomes(texts);
        QVERIFY(numeric);
        QCOMPARE(numeric->before, QStringLiteral("without a lock: n = "));
        QCOMPARE(numeric->counts.size(), std::size_t(16));
        const auto bins = ui::histogramBins(numeric->counts);
        // 537..1000 in ranges of 50 from 500: 11 bars, every run in one of them.
        QCOMPARE(bins.size(), std::size_t(11));
        QCOMPARE(bins.front(), (ui::HistogramBin { 500, 549, 1 }));
        QCOMPARE(bins[2], (ui::HistogramBin { 600, 649, 3 }));
        QCOMPARE(bins.back(), (ui::HistogramBin { 1000, 1049, 1 }));
        int total = 0;
        for (const auto &b : bins)
            total += b.count;
        QCOMPARE(total, 16);

        // Few values: a bar per value.
        const auto few = ui::histogramBins({ { 998, 3 }, { 1000, 13 } });
        QCOMPARE(few, (std::vector<ui::HistogramBin> { { 998, 998, 3 }, { 1000, 1000, 13 } }));
        // Not numeric: one text, two varying numbers, words only, decimals.
        QVERIFY(!ui::numericOutcomes({ { QStringLiteral("n = 5"), 16 } }));
        QVERIFY(!ui::numericOutcomes({ { QStringLiteral("3 of 4"), 1 }, { QStringLiteral("2 of 5"), 1 } }));
        QVERIFY(!ui::numericOutcomes({ { QStringLiteral("yes"), 1 }, { QStringLiteral("no"), 1 } }));
        QVERIFY(!ui::numericOutcomes({ { QStringLiteral("t = 1.5"), 1 }, { QStringLiteral("t = 2.5"), 1 } }));
        // The constant number stays out of the way: "of 1000" is the same in every run.
        const auto constant = ui::numericOutcomes({ { QStringLiteral("n = 990 of 1000."), 2 }, { QStringLiteral("n = 1000 of 1000."), 5 } });
        QVERIFY(constant);
        QCOMPARE(constant->counts, (std::map<qint64, int> { { 990, 2 }, { 1000, 5 } }));
        QCOMPARE(constant->before, QStringLiteral("n = "));
        // Negative values bin from a round lower bound.
        const auto negative = ui::histogramBins(
            { { -7, 1 }, { -3, 1 }, { 0, 1 }, { 4, 1 }, { 9, 1 }, { 12, 1 }, { 15, 1 }, { 18, 1 }, { 21, 1 }, { 24, 1 }, { 27, 1 }, { 30, 1 }, { 33, 1 } }, 12);
        QCOMPARE(negative.front().low, -10);
        QCOMPARE(negative.front().high, -6);
    }

    void cleanup()
    {
        m_window.reset();
        ui::applyLanguage(QStringLiteral("en")); // a failed comparison in Chinese must not leave the next test in it
    }
};

QTEST_MAIN(TestRaceWindow)
#include "tst_race_window.moc"
