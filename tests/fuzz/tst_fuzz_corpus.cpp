// The fuzzers' corpora as regression tests of the normal build: every seed and
// every crash reproducer in tests/fuzz/corpus goes once through the same entry
// points the fuzz targets call (their sources are linked here under other names).
// A bug that comes back aborts this suite, or ASan reports it in a sanitizer build.

#include <QDir>
#include <QFile>
#include <QTest>

#include <cstdint>

extern "C" int ipclabFuzzChecker(const std::uint8_t *data, std::size_t size);
extern "C" int ipclabFuzzTraceReader(const std::uint8_t *data, std::size_t size);

namespace {

int runCorpus(const QString &name, int (*entry)(const std::uint8_t *, std::size_t))
{
    const QDir dir(QStringLiteral(IPCLAB_SOURCE_DIR "/tests/fuzz/corpus/") + name);
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
        const int n = runCorpus(QStringLiteral("checker"), ipclabFuzzChecker);
        qInfo("%d checker inputs", n);
        QVERIFY(n > 10);
    }

    void traceCorpus()
    {
        const int n = runCorpus(QStringLiteral("trace"), ipclabFuzzTraceReader);
        qInfo("%d trace inputs", n);
        QVERIFY(n > 5);
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzz_corpus.moc"
