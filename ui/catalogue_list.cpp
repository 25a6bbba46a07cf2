#include "catalogue_list.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFileInfo>
#include <QListWidget>
#include <QRegularExpression>
#include <QStandardItemModel>

#include <climits>

namespace ipclab::ui {

namespace {

struct CatalogueList {
    Q_DECLARE_TR_FUNCTIONS(CatalogueList)
};

QString chapterHeading(const ScenarioInfo &info, const QString &language)
{
    return info.chapterNumber < 0 ? CatalogueList::tr("More lessons")
                                  : CatalogueList::tr("Chapter %1 · %2").arg(info.chapterNumber).arg(info.chapter.text(language));
}

QString lessonTitle(const ScenarioInfo &info, const QString &language)
{
    return info.lessonNumber >= 0 ? QStringLiteral("%1.%2  %3").arg(info.chapterNumber).arg(info.lessonNumber).arg(info.title(language)) : info.title(language);
}

} // namespace

void fillCatalogueList(QListWidget *list, const std::vector<ScenarioInfo> &catalogue, const QString &language, const QString &currentPath)
{
    list->clear();
    int chapter = INT_MIN;
    for (const ScenarioInfo &info : catalogue) {
        if (info.chapterNumber != chapter) {
            chapter = info.chapterNumber;
            auto *heading = new QListWidgetItem(chapterHeading(info, language));
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
        const QString title = lessonTitle(info, language);
        auto *item = new QListWidgetItem(firstSentence.isEmpty() ? title : title + QStringLiteral("\n") + firstSentence);
        item->setToolTip(summary);
        item->setData(Qt::UserRole, info.path);
        list->addItem(item);
        if (info.path == currentPath)
            list->setCurrentItem(item);
    }
}

void fillCatalogueChooser(QComboBox *chooser, const std::vector<ScenarioInfo> &catalogue, const QString &language, const QString &currentPath)
{
    const QSignalBlocker quiet(chooser);
    chooser->clear();
    int chapter = INT_MIN;
    for (const ScenarioInfo &info : catalogue) {
        if (info.chapterNumber != chapter) {
            chapter = info.chapterNumber;
            chooser->addItem(chapterHeading(info, language));
            // A heading names the chapter; it is not a lesson to choose.
            if (auto *model = qobject_cast<QStandardItemModel *>(chooser->model())) {
                QStandardItem *heading = model->item(chooser->count() - 1);
                heading->setFlags(Qt::NoItemFlags);
                QFont bold = chooser->font();
                bold.setBold(true);
                heading->setFont(bold);
            }
        }
        chooser->addItem(lessonTitle(info, language), info.path);
        chooser->setItemData(chooser->count() - 1, info.summary(language), Qt::ToolTipRole);
        if (info.path == currentPath || (!currentPath.isEmpty() && QFileInfo(info.path).fileName() == QFileInfo(currentPath).fileName()))
            chooser->setCurrentIndex(chooser->count() - 1);
    }
}

} // namespace ipclab::ui
