#include "picklehooks.h"

#include "interpreter.h"

namespace ipclab::ipc {

using namespace lang;

PickleHooks scenarioPickleHooks(Interpreter &in)
{
    PickleHooks hooks;
    hooks.nameOfGlobal = [&in](const Value &fn) -> std::pair<std::string, std::string> {
        if (fn.isKind(ObjKind::Type) && fn.as<TypeObject>()->isUser) {
            // A class by its module and qualified name, found again by walking that name.
            const auto *cls = fn.as<TypeObject>();
            const std::string &qualname = cls->qualname;
            if (qualname.find("<locals>") != std::string::npos)
                return { "", qualname };
            std::size_t start = 0;
            Value at;
            while (true) {
                const std::size_t dot = qualname.find('.', start);
                const std::string part = qualname.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
                if (at.isUndefined()) {
                    const Value *v = in.mainModule()->lookup(part);
                    if (!v)
                        return { "", qualname };
                    at = *v;
                } else {
                    const Value *v = at.isKind(ObjKind::Type) ? at.as<TypeObject>()->lookup(part) : nullptr;
                    if (!v)
                        return { "", qualname };
                    at = *v;
                }
                if (dot == std::string::npos)
                    break;
                start = dot + 1;
            }
            if (!at.identical(fn))
                return { "", qualname };
            return { cls->moduleName, qualname };
        }
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
