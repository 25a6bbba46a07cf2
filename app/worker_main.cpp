// ipclab-worker: the scenario's main process. Started by the orchestrator
// (`ipclab run`, the window) with Boost.Process; runs the scenario it is
// handed as __main__ and writes its trace to the inherited IPCLAB_TRACE_FD.
// No Qt here: the worker forks, and its children must be plain processes.

#include "errors.h"
#include "fd.h"
#include "gate.h"
#include "ipc.h"
#include "janitor.h"
#include "run_registry.h"
#include "scenario.h"
#include "spawn.h"
#include "trace.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

int usage(const char *message)
{
    std::fprintf(stderr,
        "ipclab-worker: %s\nusage: ipclab-worker [--trace-fd N [--trace-level ops|statements|variables]] [--gate-fd N] [--registry-fd N] [--spawn-child "
        "--process-fd N] "
        "--source-fd N "
        "--name FILE [-- "
        "ARGS...]\n"
        "(started by ipclab; to run a scenario yourself use: ipclab run FILE.py)\n",
        message);
    return 2;
}

// A descriptor number on the command line: digits only, not negative.
bool parseFd(const char *text, int &fd)
{
    char *end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (*end || value < 0)
        return false;
    fd = static_cast<int>(value);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    mallopt(M_TRIM_THRESHOLD, 1 << 30); // as in ipclab: scenarios churn small objects
    mallopt(M_TOP_PAD, 64 << 20);
    if (argc == 4 && std::strcmp(argv[1], "--janitor") == 0)
        return ipclab::app::runJanitor(argv[2], argv[3]);
    int sourceFd = -1;
    int processFd = -1; // a spawned child: its Process, pickled
    int traceFd = -1;
    int gateFd = -1; // a live run: the orchestrator's gate board
    int registryFd = -1; // the run's registry of segments, ports and counters
    ipclab::trace::Level traceLevel = ipclab::trace::Level::Operations;
    std::string name;
    std::vector<std::string> scenarioArgv;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--source-fd" && i + 1 < argc) {
            if (!parseFd(argv[++i], sourceFd))
                return usage("--source-fd needs a file descriptor number");
        } else if (a == "--process-fd" && i + 1 < argc) {
            if (!parseFd(argv[++i], processFd))
                return usage("--process-fd needs a file descriptor number");
        } else if (a == "--trace-fd" && i + 1 < argc) {
            if (!parseFd(argv[++i], traceFd))
                return usage("--trace-fd needs a file descriptor number");
        } else if (a == "--registry-fd" && i + 1 < argc) {
            if (!parseFd(argv[++i], registryFd))
                return usage("--registry-fd needs a file descriptor number");
        } else if (a == "--gate-fd" && i + 1 < argc) {
            if (!parseFd(argv[++i], gateFd))
                return usage("--gate-fd needs a file descriptor number");
        } else if (a == "--trace-level" && i + 1 < argc) {
            traceLevel = ipclab::trace::levelFromName(argv[++i]);
            if (traceLevel == ipclab::trace::Level::Off)
                return usage("--trace-level is ops, statements or variables");
        } else if (a == "--spawn-child") {
            // the process data comes with --process-fd
        } else if (a == "--name" && i + 1 < argc) {
            name = argv[++i];
        } else if (a == "--") {
            for (++i; i < argc; ++i)
                scenarioArgv.emplace_back(argv[i]);
        } else {
            return usage(("unexpected argument '" + a + "'").c_str());
        }
    }
    if (sourceFd < 0 || name.empty())
        return usage("--source-fd and --name are required");
    std::string source;
    if (!ipclab::ipc::readToEnd(sourceFd, source)) {
        std::fprintf(stderr, "ipclab-worker: cannot read the scenario: %s\n", std::strerror(errno));
        return 1;
    }
    ::close(sourceFd);

    if (traceFd >= 0)
        ipclab::trace::configure(traceFd, traceLevel);
    if (registryFd >= 0 && !ipclab::sandbox::attach(registryFd)) {
        std::fprintf(stderr, "ipclab-worker: --registry-fd %d is not a run registry\n", registryFd);
        return 1;
    }
    if (registryFd >= 0) {
        // The run's folder is bounded (docs/sandbox.md): say which limit a failing write met.
        ipclab::lang::setOSErrorHint(ENOSPC, "the run's folder is full: ipclab run --max-folder, --max-files");
        ipclab::lang::setOSErrorHint(EFBIG, "larger than the run's folder may hold: ipclab run --max-folder");
    }
    if (gateFd >= 0 && !ipclab::gate::configure(gateFd)) {
        std::fprintf(stderr, "ipclab-worker: --gate-fd %d is not a gate board\n", gateFd);
        return 1;
    }
    ipclab::ipc::registerModules();
    const auto loaded = ipclab::lang::loadScenarioText(name, std::move(source));
    if (!loaded.program) {
        for (const auto &d : loaded.problems)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        return 1;
    }
    scenarioArgv.insert(scenarioArgv.begin(), name);
    if (processFd >= 0)
        return ipclab::lang::runScenarioWith(loaded.program, scenarioArgv, [processFd](ipclab::lang::Interpreter &in) {
            return ipclab::ipc::runSpawnedChild(in, processFd);
        }).exitCode;
    return ipclab::lang::runScenario(loaded.program, scenarioArgv, false).exitCode;
}
