#pragma once
// Where the window's panels go. One set of panels, three arrangements:
//  - Desk: lessons and "What is happening" | stage over timeline | code, variables, output, log;
//  - Laptop (a narrow window): the same, with the lesson list folded into the toolbar's drop-down;
//  - Room (presentation mode): code over output | stage, "What is happening", timeline; the
//    lesson list, the variables and the event log make way for what a class reads from afar.
// Each arrangement remembers its own splitter positions, per screen size.

#include <QString>

#include <array>

class QSplitter;
class QWidget;

namespace ipclab::ui {

enum class Arrangement { Desk, Laptop, Room };

/// Below this width (logical pixels) the window folds its lesson list away.
inline constexpr int kLaptopWidth = 1500;

struct Panels {
    QWidget *lessons = nullptr;
    QWidget *happening = nullptr;
    QWidget *stage = nullptr;
    QWidget *timeline = nullptr;
    QWidget *code = nullptr;
    QWidget *variables = nullptr;
    QWidget *output = nullptr;
    QWidget *log = nullptr;
};

/// The splitters the panels live in: the window's columns, and one splitter per column.
struct PanelSplitters {
    QSplitter *columns = nullptr;
    std::array<QSplitter *, 3> column {};
};

QString arrangementName(Arrangement arrangement);

/// Moves `panels` into `splitters` as `arrangement` wants them; panels it leaves out are hidden
/// (they stay children of `parking`, so nothing is lost). Sizes: `saved` ones if they fit
/// the arrangement (QSplitter::saveState() of the four, columns first), else the arrangement's own.
void arrangePanels(Arrangement arrangement, const Panels &panels, const PanelSplitters &splitters, QWidget *parking, const std::array<QByteArray, 4> &saved);

} // namespace ipclab::ui
