#pragma once
// Helpers for writing built-in functions and methods: argument checks with
// CPython's wording, and typed access to arguments.

#include "errors.h"
#include "objects.h"
#include "operations.h"
#include "types.h"

#include <string>
#include <string_view>

namespace ipclab::lang {

/// Raises TypeError worded as CPython's built-ins do when count is outside [min, max].
/// `name` is what CPython prints before "()", e.g. "append" or "list.append" as CPython shows it.
void checkArgCount(const CallArgs &args, const char *name, std::size_t min, std::size_t max);

/// Raises TypeError "NAME() takes no keyword arguments" when keywords were passed.
void noKeywords(const CallArgs &args, const char *name);

/// Positional argument `index`, else the keyword `keyword` (may be null), else `fallback`.
Value argOrKeyword(const CallArgs &args, std::size_t index, const char *keyword, Value fallback = Value());

/// The text of a str argument, or TypeError "NAME() argument N must be str, not int".
const std::string &strArg(const Value &v, const char *name, int position);

/// The bytes of a bytes argument, or TypeError "a bytes-like object is required, not 'str'".
const std::string &bytesArg(const Value &v);

/// Calls `fn` with the positional arguments plus `extra` appended: put_nowait(x) is put(x, False).
Value callWithExtra(NativeFn fn, Interpreter &in, const Value &self, const CallArgs &args, std::initializer_list<Value> extra);

/// Rejects keywords other than the listed ones: "NAME() got an unexpected keyword argument 'x'".
void allowKeywords(const CallArgs &args, const char *name, std::initializer_list<const char *> allowed);

} // namespace ipclab::lang
