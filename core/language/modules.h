#pragma once
// The modules a scenario can import. Each is described statically (its name
// and the names it provides, for the import check before a run) and built on
// first import by one interpreter.

#include "objects.h"
#include "resolver.h"

#include <string>
#include <vector>

namespace ipclab::lang {

class Interpreter;

struct ModuleSpec {
    std::string name;
    std::vector<std::string> names;
    Value (*create)(Interpreter &);
};

/// Adds a module to the registry (the IPC runtime adds multiprocessing, queue...).
void registerModule(ModuleSpec spec);
const ModuleSpec *findModule(const std::string &name);
/// The import check the resolver runs, backed by the registry.
ImportCatalog importCatalog();

/// Builds a module object from (name, value) pairs.
Value makeModule(const std::string &name, std::vector<std::pair<std::string, Value>> members);
/// A built-in function value for module members.
Value nativeFunction(const std::string &name, NativeFn fn);

} // namespace ipclab::lang
