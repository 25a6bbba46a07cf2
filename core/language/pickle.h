#pragma once
// CPython's pickle format, so the bytes IPC Lab sends through a
// multiprocessing Pipe are the bytes CPython 3.11 would send
// (Connection.send pickles with ForkingPickler at protocol 4, which writes
// exactly what pickle.dumps(obj, 4) writes for the types below).
// Both functions create and reference-count values: call them holding the
// interpreter lock.

#include "objects.h"

#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace ipclab::lang {

/// How functions (and other globals) are named in a pickle. The codec knows the
/// builtins namespace itself; everything else comes from the runtime through these.
struct PickleHooks {
    /// (module, qualified name) of a function, native or type that is not a builtin.
    /// An empty module means "not picklable"; the name may still carry the qualified
    /// name (e.g. "f.<locals>.g") so the error can say what CPython says.
    std::function<std::pair<std::string, std::string>(const Value &fn)> nameOfGlobal; // may be empty
    /// The object `module.name` refers to, or an undefined Value when there is none.
    std::function<Value(const std::string &module, const std::string &name)> findGlobal; // may be empty
    /// pickle's persistent ids, for what only a new process can rebuild (a pipe end handed to a
    /// `spawn` child): the id to save for an object no other rule pickles, or Undefined.
    std::function<Value(const Value &object)> persistentId; // may be empty
    std::function<Value(const Value &id)> persistentLoad; // may be empty
};

/// pickle.dumps(v, protocol=4), byte-identical to CPython's C pickler for None, bool,
/// int, float, str, bytes, list, tuple, dict, set, exceptions, range, slice, builtin
/// types and functions named by the hooks. Anything else raises as CPython does
/// (TypeError "cannot pickle 'module' object", ...).
std::string pickleDumps(const Value &v, const PickleHooks &hooks = {});

/// pickle.loads(data) for what CPython writes at protocols 0-5 for those types.
/// Malformed or truncated input raises (EOFError "Ran out of input" on empty data,
/// ValueError with _pickle.UnpicklingError's text otherwise); it never reads out of bounds.
Value pickleLoads(std::string_view data, const PickleHooks &hooks = {});

} // namespace ipclab::lang
