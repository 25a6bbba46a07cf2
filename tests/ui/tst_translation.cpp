// The interface in Simplified Chinese: every message of resources/ipclab_zh_CN.ts
// translated (no unfinished, empty, obsolete or vanished one, the same %1 %2...
// placeholders), no tr() string of ui/, app/ or core/engine/ missing from it (lupdate run
// into a copy of it at test time), and the compiled translation loaded from the
// binary's resources.

#include "language.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context, source, translation, type;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name"))
            context = xml.readElementText();
        else if (name == QLatin1String("message"))
            current = Message { context, {}, {}, {} };
        else if (name == QLatin1String("source"))
            current.source = xml.readElementText();
        else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            // A plural message holds one <numerusform> per form: all of them count.
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            out.append(current);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%\\d+"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured());
    return out;
}

const QString kTs = QStringLiteral(IPCLAB_SOURCE_DIR "/resources/ipclab_zh_CN.ts");

} // namespace

class TestTranslation : public QObject {
    Q_OBJECT

private slots:
    void everyMessageIsTranslated()
    {
        QString error;
        const QList<Message> messages = readTs(kTs, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 50);
        for (const Message &m : messages) {
            const QByteArray where = (m.context + QStringLiteral(": ") + m.source).toUtf8();
            QVERIFY2(m.type.isEmpty(), (where + " is " + m.type.toUtf8()).constData());
            QVERIFY2(!m.translation.trimmed().isEmpty(), (where + " has no translation").constData());
            QVERIFY2(placeholders(m.source) == placeholders(m.translation), (where + " changes its placeholders").constData());
        }
    }

    // lupdate over the sources, into a copy: a tr() string missing from the .ts comes back
    // unfinished, one the sources no longer have disappears (-no-obsolete).
    void noSourceStringIsMissing()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("copy.ts"));
        QVERIFY(QFile::copy(kTs, copy));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(IPCLAB_LUPDATE),
            { QStringLiteral(IPCLAB_SOURCE_DIR "/ui"), QStringLiteral(IPCLAB_SOURCE_DIR "/app"), QStringLiteral(IPCLAB_SOURCE_DIR "/core/engine"),
                QStringLiteral("-ts"), copy, QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"), QStringLiteral("-silent") });
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
        QString error;
        const QList<Message> before = readTs(kTs, &error), after = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<QString> known, found;
        for (const Message &m : before)
            known.insert(m.context + QLatin1Char('|') + m.source);
        for (const Message &m : after) {
            const QString key = m.context + QLatin1Char('|') + m.source;
            found.insert(key);
            QVERIFY2(known.contains(key), qPrintable(QStringLiteral("not in ipclab_zh_CN.ts (run `ninja ipclab_lupdate`): ") + key));
        }
        for (const QString &key : std::as_const(known))
            QVERIFY2(found.contains(key), qPrintable(QStringLiteral("no longer in the sources: ") + key));
    }

    // The compiled translation is in the binary, and switching back restores English.
    void compiledTranslationLoads()
    {
        QVERIFY(ipclab::ui::applyLanguage(QStringLiteral("zh_CN")));
        QCOMPARE(ipclab::ui::currentLanguage(), QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("ipclab::ui::MainWindow", "Run"), QStringLiteral("运行"));
        QCOMPARE(QCoreApplication::translate("EventText", "The run starts."), QStringLiteral("运行开始。"));
        QVERIFY(ipclab::ui::applyLanguage(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("ipclab::ui::MainWindow", "Run"), QStringLiteral("Run"));
        QVERIFY(!ipclab::ui::applyLanguage(QStringLiteral("xx")));
    }
};

QTEST_GUILESS_MAIN(TestTranslation)
#include "tst_translation.moc"
