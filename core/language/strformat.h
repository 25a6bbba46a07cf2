#pragma once
// The three ways Python formats values into text: `fmt % args`,
// format(value, spec) (used by f-strings), and str.format(*args, **kwargs).

#include "objects.h"

#include <string>
#include <string_view>

namespace ipclab::lang {

std::string percentFormat(std::string_view format, const Value &args);
std::string formatWithSpec(const Value &value, std::string_view spec);
std::string strFormat(std::string_view format, CallArgs &args);

} // namespace ipclab::lang
