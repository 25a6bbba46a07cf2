// The fuzzers' corpora as regression tests of the normal build: every seed and
// every crash reproducer in tests/fuzz/corpus, and every lesson in scenarios/, goes once through the same entry
// points the fuzz targets call (their sources are linked here under other names).
// A bug that comes back aborts this suite, or ASan reports it in a sanitizer build.

#include <QDir>
#include <QFile>
#include <QTest>

#include <cstdint>

extern "C" int ipclabFuzzChecker(const std::uint8_t *data, std::size_t size);
extern "C" int ipclabFuzzTraceReader(const std::uint8_t *data, std::size_t size);

namespace {

int runCorpus(const QString &folder, int (*entry)(const std::uint8_t *, std::size_t))
{
    const QDir dir(QStringLiteral(IPCLAB_SOURCE_DIR "/") + folder);
    int count = 0;
    for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray bytes = f.readAll();
        entry(reinterpret_cast<const std::uint8_t *>(bytes.constData()), static_cast<std::size_t>(bytes.size()));
        ++count;
    }
    return count;
}

} // namespace

class TestFuzzCorpus : public QObject {
    Q_OBJECT

private slots:
    void checkerCorpus()
    {
        // The lessons are the checker's seeds where they live (no copies to drift).
        const int lessons = runCorpus(QStringLiteral("scenarios"), ipclabFuzzChecker);
        const int n = runCorpus(QStringLiteral("tests/fuzz/corpus/checker"), ipclabFuzzChecker);
        qInfo("%d lessons and %d checker inputs", lessons, n);
        QVERIFY(lessons >= 24);
        QVERIFY(n > 10);
    }

    void traceCorpus()
    {
        const int n = runCorpus(QStringLiteral("tests/fuzz/corpus/trace"), ipclabFuzzTraceReader);
        qInfo("%d trace inputs", n);
        QVERIFY(n > 5);
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzz_corpus.moc"
