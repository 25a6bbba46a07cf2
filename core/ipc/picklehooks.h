#pragma once
// How a scenario's functions travel in a pickle: by reference to the
// __main__ module, as CPython pickles module-level functions.

#include "pickle.h"

namespace ipclab::lang {
class Interpreter;
}

namespace ipclab::ipc {

lang::PickleHooks scenarioPickleHooks(lang::Interpreter &in);

} // namespace ipclab::ipc
