// contextlib.closing, for the tutorials' `with contextlib.closing(mmap.mmap(...)) as m:`:
// the object itself on entry, its close() on exit.

#include "ipc_modules.h"

#include "interpreter.h"
#include "modules.h"
#include "native.h"

namespace ipclab::ipc {

using namespace lang;

namespace {

TypeObject *closingType();

struct ClosingObject final : OpaqueObject {
    explicit ClosingObject(Value t)
        : OpaqueObject(closingType())
        , thing(std::move(t))
    {
    }
    Value thing;
    Value getAttribute(Interpreter &, const std::string &name) override { return name == "thing" ? thing : Value(); }
};

Value constructClosing(Interpreter &, const Value &, CallArgs &args)
{
    allowKeywords(args, "closing", { "thing" });
    checkArgCount(args, "closing", 1, 1);
    return Value::object(new ClosingObject(argOrKeyword(args, 0, "thing")));
}

Value closingEnter(Interpreter &, const Value &self, CallArgs &)
{
    return static_cast<ClosingObject *>(self.obj())->thing;
}

Value closingExit(Interpreter &in, const Value &self, CallArgs &)
{
    in.call(in.getAttribute(static_cast<ClosingObject *>(self.obj())->thing, "close"), std::vector<Value> {});
    return Value::none(); // an exception inside the block goes on
}

TypeObject *closingType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("closing", types().object);
        incref(t);
        t->construct = constructClosing;
        t->methods["__enter__"] = closingEnter;
        t->methods["__exit__"] = closingExit;
        return t;
    }();
    return type;
}

} // namespace

void registerContextlibModule()
{
    registerModule({ "contextlib", { "closing" }, [](Interpreter &) { return makeModule("contextlib", { { "closing", Value::object(closingType()) } }); } });
}

} // namespace ipclab::ipc
