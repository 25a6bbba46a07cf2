#include "picklehooks.h"

#include "interpreter.h"

namespace ipclab::ipc {

using namespace lang;

PickleHooks scenarioPickleHooks(Interpreter &in)
{
    PickleHooks hooks;
    hooks.nameOfGlobal = [&in](const Value &fn) -> std::pair<std::string, std::string> {
        if (!fn.isKind(ObjKind::Function))
            return {};
        const std::string &name = fn.as<FunctionObject>()->name;
        const Value *bound = in.mainModule()->lookup(name);
        if (bound && bound->identical(fn))
            return { "__main__", name };
        return {};
    };
    hooks.findGlobal = [&in](const std::string &module, const std::string &name) -> Value {
        if (module == "__main__" || module == "__mp_main__") {
            if (const Value *v = in.mainModule()->lookup(name))
                return *v;
        }
        return Value();
    };
    return hooks;
}

} // namespace ipclab::ipc
