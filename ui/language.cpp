#include "language.h"

#include "operation_words.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <QVariant>

#include <algorithm>
#include <memory>

namespace ipclab::ui {

namespace {

const char *const kSourceProperty = "ipclab_trSource";

struct Translators {
    std::unique_ptr<QTranslator> ours, qt;
    QString language = QStringLiteral("en");
};

Translators &translators()
{
    static Translators t;
    return t;
}

void removeTranslator(std::unique_ptr<QTranslator> &t)
{
    if (t)
        QCoreApplication::removeTranslator(t.get());
    t.reset();
}

} // namespace

QStringList interfaceLanguages()
{
    return { QStringLiteral("en"), QStringLiteral("zh_CN") };
}

QString languageName(const QString &language)
{
    return language == QLatin1String("zh_CN") ? QStringLiteral("简体中文") : QStringLiteral("English");
}

QString preferredLanguage()
{
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    if (interfaceLanguages().contains(chosen))
        return chosen;
    // Any Chinese locale gets the Simplified Chinese interface: it is the only Chinese one.
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

void rememberLanguage(const QString &language)
{
    QSettings().setValue(QStringLiteral("language"), language);
}

bool applyLanguage(const QString &language)
{
    Translators &t = translators();
    removeTranslator(t.ours);
    removeTranslator(t.qt);
    t.language = QStringLiteral("en");
    engine::setChineseWording(false);
    if (language == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English));
        return true;
    }
    auto ours = std::make_unique<QTranslator>();
    if (!ours->load(QStringLiteral(":/i18n/ipclab_%1.qm").arg(language)))
        return false;
    QCoreApplication::installTranslator(ours.get());
    t.ours = std::move(ours);
    // The trace vocabulary carries its own Chinese wording (core/trace/protocol.h).
    engine::setChineseWording(language.startsWith(QLatin1String("zh")));
    // Qt's own texts (the file dialog's buttons...), when the system has them.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        t.qt = std::move(qt);
    }
    QLocale::setDefault(QLocale(language));
    t.language = language;
    return true;
}

QString currentLanguage()
{
    return translators().language;
}

void setTranslated(QObject *object, const char *property, const char *context, const char *source)
{
    QStringList remembered = object->property(kSourceProperty).toStringList();
    const QString entry = QString::fromLatin1(property) + QLatin1Char('\x1f') + QString::fromLatin1(context) + QLatin1Char('\x1f') + QString::fromUtf8(source);
    // One entry per property: a later call for the same property replaces the earlier one.
    const QString prefix = QString::fromLatin1(property) + QLatin1Char('\x1f');
    remembered.erase(std::remove_if(remembered.begin(), remembered.end(), [&](const QString &e) { return e.startsWith(prefix); }), remembered.end());
    remembered << entry;
    object->setProperty(kSourceProperty, remembered);
    object->setProperty(property, QCoreApplication::translate(context, source));
}

void retranslateTree(QObject *root)
{
    QList<QObject *> objects = root->findChildren<QObject *>();
    objects.prepend(root);
    for (QObject *object : std::as_const(objects)) {
        const QStringList remembered = object->property(kSourceProperty).toStringList();
        for (const QString &entry : remembered) {
            const QStringList parts = entry.split(QLatin1Char('\x1f'));
            if (parts.size() == 3)
                object->setProperty(
                    parts[0].toLatin1().constData(), QCoreApplication::translate(parts[1].toLatin1().constData(), parts[2].toUtf8().constData()));
        }
    }
}

} // namespace ipclab::ui
