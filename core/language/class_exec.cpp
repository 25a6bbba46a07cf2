// The statements and calls classes add to the evaluator: running a class
// body into its namespace, decorators, and calling bound methods, callable
// instances and the descriptors that can be called.

#include "interpreter.h"

#include "classes.h"
#include "errors.h"
#include "operations.h"
#include "types.h"

namespace ipclab::lang {

Value docstring(const Block &body)
{
    if (!body.empty() && body.front()->kind == StmtKind::Expr) {
        const auto &e = static_cast<const ExprStmt &>(*body.front());
        if (e.value->kind == ExprKind::Constant && static_cast<const ConstantExpr &>(*e.value).value.isKind(ObjKind::Str))
            return static_cast<const ConstantExpr &>(*e.value).value;
    }
    return Value::none();
}

Value Interpreter::applyDecorators(const std::vector<ExprPtr> &decorators, Frame &f, const std::function<Value()> &make)
{
    // As CPython: the decorator expressions first, top to bottom, then the definition,
    // then each decorator applied from the innermost (the last line) out.
    const int line = f.line;
    std::vector<Value> evaluated;
    evaluated.reserve(decorators.size());
    for (const auto &d : decorators) {
        f.line = d->line;
        evaluated.push_back(eval(*d, f));
    }
    f.line = line;
    Value result = make();
    for (std::size_t i = evaluated.size(); i-- > 0;) {
        f.line = decorators[i]->line;
        result = call(evaluated[i], std::vector<Value> { result });
    }
    f.line = line;
    return result;
}

void Interpreter::execClassDef(const ClassDefStmt &s, Frame &f)
{
    auto build = [&]() -> Value {
        std::vector<Value> bases;
        for (const auto &b : s.bases)
            bases.push_back(eval(*b, f));
        const FunctionInfo &info = *s.body;
        // The body runs as a function of its own: its methods' closures reach the enclosing
        // function's variables through it, and a comprehension's variables live in its frame.
        Value bodyFunction = makeFunction(info, f);
        Value ns = newDict();
        auto &table = ns.as<DictObject>()->table;
        table.insert(newStr("__module__"), newStr(f.module->name));
        table.insert(newStr("__qualname__"), newStr(info.qualname));
        if (Value doc = docstring(info.body); !doc.isNone())
            table.insert(newStr("__doc__"), doc);
        Ref<CellObject> classCell = make<CellObject>();

        ThreadState &ts = currentThread();
        if (ts.depth >= recursionLimit || ts.stackTop + static_cast<std::size_t>(info.slotCount) + 64 > ts.stack.size())
            raise(types().RecursionError, "maximum recursion depth exceeded");
        {
            StackMark mark(ts.stack, ts.stackTop);
            Frame frame;
            frame.locals = &ts.stack[ts.stackTop];
            ts.stackTop += static_cast<std::size_t>(info.slotCount);
            frame.info = &info;
            frame.function = bodyFunction.as<FunctionObject>();
            frame.module = f.module;
            frame.line = info.line;
            frame.back = ts.frame;
            frame.serial = ++m_frameSerial;
            frame.classNamespace = ns.as<DictObject>();
            frame.classCell = classCell.get();
            for (int cell : info.cellSlots)
                frame.locals[cell] = Value::object(new CellObject());
            struct Restore {
                ThreadState &state;
                Frame *saved;
                ~Restore()
                {
                    --state.depth;
                    state.frame = saved;
                }
            } restore { ts, ts.frame };
            ++ts.depth;
            ts.frame = &frame;
            try {
                execBlock(info.body, frame);
            } catch (PyException &e) {
                e.exc->traceback.push_back({ m_program->fileName, frame.line, s.name });
                throw;
            }
        }
        // __qualname__ names the class, it is not one of its attributes.
        std::string qualname = info.qualname;
        const std::int64_t q = table.find(newStr("__qualname__"));
        if (q >= 0 && table.entries()[static_cast<std::size_t>(q)].value.isKind(ObjKind::Str))
            qualname = table.entries()[static_cast<std::size_t>(q)].value.as<StrObject>()->text;
        table.erase(newStr("__qualname__"));
        Value cls = makeClass(s.name, qualname, f.module->name, std::move(bases), ns);
        classCell->value = cls;
        return cls;
    };
    Value cls = s.decorators.empty() ? build() : applyDecorators(s.decorators, f, build);
    storeName(*s.target, cls, f);
}

Value Interpreter::callInstance(const Value &callee, CallArgs &args)
{
    Value keep = callee;
    auto withFirst = [&](const Value &fn, const Value &first) {
        std::vector<Value> all;
        all.reserve(args.count + 1);
        all.push_back(first);
        all.insert(all.end(), args.pos, args.pos + args.count);
        CallArgs bound;
        bound.pos = all.data();
        bound.count = all.size();
        bound.keywords = args.keywords;
        return call(fn, bound);
    };
    switch (callee.obj()->kind) {
    case ObjKind::Method: {
        const auto *m = callee.as<BoundMethodObject>();
        return withFirst(m->function, m->self);
    }
    case ObjKind::Descriptor: {
        const auto *d = callee.as<DescriptorObject>();
        if (d->which == DescriptorObject::Which::StaticMethod)
            return call(d->function, args);
        break;
    }
    case ObjKind::Instance: {
        Value m = findDunder(callee, "__call__");
        if (m.isUndefined())
            break;
        if (m.isKind(ObjKind::Function))
            return withFirst(m, callee);
        std::vector<Value> positional(args.pos, args.pos + args.count);
        if (args.hasKeywords())
            raise(types().TypeError, "IPC Lab calls a __call__ that is not a plain method with positional arguments only");
        return callDunder(*this, m, callee, std::move(positional));
    }
    default:
        break;
    }
    raise(types().TypeError, "'" + typeName(callee) + "' object is not callable");
}

} // namespace ipclab::lang
