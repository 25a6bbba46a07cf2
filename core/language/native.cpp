#include "native.h"

#include <algorithm>
#include <cstring>

namespace ipclab::lang {

void checkArgCount(const CallArgs &args, const char *name, std::size_t min, std::size_t max)
{
    const std::size_t n = args.count;
    if (n >= min && n <= max)
        return;
    const std::string given = " (" + std::to_string(n) + " given)";
    std::string message = std::string(name) + "() ";
    if (max == 0)
        message += "takes no arguments" + given;
    else if (min == max)
        message += min == 1 ? "takes exactly one argument" + given : "takes exactly " + std::to_string(min) + " arguments" + given;
    else if (n > max)
        message += "takes at most " + std::to_string(max) + (max == 1 ? " argument" : " arguments") + given;
    else
        message += "takes at least " + std::to_string(min) + (min == 1 ? " argument" : " arguments") + given;
    raise(types().TypeError, message);
}

void noKeywords(const CallArgs &args, const char *name)
{
    if (args.hasKeywords())
        raise(types().TypeError, std::string(name) + "() takes no keyword arguments");
}

Value argOrKeyword(const CallArgs &args, std::size_t index, const char *keyword, Value fallback)
{
    if (index < args.count)
        return args[index];
    if (keyword && args.keywords)
        for (const auto &[k, v] : *args.keywords)
            if (k == keyword)
                return v;
    return fallback;
}

const std::string &strArg(const Value &v, const char *name, int position)
{
    if (!v.isKind(ObjKind::Str))
        raise(types().TypeError,
            std::string(name) + "() argument " + std::to_string(position) + " must be str, not " + (v.isNone() ? std::string("None") : typeName(v)));
    return v.as<StrObject>()->text;
}

const std::string &bytesArg(const Value &v)
{
    if (!v.isKind(ObjKind::Bytes))
        raise(types().TypeError, "a bytes-like object is required, not '" + typeName(v) + "'");
    return v.as<BytesObject>()->data;
}

Value callWithExtra(NativeFn fn, Interpreter &in, const Value &self, const CallArgs &args, std::initializer_list<Value> extra)
{
    std::vector<Value> all(args.pos, args.pos + args.count);
    all.insert(all.end(), extra.begin(), extra.end());
    CallArgs forwarded;
    forwarded.pos = all.data();
    forwarded.count = all.size();
    return fn(in, self, forwarded);
}

void allowKeywords(const CallArgs &args, const char *name, std::initializer_list<const char *> allowed)
{
    if (!args.keywords)
        return;
    for (const auto &[k, v] : *args.keywords)
        // Captured by name: clang before 16 cannot capture a structured binding (the fuzz build).
        if (std::none_of(allowed.begin(), allowed.end(), [&keyword = k](const char *a) { return keyword == a; }))
            raise(types().TypeError, std::string(name) + "() got an unexpected keyword argument '" + k + "'");
}

} // namespace ipclab::lang
