// Every program of the corpus runs under python3 and under `ipclab run`:
// stdout, the last line of stderr and the exit code must be the same.

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result {
    QByteArray out;
    QByteArray lastErrLine;
    int exitCode = -1;
    bool crashed = false;
};

Result runProgram(const QString &program, const QStringList &args, const QString &workDir)
{
    QProcess p;
    p.setWorkingDirectory(workDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONHASHSEED"), QStringLiteral("0"));
    env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    Result r;
    if (!p.waitForStarted(30000) || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.crashed = true;
        return r;
    }
    r.out = p.readAllStandardOutput();
    const QList<QByteArray> errLines = p.readAllStandardError().trimmed().split('\n');
    r.lastErrLine = errLines.isEmpty() ? QByteArray() : errLines.last().trimmed();
    r.exitCode = p.exitCode();
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    return r;
}

} // namespace

class TestConformance : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        QVERIFY2(!m_python.isEmpty(), "python3 is needed: the README's set-up installs it");
    }

    void program_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(IPCLAB_SOURCE_DIR "/tests/conformance/cases"));
        const QStringList files = dir.entryList({ QStringLiteral("*.py") }, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 80);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }

    void program()
    {
        QFETCH(QString, path);
        // Each run in a fresh folder: the FIFOs and files a case makes never land in the source tree.
        QTemporaryDir work;
        QVERIFY(work.isValid());
        const QString dir = work.path();
        const Result expected = runProgram(m_python, { path }, dir);
        QVERIFY2(!expected.crashed, "python3 did not finish");
        const Result actual = runProgram(QStringLiteral(IPCLAB_BINARY), { QStringLiteral("run"), path }, dir);
        QVERIFY2(!actual.crashed, "ipclab crashed or hung");
        QCOMPARE(QString::fromUtf8(actual.out), QString::fromUtf8(expected.out));
        QCOMPARE(QString::fromUtf8(actual.lastErrLine), QString::fromUtf8(expected.lastErrLine));
        QCOMPARE(actual.exitCode, expected.exitCode);
    }

private:
    QString m_python;
};

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
