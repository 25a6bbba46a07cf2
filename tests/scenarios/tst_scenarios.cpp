// Every built-in scenario, run by python3 and by `ipclab run`: the same
// output. A scenario says where its output truly varies from run to run
// (`# ipclab:varies REGEX`: matches compare as equal) and whether it is
// meant to hang (`# ipclab:expect hang`: IPC Lab must diagnose it, CPython
// is stopped after printing the same lines). And every scenario carries its
// lesson in both languages: title, summary, chapter and every explanation,
// question and answer (docs/scenario-format.md), and is in the catalogue.

#include "scenario_catalogue.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

struct Output {
    QString out;
    int exitCode = -1;
    bool timedOut = false;
};

Output run(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    Output o;
    if (!p.waitForFinished(timeoutMs)) {
        o.timedOut = true;
        p.kill();
        p.waitForFinished();
    } else {
        o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    o.out = QString::fromUtf8(p.readAllStandardOutput());
    return o;
}

QString normalised(QString text, const QList<QRegularExpression> &varies)
{
    for (const auto &re : varies)
        text.replace(re, QStringLiteral("<varies>"));
    return text;
}

} // namespace

class TestScenarios : public QObject {
    Q_OBJECT

    static void everyScenario()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios"));
        for (const QString &name : dir.entryList({ QStringLiteral("*.py") }, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

private slots:
    void bothLanguages_data() { everyScenario(); }

    void bothLanguages()
    {
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray source = f.readAll();
        // Every `# ipclab:` comment is one the format knows: a typo would be silently ignored.
        static const QRegularExpression known(QStringLiteral(
            "^\\s*# ipclab:((title|summary|chapter|explain|question( at=\\S+)?|answer\\*?|why) (en|zh): \\S.*|lesson \\d+\\.\\d+|varies .+|expect hang)$"));
        const QStringList lines = QString::fromUtf8(source).split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i)
            if (lines[i].contains(QLatin1String("# ipclab:")))
                QVERIFY2(known.match(lines[i]).hasMatch(), qPrintable(QStringLiteral("line %1: %2").arg(i + 1).arg(lines[i])));
        const ipclab::ui::ScenarioInfo info = ipclab::ui::describeScenario(path, source);
        QVERIFY2(info.problems.isEmpty(), qPrintable(info.problems.join(QLatin1Char('\n'))));
        QVERIFY(!info.titleEn.isEmpty() && !info.titleZh.isEmpty());
        QVERIFY(!info.summaryEn.isEmpty() && !info.summaryZh.isEmpty());
        QVERIFY2(info.chapterNumber >= 0 && info.lessonNumber >= 0, "no `# ipclab:lesson N.M`: where does it go in the course?");
        QVERIFY(info.chapter.complete());
        QVERIFY2(!info.explanations.empty(), "no line is explained");
        for (const auto &[line, text] : info.explanations)
            QVERIFY2(text.complete(), qPrintable(QStringLiteral("the explanation of line %1 lacks a language").arg(line)));
        for (const auto &[line, question] : info.questions) {
            const QByteArray where = QByteArray("the question of line ") + QByteArray::number(line);
            QVERIFY2(question.text.complete(), where.constData());
            QVERIFY2(question.answers.size() >= 2, (where + " needs two answers or more").constData());
            int right = 0;
            for (const ipclab::ui::Answer &a : question.answers) {
                QVERIFY2(a.text.complete(), (where + ": an answer lacks a language").constData());
                right += a.correct ? 1 : 0;
            }
            QCOMPARE(right, 1);
            // Self-study explains once the student answered: the question or each answer says why.
            bool why = question.why.complete();
            for (const ipclab::ui::Answer &a : question.answers) {
                QVERIFY2(a.why.en.isEmpty() == a.why.zh.isEmpty(), (where + ": an answer's why lacks a language").constData());
                why |= a.correct && a.why.complete();
            }
            QVERIFY2(why, (where + " has no why in both languages").constData());
        }
        // The headline lessons of the tutorials each test the student at least once.
        static const QStringList headline { QStringLiteral("01_pipe_eof.py"), QStringLiteral("02_pipe_forgotten_close.py"),
            QStringLiteral("03_queue_full_blocks.py"), QStringLiteral("04_queue_empty_lies.py"), QStringLiteral("05_manager_dict_race.py") };
        if (headline.contains(info.fileName))
            QVERIFY2(!info.questions.empty(), "a headline lesson without a question");
        // It is in the catalogue built into the application.
        QFile qrc(QStringLiteral(IPCLAB_SOURCE_DIR "/resources/scenarios.qrc"));
        QVERIFY(qrc.open(QIODevice::ReadOnly));
        QVERIFY2(qrc.readAll().contains(QStringLiteral("alias=\"scenarios/%1\"").arg(info.fileName).toUtf8()), "not in resources/scenarios.qrc");
    }

    // The course reads as one: a chapter has one name, a lesson number is used once.
    void courseIsConsistent()
    {
        const QDir dir(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios"));
        std::map<int, ipclab::ui::BilingualText> chapters;
        QSet<QString> lessons;
        for (const QString &name : dir.entryList({ QStringLiteral("*.py") }, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const auto info = ipclab::ui::describeScenario(name, f.readAll());
            const QString lesson = QStringLiteral("%1.%2").arg(info.chapterNumber).arg(info.lessonNumber);
            QVERIFY2(!lessons.contains(lesson), qPrintable(name + QStringLiteral(": lesson %1 is taken").arg(lesson)));
            lessons.insert(lesson);
            const auto [it, added] = chapters.emplace(info.chapterNumber, info.chapter);
            QVERIFY2(added || (it->second.en == info.chapter.en && it->second.zh == info.chapter.zh),
                qPrintable(name + QStringLiteral(": chapter %1 has another name elsewhere").arg(info.chapterNumber)));
        }
    }

    void sameAsCPython_data() { everyScenario(); }

    void sameAsCPython()
    {
        QFETCH(QString, path);
#if defined(__SANITIZE_THREAD__)
        // TSan does not support fork() after threads started (die_after_fork=0 only lets it try):
        // here the child's first new thread gets the stack, and so the id, of a parent thread TSan
        // still counts, and its runtime stops with "dup thread with used id". Not a race report.
        if (path.endsWith(QLatin1String("23_queue_feeder_inside.py")))
            QSKIP("ThreadSanitizer cannot follow this lesson's fork (see the comment)");
#endif
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString source = QString::fromUtf8(f.readAll());
        QList<QRegularExpression> varies;
        bool hangs = false;
        for (const QString &line : source.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("# ipclab:varies ")))
                varies.append(QRegularExpression(line.mid(16).trimmed()));
            hangs |= line.trimmed() == QLatin1String("# ipclab:expect hang");
        }
        for (const auto &re : varies)
            QVERIFY2(re.isValid(), qPrintable(re.errorString()));
        const Output python = run(QStringLiteral("python3"), { path }, hangs ? 4000 : 120000);
        const Output ipclab = run(QStringLiteral(IPCLAB_BINARY), { QStringLiteral("run"), QStringLiteral("--hang-after"), QStringLiteral("1"), path }, 120000);
        QVERIFY(!ipclab.timedOut);
        if (hangs) {
            QVERIFY2(python.timedOut, "CPython did not hang");
            QCOMPARE(ipclab.exitCode, 125);
        } else {
            QCOMPARE(python.exitCode, 0);
            QCOMPARE(ipclab.exitCode, python.exitCode);
        }
        QCOMPARE(normalised(ipclab.out, varies), normalised(python.out, varies));
    }
};

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
