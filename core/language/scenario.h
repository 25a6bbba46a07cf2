#pragma once
// Loading and running a scenario file: the part of the language that the
// command line, the worker and (later) the GUI share.

#include "ast.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ipclab::lang {

struct Diagnostic {
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;
    /// FILE:LINE:COL: message; FILE: message when the problem has no line (the file cannot be read)
    std::string format() const;
};

struct LoadedScenario {
    std::shared_ptr<Program> program; ///< null when there are diagnostics
    std::vector<Diagnostic> problems;
};

/// Reads, parses and resolves `path`. Never throws: every problem becomes a diagnostic.
LoadedScenario loadScenario(const std::string &path);
/// The same from text already in memory (the editor's buffer, tests).
LoadedScenario loadScenarioText(const std::string &fileName, std::string source);

struct RunOutcome {
    int exitCode = 0;
    std::string stdoutText; ///< only when captured
    std::optional<std::string> exceptionType;
    std::string exceptionMessage;
    int exceptionLine = 0;
    double durationSeconds = 0.0;
};

/// Runs the module as __main__ in this process. stdout goes to fd 1 and, when
/// `captureStdout`, is also kept in the outcome.
RunOutcome runScenario(const std::shared_ptr<Program> &program, const std::vector<std::string> &argv, bool captureStdout);

class Interpreter;
/// The same, with `body` in place of running the module as __main__ (a spawned child's
/// life): it gets the interpreter without the lock and returns the exit code.
RunOutcome runScenarioWith(const std::shared_ptr<Program> &program, const std::vector<std::string> &argv, const std::function<int(Interpreter &)> &body);

} // namespace ipclab::lang
