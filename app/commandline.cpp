#include "commandline.h"

#include "live_scheduler.h"

#include "chrome_trace.h"
#include "orchestrator.h"
#include "sandbox_words.h"
#include "scenario.h"
#include "scenario_catalogue.h"

#include <QCoreApplication>

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <vector>

namespace ipclab::app {

namespace {

constexpr int kUsageError = 2;

void printError(const QString &text)
{
    QTextStream err(stderr);
    err << text << Qt::endl;
}

// What `ipclab run` exits with; also in docs/run-json.md.
const char *const kExitCodes = "Exit codes:\n"
                               "  0..255  the scenario's own exit code when it finishes (sys.exit, 0 at the end)\n"
                               "  1       an uncaught exception, or a problem found before running\n"
                               "  2       a usage error (an unknown option, a bad value, a missing file)\n"
                               "  124     the run took longer than --time-limit, or reached --max-events\n"
                               "  125     the run hung: every process blocked for --hang-after seconds\n"
                               "  126     the sandbox could not be set up\n"
                               "  128+N   a process of the run was killed by signal N (137: SIGKILL)\n"
                               "  130     interrupted by Ctrl+C (KeyboardInterrupt), or stopped\n";

// Ctrl+C presses, counted by the SIGINT handler and read by the orchestrator's loop.
std::atomic<int> g_interrupts { 0 };

void countInterrupt(int)
{
    g_interrupts.fetch_add(1);
}

void catchInterrupts()
{
    struct sigaction action { };
    action.sa_handler = countInterrupt;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
}

// One --max-* option: its name, what it bounds, its unit, and where its value goes.
struct LimitOption {
    const char *name;
    const char *what;
    const char *unit; ///< "MiB" or "" for a count
    std::uint64_t *value;
    std::uint64_t maximum;
};

std::vector<LimitOption> limitOptions(sandbox::RunLimits &limits, std::uint64_t &processes, std::uint64_t &files)
{
    return {
        { "max-processes", "Processes a run may start, MainProcess not counted", "", &processes, 4096 },
        { "max-memory", "Address space of each process; past it, MemoryError (0: no limit)", "MiB", &limits.memoryBytesPerProcess, 1u << 24 },
        { "max-folder", "Bytes of files in the run's folder", "MiB", &limits.folderBytes, 1u << 20 },
        { "max-files", "Files in the run's folder", "", &files, 1u << 20 },
        { "max-shared-memory", "Shared memory the run creates, in total", "MiB", &limits.sharedMemoryBytes, 1u << 20 },
        { "max-output", "Output kept of stdout (the first and the last half)", "MiB", &limits.keptOutputBytes, 1u << 14 },
        { "max-events", "Trace events; past it the run is stopped", "", &limits.maxTraceEvents, 1ull << 34 },
    };
}

// Parses every --max-* option into `limits`; false (after saying why) on a bad value.
bool parseLimits(const QCommandLineParser &parser, const std::vector<QCommandLineOption> &options, sandbox::RunLimits &limits)
{
    std::uint64_t processes = limits.maxProcesses, files = limits.folderFiles;
    const auto all = limitOptions(limits, processes, files);
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (!parser.isSet(options[i]))
            continue;
        const LimitOption &o = all[i];
        const QString text = parser.value(options[i]);
        bool ok = false;
        const qulonglong value = text.toULongLong(&ok);
        if (!ok || value > o.maximum || (value == 0 && std::strcmp(o.name, "max-memory") != 0)) {
            printError(QStringLiteral("ipclab run: --%1 expects a whole number%2 between %3 and %4, got '%5'")
                           .arg(QLatin1String(o.name), *o.unit ? QStringLiteral(" of %1").arg(QLatin1String(o.unit)) : QString())
                           .arg(std::strcmp(o.name, "max-memory") == 0 ? 0 : 1)
                           .arg(o.maximum)
                           .arg(text));
            return false;
        }
        *o.value = *o.unit ? value << 20 : value;
    }
    limits.maxProcesses = static_cast<std::uint32_t>(processes);
    limits.folderFiles = static_cast<std::uint32_t>(files);
    return true;
}

std::vector<QCommandLineOption> makeLimitOptions()
{
    sandbox::RunLimits defaults;
    std::uint64_t processes = defaults.maxProcesses, files = defaults.folderFiles;
    std::vector<QCommandLineOption> out;
    for (const LimitOption &o : limitOptions(defaults, processes, files)) {
        const std::uint64_t shown = *o.unit ? *o.value >> 20 : *o.value;
        out.emplace_back(QLatin1String(o.name),
            QStringLiteral("%1 (default %2%3).").arg(QLatin1String(o.what)).arg(shown).arg(*o.unit ? QStringLiteral(" MiB") : QString()),
            *o.unit ? QStringLiteral("MiB") : QStringLiteral("n"));
    }
    return out;
}
const char *const kDefaultScenario = ":/scenarios/00_welcome.py";

void printDiagnostics(const std::vector<lang::Diagnostic> &problems)
{
    for (const auto &d : problems)
        std::fprintf(stderr, "%s\n", d.format().c_str());
    std::fflush(stderr);
}

// Loads and checks a scenario, keeping its text for the worker (which runs exactly that).
lang::LoadedScenario loadFromPath(const QString &path, QByteArray &source)
{
    if (path.startsWith(QLatin1Char(':'))) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            lang::LoadedScenario r;
            r.problems.push_back({ path.toStdString(), 0, 0, "built-in scenario is missing" });
            return r;
        }
        source = f.readAll();
        return lang::loadScenarioText(QFileInfo(path).fileName().toStdString(), source.toStdString());
    }
    lang::LoadedScenario loaded = lang::loadScenario(path.toStdString());
    if (loaded.program)
        source = QByteArray::fromStdString(loaded.program->source);
    return loaded;
}

