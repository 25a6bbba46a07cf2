// Edit mode, offscreen on a real lesson file: an unclosed parenthesis is underlined and listed
// as FILE:LINE:COL; after the fix the run works; Ctrl+S writes exactly the text; a failed save
// leaves the old file whole; unsaved text survives a SIGKILL of the window and is offered back.

#include "code_view.h"
#include "ipc.h"
#include "lesson_editor.h"
#include "main_window.h"

#include <QApplication>
#include <QFile>
#include <QListWidget>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

using namespace ipclab;

namespace {

const char *kLesson = R"(# ipclab:title en: A two-line lesson
# ipclab:title zh: 两行的课
# ipclab:summary en: It prints.
# ipclab:summary zh: 它会打印。
print("hello")
)";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// The child of the fault test: types into the editor, waits for the recovery copy, says so,
// and waits to be killed.
int typeAndWaitToBeKilled(const QString &lesson)
{
    ui::MainWindow window(QStringLiteral(IPCLAB_WORKER));
    window.show();
    if (!window.openScenario(lesson))
        return 3;
    window.setEditing(true);
    QTextCursor end(window.codeView()->document());
    end.movePosition(QTextCursor::End);
    end.insertText(QStringLiteral("print(\"typed before the crash\")\n"));
    for (int waited = 0; !QFile::exists(ui::LessonEditor::recoveryFor(lesson)); waited += 50) {
        if (waited > 60000) // a safety net: the copy is written a few seconds after typing
            return 4;
        QTest::qWait(50);
    }
    std::puts("READY");
    std::fflush(stdout);
    for (;;)
        pause();
}

} // namespace

