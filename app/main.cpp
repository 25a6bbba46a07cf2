// ipclab: the lab window when started with no arguments on a display (or
// with `gui`), the command line otherwise.

#include "commandline.h"
#include "export_command.h"
#include "ipc.h"
#include "language.h"
#include "main_window.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <malloc.h>

namespace {

bool isSet(const char *name)
{
    const char *value = std::getenv(name);
    return value && *value;
}

// A screen the user sees: `ipclab` alone opens the window there, else runs headless.
bool hasDisplay()
{
    return isSet("DISPLAY") || isSet("WAYLAND_DISPLAY");
}

// Somewhere `ipclab gui` can open the window: a screen, or a platform of its own (offscreen, vnc).
bool canOpenWindow()
{
    return hasDisplay() || isSet("QT_QPA_PLATFORM");
}

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("ipclab"));
    QCoreApplication::setOrganizationName(QStringLiteral("IPC Lab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IPCLAB_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    // Scenarios create and drop many small objects; without this glibc returns memory to
    // the kernel and asks for it again all the time (measured: split() on 4 MB, 2.8 s -> 0.4 s).
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_TOP_PAD, 64 << 20);
    ipclab::ipc::registerModules();
    const bool guiCommand = argc >= 2 && std::strcmp(argv[1], "gui") == 0;
    if (guiCommand && !canOpenWindow()) {
        // Qt would abort (exit 134) trying to reach one.
        std::fputs("ipclab gui: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
                   "Run a scenario headless with: ipclab run FILE.py\n",
            stderr);
        return 2;
    }
    if (argc >= 2 && std::strcmp(argv[1], "export") == 0) {
        // Pictures for slides need no screen: drawn offscreen unless a platform was chosen.
        if (!isSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        describeApplication();
        return ipclab::ui::runExportCommand(QCoreApplication::arguments().mid(2), ipclab::app::workerPath());
    }
    if (guiCommand || (argc == 1 && hasDisplay())) {
        QApplication app(argc, argv);
        describeApplication();
        ipclab::ui::applyLanguage(ipclab::ui::preferredLanguage()); // before any widget exists: they read their texts once
        ipclab::ui::MainWindow window(ipclab::app::workerPath());
        // ipclab gui [--live] [FILE.py]
        int next = 2;
        const bool live = guiCommand && argc > next && std::strcmp(argv[next], "--live") == 0;
        if (live)
            ++next;
        const QString path = guiCommand && argc > next ? QString::fromLocal8Bit(argv[next]) : QStringLiteral(":/scenarios/00_welcome.py");
        window.setLiveMode(live);
        window.show();
        if (window.openScenario(path))
            window.runScenario();
        QTimer::singleShot(0, &window, &ipclab::ui::MainWindow::offerRecovery);
        return app.exec();
    }
    QCoreApplication app(argc, argv);
    describeApplication();
    return ipclab::app::runCommandLine(QCoreApplication::arguments());
}
