// ipclab: the command line today; the lab window joins it with the UI issue.

#include "commandline.h"
#include "ipc.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ipclab"));
    QCoreApplication::setOrganizationName(QStringLiteral("IPC Lab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IPCLAB_VERSION));
    ipclab::ipc::registerModules();
    return ipclab::app::runCommandLine(QCoreApplication::arguments());
}