class TestEditor : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_lesson;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("IPCLAB_RECOVERY_DIR", m_dir.filePath(QStringLiteral("recovery")).toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("IPC Lab tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_editor"));
    }

    void init()
    {
        m_lesson = m_dir.filePath(QStringLiteral("two_lines.py"));
        QVERIFY(writeAll(m_lesson, kLesson));
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openScenario(m_lesson));
        m_window->setEditing(true);
    }

    void cleanup()
    {
        if (m_window)
            m_window->editor()->setLesson(m_lesson, m_window->editor()->text()); // nothing unsaved: close without asking
        m_window.reset();
    }

    void anUnclosedParenthesisIsUnderlinedThenFixedAndRun()
    {
        ui::CodeView *code = m_window->codeView();
        QTextCursor end(code->document());
        end.movePosition(QTextCursor::End);
        code->setTextCursor(end);
        QTest::keyClicks(code, QStringLiteral("print(\"oops\""));
        QVERIFY(m_window->editor()->modified());
        QVERIFY(m_window->isWindowModified()); // the title's unsaved marker
        // Checked a moment after typing stops.
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->editor()->problems().isEmpty(), 10000);
        const QString problem = m_window->editor()->problems().first();
        QVERIFY2(problem.startsWith(QLatin1String("two_lines.py:6:")), qPrintable(problem));
        QVERIFY(problem.contains(QLatin1String("never closed")));
        QVERIFY(m_window->problemList()->isVisible());
        QCOMPARE(m_window->problemList()->item(0)->text(), problem);
        QCOMPARE(code->problemMarks().size(), 1);
        QCOMPARE(code->problemMarks().first().cursor.blockNumber(), 5);
        // A click on the problem goes there.
        code->moveCursor(QTextCursor::Start);
        emit m_window->problemList()->itemClicked(m_window->problemList()->item(0));
        QCOMPARE(code->textCursor().blockNumber(), 5);

        QTest::keyClick(code, Qt::Key_End);
        QTest::keyClicks(code, QStringLiteral(")"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->editor()->problems().isEmpty(), 10000);
        QVERIFY(!m_window->problemList()->isVisible());
        QVERIFY(code->problemMarks().isEmpty());
        // Run runs the editor's text, not yet saved.
        QSignalSpy finished(&m_window->controller(), &ui::RunController::runFinished);
        QVERIFY(m_window->runScenario());
        QVERIFY(finished.wait(120000));
        QCOMPARE(m_window->controller().result().exitCode, 0);
        QCOMPARE(readAll(m_lesson), QByteArray(kLesson)); // the file is untouched until a save
    }

    void ctrlSWritesExactlyTheText()
    {
        ui::CodeView *code = m_window->codeView();
        code->moveCursor(QTextCursor::End);
        QTest::keyClicks(code, QStringLiteral("print(\"saved\")"));
        QTest::keyClick(code, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(readAll(m_lesson), m_window->editor()->text());
        QVERIFY(readAll(m_lesson).endsWith("print(\"saved\")"));
        QVERIFY(!m_window->editor()->modified());
        QVERIFY(!m_window->isWindowModified());
    }

    void tabIndentsByFourAndCommentsToggle()
    {
        ui::CodeView *code = m_window->codeView();
        code->moveCursor(QTextCursor::End);
        QTest::keyClicks(code, QStringLiteral("if True:"));
        QTest::keyClick(code, Qt::Key_Return);
        QTest::keyClicks(code, QStringLiteral("pass"));
        QCOMPARE(code->document()->lastBlock().text(), QStringLiteral("    pass")); // the block opened after the colon
        code->toggleComment();
        QCOMPARE(code->document()->lastBlock().text(), QStringLiteral("    # pass"));
        code->toggleComment();
        QCOMPARE(code->document()->lastBlock().text(), QStringLiteral("    pass"));
        QTest::keyClick(code, Qt::Key_Backtab);
        QCOMPARE(code->document()->lastBlock().text(), QStringLiteral("pass"));
    }

    void aFailedSaveLeavesTheOldFileWhole()
    {
        // The save goes through a temporary file renamed into place. A write that stops half
        // way (a file-size limit here, as a full disk would: it binds root too) fails the save
        // before the rename, and the old lesson is still all there.
        const QString path = m_dir.filePath(QStringLiteral("kept.py"));
        QVERIFY(writeAll(path, kLesson));
        m_window->codeView()->moveCursor(QTextCursor::End);
        QTest::keyClicks(m_window->codeView(), QStringLiteral("# more"));
        rlimit before {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &before), 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = before;
        small.rlim_cur = 64; // bytes: the lesson's first line fits, the rest does not
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const QString problem = m_window->editor()->save(path);
        setrlimit(RLIMIT_FSIZE, &before);
        std::signal(SIGXFSZ, previous);
        QVERIFY2(!problem.isEmpty(), qPrintable(QStringLiteral("the save should have failed; the file has %1 bytes").arg(readAll(path).size())));
        QVERIFY(problem.contains(QLatin1String("kept.py")));
        QCOMPARE(readAll(path), QByteArray(kLesson));
        QVERIFY(m_window->editor()->modified()); // still unsaved: nothing was lost
    }

    void unsavedTextSurvivesAKilledWindow()
    {
        m_window.reset();
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("IPCLAB_EDITOR_CHILD"), m_lesson);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += child.readAllStandardOutput()).contains("READY") || child.state() == QProcess::NotRunning, 60000);
        QVERIFY2(child.state() == QProcess::Running, qPrintable(QString::fromLocal8Bit(said + child.readAllStandardError())));
        child.kill(); // SIGKILL: no chance to clean up
        QVERIFY(child.waitForFinished(30000));

        QVERIFY(ui::LessonEditor::recoveries().contains(m_lesson));
        const QByteArray expected = QByteArray(kLesson) + "print(\"typed before the crash\")\n";
        QCOMPARE(readAll(ui::LessonEditor::recoveryFor(m_lesson)), expected);
        m_window = std::make_unique<ui::MainWindow>(QStringLiteral(IPCLAB_WORKER));
        m_window->restoreText(m_lesson, readAll(ui::LessonEditor::recoveryFor(m_lesson)));
        QCOMPARE(m_window->editor()->text(), expected);
        QVERIFY(m_window->editor()->modified()); // back, and still to be saved
        QVERIFY(m_window->saveLesson());
        QVERIFY(!QFile::exists(ui::LessonEditor::recoveryFor(m_lesson))); // saved: the copy is gone
        QCOMPARE(readAll(m_lesson), expected);
    }
};

int main(int argc, char *argv[])
{
    ipc::registerModules();
    QApplication app(argc, argv);
    const QByteArray child = qgetenv("IPCLAB_EDITOR_CHILD");
    if (!child.isEmpty())
        return typeAndWaitToBeKilled(QString::fromLocal8Bit(child));
    TestEditor test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_editor.moc"
