// Every built-in scenario, run by python3 and by `ipclab run`: the same
// output. A scenario says where its output truly varies from run to run
// (`# ipclab:varies REGEX`: matches compare as equal) and whether it is
// meant to hang (`# ipclab:expect hang`: IPC Lab must diagnose it, CPython
// is stopped after printing the same lines).

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
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

private slots:
    void sameAsCPython_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios"));
        for (const QString &name : dir.entryList({ QStringLiteral("*.py") }, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

    void sameAsCPython()
    {
        QFETCH(QString, path);
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
