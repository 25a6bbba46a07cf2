// Bad input files: what CPython 3.11 refuses before parsing (unreadable files,
// malformed UTF-8, coding declarations, a BOM, TabError, characters that cannot
// be in a name) is refused with its words, by the checker and by both commands.

#include "scenario.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using ipclab::lang::loadScenario;
using ipclab::lang::loadScenarioText;

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run runIpclab(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(IPCLAB_BINARY), args);
    Run r;
    // A checker that blocks (reading a FIFO) fails here instead of hanging the suite.
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return path;
}

// What the in-process checker says about `bytes` named s.py: "" when it accepts them.
QString checkText(const QByteArray &bytes)
{
    const auto loaded = loadScenarioText("s.py", bytes.toStdString());
    if (loaded.program)
        return {};
    return loaded.problems.empty() ? QStringLiteral("(no diagnostic)") : QString::fromStdString(loaded.problems.front().format());
}

} // namespace

class TestSourceInput : public QObject {
    Q_OBJECT

private slots:
    // Every row was compared with `python3 -c "compile(open(f,'rb').read(), f, 'exec')"`.
    void diagnostics_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const QString utf8 = QStringLiteral("(unicode error) 'utf-8' codec can't decode byte ");

        // Strict UTF-8: the first byte that cannot start a well-formed sequence.
        QTest::newRow("overlong") << QByteArray("x = 1\ny = '\xc0\xaf'\n") << QStringLiteral("s.py:2:6: ") + utf8 + QStringLiteral("0xc0: invalid start byte");
        QTest::newRow("overlong 3 bytes") << QByteArray("x = '\xe0\x80\xaf'\n")
                                          << QStringLiteral("s.py:1:6: ") + utf8 + QStringLiteral("0xe0: invalid continuation byte");
        QTest::newRow("surrogate") << QByteArray("x = '\xed\xa0\x80'\n")
                                   << QStringLiteral("s.py:1:6: ") + utf8 + QStringLiteral("0xed: invalid continuation byte");
        QTest::newRow("past U+10FFFF") << QByteArray("x = '\xf4\x90\x80\x80'\n")
                                       << QStringLiteral("s.py:1:6: ") + utf8 + QStringLiteral("0xf4: invalid continuation byte");
        QTest::newRow("invalid byte") << QByteArray("x = '\xff'\n") << QStringLiteral("s.py:1:6: ") + utf8 + QStringLiteral("0xff: invalid start byte");
        QTest::newRow("five-byte form") << QByteArray("x = '\xf8\x88\x80\x80\x80'\n")
                                        << QStringLiteral("s.py:1:6: ") + utf8 + QStringLiteral("0xf8: invalid start byte");
        QTest::newRow("lone continuation") << QByteArray("# \x80\n") << QStringLiteral("s.py:1:3: ") + utf8 + QStringLiteral("0x80: invalid start byte");
        QTest::newRow("truncated") << QByteArray("x = '\xe2\x82'\n") << QStringLiteral("s.py:1:6: ") + utf8 + QStringLiteral("0xe2: invalid continuation byte");
        QTest::newRow("truncated at end") << QByteArray("x = 1\n# \xe2\x82")
                                          << QStringLiteral("s.py:2:3: ") + utf8 + QStringLiteral("0xe2: unexpected end of data");
        QTest::newRow("after good text") << QByteArray("s = '变量'\n\xc3\x28\n")
                                         << QStringLiteral("s.py:2:1: ") + utf8 + QStringLiteral("0xc3: invalid continuation byte");
        QTest::newRow("null byte") << QByteArray("x = 1\0\n", 7) << QStringLiteral("s.py:1:6: source code cannot contain null bytes");
        QTest::newRow("four-byte ok") << QByteArray("s = '\xf0\x9f\x98\x80'\n") << QString();

