#pragma once
// Recursive-descent parser from tokens to the syntax tree. Constructs outside
// the subset (class, yield, async, decorators, walrus...) are reported by name
// instead of being half-supported.

#include "ast.h"
#include "lexer.h"

#include <memory>
#include <string_view>

namespace ipclab::lang {

/// Parses a whole module; throws SyntaxIssue at the first problem.
std::unique_ptr<Program> parseProgram(std::string fileName, std::string source);

} // namespace ipclab::lang