bool writeFileAtomically(const QString &path, const QByteArray &data);

bool writeTraceLines(const QString &path, std::vector<QByteArray> &lines)
{
    // Events arrive per thread in bursts; the file is in time order (stable, so a thread's
    // events keep their order when two share a timestamp).
    std::stable_sort(lines.begin(), lines.end(), [](const QByteArray &a, const QByteArray &b) { return engine::eventTime(a) < engine::eventTime(b); });
    QByteArray all;
    for (const QByteArray &l : lines)
        all += l;
    return writeFileAtomically(path, all);
}

QJsonObject outcomeJson(const QString &file, const engine::RunResult &outcome, const std::vector<lang::Diagnostic> &problems)
{
    static const char *const ends[] = { "finished", "hang", "time-limit", "crashed", "stopped", "failed-to-start" };
    QJsonObject o;
    o[QStringLiteral("schema")] = QStringLiteral("ipclab-run/2");
    o[QStringLiteral("file")] = file;
    o[QStringLiteral("exitCode")] = outcome.exitCode;
    o[QStringLiteral("end")] = QLatin1String(problems.empty() ? ends[static_cast<int>(outcome.end)] : "problems");
    QJsonArray lines;
    QString text = QString::fromUtf8(outcome.stdoutText);
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    if (!outcome.stdoutText.isEmpty())
        for (const QString &line : text.split(QLatin1Char('\n')))
            lines.append(line);
    o[QStringLiteral("stdout")] = lines;
    if (!outcome.exceptionType.isEmpty()) {
        QJsonObject e;
        e[QStringLiteral("type")] = outcome.exceptionType;
        e[QStringLiteral("message")] = outcome.exceptionMessage;
        e[QStringLiteral("line")] = outcome.exceptionLine;
        o[QStringLiteral("exception")] = e;
    } else {
        o[QStringLiteral("exception")] = QJsonValue::Null;
    }
    QJsonArray diagnostics;
    for (const auto &d : problems) {
        QJsonObject p;
        p[QStringLiteral("line")] = d.line;
        p[QStringLiteral("column")] = d.column;
        p[QStringLiteral("message")] = QString::fromStdString(d.message);
        diagnostics.append(p);
    }
    o[QStringLiteral("problems")] = diagnostics;
    QJsonArray processes;
    for (const auto &p : outcome.processes) {
        QJsonObject j;
        j[QStringLiteral("pid")] = p.pid;
        j[QStringLiteral("name")] = p.name;
        if (!p.role.isEmpty())
            j[QStringLiteral("role")] = p.role;
        j[QStringLiteral("exitcode")] = p.exitcode ? QJsonValue(*p.exitcode) : QJsonValue(QJsonValue::Null);
        processes.append(j);
    }
    o[QStringLiteral("processes")] = processes;
    o[QStringLiteral("diagnosis")] = QJsonArray::fromStringList(outcome.diagnosis);
    QJsonArray blocked;
    for (const auto &b : outcome.blocked) {
        QJsonObject j;
        j[QStringLiteral("pid")] = b.pid;
        j[QStringLiteral("tid")] = b.tid;
        j[QStringLiteral("op")] = b.op;
        j[QStringLiteral("line")] = b.line;
        j[QStringLiteral("text")] = b.text;
        blocked.append(j);
    }
    o[QStringLiteral("blocked")] = blocked;
    o[QStringLiteral("events")] = outcome.eventCount;
    o[QStringLiteral("sandbox")] = QJsonArray::fromStringList(outcome.protections);
    o[QStringLiteral("droppedOutputBytes")] = outcome.droppedOutputBytes;
    o[QStringLiteral("durationSeconds")] = outcome.durationSeconds;
    return o;
}