        // PEP 263 declarations: line 1, or line 2 after a comment or blank line.
        QTest::newRow("unknown encoding") << QByteArray("# coding: klingon\nx = 1\n") << QStringLiteral("s.py:1:11: unknown encoding: klingon");
        QTest::newRow("unknown on line 2") << QByteArray("#!/usr/bin/env python3\n# -*- coding: klingon -*-\n")
                                           << QStringLiteral("s.py:2:15: unknown encoding: klingon");
        QTest::newRow("unknown, CRLF") << QByteArray("# coding: klingon\r\nx = 1\r\n") << QStringLiteral("s.py:1:11: unknown encoding: klingon");
        QTest::newRow("line 2 after code") << QByteArray("x = 1\n# coding: klingon\n") << QString();
        QTest::newRow("after code on the line") << QByteArray("x = 1  # coding: klingon\n") << QString();
        QTest::newRow("line 3") << QByteArray("#!/usr/bin/env python3\n\n# coding: klingon\n") << QString();
        QTest::newRow("utf-8") << QByteArray("# -*- coding: utf-8 -*-\nx = 1\n") << QString();
        QTest::newRow("UTF-8") << QByteArray("# -*- coding: UTF-8 -*-\nx = 1\n") << QString();
        QTest::newRow("utf8") << QByteArray("# coding: utf8\nx = 1\n") << QString();
        QTest::newRow("vim utf_8") << QByteArray("# vim: set fileencoding=utf_8 :\nx = 1\n") << QString();
        QTest::newRow("u8") << QByteArray("# coding=u8\nx = 1\n") << QString();
        QTest::newRow("utf-8-sig") << QByteArray("# coding: utf-8-sig\nx = 1\n") << QString();
        QTest::newRow("latin-1") << QByteArray("# -*- coding: latin-1 -*-\nx = 1\n")
                                 << QStringLiteral("s.py:1:15: IPC Lab scenarios must be UTF-8; this file declares latin-1");
        QTest::newRow("cp1252") << QByteArray("# coding: cp1252\nx = 1\n")
                                << QStringLiteral("s.py:1:11: IPC Lab scenarios must be UTF-8; this file declares cp1252");
        QTest::newRow("not a text encoding") << QByteArray("# coding: hex\nx = 1\n")
                                             << QStringLiteral("s.py:1:11: 'hex' is not a text encoding; use codecs.decode() to handle arbitrary codecs");

        // A UTF-8 byte order mark is dropped; a declaration must then agree with it.
        QTest::newRow("BOM") << QByteArray("\xef\xbb\xbfx = 1\nprint(x)\n") << QString();
        QTest::newRow("BOM, columns") << QByteArray("\xef\xbb\xbfx = \x01\n") << QStringLiteral("s.py:1:5: invalid non-printable character U+0001");
        QTest::newRow("BOM and utf-8") << QByteArray("\xef\xbb\xbf# coding: utf-8\nx = 1\n") << QString();
        QTest::newRow("BOM and latin-1") << QByteArray("\xef\xbb\xbf# coding: latin-1\nx = 1\n")
                                         << QStringLiteral("s.py: encoding problem: iso-8859-1 with BOM");
        QTest::newRow("BOM and utf8") << QByteArray("\xef\xbb\xbf# coding: utf8\nx = 1\n") << QStringLiteral("s.py: encoding problem: utf8 with BOM");
        QTest::newRow("BOM and klingon") << QByteArray("\xef\xbb\xbf# coding: klingon\nx = 1\n") << QStringLiteral("s.py: encoding problem: klingon with BOM");

        // Indentation that lines up with tabs of 8 columns but not of 1, or the reverse.
        const QString tabError = QStringLiteral("TabError: inconsistent use of tabs and spaces in indentation");
        QTest::newRow("tab then 8 spaces") << QByteArray("if 1:\n\tx = 1\n        y = 2\n") << QStringLiteral("s.py:3:1: ") + tabError;
        QTest::newRow("8 spaces then tab") << QByteArray("if 1:\n        x = 1\n\ty = 2\n") << QStringLiteral("s.py:3:1: ") + tabError;
        QTest::newRow("4 spaces + tab, tab") << QByteArray("if 1:\n    \tx = 1\n\ty = 2\n") << QStringLiteral("s.py:3:1: ") + tabError;
        QTest::newRow("dedent to spaces") << QByteArray("if 1:\n\tif 1:\n\t\tx = 1\n        y = 2\n") << QStringLiteral("s.py:4:1: ") + tabError;
        QTest::newRow("tabs only") << QByteArray("if 1:\n\tx = 1\n\ty = 2\n") << QString();
        QTest::newRow("tab then tab + spaces") << QByteArray("if 1:\n\tif 1:\n\t        x = 1\n") << QString();

