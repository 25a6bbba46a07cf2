#pragma once
// The builtins namespace: print, len, range, the type constructors and the
// exception classes, shared read-only by every interpreter in the process.

#include "objects.h"

#include <string>

namespace ipclab::lang {

/// The builtin bound to `name`, or null. Values live for the whole process.
const Value *builtinValue(const std::string &name);

} // namespace ipclab::lang
