#include "sandbox_words.h"

#include <QCoreApplication>

namespace ipclab::engine {

namespace {

struct SandboxText {
    Q_DECLARE_TR_FUNCTIONS(SandboxText)
};

QString mib(std::uint64_t bytes)
{
    return SandboxText::tr("%1 MiB").arg(bytes >> 20);
}

} // namespace

QStringList protectionWords(const sandbox::Plan &plan)
{
    const sandbox::RunLimits &l = plan.limits;
    QStringList out;
    out << (plan.network ? SandboxText::tr("network: its own namespace, loopback only")
                         : SandboxText::tr("network: the interpreter allows loopback and the run's own ports only"));
    if (plan.mounts) {
        out << SandboxText::tr("shared memory: a private /dev/shm of %1").arg(mib(l.sharedMemoryBytes));
        out << SandboxText::tr("files: the run's folder on its own tmpfs (%1, %2 files)").arg(mib(l.folderBytes)).arg(l.folderFiles);
    } else {
        out << SandboxText::tr("shared memory: the interpreter allows the run's own segments only, %1 in all").arg(mib(l.sharedMemoryBytes));
        out << SandboxText::tr("files: the interpreter allows the run's folder only; each file at most %1").arg(mib(l.folderBytes));
    }
    if (plan.landlockAbi >= 6)
        out << SandboxText::tr("Landlock ABI %1: files only in the run's folder and /dev/shm, signals only within the run").arg(plan.landlockAbi);
    else if (plan.landlockAbi > 0)
        out << SandboxText::tr("Landlock ABI %1: files only in the run's folder and /dev/shm").arg(plan.landlockAbi);
    else
        out << SandboxText::tr("Landlock: not available");
    if (plan.dropRoot)
        out << SandboxText::tr("user: nobody (%1), root given up").arg(plan.nobodyUid);
    else if (plan.userNamespace)
        out << SandboxText::tr("user: unprivileged, in a user namespace of its own");
    out << SandboxText::tr("processes: at most %1 per run").arg(l.maxProcesses);
    out << (plan.setAddressSpace && l.memoryBytesPerProcess ? SandboxText::tr("memory: %1 of address space per process").arg(mib(l.memoryBytesPerProcess))
                                                            : SandboxText::tr("memory: no address-space limit (sanitizer build)"));
    out << SandboxText::tr("output: the first and the last %1 of stdout are kept").arg(mib(l.keptOutputBytes / 2));
    out << SandboxText::tr("trace: at most %1 events").arg(l.maxTraceEvents);
    return out;
}

sandbox::Plan planForThisMachine(const sandbox::RunLimits &limits, const QString &workerPath)
{
    return sandbox::makePlan(limits, "/tmp/ipclab-run-info", workerPath.toStdString(), true);
}

} // namespace ipclab::engine
