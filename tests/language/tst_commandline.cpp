// The `ipclab` command as users and scripts call it: exit codes, messages
// naming file/line/column, and the --json outcome.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run ipclab(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(IPCLAB_BINARY), args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text);
    return path;
}

} // namespace

class TestCommandLine : public QObject {
    Q_OBJECT

private slots:
    void defaultScenarioRuns()
    {
        const Run r = ipclab({});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.endsWith(QStringLiteral("first in, first out: abcde\n")), qPrintable(r.out));
    }

    void checkGoodAndBad()
    {
        QTemporaryDir dir;
        const QString good = writeFile(dir, QStringLiteral("good.py"), "print('hi')\n");
        const QString bad = writeFile(dir, QStringLiteral("bad.py"), "x = 1\nclass Foo(metaclass=type):\n    pass\n");
        QCOMPARE(ipclab({ QStringLiteral("check"), good }).exitCode, 0);
        const Run r = ipclab({ QStringLiteral("check"), good, bad });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(bad + QStringLiteral(":2:11: metaclasses are not supported")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void runSyntaxErrorDoesNotRun()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("s.py"), "print('before')\nif x\n    pass\n");
        const Run r = ipclab({ QStringLiteral("run"), path });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith(path + QStringLiteral(":2:5: ")), qPrintable(r.err));
    }

    void missingFile()
    {
        const Run r = ipclab({ QStringLiteral("run"), QStringLiteral("/nonexistent/x.py") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("/nonexistent/x.py")) && r.err.contains(QStringLiteral("No such file")), qPrintable(r.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList { QStringLiteral("fly") } << "unknown command 'fly'";
        QTest::newRow("run without file") << QStringList { QStringLiteral("run") } << "expected a scenario file";
        QTest::newRow("check without file") << QStringList { QStringLiteral("check") } << "expected at least one scenario file";
        QTest::newRow("json without value") << QStringList { QStringLiteral("run"), QStringLiteral("--json") } << "--json";
        QTest::newRow("unknown option") << QStringList { QStringLiteral("run"), QStringLiteral("--frobnicate"), QStringLiteral("x.py") } << "frobnicate";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = ipclab(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void argvAndExitCode()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("a.py"), "import sys\nprint(sys.argv[1:])\nsys.exit(int(sys.argv[1]))\n");
        const Run r = ipclab({ QStringLiteral("run"), path, QStringLiteral("7"), QStringLiteral("--json") });
        QCOMPARE(r.out, QStringLiteral("['7', '--json']\n"));
        QCOMPARE(r.exitCode, 7);
    }

    // CPython itself crashes on some of these; IPC Lab must raise RecursionError and go on.
    void deepStructuresDoNotCrash()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("deep.py"),
            "x = []\nfor i in range(300000):\n    x = [x]\n"
            "try:\n    print(x)\nexcept RecursionError as e:\n    print('repr:', e)\n"
            "def f(n):\n    return f(n + 1)\n"
            "try:\n    f(0)\nexcept RecursionError as e:\n    print('calls:', e)\n"
            "z = [1]\nz.append(z)\nprint(z)\nprint('done')\n");
        const Run r = ipclab({ QStringLiteral("run"), path });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out,
            QStringLiteral("repr: maximum recursion depth exceeded while getting the repr of an object\n"
                           "calls: maximum recursion depth exceeded\n[1, [...]]\ndone\n"));
    }

    static QList<QByteArray> descendants(qint64 root)
    {
        QList<QByteArray> out;
        const QDir tasks(QStringLiteral("/proc/%1/task").arg(root));
        for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile children(tasks.filePath(task + QStringLiteral("/children")));
            if (children.open(QIODevice::ReadOnly))
                for (const QByteArray &pid : children.readAll().trimmed().split(' '))
                    if (!pid.isEmpty()) {
                        out.append(pid);
                        out += descendants(pid.toLongLong());
                    }
        }
        return out;
    }

    // Killing IPC Lab itself with SIGKILL leaves no worker, child or manager behind.
    void noOrphansAfterKill()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("orphans.py"),
            "import time\nfrom multiprocessing import Process, Manager\n"
            "def sleeper():\n    time.sleep(60)\n"
            "if __name__ == '__main__':\n"
            "    m = Manager()\n    d = m.dict()\n"
            "    p = Process(target=sleeper)\n    p.start()\n"
            "    print(p.pid, flush=True)\n    time.sleep(60)\n");
        QProcess p;
        p.start(QStringLiteral(IPCLAB_BINARY), { QStringLiteral("run"), path });
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 30000);
        const qint64 childPid = p.readLine().trimmed().toLongLong();
        QVERIFY(childPid > 0);
        // ipclab (the orchestrator) runs the scenario's main process as a worker; the manager
        // server and the child are the worker's children (of whichever thread forked them).
        // The fourth is the run's janitor, which ends by itself once ipclab is gone.
        QList<QByteArray> pids = descendants(p.processId());
        QCOMPARE(pids.size(), 4);
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        auto gone = [](qint64 pid) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!stat.open(QIODevice::ReadOnly))
                return true;
            const QByteArray text = stat.readAll();
            return text.mid(text.lastIndexOf(')') + 2, 1) == "Z"; // a zombie waiting for init to reap it
        };
        for (const QByteArray &pid : pids)
            QTRY_VERIFY_WITH_TIMEOUT(gone(pid.toLongLong()), 10000);
    }

    void jsonOutcome()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("j.py"), "print('one')\nprint('两')\nd = {}\nprint(d['k'])\n");
        const QString json = dir.filePath(QStringLiteral("out.json"));
        const Run r = ipclab({ QStringLiteral("run"), QStringLiteral("--json"), json, path });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.trimmed().endsWith(QStringLiteral("KeyError: 'k'")));
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o[QStringLiteral("schema")].toString(), QStringLiteral("ipclab-run/2"));
        QCOMPARE(o[QStringLiteral("exitCode")].toInt(), 1);
        QCOMPARE(o[QStringLiteral("stdout")].toArray(), (QJsonArray { QStringLiteral("one"), QStringLiteral("两") }));
        const QJsonObject e = o[QStringLiteral("exception")].toObject();
        QCOMPARE(e[QStringLiteral("type")].toString(), QStringLiteral("KeyError"));
        QCOMPARE(e[QStringLiteral("message")].toString(), QStringLiteral("'k'"));
        QCOMPARE(e[QStringLiteral("line")].toInt(), 4);
        QVERIFY(o[QStringLiteral("durationSeconds")].toDouble() >= 0.0);
    }

    // A schedule saved from the window replays headless; a broken one is refused with its place.
    void scheduleReplaysAndBadOnesAreNamed()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("s.py"),
            "import threading\n\nout = []\n\n\ndef work(tag):\n    out.append(tag)\n    out.append(tag)\n\n\n"
            "t = threading.Thread(target=work, args=('t',))\nt.start()\nwork('m')\nt.join()\nprint(out)\n");
        // The new thread's two appends before the main thread's: an order a free run may not show.
        QStringList steps;
        for (int i = 0; i < 5; ++i)
            steps << QStringLiteral("\"MainProcess/MainThread\"");
        for (int i = 0; i < 4; ++i)
            steps << QStringLiteral("\"MainProcess/Thread-1 (work)\"");
        const QString schedule = writeFile(dir, QStringLiteral("s.schedule.json"),
            QStringLiteral("{\"format\": \"ipclab-schedule/1\", \"steps\": [%1]}").arg(steps.join(QLatin1Char(','))).toUtf8());
        const Run r = ipclab({ QStringLiteral("run"), QStringLiteral("--schedule"), schedule, path });
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("['t', 't', 'm', 'm']\n"));
        const QString broken = writeFile(dir, QStringLiteral("b.schedule.json"), "{\n  \"format\": \"ipclab-schedule/1\",\n  \"steps\": [\n");
        const Run bad = ipclab({ QStringLiteral("run"), QStringLiteral("--schedule"), broken, path });
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.startsWith(broken + QStringLiteral(":4:")), qPrintable(bad.err));
    }

    void jsonForSyntaxError()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.py"), "def f(:\n");
        const QString json = dir.filePath(QStringLiteral("out.json"));
        QCOMPARE(ipclab({ QStringLiteral("run"), QStringLiteral("--json"), json, path }).exitCode, 1);
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray problems = o[QStringLiteral("problems")].toArray();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0].toObject()[QStringLiteral("line")].toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