        // Names: PEP 3131 letters are fine, anything else is named as CPython names it.
        QTest::newRow("zero-width space") << QByteArray("x\xe2\x80\x8by = 1\n") << QStringLiteral("s.py:1:2: invalid non-printable character U+200B");
        QTest::newRow("no-break space") << QByteArray("x = \xc2\xa0 1\n") << QStringLiteral("s.py:1:5: invalid non-printable character U+00A0");
        QTest::newRow("euro sign") << QByteArray("x = 1 \xe2\x82\xac 2\n") << QStringLiteral("s.py:1:7: invalid character '\u20ac' (U+20AC)");
        QTest::newRow("euro in a name") << QByteArray("x\xe2\x82\xac = 1\n") << QStringLiteral("s.py:1:2: invalid character '\u20ac' (U+20AC)");
        QTest::newRow("digit first") << QByteArray("\xd9\xa1x = 1\n") << QStringLiteral("s.py:1:1: invalid character '\u0661' (U+0661)");
        QTest::newRow("emoji") << QByteArray("x = \xf0\x9f\x98\x80\n") << QStringLiteral("s.py:1:5: invalid character '\U0001F600' (U+1F600)");
        QTest::newRow("control character") << QByteArray("x = 1\x01\n") << QStringLiteral("s.py:1:6: invalid non-printable character U+0001");
        QTest::newRow("CJK name") << QByteArray("\xe5\x8f\x98\xe9\x87\x8f = 1\nprint(\xe5\x8f\x98\xe9\x87\x8f)\n") << QString();
        QTest::newRow("combining mark") << QByteArray("e\xcc\x81 = 1\nprint(e\xcc\x81)\n") << QString();
        QTest::newRow("Greek and Cyrillic") << QByteArray("\xce\xb1\xce\xb2 = 1\n\xd0\xb6 = \xce\xb1\xce\xb2\n") << QString();
    }

    void diagnostics()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QCOMPARE(checkText(bytes), expected);
    }

    // The BOM is not part of the program the worker is given.
    void bomIsStripped()
    {
        const auto loaded = loadScenarioText("b.py", "\xef\xbb\xbfprint(1)\n");
        QVERIFY(loaded.program);
        QCOMPARE(QString::fromStdString(loaded.program->source), QStringLiteral("print(1)\n"));
    }

    // Files that cannot be read: FILE: cannot open: <why>, never FILE:0:0.
    void unreadableFiles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        const char *const rows[][2] = {
            { "missing", "No such file or directory" },
            { "directory", "Is a directory" },
            { "fifo", "not a regular file (a FIFO)" },
            { "notdir", "Not a directory" },
            { "mode000", "Permission denied" },
            // Failures that root meets too.
            { "longname", "File name too long" },
            { "loop", "Too many levels of symbolic links" },
        };
        for (const auto &row : rows)
            QTest::newRow(row[0]) << QString::fromLatin1(row[0]) << QString::fromLatin1(row[1]);
    }

    void unreadableFiles()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString path = dir.filePath(QStringLiteral("x.py"));
        if (kind == QLatin1String("directory")) {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("x.py")));
        } else if (kind == QLatin1String("fifo")) {
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (kind == QLatin1String("notdir")) {
            path = writeFile(dir, QStringLiteral("f"), "x = 1\n") + QStringLiteral("/x.py");
        } else if (kind == QLatin1String("longname")) {
            path = dir.filePath(QString(300, QLatin1Char('x')) + QStringLiteral(".py"));
        } else if (kind == QLatin1String("loop")) {
            QCOMPARE(::symlink("x.py", QFile::encodeName(path).constData()), 0);
        } else if (kind == QLatin1String("mode000")) {
            if (::geteuid() == 0)
                QSKIP("root reads a file whatever its mode");
            writeFile(dir, QStringLiteral("x.py"), "x = 1\n");
            QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0), 0);
        }
        const QString expected = path + QStringLiteral(": cannot open: ") + reason;

        const auto loaded = loadScenario(path.toStdString());
        QVERIFY(!loaded.program);
        QCOMPARE(loaded.problems.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(loaded.problems.front().format()), expected);

        for (const QString &command : { QStringLiteral("check"), QStringLiteral("run") }) {
            const Run r = runIpclab({ command, path });
            QCOMPARE(r.exitCode, 1);
            QCOMPARE(r.err, expected + QLatin1Char('\n'));
            QVERIFY(r.out.isEmpty());
        }
    }

    // The commands print the same diagnostics, exit 1 and run nothing.
    void commandsRefuse_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected"); // after "PATH:"
        QTest::newRow("overlong") << QByteArray("print('ran')\ny = '\xc0\xaf'\n")
                                  << QStringLiteral("2:6: (unicode error) 'utf-8' codec can't decode byte 0xc0: invalid start byte");
        QTest::newRow("surrogate") << QByteArray("print('ran')\ny = '\xed\xa0\x80'\n")
                                   << QStringLiteral("2:6: (unicode error) 'utf-8' codec can't decode byte 0xed: invalid continuation byte");
        QTest::newRow("unknown encoding") << QByteArray("# coding: klingon\nprint('ran')\n") << QStringLiteral("1:11: unknown encoding: klingon");
        QTest::newRow("latin-1") << QByteArray("# coding: latin-1\nprint('ran')\n")
                                 << QStringLiteral("1:11: IPC Lab scenarios must be UTF-8; this file declares latin-1");
        QTest::newRow("BOM and latin-1") << QByteArray("\xef\xbb\xbf# coding: latin-1\nprint('ran')\n")
                                         << QStringLiteral(" encoding problem: iso-8859-1 with BOM");
        QTest::newRow("TabError") << QByteArray("print('ran')\nif 1:\n\tx = 1\n        y = 2\n")
                                  << QStringLiteral("4:1: TabError: inconsistent use of tabs and spaces in indentation");
        QTest::newRow("zero-width space") << QByteArray("print('ran')\nx\xe2\x80\x8by = 1\n") << QStringLiteral("2:2: invalid non-printable character U+200B");
        QTest::newRow("euro sign") << QByteArray("print('ran')\nx = 1 \xe2\x82\xac 2\n") << QStringLiteral("2:7: invalid character '\u20ac' (U+20AC)");
    }

    void commandsRefuse()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.py"), bytes);
        for (const QString &command : { QStringLiteral("check"), QStringLiteral("run") }) {
            const Run r = runIpclab({ command, path });
            QCOMPARE(r.exitCode, 1);
            QCOMPARE(r.err, path + QLatin1Char(':') + expected + QLatin1Char('\n'));
            QVERIFY(r.out.isEmpty());
        }
    }

    // What CPython accepts runs: a BOM, a utf-8 declaration, non-ASCII names.
    void commandsAccept()
    {
        QTemporaryDir dir;
        const QString path = writeFile(
            dir, QStringLiteral("ok.py"), "\xef\xbb\xbf# -*- coding: utf-8 -*-\n\xe5\x8f\x98\xe9\x87\x8f = 'ok'\nif 1:\n\tprint(\xe5\x8f\x98\xe9\x87\x8f)\n");
        QCOMPARE(runIpclab({ QStringLiteral("check"), path }).exitCode, 0);
        const Run r = runIpclab({ QStringLiteral("run"), path });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("ok\n"));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestSourceInput)
#include "tst_source_input.moc"
