// `ipclab export`, run as a teacher would from a script, headless: a PNG of the stated size, an
// SVG that Qt's renderer loads, a GIF of several frames, a PDF whose pages hold the lesson's
// text (read back with poppler's pdftotext), and a clear error for each bad option or value.

#include <QColor>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <gif_lib.h>

namespace {

struct Result {
    int code = -1;
    QString out, err;
};

Result exportRun(const QStringList &arguments)
{
    QProcess ipclab;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // headless, as in CI
    ipclab.setProcessEnvironment(env);
    ipclab.start(QStringLiteral(IPCLAB_BINARY), QStringList { QStringLiteral("export") } + arguments);
    if (!ipclab.waitForFinished(300000)) { // a safety net: a lesson exports in seconds
        ipclab.kill();
        ipclab.waitForFinished();
    }
    return { ipclab.exitStatus() == QProcess::NormalExit ? ipclab.exitCode() : -1, QString::fromUtf8(ipclab.readAllStandardOutput()),
        QString::fromUtf8(ipclab.readAllStandardError()) };
}

QString lesson(const char *file)
{
    return QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios/") + QLatin1String(file);
}

int gifFrames(const QString &path)
{
    int error = 0;
    GifFileType *gif = DGifOpenFileName(path.toLocal8Bit().constData(), &error);
    if (!gif)
        return -1;
    const int frames = DGifSlurp(gif) == GIF_OK ? gif->ImageCount : -1;
    DGifCloseFile(gif, &error);
    return frames;
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString file(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyPictureOfTheForgottenClose()
    {
        const Result r = exportRun({ lesson("02_pipe_forgotten_close.py"), QStringLiteral("--at"), QStringLiteral("12"), QStringLiteral("--size"),
            QStringLiteral("1280x720"), QStringLiteral("--png"), file("stage.png"), QStringLiteral("--svg"), file("stage.svg"), QStringLiteral("--gif"),
            file("replay.gif"), QStringLiteral("--gif-steps"), QStringLiteral("5"), QStringLiteral("--pdf"), file("handout.pdf") });
        QVERIFY2(r.code == 0, qPrintable(r.err));

        const QImage png(file("stage.png"));
        QCOMPARE(png.size(), QSize(1280, 720));
        // Not a blank page: the stage's boxes are drawn in colour.
        int coloured = 0;
        for (int y = 0; y < png.height(); y += 4)
            for (int x = 0; x < png.width(); x += 4)
                coloured += QColor(png.pixel(x, y)).hsvSaturation() > 80;
        QVERIFY(coloured > 50);

        QSvgRenderer svg(file("stage.svg"));
        QVERIFY(svg.isValid());
        QCOMPARE(svg.viewBox().size(), QSize(1280, 720));

        QCOMPARE(gifFrames(file("replay.gif")), 6); // where it starts, then five IPC events

        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils) is installed by scripts/ipclab.sh");
        QProcess text;
        text.start(pdftotext, { file("handout.pdf"), QStringLiteral("-") });
        QVERIFY(text.waitForFinished(60000));
        const QString handout = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(handout.contains(QLatin1String("The forgotten close(): recv() waits forever")), qPrintable(handout.left(400)));
        QVERIFY(handout.contains(QLatin1String("receiver.recv()")));
        QVERIFY(handout.contains(QLatin1String("At the end of the run")));
        QVERIFY(!handout.contains(QLatin1String("# ipclab:"))); // no metadata, so no marked answers
        QVERIFY(handout.count(QLatin1Char('\f')) >= 2); // pages: the program, the end (and questions)
    }

    void theTimelineInChinese()
    {
        const Result r = exportRun({ lesson("03_queue_full_blocks.py"), QStringLiteral("--what"), QStringLiteral("timeline"), QStringLiteral("--lang"),
            QStringLiteral("zh_CN"), QStringLiteral("--png"), file("timeline.png"), QStringLiteral("--pdf"), file("zh.pdf") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QImage(file("timeline.png")).size(), QSize(1600, 900));
        QProcess text;
        text.start(QStandardPaths::findExecutable(QStringLiteral("pdftotext")), { file("zh.pdf"), QStringLiteral("-") });
        QVERIFY(text.waitForFinished(60000));
        // NFKC: pdftotext reads some ideographs of the CJK font as their Kangxi radicals (⾏ for 行).
        const QString handout = QString::fromUtf8(text.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
        QVERIFY2(handout.contains(QStringLiteral("运行结束时")), qPrintable(handout.left(300)));
        QVERIFY(handout.contains(QStringLiteral("队列满了")));
    }

    void badOptionsAreNamed_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString pipe = lesson("02_pipe_forgotten_close.py");
        const QString png = QStringLiteral("/tmp/ipclab-export-never.png");
        QTest::newRow("unknown option") << QStringList { pipe, QStringLiteral("--jpeg"), png } << 2 << QStringLiteral("jpeg");
        QTest::newRow("bad --at") << QStringList { pipe, QStringLiteral("--at"), QStringLiteral("middle"), QStringLiteral("--png"), png } << 2
                                  << QStringLiteral("--at middle");
        QTest::newRow("event past the end") << QStringList { pipe, QStringLiteral("--at"), QStringLiteral("99999"), QStringLiteral("--png"), png } << 2
                                            << QStringLiteral("--at 99999: the run has");
        QTest::newRow("bad --size") << QStringList { pipe, QStringLiteral("--size"), QStringLiteral("big"), QStringLiteral("--png"), png } << 2
                                    << QStringLiteral("--size big");
        QTest::newRow("bad --lang") << QStringList { pipe, QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--png"), png } << 2
                                    << QStringLiteral("--lang fr");
        QTest::newRow("bad --what") << QStringList { pipe, QStringLiteral("--what"), QStringLiteral("code"), QStringLiteral("--png"), png } << 2
                                    << QStringLiteral("--what code");
        QTest::newRow("bad --gif-steps") << QStringList { pipe, QStringLiteral("--gif-steps"), QStringLiteral("0"), QStringLiteral("--gif"), png } << 2
                                         << QStringLiteral("--gif-steps 0");
        QTest::newRow("nothing to export") << QStringList { pipe } << 2 << QStringLiteral("nothing to export");
        QTest::newRow("missing file") << QStringList { QStringLiteral("/nonexistent/lesson.py"), QStringLiteral("--png"), png } << 2
                                      << QStringLiteral("/nonexistent/lesson.py: no such file");
        QTest::newRow("a directory") << QStringList { QStringLiteral("/tmp"), QStringLiteral("--png"), png } << 2 << QStringLiteral("/tmp: not a file");
        QTest::newRow("unwritable output") << QStringList { pipe, QStringLiteral("--png"), QStringLiteral("/nonexistent/dir/a.png") } << 1
                                           << QStringLiteral("cannot write /nonexistent/dir/a.png");
    }

    void badOptionsAreNamed()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Result r = exportRun(arguments);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/ipclab-export-never.png")));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
