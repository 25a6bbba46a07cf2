// ipclab: the command line today; the lab window joins it with the UI issue.

#include "commandline.h"
#include "ipc.h"

#include <QCoreApplication>

#include <malloc.h>

int main(int argc, char *argv[])
{
    // Scenarios create and drop many small objects; without this glibc returns memory to
    // the kernel and asks for it again all the time (measured: split() on 4 MB, 2.8 s -> 0.4 s).
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_TOP_PAD, 64 << 20);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ipclab"));
    QCoreApplication::setOrganizationName(QStringLiteral("IPC Lab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IPCLAB_VERSION));
    ipclab::ipc::registerModules();
    return ipclab::app::runCommandLine(QCoreApplication::arguments());
}
