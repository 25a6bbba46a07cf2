#pragma once
// Generators: a function with `yield` runs on a C stack of its own (a
// coroutine, coroutine.h), so the tree-walking evaluator can pause in the middle
// of its body and resume there. Only one generator runs at a time per thread,
// always under the interpreter lock, and it is resumed only by the thread
// that started it.

#include "coroutine.h"
#include "errors.h"
#include "interpreter.h"
#include "objects.h"

#include <exception>
#include <optional>
#include <vector>

namespace ipclab::lang {

struct GeneratorObject final : Object {
    GeneratorObject();
    ~GeneratorObject() override;
    enum class State : std::uint8_t { Created, Suspended, Running, Done };
    State state = State::Created;
    Value function; // the FunctionObject whose body this runs
    std::vector<Value> locals; // its frame's slots: they outlive each resume
    Frame frame;
    ThreadState *thread = nullptr; // the thread that started it

    // The coroutine.
    CoroutineContext context; // the generator's side
    CoroutineContext caller; // whoever resumed it last
    char *stack = nullptr; // mmap'd, with a guard page at its low end
    std::size_t stackSize = 0;
    GeneratorObject *outer = nullptr; // the generator running when this one was resumed

    // What crosses between the generator and whoever resumed it.
    Value transfer; // sent in, or yielded out
    bool yielded = false;
    std::optional<PyException> throwIn; // raised at the paused yield on resume
    std::optional<PyException> failed; // what the body ended with
    std::exception_ptr foreign; // a C++ exception the body ended with (bad_alloc)
    Value returnValue;
    std::vector<Ref<ExceptionObject>> handling; // the exceptions its paused except blocks handle

    void releaseStack();
};

/// The type of generator objects: send, throw, close, __next__, __iter__.
TypeObject *generatorType();

/// The generator whose body this thread is running, or null.
GeneratorObject *runningGenerator();

/// Whether the C stack of the running generator has room for one more call (else RecursionError).
bool generatorStackLow();

} // namespace ipclab::lang
