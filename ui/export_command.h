#pragma once
// `ipclab export FILE.py`: pictures of a lesson for slides and handouts, made headless — the
// stage or the timeline at a moment as PNG or SVG, the replay from there over the next IPC
// events as an animated GIF, and a PDF handout. The window's File › Export uses the same code.

#include <QSize>
#include <QString>
#include <QStringList>

namespace ipclab::ui {

class MainWindow;

/// The command's options, as given; checkExportOptions() says what is wrong with them.
struct ExportOptions {
    QString scenario;
    QString at = QStringLiteral("end"); ///< "start", "end" or an event number
    QString what = QStringLiteral("stage"); ///< "stage" or "timeline"
    QString png, svg, gif, pdf;
    int gifSteps = 8; ///< IPC events the GIF plays through
    QSize size { 1600, 900 };
    QString language = QStringLiteral("en");
};

/// Parses `arguments` (from "export" on); on a problem, `error` names the option and the value.
bool parseExportOptions(const QStringList &arguments, ExportOptions &options, QString &error);

/// Runs the command on a QApplication already made (offscreen is enough); returns the exit code.
int runExportCommand(const QStringList &arguments, const QString &workerPath);

/// The pictures themselves, from a window whose run has finished. Each returns an error text,
/// empty on success.
QString exportPng(MainWindow &window, const QString &what, QSize size, const QString &path);
QString exportSvg(MainWindow &window, const QString &what, QSize size, const QString &path);
QString exportGif(MainWindow &window, const QString &what, QSize size, int steps, const QString &path);
QString exportPdf(MainWindow &window, const QString &path);

} // namespace ipclab::ui
