#include "panel_arrangement.h"

#include <QSplitter>
#include <QWidget>

#include <vector>

namespace ipclab::ui {

namespace {

struct Column {
    std::vector<QWidget *> panels;
    QList<int> stretch; ///< the panels' share of the column's height
};

struct Plan {
    std::array<Column, 3> columns;
    QList<int> widths; ///< the columns' share of the window's width
};

Plan planFor(Arrangement arrangement, const Panels &p)
{
    switch (arrangement) {
    case Arrangement::Desk:
        return { { Column { { p.lessons, p.happening }, { 5, 4 } }, Column { { p.stage, p.timeline }, { 3, 1 } },
                     Column { { p.code, p.variables, p.output, p.log }, { 4, 2, 2, 1 } } },
            { 22, 50, 28 } };
    case Arrangement::Laptop:
        return { { Column { { p.happening }, { 1 } }, Column { { p.stage, p.timeline }, { 3, 1 } },
                     Column { { p.code, p.variables, p.output, p.log }, { 5, 2, 2, 1 } } },
            { 20, 46, 34 } };
    case Arrangement::Room:
        break;
    }
    return { { Column { { p.code, p.output }, { 4, 1 } }, Column { { p.stage, p.happening, p.timeline }, { 6, 2, 2 } }, Column {} }, { 40, 60, 0 } };
}

// Sizes in proportion to the shares, for the splitter's current length.
QList<int> share(const QList<int> &parts, int length)
{
    int total = 0;
    for (int part : parts)
        total += part;
    QList<int> sizes;
    for (int part : parts)
        sizes << (total > 0 ? length * part / total : 0);
    return sizes;
}

} // namespace

QString arrangementName(Arrangement arrangement)
{
    switch (arrangement) {
    case Arrangement::Desk:
        return QStringLiteral("desk");
    case Arrangement::Laptop:
        return QStringLiteral("laptop");
    case Arrangement::Room:
        break;
    }
    return QStringLiteral("room");
}

void arrangePanels(Arrangement arrangement, const Panels &panels, const PanelSplitters &splitters, QWidget *parking, const std::array<QByteArray, 4> &saved)
{
    const Plan plan = planFor(arrangement, panels);
    // Park every panel first: a panel may move from one column to another.
    for (QWidget *panel : { panels.lessons, panels.happening, panels.stage, panels.timeline, panels.code, panels.variables, panels.output, panels.log }) {
        panel->hide();
        panel->setParent(parking);
    }
    for (std::size_t c = 0; c < plan.columns.size(); ++c) {
        QSplitter *column = splitters.column[c];
        for (QWidget *panel : plan.columns[c].panels) {
            column->addWidget(panel);
            panel->show();
        }
        column->setVisible(!plan.columns[c].panels.empty());
        if (!saved[c + 1].isEmpty() && column->restoreState(saved[c + 1]) && static_cast<std::size_t>(column->count()) == plan.columns[c].panels.size())
            continue;
        const int height = std::max(column->height(), 600);
        column->setSizes(share(plan.columns[c].stretch, height));
    }
    if (saved[0].isEmpty() || !splitters.columns->restoreState(saved[0]))
        splitters.columns->setSizes(share(plan.widths, std::max(splitters.columns->width(), 1200)));
}

} // namespace ipclab::ui
