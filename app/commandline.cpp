#include "commandline.h"

#include "scenario.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace ipclab::app {

namespace {

constexpr int kUsageError = 2;
const char *const kDefaultScenario = ":/scenarios/00_welcome.py";

void printError(const QString &text)
{
    QTextStream err(stderr);
    err << text << Qt::endl;
}

void printDiagnostics(const std::vector<lang::Diagnostic> &problems)
{
    for (const auto &d : problems)
        std::fprintf(stderr, "%s\n", d.format().c_str());
    std::fflush(stderr);
}

lang::LoadedScenario loadFromPath(const QString &path)
{
    if (path.startsWith(QLatin1Char(':'))) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            lang::LoadedScenario r;
            r.problems.push_back({ path.toStdString(), 0, 0, "built-in scenario is missing" });
            return r;
        }
        return lang::loadScenarioText(QFileInfo(path).fileName().toStdString(), f.readAll().toStdString());
    }
    return lang::loadScenario(path.toStdString());
}

QJsonObject outcomeJson(const QString &file, const lang::RunOutcome &outcome, const std::vector<lang::Diagnostic> &problems)
{
    QJsonObject o;
    o[QStringLiteral("schema")] = QStringLiteral("ipclab-run/1");
    o[QStringLiteral("file")] = file;
    o[QStringLiteral("exitCode")] = outcome.exitCode;
    QJsonArray lines;
    QString text = QString::fromStdString(outcome.stdoutText);
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    if (!outcome.stdoutText.empty())
        for (const QString &line : text.split(QLatin1Char('\n')))
            lines.append(line);
    o[QStringLiteral("stdout")] = lines;
    if (outcome.exceptionType) {
        QJsonObject e;
        e[QStringLiteral("type")] = QString::fromStdString(*outcome.exceptionType);
        e[QStringLiteral("message")] = QString::fromStdString(outcome.exceptionMessage);
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
    o[QStringLiteral("durationSeconds")] = outcome.durationSeconds;
    return o;
}

bool writeJson(const QString &path, const QJsonObject &o)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        printError(QStringLiteral("ipclab: cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        printError(QStringLiteral("ipclab: cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
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
    parser.addOption(jsonOption);
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
    if (parser.isSet(jsonOption) && parser.value(jsonOption).isEmpty()) {
        printError(QStringLiteral("ipclab run: --json needs a file name"));
        return kUsageError;
    }
    lang::LoadedScenario loaded = loadFromPath(file);
    lang::RunOutcome outcome;
    if (!loaded.program) {
        printDiagnostics(loaded.problems);
        outcome.exitCode = 1;
    } else {
        std::vector<std::string> argv;
        for (const QString &a : positional)
            argv.push_back(a.toStdString());
        outcome = lang::runScenario(loaded.program, argv, parser.isSet(jsonOption));
    }
    if (parser.isSet(jsonOption) && !writeJson(parser.value(jsonOption), outcomeJson(file, outcome, loaded.problems)))
        return outcome.exitCode ? outcome.exitCode : 1;
    return outcome.exitCode;
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
        const lang::LoadedScenario loaded = loadFromPath(file);
        if (!loaded.program) {
            printDiagnostics(loaded.problems);
            status = 1;
        }
    }
    return status;
}

void printUsage()
{
    std::fputs("Usage: ipclab [run [--json FILE] FILE.py [ARGS...] | check FILE.py... | --help | --version]\n"
               "  ipclab               run the default scenario\n"
               "  ipclab run FILE.py   run a scenario headless, printing what CPython would print\n"
               "  ipclab check FILE.py report problems in scenarios without running them\n",
        stdout);
}

} // namespace

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
