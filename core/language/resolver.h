#pragma once
// Scope analysis: decides for every name whether it is a local slot, a cell
// shared with an inner function, a free variable from an enclosing function,
// or a module global — the same rules CPython applies at compile time. Also
// checks imports against the modules IPC Lab provides, so an unknown module
// is an error before anything runs.

#include "ast.h"
#include "lexer.h"

#include <functional>
#include <string>

namespace ipclab::lang {

/// Answers "does module M exist / does it have name N?" for the import check.
struct ImportCatalog {
    std::function<bool(const std::string &module)> hasModule;
    std::function<bool(const std::string &module, const std::string &name)> hasName;
    std::string availableModules; ///< for the error message
};

/// Resolves every name in `program`; throws SyntaxIssue on a scope error or a bad import.
void resolveProgram(Program &program, const ImportCatalog &catalog);

} // namespace ipclab::lang
