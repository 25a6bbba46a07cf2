#include "errors.h"
#include "classes.h"

#include "interrupt.h"

#include "operations.h"

#include <cerrno>
#include <cstring>
#include <map>
#include <string>

namespace ipclab::lang {

Ref<ExceptionObject> makeException(TypeObject *type, std::string message)
{
    std::vector<Value> args;
    args.push_back(newStr(std::move(message)));
    return make<ExceptionObject>(type, std::move(args));
}

void raise(TypeObject *type, std::string message)
{
    throw PyException { makeException(type, std::move(message)) };
}

void raise(Ref<ExceptionObject> exc)
{
    throw PyException { std::move(exc) };
}

namespace {

TypeObject *osErrorTypeFor(int err)
{
    const BuiltinTypes &t = types();
    TypeObject *type = t.OSError;
    switch (err) {
    case EPIPE:
    case ESHUTDOWN:
        type = t.BrokenPipeError;
        break;
    case ENOENT:
        type = t.FileNotFoundError;
        break;
    case EEXIST:
        type = t.FileExistsError;
        break;
    case ECONNREFUSED:
        type = t.ConnectionRefusedError;
        break;
    case ECONNRESET:
        type = t.ConnectionResetError;
        break;
    case EAGAIN:
    case EINPROGRESS:
    case EALREADY:
        type = t.BlockingIOError;
        break;
    case EINTR:
        type = t.InterruptedError;
        break;
    case EACCES:
    case EPERM:
        type = t.PermissionError;
        break;
    case ETIMEDOUT:
        type = t.TimeoutError;
        break;
    default:
        break;
    }
    return type;
}

} // namespace

namespace {

std::map<int, std::string> &osErrorHints()
{
    static std::map<int, std::string> hints;
    return hints;
}

std::string osErrorText(int err)
{
    std::string text = std::strerror(err);
    const auto hint = osErrorHints().find(err);
    if (hint != osErrorHints().end())
        text += " (" + hint->second + ")";
    return text;
}

} // namespace

void setOSErrorHint(int err, std::string hint)
{
    osErrorHints()[err] = std::move(hint);
}

void raiseOSError(int err)
{
    if (err == EINTR)
        interrupt::raiseIfPending();
    throw PyException { make<ExceptionObject>(osErrorTypeFor(err), std::vector<Value> { Value::integer(err), newStr(osErrorText(err)) }) };
}

void raiseOSError(int err, const std::string &filename)
{
    if (err == EINTR)
        interrupt::raiseIfPending();
    throw PyException { make<ExceptionObject>(osErrorTypeFor(err), std::vector<Value> { Value::integer(err), newStr(osErrorText(err)), newStr(filename) }) };
}

std::string exceptionMessage(const ExceptionObject &e)
{
    if (e.type->isUser) {
        Value self = Value::object(const_cast<ExceptionObject *>(&e));
        if (!findDunder(self, "__str__").isUndefined())
            return dunder::str(self);
    }
    if (e.args.empty())
        return {};
    // OSError(errno, strerror) prints as "[Errno 32] Broken pipe".
    if (e.type->isSubtypeOf(types().OSError) && e.args.size() == 2 && e.args[0].isIntLike())
        return "[Errno " + std::to_string(e.args[0].asInt()) + "] " + str(e.args[1]);
    // With the file name as its third argument: "[Errno 2] No such file or directory: 'x'".
    if (e.type->isSubtypeOf(types().OSError) && e.args.size() == 3 && e.args[0].isIntLike())
        return "[Errno " + std::to_string(e.args[0].asInt()) + "] " + str(e.args[1]) + ": " + repr(e.args[2]);
    if (e.args.size() == 1) {
        // KeyError shows its key the way it was written: KeyError: 'k'
        if (e.type->isSubtypeOf(types().KeyError))
            return repr(e.args[0]);
        return str(e.args[0]);
    }
    return repr(newTuple(e.args));
}

} // namespace ipclab::lang
