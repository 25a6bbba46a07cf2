#include "errors.h"

#include "operations.h"

namespace ipclab::lang {

Ref<ExceptionObject> makeException(TypeObject *type, std::string message)
{
    std::vector<Value> args;
    args.push_back(newStr(std::move(message)));
    return make<ExceptionObject>(type, std::move(args));
}

void raise(TypeObject *type, std::string message) { throw PyException{makeException(type, std::move(message))}; }

void raise(Ref<ExceptionObject> exc) { throw PyException{std::move(exc)}; }

std::string exceptionMessage(const ExceptionObject &e)
{
    if (e.args.empty())
        return {};
    if (e.args.size() == 1) {
        // KeyError shows its key the way it was written: KeyError: 'k'
        if (e.type->isSubtypeOf(types().KeyError))
            return repr(e.args[0]);
        return str(e.args[0]);
    }
    return repr(newTuple(e.args));
}

} // namespace ipclab::lang
