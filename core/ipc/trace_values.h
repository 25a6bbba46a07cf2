#pragma once
// How a scenario value appears in a trace event: its repr, shortened; nothing
// (and no repr computed) when tracing is off.

#include "objects.h"
#include "operations.h"
#include "trace.h"

#include <string>

namespace ipclab::ipc {

inline std::string traceRepr(const lang::Value &v, std::size_t limit = 80)
{
    return trace::enabled() ? trace::shorten(lang::reprHead(v, limit), limit) : std::string();
}

} // namespace ipclab::ipc
