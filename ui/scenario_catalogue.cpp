#include "scenario_catalogue.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ipclab::ui {

QString ScenarioInfo::title(const QString &language) const
{
    const QString &preferred = language.startsWith(QLatin1String("zh")) ? titleZh : titleEn;
    if (!preferred.isEmpty())
        return preferred;
    return titleEn.isEmpty() ? fileName : titleEn;
}

QString ScenarioInfo::summary(const QString &language) const
{
    const QString &preferred = language.startsWith(QLatin1String("zh")) ? summaryZh : summaryEn;
    return preferred.isEmpty() ? summaryEn : preferred;
}

ScenarioInfo describeScenario(const QString &path, const QByteArray &source)
{
    ScenarioInfo info;
    info.path = path;
    info.fileName = QFileInfo(path).fileName();
    for (const QByteArray &raw : source.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (!line.startsWith(QLatin1String("# ipclab:")))
            continue;
        const QString rest = line.mid(9);
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        if (colon < 0)
            continue;
        const QString key = rest.left(colon).trimmed();
        const QString value = rest.mid(colon + 1).trimmed();
        if (key == QLatin1String("title en"))
            info.titleEn = value;
        else if (key == QLatin1String("title zh"))
            info.titleZh = value;
        else if (key == QLatin1String("summary en"))
            info.summaryEn = value;
        else if (key == QLatin1String("summary zh"))
            info.summaryZh = value;
    }
    if (info.titleEn.isEmpty()) {
        // A scenario without the header: its first comment line names it.
        for (const QByteArray &raw : source.split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            if (line.startsWith(QLatin1Char('#'))) {
                info.titleEn = line.mid(1).trimmed();
                break;
            }
        }
    }
    return info;
}

std::vector<ScenarioInfo> builtInScenarios()
{
    std::vector<ScenarioInfo> out;
    const QDir dir(QStringLiteral(":/scenarios"));
    for (const QString &name : dir.entryList({ QStringLiteral("*.py") }, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            out.push_back(describeScenario(dir.filePath(name), f.readAll()));
    }
    return out;
}

} // namespace ipclab::ui
