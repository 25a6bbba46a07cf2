#include "catalogue_list.h"

#include <QCoreApplication>
#include <QListWidget>
#include <QRegularExpression>

#include <climits>

namespace ipclab::ui {

namespace {

struct CatalogueList {
    Q_DECLARE_TR_FUNCTIONS(CatalogueList)
};

} // namespace

void fillCatalogueList(QListWidget *list, const std::vector<ScenarioInfo> &catalogue, const QString &language, const QString &currentPath)
{
    list->clear();
    int chapter = INT_MIN;
    for (const ScenarioInfo &info : catalogue) {
        if (info.chapterNumber != chapter) {
            chapter = info.chapterNumber;
            auto *heading = new QListWidgetItem(
                chapter < 0 ? CatalogueList::tr("More lessons") : CatalogueList::tr("Chapter %1 · %2").arg(chapter).arg(info.chapter.text(language)));
            heading->setFlags(Qt::NoItemFlags);
            QFont bold = list->font(); // the list's current type size (zoom, presentation mode)
            bold.setBold(true);
            heading->setFont(bold);
            heading->setForeground(QColor(0x1e, 0x3a, 0x8a));
            list->addItem(heading);
        }
        // The title, and the summary's first sentence underneath (the whole summary on hover).
        const QString summary = info.summary(language);
        const qsizetype stop = summary.indexOf(QRegularExpression(QStringLiteral("[。！？]|[.!?](\\s|$)")));
        const QString firstSentence = stop > 0 ? summary.left(stop + 1) : summary;
        const QString title = info.lessonNumber >= 0 ? QStringLiteral("%1.%2  %3").arg(info.chapterNumber).arg(info.lessonNumber).arg(info.title(language))
                                                     : info.title(language);
        auto *item = new QListWidgetItem(firstSentence.isEmpty() ? title : title + QStringLiteral("\n") + firstSentence);
        item->setToolTip(summary);
        item->setData(Qt::UserRole, info.path);
        list->addItem(item);
        if (info.path == currentPath)
            list->setCurrentItem(item);
    }
}

} // namespace ipclab::ui
