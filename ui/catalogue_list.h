#pragma once
// The lessons panel: the course as a list, a heading per chapter, then its
// lessons with their number, title and the first sentence of their summary.

#include "scenario_catalogue.h"

class QComboBox;
class QListWidget;

namespace ipclab::ui {

/// Fills `list` with `catalogue` in `language`; each lesson item carries its path in Qt::UserRole,
/// headings are not selectable; the item of `currentPath` becomes the current one.
void fillCatalogueList(QListWidget *list, const std::vector<ScenarioInfo> &catalogue, const QString &language, const QString &currentPath);

/// The same course in a drop-down (the folded lesson list): chapter headings are not choosable,
/// each lesson carries its path as item data, and `currentPath`'s lesson is the current item.
void fillCatalogueChooser(QComboBox *chooser, const std::vector<ScenarioInfo> &catalogue, const QString &language, const QString &currentPath);

} // namespace ipclab::ui
