// A shared lesson cannot hurt the machine: one test per reproducer of the
// sandbox issue, each a few lines of lesson code run by `ipclab run` as a
// student would, asserting CPython's behaviour or IPC Lab's clear refusal.

#include "process_tree.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run ipclab(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(IPCLAB_BINARY), args);
    Run r;
    if (!p.waitForFinished(120000)) { // a safety net: every run here ends by itself
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString python3()
{
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

// A process of the run below `root` whose command line contains `word`, other than `except`.
qint64 findDescendant(qint64 root, const QByteArray &word, const QList<qint64> &except = {})
{
    for (qint64 pid : descendants(root)) {
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!f.open(QIODevice::ReadOnly) || except.contains(pid))
            continue;
        if (f.readAll().contains(word))
            return pid;
    }
    return 0;
}

} // namespace

class TestSandbox : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_sandboxInfo;

    QString script(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(text);
        return path;
    }
    bool hasProtection(const char *phrase) const { return m_sandboxInfo.contains(QLatin1String(phrase)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Run info = ipclab({ QStringLiteral("run"), QStringLiteral("--sandbox-info") });
        QCOMPARE(info.exitCode, 0);
        m_sandboxInfo = info.out;
        qInfo().noquote() << m_sandboxInfo;
    }

    void sandboxInfoSaysWhatIsInEffect()
    {
        for (const char *topic : { "network:", "shared memory:", "files:", "Landlock", "processes: at most 64", "memory:", "output:", "trace:" })
            QVERIFY2(hasProtection(topic), topic);
        const QString json = m_dir.filePath(QStringLiteral("info.json"));
        const Run r = ipclab({ QStringLiteral("run"), QStringLiteral("--json"), json, script(QStringLiteral("hello.py"), "print('hi')\n") });
        QCOMPARE(r.exitCode, 0);
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(o.value(QStringLiteral("sandbox")).toArray().size() >= 5);
        QCOMPARE(o.value(QStringLiteral("droppedOutputBytes")).toInt(-1), 0);
    }

    void helpListsExitCodesAndLimits()
    {
        const Run r = ipclab({ QStringLiteral("run"), QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        for (const char *text : { "Exit codes:", "125", "130", "128+N", "--max-processes", "--max-memory", "--max-folder", "--max-files", "--max-shared-memory",
                 "--max-output", "--max-events", "--sandbox-info" })
            QVERIFY2(r.out.contains(QLatin1String(text)), text);
        const Run top = ipclab({ QStringLiteral("--help") });
        QVERIFY(top.out.contains(QLatin1String("Exit codes:")));
        const Run bad = ipclab({ QStringLiteral("run"), QStringLiteral("--max-processes"), QStringLiteral("lots"), QStringLiteral("x.py") });
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QLatin1String("--max-processes expects a whole number between 1 and 4096, got 'lots'")), qPrintable(bad.err));
    }

    // The trace descriptor and the run's own channels are not the scenario's: EBADF.
    void forgedTraceWriteIsRefused()
    {
        const QString victim = QStringLiteral("/dev/shm/ipclab-test-victim-%1").arg(::getpid());
        QFile v(victim);
        QVERIFY(v.open(QIODevice::WriteOnly));
        v.write("hello");
        v.close();
        const Run r = ipclab({ QStringLiteral("run"),
            script(QStringLiteral("forge.py"),
                "import os\n"
                "for fd in range(3, 12):\n"
                "    try:\n"
                "        os.write(fd, b'{\"op\":\"shm.create\",\"ph\":\"I\",\"v\":{\"name\":\""
                    + victim.mid(9).toUtf8()
                    + "\"}}\\n')\n"
                      "        print(fd, 'written')\n"
                      "    except OSError as e:\n"
                      "        print(fd, type(e).__name__, e.errno)\n") });
        QCOMPARE(r.exitCode, 0);
        for (int fd = 3; fd < 12; ++fd)
            QVERIFY2(r.out.contains(QStringLiteral("%1 OSError 9\n").arg(fd)), qPrintable(r.out));
        QVERIFY(QFile::exists(victim));
        QFile::remove(victim);
    }

    void appendedSegmentNameIsRefused()
    {
        const QString name = QStringLiteral("ipclab-test-seg-%1").arg(::getpid());
        QFile v(QStringLiteral("/dev/shm/") + name);
        QVERIFY(v.open(QIODevice::WriteOnly));
        v.write("secret-bytes");
        v.close();
        const Run r = ipclab({ QStringLiteral("run"),
            script(QStringLiteral("attach.py"),
                "import os\nfrom multiprocessing import shared_memory\n"
                "fd = os.open('.ipclab-shared-memory', os.O_WRONLY | os.O_CREAT | os.O_APPEND)\n"
                "os.write(fd, b'"
                    + name.toUtf8()
                    + "\\n')\n"
                      "try:\n"
                      "    s = shared_memory.SharedMemory(name='"
                    + name.toUtf8()
                    + "')\n"
                      "    print('attached', bytes(s.buf[:6]))\n"
                      "    s.unlink()\n"
                      "except OSError as e:\n"
                      "    print(type(e).__name__)\n") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("FileNotFoundError\n"));
        QVERIFY(v.exists());
        QVERIFY(v.open(QIODevice::ReadOnly));
        QCOMPARE(v.readAll(), QByteArray("secret-bytes"));
        v.remove();
    }

    void appendedPortIsRefused()
    {
        // A local service the run never opened.
        const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(listener >= 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        QCOMPARE(::listen(listener, 4), 0);
        socklen_t length = sizeof address;
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
        const QByteArray port = QByteArray::number(ntohs(address.sin_port));
        const Run r = ipclab({ QStringLiteral("run"),
            script(QStringLiteral("port.py"),
                "import os, socket\n"
                "fd = os.open('.ipclab-listening-ports', os.O_WRONLY | os.O_CREAT | os.O_APPEND)\n"
                "os.write(fd, b'"
                    + port
                    + "\\n')\n"
                      "s = socket.socket()\n"
                      "try:\n"
                      "    s.connect(('127.0.0.1', "
                    + port
                    + "))\n"
                      "    print('connected')\n"
                      "except OSError as e:\n"
                      "    print(type(e).__name__)\n") });
        ::close(listener);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out == QStringLiteral("ConnectionRefusedError\n") || r.out == QStringLiteral("PermissionError\n"), qPrintable(r.out));
    }

    void privilegedPortIsRefused()
    {
        const Run r = ipclab({ QStringLiteral("run"),
            script(QStringLiteral("port80.py"),
                "import socket\ns = socket.socket()\ntry:\n    s.bind(('127.0.0.1', 80))\n    print('bound')\nexcept OSError as e:\n"
                "    print(type(e).__name__, e.errno)\n") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("PermissionError 13\n"));
    }

    void outputKeepsHeadAndTail()
    {
        const QString json = m_dir.filePath(QStringLiteral("out.json"));
        const Run r = ipclab({ QStringLiteral("run"), QStringLiteral("--max-output"), QStringLiteral("1"), QStringLiteral("--json"), json,
            script(QStringLiteral("loud.py"), "print('first')\nfor i in range(30000):\n    print('x' * 100)\nprint('last')\n") });
        QCOMPARE(r.exitCode, 0);
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray lines = o.value(QStringLiteral("stdout")).toArray();
        QCOMPARE(lines.first().toString(), QStringLiteral("first"));
        QCOMPARE(lines.last().toString(), QStringLiteral("last"));
        const qint64 kept = QJsonDocument(lines).toJson(QJsonDocument::Compact).size();
        QVERIFY2(kept < (1 << 20) + 4 * 30000, qPrintable(QString::number(kept))); // 1 MiB, plus the JSON quoting
        QVERIFY(o.value(QStringLiteral("droppedOutputBytes")).toInteger() > 1'000'000);
        QVERIFY2(r.err.contains(QLatin1String("left out")), qPrintable(r.err));
    }

    void processLimitIsAClearError()
    {
        const Run r = ipclab({ QStringLiteral("run"), QStringLiteral("--max-processes"), QStringLiteral("5"),
            script(QStringLiteral("many.py"),
                "import multiprocessing as mp\ndef f(): pass\nif __name__ == '__main__':\n    ps = []\n    try:\n"
                "        for i in range(20):\n            p = mp.Process(target=f); p.start(); ps.append(p)\n"
                "    except OSError as e:\n        print(len(ps), type(e).__name__, e)\n    for p in ps: p.join()\n") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("5 BlockingIOError")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("at most 5 processes (ipclab run --max-processes)")));
    }

    void memoryLimitIsMemoryError()
    {
        if (hasProtection("no address-space limit"))
            QSKIP("sanitizer build: no address-space limit");
        const Run r = ipclab({ QStringLiteral("run"), QStringLiteral("--max-memory"), QStringLiteral("1024"),
            script(QStringLiteral("greedy.py"),
                "import threading\ntry:\n    x = bytearray(3 * 1024 ** 3)\nexcept MemoryError:\n    print('MemoryError')\n"
                "def grow():\n    try:\n        y = bytearray(3 * 1024 ** 3)\n    except MemoryError:\n        print('thread MemoryError')\n"
                "t = threading.Thread(target=grow)\nt.start()\nt.join()\nprint('goes on')\n") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("MemoryError\nthread MemoryError\ngoes on\n"));
    }

    void folderLimitsSayWhichLimit()
    {
        const Run r = ipclab({ QStringLiteral("run"), QStringLiteral("--max-files"), QStringLiteral("50"),
            script(QStringLiteral("disk.py"),
                "import os\nfd = os.open('big', os.O_WRONLY | os.O_CREAT)\ntry:\n    os.ftruncate(fd, 10 ** 12)\n    print('1 TB')\n"
                "except OSError as e:\n    print(e)\nn = 0\ntry:\n    for i in range(20000):\n"
                "        os.close(os.open('f%d' % i, os.O_WRONLY | os.O_CREAT))\n        n += 1\nexcept OSError as e:\n    print(n < 20000, e)\n") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            r.out.contains(QLatin1String("[Errno 27] File too large (larger than the run's folder may hold: ipclab run --max-folder)")), qPrintable(r.out));
        if (hasProtection("on its own tmpfs"))
            QVERIFY2(r.out.contains(QLatin1String("True [Errno 28] No space left on device (the run's folder is full")), qPrintable(r.out));
    }

    void sharedMemoryLimitIsAClearError()
    {
        const Run r = ipclab({ QStringLiteral("run"),
            script(QStringLiteral("huge.py"),
                "from multiprocessing import shared_memory\ntry:\n    s = shared_memory.SharedMemory(create=True, size=50 * 1024 ** 3)\n"
                "    print('created')\nexcept OSError as e:\n    print(e)\n") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("at most 1024 MiB of shared memory (ipclab run --max-shared-memory)")), qPrintable(r.out));
    }

    // A slash-named segment is the run's like any other: gone afterwards.
    void slashNamedSegmentIsRemoved()
    {
        const QString name = QStringLiteral("ipclab-test-slash-%1").arg(::getpid());
        const Run r = ipclab({ QStringLiteral("run"),
            script(QStringLiteral("slash.py"),
                "from multiprocessing import shared_memory\ns = shared_memory.SharedMemory(name='/" + name.toUtf8()
                    + "', create=True, size=64)\nprint(s.size >= 64)\n") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("True\n"));
        QVERIFY(!QFile::exists(QStringLiteral("/dev/shm/") + name));
    }

    // CPython waits the timeout out and goes on; so must IPC Lab, however short --hang-after is.
    void timedWaitsAreNotHangs()
    {
        const QByteArray text = "import multiprocessing as mp, queue, threading\n"
                                "if __name__ == '__main__':\n"
                                "    q = mp.Queue()\n"
                                "    try:\n        q.get(timeout=0.6)\n    except queue.Empty:\n        print('Empty')\n"
                                "    r, w = mp.Pipe(duplex=False)\n    print('poll', r.poll(0.6))\n"
                                "    print('wait', mp.Event().wait(0.6))\n"
                                "    l = mp.Lock(); l.acquire()\n    print('acquire', l.acquire(timeout=0.6))\n"
                                "    c = threading.Condition()\n    with c:\n        print('cond', c.wait(0.6))\n"
                                "    tq = queue.Queue()\n    try:\n        tq.get(timeout=0.6)\n    except queue.Empty:\n        print('tq Empty')\n"
                                "    t = threading.Thread(target=tq.get)\n    t.daemon = True\n    t.start()\n    t.join(0.6)\n"
                                "    print('alive', t.is_alive())\n";
        const QString path = script(QStringLiteral("timed.py"), text);
        const Run r = ipclab({ QStringLiteral("run"), QStringLiteral("--hang-after"), QStringLiteral("0.2"), path });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString expected = QStringLiteral("Empty\npoll False\nwait False\nacquire False\ncond False\ntq Empty\nalive True\n");
        QCOMPARE(r.out, expected);
        if (!python3().isEmpty()) {
            QProcess py;
            py.start(python3(), { path });
            QVERIFY(py.waitForFinished(60000));
            QCOMPARE(QString::fromUtf8(py.readAllStandardOutput()), expected);
        }
    }

    void childOfAThreadOutlivesIt()
    {
        const Run r = ipclab({ QStringLiteral("run"),
            script(QStringLiteral("fromthread.py"),
                "import multiprocessing as mp, threading\n"
                "def child(q):\n    q.get()\n    print('child finished', flush=True)\n"
                "if __name__ == '__main__':\n    q = mp.Queue()\n    box = []\n"
                "    def starter():\n        p = mp.Process(target=child, args=(q,))\n        p.start()\n        box.append(p)\n"
                "    t = threading.Thread(target=starter)\n    t.start()\n    t.join()\n"
                "    q.put('go')\n    box[0].join()\n    print('exitcode', box[0].exitcode)\n") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("child finished\nexitcode 0\n"));
    }

    void hundredMegabyteMessage()
    {
        const Run r = ipclab({ QStringLiteral("run"),
            script(QStringLiteral("big.py"),
                "import multiprocessing as mp\ndef child(c):\n    c.send(b'x' * 100_000_000)\n"
                "if __name__ == '__main__':\n    r, w = mp.Pipe()\n    p = mp.Process(target=child, args=(w,))\n    p.start()\n"
                "    print(len(r.recv()))\n    p.join()\n    print(p.exitcode)\n") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("100000000\n0\n"));
    }

    void killedManagerIsReportedWithItsSignal()
    {
        QProcess p;
        p.start(QStringLiteral(IPCLAB_BINARY),
            { QStringLiteral("run"),
                script(QStringLiteral("manager.py"),
                    "import multiprocessing as mp, os, time\nif __name__ == '__main__':\n    m = mp.Manager()\n    d = m.dict()\n"
                    "    print(os.getpid(), flush=True)\n    for i in range(6000):\n        d[i] = i\n        time.sleep(0.01)\n") });
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 60000);
        const qint64 mainPid = p.readLine().trimmed().toLongLong();
        const qint64 janitor = findDescendant(p.processId(), "--janitor");
        const qint64 server = findDescendant(p.processId(), "ipclab-worker", { mainPid, janitor });
        QVERIFY(server > 0);
        QCOMPARE(::kill(static_cast<pid_t>(server), SIGKILL), 0);
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 137);
        QVERIFY2(err.contains(QStringLiteral("SyncManager-1 (pid %1) was killed by signal 9 (SIGKILL)").arg(server)), qPrintable(err));
    }

    void killedJanitorIsReplaced()
    {
        QProcess p;
        p.start(QStringLiteral(IPCLAB_BINARY),
            { QStringLiteral("run"), script(QStringLiteral("janitor.py"), "import time\nprint('ready', flush=True)\ntime.sleep(1)\nprint('done')\n") });
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 60000);
        QCOMPARE(p.readLine(), QByteArray("ready\n"));
        const qint64 janitor = findDescendant(p.processId(), "--janitor");
        QVERIFY(janitor > 0);
        QCOMPARE(::kill(static_cast<pid_t>(janitor), SIGKILL), 0);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("The run's janitor was killed by signal 9 (SIGKILL); a new one was started.")), qPrintable(err));
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), QStringLiteral("done\n"));
    }

    void ctrlCIsKeyboardInterrupt_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("busy loop") << QByteArray("    n = 0\n    while True:\n        n += 1\n");
        QTest::newRow("sleep") << QByteArray("    time.sleep(100)\n");
        QTest::newRow("recv") << QByteArray("    r, w = mp.Pipe()\n    r.recv()\n");
        QTest::newRow("queue get") << QByteArray("    mp.Queue().get()\n");
        QTest::newRow("join") << QByteArray("    p = mp.Process(target=time.sleep, args=(100,))\n    p.start()\n    p.join()\n");
    }

    void ctrlCIsKeyboardInterrupt()
    {
        QFETCH(QByteArray, body);
        QProcess p;
        p.start(QStringLiteral(IPCLAB_BINARY),
            { QStringLiteral("run"),
                script(QStringLiteral("interrupt.py"),
                    "import multiprocessing as mp, time\nif __name__ == '__main__':\n  print('ready', flush=True)\n  try:\n" + body
                        + "  finally:\n    print('cleanup ran')\n") });
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 60000);
        QCOMPARE(p.readLine(), QByteArray("ready\n"));
        QCOMPARE(::kill(static_cast<pid_t>(p.processId()), SIGINT), 0);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 130);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("\nKeyboardInterrupt\n")), qPrintable(err));
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), QStringLiteral("cleanup ran\n"));
    }

    void guiWithoutADisplaySaysSo()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" })
            env.remove(QLatin1String(name));
        const Run r = ipclab({ QStringLiteral("gui") }, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("no display")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
