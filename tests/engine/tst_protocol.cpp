// The trace vocabulary (core/trace/protocol.h): complete, worded in both languages, and
// the only source of the operations a run emits.

#include "operation_words.h"
#include "orchestrator.h"
#include "protocol.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QSet>
#include <QTest>

using namespace ipclab;

namespace {

bool hasChineseCharacter(std::string_view utf8)
{
    for (const QChar c : QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size())))
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    return false;
}

} // namespace

class TestProtocol : public QObject {
    Q_OBJECT

private slots:
    void everyEntryIsCompleteAndWordedTwice()
    {
        QSet<QByteArray> names;
        for (const trace::Operation &op : trace::operations()) {
            const QByteArray name(op.name.data(), static_cast<qsizetype>(op.name.size()));
            QVERIFY2(!name.isEmpty(), "an operation without a name");
            QVERIFY2(!names.contains(name), name.constData());
            names.insert(name);
            QVERIFY2(!op.phases.empty() && op.phases.find_first_not_of("BEFI") == std::string_view::npos, name.constData());
            QVERIFY2(!op.english.empty(), name.constData());
            QVERIFY2(hasChineseCharacter(op.chinese), name.constData());
            // A call that may wait has a begin and an end; the wording never repeats the internal name.
            if (op.blocking != trace::Blocking::Neither)
                QVERIFY2(op.phases.find('B') != std::string_view::npos, name.constData());
            if (op.name.find('.') != std::string_view::npos)
                QVERIFY2(op.english.find(op.name) == std::string_view::npos, name.constData());
        }
    }

    void callNamesAreNeverInternal()
    {
        for (const trace::Operation &op : trace::operations()) {
            const QString name = QString::fromUtf8(op.name.data(), static_cast<qsizetype>(op.name.size()));
            engine::setChineseWording(false);
            QVERIFY2(engine::callName(name) != name, qPrintable(name));
            engine::setChineseWording(true);
            QVERIFY2(engine::callName(name) != name, qPrintable(name));
        }
        engine::setChineseWording(false);
        QCOMPARE(engine::callName(QStringLiteral("conn.recv")), QStringLiteral("recv()"));
        QCOMPARE(engine::callName(QStringLiteral("feeder.wait")), QStringLiteral("letting its feeder thread wait for items"));
    }

    void everyScenarioEmitsOnlyTheVocabulary_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(IPCLAB_SOURCE_DIR "/scenarios"));
        for (const QString &file : dir.entryList({ QStringLiteral("*.py") }, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }

    void everyScenarioEmitsOnlyTheVocabulary()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        engine::RunOptions o;
        o.fileName = QFileInfo(file).fileName();
        o.source = f.readAll();
        o.workerPath = QStringLiteral(IPCLAB_WORKER);
        o.hangSeconds = 2.0;
        o.timeLimitSeconds = 60.0;
        o.captureStdout = true;
        o.echoStdout = false;
        o.traceStatements = true; // the window's runs: every operation there is
        engine::Orchestrator orchestrator;
        QStringList unknown;
        QString format;
        orchestrator.run(o, [&](const engine::TraceEvent &e, const QByteArray &) {
            const trace::Operation *op = engine::operationOf(e.op);
            if (!op || op->phases.find(e.ph) == std::string_view::npos)
                unknown << QStringLiteral("%1 %2").arg(e.op, QChar::fromLatin1(e.ph));
        });
        unknown.removeDuplicates();
        QVERIFY2(unknown.isEmpty(), qPrintable(unknown.join(QStringLiteral(", "))));
        // The orchestrator's own run.start, which the caller writes first, names the format.
        format = engine::runStartEvent(o).text("format");
        QCOMPARE(format, QString::fromUtf8(trace::kFormatVersion.data(), static_cast<qsizetype>(trace::kFormatVersion.size())));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