bool writeFileAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        printError(QStringLiteral("ipclab: cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    f.write(data);
    if (!f.commit()) {
        printError(QStringLiteral("ipclab: cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    return true;
}

// A number of seconds given on the command line: >= 0, finite, or a usage error.
bool parseSeconds(const QString &option, const QString &text, double &out)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !(value >= 0) || value > 1e6) {
        printError(QStringLiteral("ipclab run: --%1 expects a number of seconds between 0 and 1000000, got '%2'").arg(option, text));
        return false;
    }
    out = value;
    return true;
}

int commandRun(const QStringList &arguments, bool defaultScenario)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Run a scenario headless, printing what CPython would print."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addHelpOption();
    QCommandLineOption jsonOption(
        QStringLiteral("json"), QStringLiteral("Write the outcome as one JSON object to <file> (schema: docs/run-json.md)."), QStringLiteral("file"));
    QCommandLineOption traceOption(QStringLiteral("trace"),
        QStringLiteral("Save every event of the run, one JSON object per line, to <file> (format: docs/trace-format.md)."), QStringLiteral("file"));
    QCommandLineOption chromeOption(QStringLiteral("chrome-trace"),
        QStringLiteral("Save the run in the Chrome Trace Event Format, for Perfetto (ui.perfetto.dev), to <file>."), QStringLiteral("file"));
    QCommandLineOption statementsOption(QStringLiteral("trace-statements"), QStringLiteral("Also trace every statement each thread runs."));
    QCommandLineOption variablesOption(QStringLiteral("trace-variables"),
        QStringLiteral("Also trace every statement and the variables it changed, as the window's variables panel shows them."));
    QCommandLineOption hangOption(QStringLiteral("hang-after"),
        QStringLiteral("End the run as a hang when every process has been blocked this long (default 3; 0: never)."), QStringLiteral("seconds"),
        QStringLiteral("3"));
    QCommandLineOption limitOption(QStringLiteral("time-limit"), QStringLiteral("Stop a run that takes longer than this (default 120; 0: no limit)."),
        QStringLiteral("seconds"), QStringLiteral("120"));
    QCommandLineOption scheduleOption(QStringLiteral("schedule"),
        QStringLiteral("Run live, releasing the threads' steps in the order saved in <file> (docs/schedule-format.md), then freely."), QStringLiteral("file"));
    QCommandLineOption sandboxInfoOption(
        QStringLiteral("sandbox-info"), QStringLiteral("Say which protections a run gets on this machine, and its limits, then exit."));
    parser.addOptions({ jsonOption, traceOption, chromeOption, statementsOption, variablesOption, hangOption, limitOption, scheduleOption, sandboxInfoOption });
    const std::vector<QCommandLineOption> maxOptions = makeLimitOptions();
    for (const QCommandLineOption &o : maxOptions)
        parser.addOption(o);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The scenario (.py) to run."), QStringLiteral("FILE.py [ARGS...]"));
    // Parse without the sub-command word, so options before FILE.py are ours and
    // everything after it belongs to the scenario's sys.argv.
    QStringList ownArguments = arguments;
    if (!defaultScenario)
        ownArguments.removeAt(1);
    if (!parser.parse(ownArguments)) {
        printError(QStringLiteral("ipclab run: %1").arg(parser.errorText()));
        return kUsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        std::fputs("\n", stdout);
        std::fputs(kExitCodes, stdout);
        return 0;
    }
    engine::RunOptions options;
    if (!parseLimits(parser, maxOptions, options.limits))
        return kUsageError;
    if (parser.isSet(sandboxInfoOption)) {
        QTextStream out(stdout);
        out << "A run on this machine gets:\n";
        for (const QString &line : engine::protectionWords(engine::planForThisMachine(options.limits, workerPath())))
            out << "  " << line << "\n";
        return 0;
    }
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        if (!defaultScenario) {
            printError(QStringLiteral("ipclab run: expected a scenario file, e.g. ipclab run scenarios/00_welcome.py"));
            return kUsageError;
        }
        positional.append(QString::fromLatin1(kDefaultScenario));
    }
    const QString file = positional.first();
    for (const QCommandLineOption *o : { &jsonOption, &traceOption, &chromeOption, &scheduleOption })
        if (parser.isSet(*o) && parser.value(*o).isEmpty()) {
            printError(QStringLiteral("ipclab run: --%1 needs a file name").arg(o->names().first()));
            return kUsageError;
        }
    if (!parseSeconds(QStringLiteral("hang-after"), parser.value(hangOption), options.hangSeconds)
        || !parseSeconds(QStringLiteral("time-limit"), parser.value(limitOption), options.timeLimitSeconds))
        return kUsageError;

    std::unique_ptr<engine::LiveScheduler> live;
    if (parser.isSet(scheduleOption)) {
        const QString scheduleFile = parser.value(scheduleOption);
        QFile f(scheduleFile);
        if (!f.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("ipclab run: cannot read the schedule %1: %2").arg(scheduleFile, f.errorString()));
            return kUsageError;
        }
        QString error;
        const auto schedule = engine::Schedule::fromJson(f.readAll(), &error);
        if (!schedule) {
            printError(QStringLiteral("%1:%2").arg(scheduleFile, error));
            return kUsageError;
        }
        live = std::make_unique<engine::LiveScheduler>();
        live->replay(schedule->steps);
        live->runFree(); // what the schedule does not say runs by itself
        options.live = live.get();
    }

    QByteArray source;
    lang::LoadedScenario loaded = loadFromPath(file, source);
    engine::RunResult outcome;
    std::vector<QByteArray> traceLines;
    if (!loaded.program) {
        printDiagnostics(loaded.problems);
        outcome.exitCode = 1;
    } else {
        options.fileName = file;
        options.source = source;
        options.arguments = positional.mid(1);
        options.workerPath = workerPath();
        options.traceVariables = parser.isSet(variablesOption);
        options.traceStatements = parser.isSet(statementsOption) || options.traceVariables;
        options.captureStdout = parser.isSet(jsonOption);
        options.interrupts = &g_interrupts;
        catchInterrupts();
        const bool keepTrace = parser.isSet(traceOption) || parser.isSet(chromeOption);
        if (keepTrace)
            traceLines.push_back(engine::serializeTraceEvent(engine::runStartEvent(options)));
        engine::Orchestrator orchestrator;
        outcome = orchestrator.run(options, [&](const engine::TraceEvent &, const QByteArray &line) {
            if (keepTrace)
                traceLines.push_back(line + '\n');
        });
        if (keepTrace)
            traceLines.push_back(engine::serializeTraceEvent(engine::runEndEvent(outcome)));
        std::fflush(stdout);
        for (const QString &line : outcome.diagnosis)
            printError(QStringLiteral("ipclab: %1").arg(line));
    }
    int status = outcome.exitCode;
    if (parser.isSet(traceOption) && !writeTraceLines(parser.value(traceOption), traceLines))
        status = status ? status : 1;
    if (parser.isSet(chromeOption) && !writeFileAtomically(parser.value(chromeOption), engine::chromeTraceJson(traceLines)))
        status = status ? status : 1;
    if (parser.isSet(jsonOption) && !writeFileAtomically(parser.value(jsonOption), QJsonDocument(outcomeJson(file, outcome, loaded.problems)).toJson()))
        status = status ? status : 1;
    return status;
}

int commandCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Check scenarios without running them; exits 1 if any has a problem."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("check"), QStringLiteral("The sub-command."));
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Scenario files to check."), QStringLiteral("FILE.py..."));
    if (!parser.parse(arguments)) {
        printError(QStringLiteral("ipclab check: %1").arg(parser.errorText()));
        return kUsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    QStringList files = parser.positionalArguments();
    files.removeFirst();
    if (files.isEmpty()) {
        printError(QStringLiteral("ipclab check: expected at least one scenario file"));
        return kUsageError;
    }
    int status = 0;
    for (const QString &file : files) {
        QByteArray source;
        const lang::LoadedScenario loaded = loadFromPath(file, source);
        if (!loaded.program) {
            printDiagnostics(loaded.problems);
            status = 1;
        }
        // The lesson's `# ipclab:` comments, as the window reads them.
        const ui::ScenarioInfo info = ui::describeScenario(file, source);
        for (const QString &problem : info.problems) {
            printError(file + problem.mid(info.fileName.size())); // FILE as given, like the checker's own

            status = 1;
        }
    }
    return status;
}

void printUsage()
{
    std::fputs("Usage: ipclab [run [OPTIONS] FILE.py [ARGS...] | check FILE.py... | gui [--live] [FILE.py] | --help | --version]\n"
               "  ipclab               the lab window on the default scenario (headless without a display)\n"
               "  ipclab run FILE.py   run a scenario headless, printing what CPython would print (options: ipclab run --help)\n"
               "  ipclab check FILE.py report problems in scenarios without running them\n"
               "  ipclab gui [FILE.py] open the lab window (needs a display)\n"
               "\n",
        stdout);
    std::fputs(kExitCodes, stdout);
}

} // namespace

QString workerPath()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/ipclab-worker");
}

int runCommandLine(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command == QLatin1String("run"))
        return commandRun(arguments, false);
    if (command == QLatin1String("check"))
        return commandCheck(arguments);
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        printUsage();
        return 0;
    }
    if (command == QLatin1String("--version")) {
        std::printf("ipclab %s\n", IPCLAB_VERSION);
        return 0;
    }
    if (command.isEmpty())
        return commandRun(arguments, true);
    printError(QStringLiteral("ipclab: unknown command '%1' (expected run or check; see ipclab --help)").arg(command));
    return kUsageError;
}

} // namespace ipclab::app
