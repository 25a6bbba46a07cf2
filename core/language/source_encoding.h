#pragma once
// The checks CPython's tokenizer makes on a file's bytes before reading tokens:
// a UTF-8 byte order mark, a PEP 263 coding declaration in the first two lines,
// strict UTF-8 and no null bytes.

#include "lexer.h"

#include <optional>
#include <string>

namespace ipclab::lang {

/// Checks `source` and strips a leading byte order mark from it. A problem with the
/// file as a whole (a coding declaration the BOM contradicts) has line 0.
std::optional<SyntaxIssue> prepareSource(std::string &source);

} // namespace ipclab::lang
