#include "interpreter.h"
#include "interrupt.h"

#include "gate.h"
#include "trace.h"

#include "builtins.h"
#include "classes.h"
#include "errors.h"
#include "generators.h"
#include "gil.h"
#include "modules.h"
#include "operations.h"
#include "strformat.h"
#include "types.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>

namespace ipclab::lang {

namespace {

constexpr std::size_t kStackSize = 1 << 18; // values; deep enough for the recursion limit

std::string pluralArgs(std::size_t n)
{
    return n == 1 ? " argument" : " arguments";
}

std::string quotedList(const std::vector<std::string> &names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

} // namespace

ThreadState::ThreadState()
    : stack(kStackSize)
{
}

ThreadState::~ThreadState()
{
    for (std::size_t i = 0; i < stackTop; ++i)
        stack[i] = Value();
}

namespace {
thread_local ThreadState *t_currentThread = nullptr;
}

ThreadState &currentThread()
{
    return *t_currentThread;
}
int currentThreadLine()
{
    const ThreadState *t = t_currentThread;
    return t && t->frame ? t->frame->line : 0;
}
void setCurrentThread(ThreadState *state)
{
    t_currentThread = state;
}

Interpreter::Interpreter(std::shared_ptr<Program> program, std::vector<std::string> argv, OutputSink &out)
    : m_program(std::move(program))
    , m_argv(std::move(argv))
    , m_out(out)
{
    setCurrentThread(&m_mainThread);
    setActiveInterpreter(this);
    m_main = make<ModuleObject>("__main__");
    for (const auto &name : m_program->globalNames)
        m_main->slotFor(name);
}

Interpreter::~Interpreter()
{
    if (&activeInterpreter() == this)
        setActiveInterpreter(nullptr);
    // Break the module <-> function cycles so everything the run made is freed.
    if (m_main)
        for (auto &slot : m_main->values)
            slot = Value();
    m_modules.clear();
    InterpreterLock::acquire();
    breakReferenceCycles();
    InterpreterLock::release();
}

int Interpreter::runMain(const std::string &moduleName)
{
    InterpreterLock::acquire();
    struct Unlock {
        ~Unlock() { InterpreterLock::release(); }
    } unlock;
    m_main->name = moduleName;
    m_main->set("__name__", newStr(moduleName));
    m_main->set("__file__", newStr(m_program->fileName));
    Frame frame;
    frame.info = &m_program->module;
    frame.module = m_main.get();
    ThreadState &ts = currentThread();
    StackMark mark(ts.stack, ts.stackTop);
    frame.locals = &ts.stack[ts.stackTop];
    ts.stackTop += static_cast<std::size_t>(m_program->module.slotCount);
    for (int cell : m_program->module.cellSlots)
        frame.locals[cell] = Value::object(new CellObject());
    ts.frame = &frame;
    int code = 0;
    try {
        try {
            execBlock(m_program->module.body, frame);
        } catch (PyException &e) {
            e.exc->traceback.push_back({ m_program->fileName, frame.line, "<module>" });
            throw;
        }
    } catch (const std::length_error &) {
        m_out.flush();
        std::fprintf(stderr, "Traceback (most recent call last):\n  File \"%s\", line %d, in <module>\nMemoryError\n", m_program->fileName.c_str(), frame.line);
        m_uncaught = UncaughtException { "MemoryError", "", frame.line };
        code = 1;
    } catch (const std::bad_alloc &) {
        m_out.flush();
        std::fprintf(stderr, "Traceback (most recent call last):\n  File \"%s\", line %d, in <module>\nMemoryError\n", m_program->fileName.c_str(), frame.line);
        m_uncaught = UncaughtException { "MemoryError", "", frame.line };
        code = 1;
    } catch (PyException &e) {
        m_out.flush();
        if (e.exc->type->isSubtypeOf(types().SystemExit)) {
            const Value arg = e.exc->args.empty() ? Value::none() : e.exc->args[0];
            if (arg.isNone())
                code = 0;
            else if (arg.isIntLike())
                code = static_cast<int>(arg.asInt());
            else {
                std::fprintf(stderr, "%s\n", str(arg).c_str());
                code = 1;
            }
        } else {
            printTraceback(*e.exc, stderr);
            m_uncaught = UncaughtException { e.exc->type->name, exceptionMessage(*e.exc), e.exc->traceback.empty() ? 0 : e.exc->traceback.front().line };
            // CPython ends by SIGINT itself, which a shell shows as 128 + 2.
            code = e.exc->type->isSubtypeOf(types().KeyboardInterrupt) ? 130 : 1;
        }
    }
    ts.frame = nullptr;
    runExitHooks();
    if (moduleName == "__main__") {
        // As CPython's shutdown, the module's names are dropped while the interpreter still
        // runs: a generator paused inside try/finally runs its finally now. (A spawned child
        // keeps its __mp_main__ names: the process it runs is found among them afterwards.)
        for (auto &slot : m_main->values) {
            Value dropped = std::move(slot);
            slot = Value();
        }
    }
    m_out.flush();
    return code;
}

void Interpreter::runExitHooks()
{
    // Hooks may add hooks (a child started during cleanup); run until none are left.
    while (!m_exitHooks.empty()) {
        auto hooks = std::move(m_exitHooks);
        m_exitHooks.clear();
        for (auto it = hooks.rbegin(); it != hooks.rend(); ++it) {
            try {
                (*it)(*this);
            } catch (PyException &e) {
                printTraceback(*e.exc, stderr);
            }
        }
    }
}

int Interpreter::runAsChild(const std::string &processName, const Value &callable, CallArgs &args)
{
    ThreadState &ts = currentThread();
    m_exitHooks.clear(); // the parent's cleanups are the parent's
    ts.handling.clear();
    int code = 0;
    try {
        call(callable, args);
    } catch (const std::bad_alloc &) {
        m_out.flush();
        std::fprintf(stderr, "Process %s:\nMemoryError\n", processName.c_str());
        code = 1;
    } catch (PyException &e) {
        m_out.flush();
        if (e.exc->type->isSubtypeOf(types().SystemExit)) {
            const Value arg = e.exc->args.empty() ? Value::none() : e.exc->args[0];
            if (arg.isIntLike())
                code = static_cast<int>(arg.asInt());
            else if (!arg.isNone()) {
                std::fprintf(stderr, "%s\n", str(arg).c_str());
                code = 1;
            }
        } else {
            std::fprintf(stderr, "Process %s:\n", processName.c_str());
            printTraceback(*e.exc, stderr);
            code = 1;
        }
    }
    runExitHooks();
    m_out.flush();
    std::fflush(stderr);
    return code;
}

void Interpreter::printTraceback(const ExceptionObject &e, std::FILE *to) const
{
    if (e.cause.isKind(ObjKind::Exception)) {
        printTraceback(*e.cause.as<ExceptionObject>(), to);
        std::fprintf(to, "\nThe above exception was the direct cause of the following exception:\n\n");
    } else if (e.context.isKind(ObjKind::Exception) && !e.cause.isNone()) {
        printTraceback(*e.context.as<ExceptionObject>(), to);
        std::fprintf(to, "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    std::string text = "Traceback (most recent call last):\n";
    for (auto it = e.traceback.rbegin(); it != e.traceback.rend(); ++it) {
        text += "  File \"" + it->file + "\", line " + std::to_string(it->line) + ", in " + it->function + "\n";
        if (it->file == m_program->fileName && it->line >= 1 && static_cast<std::size_t>(it->line) <= m_program->lines.size()) {
            std::string src = m_program->lines[static_cast<std::size_t>(it->line - 1)];
            const auto first = src.find_first_not_of(" \t");
            if (first != std::string::npos)
                text += "    " + src.substr(first) + "\n";
        }
    }
    std::string message;
    try {
        message = exceptionMessage(e);
    } catch (PyException &) {
        message = "<exception str() failed>";
    }
    text += exceptionTypeLabel(e.type) + (message.empty() ? "" : ": " + message) + "\n";
    {
        const int line = e.traceback.empty() ? 0 : e.traceback.front().line; // innermost first
        trace::emit("exception", trace::Phase::Instant, 0,
            { trace::arg("type", e.type->name), trace::arg("message", trace::shorten(message)), trace::arg("raisedAt", line), trace::arg("uncaught", true),
                trace::arg("traceback", trace::shorten(text, 4000)) });
    }
    std::fputs(text.c_str(), to);
    std::fflush(to);
}

// --- statements

Interpreter::Flow Interpreter::execBlock(const Block &block, Frame &f)
{
    for (const auto &stmt : block) {
        const Flow flow = exec(*stmt, f);
        if (flow != Flow::Normal)
            return flow;
    }
    return Flow::Normal;
}

Interpreter::Flow Interpreter::exec(const Stmt &s, Frame &f)
{
    // Memory running out (the run's --max-memory, or the machine's) is the scenario's
    // MemoryError, raised at the statement that asked for it, so it can be caught.
    try {
        return execUnguarded(s, f);
    } catch (const std::bad_alloc &) {
        raise(make<ExceptionObject>(types().MemoryError, std::vector<Value> {}));
    } catch (const std::length_error &) {
        raise(make<ExceptionObject>(types().MemoryError, std::vector<Value> {}));
    }
}

Interpreter::Flow Interpreter::execUnguarded(const Stmt &s, Frame &f)
{
    f.line = s.line;
    // The statement, before its gate: a thread held there (at a breakpoint) is at this line,
    // with its variables as the statements before left them, as a debugger shows it.
    if (trace::variablesEnabled())
        reportStatementWithVariables(f);
    else if (trace::statementsEnabled())
        trace::emit("stmt", trace::Phase::Instant);
    if (gate::mustStop(gate::Point::Statement, s.line)) {
        WithoutInterpreterLock unlocked;
        gate::waitAtGate(gate::Point::Statement, s.line);
    }
    if (m_observer)
        m_observer->beforeStatement(s.line);
    interrupt::raiseIfPending(); // Ctrl+C: a flag read, in the main thread only
    // Let other threads run every few statements, as CPython's switch interval does.
    if ((++m_ticks & 63) == 0)
        InterpreterLock::yieldIfWaited();
    switch (s.kind) {
    case StmtKind::Expr:
        eval(*static_cast<const ExprStmt &>(s).value, f);
        return Flow::Normal;
    case StmtKind::Assign: {
        const auto &a = static_cast<const AssignStmt &>(s);
        Value v = eval(*a.value, f);
        for (const auto &t : a.targets)
            assign(*t, v, f);
        return Flow::Normal;
    }
    case StmtKind::AugAssign:
        execAugAssign(static_cast<const AugAssignStmt &>(s), f);
        return Flow::Normal;
    case StmtKind::If: {
        const auto *i = &static_cast<const IfStmt &>(s);
        while (true) {
            if (truthy(eval(*i->test, f)))
                return execBlock(i->body, f);
            // elif chains are nested Ifs: walk them without recursion.
            if (i->orelse.size() == 1 && i->orelse[0]->kind == StmtKind::If) {
                i = static_cast<const IfStmt *>(i->orelse[0].get());
                f.line = i->line;
                continue;
            }
            return execBlock(i->orelse, f);
        }
    }
    case StmtKind::While: {
        const auto &w = static_cast<const WhileStmt &>(s);
        while (true) {
            f.line = w.line;
            if (!truthy(eval(*w.test, f)))
                break;
            const Flow flow = execBlock(w.body, f);
            if (flow == Flow::Break)
                return Flow::Normal;
            if (flow == Flow::Return)
                return flow;
        }
        return execBlock(w.orelse, f);
    }
    case StmtKind::For:
        return execFor(static_cast<const ForStmt &>(s), f);
    case StmtKind::Break:
        return Flow::Break;
    case StmtKind::Continue:
        return Flow::Continue;
    case StmtKind::Pass:
        return Flow::Normal;
    case StmtKind::Return: {
        const auto &r = static_cast<const ReturnStmt &>(s);
        f.returnValue = r.value ? eval(*r.value, f) : Value::none();
        return Flow::Return;
    }
    case StmtKind::FunctionDef: {
        const auto &d = static_cast<const FunctionDefStmt &>(s);
        if (d.decorators.empty())
            storeName(*d.target, makeFunction(*d.function, f), f);
        else
            storeName(*d.target, applyDecorators(d.decorators, f, [&] { return makeFunction(*d.function, f); }), f);
        return Flow::Normal;
    }
    case StmtKind::ClassDef:
        execClassDef(static_cast<const ClassDefStmt &>(s), f);
        return Flow::Normal;
    case StmtKind::Try:
        return execTry(static_cast<const TryStmt &>(s), f);
    case StmtKind::Raise:
        execRaise(static_cast<const RaiseStmt &>(s), f);
    case StmtKind::With:
        return execWith(static_cast<const WithStmt &>(s), f);
    case StmtKind::Assert: {
        const auto &a = static_cast<const AssertStmt &>(s);
        if (!truthy(eval(*a.test, f))) {
            std::vector<Value> args;
            if (a.message)
                args.push_back(eval(*a.message, f));
            raise(make<ExceptionObject>(types().AssertionError, std::move(args)));
        }
        return Flow::Normal;
    }
    case StmtKind::Global:
    case StmtKind::Nonlocal:
        return Flow::Normal;
    case StmtKind::Delete:
        for (const auto &t : static_cast<const DeleteStmt &>(s).targets)
            execDelete(*t, f);
        return Flow::Normal;
    case StmtKind::Import:
        execImport(static_cast<const ImportStmt &>(s), f);
        return Flow::Normal;
    case StmtKind::ImportFrom:
        execImportFrom(static_cast<const ImportFromStmt &>(s), f);
        return Flow::Normal;
    }
    return Flow::Normal;
}

Interpreter::Flow Interpreter::execFor(const ForStmt &s, Frame &f)
{
    Value iterable = eval(*s.iter, f);
    Flow result = Flow::Normal;
    bool broke = false;
    const bool fastTarget = s.target->kind == ExprKind::Name && static_cast<const NameExpr &>(*s.target).scope == NameScope::Fast;
    const int slot = fastTarget ? static_cast<const NameExpr &>(*s.target).index : -1;
    auto body = [&](const Value &item) {
        if (fastTarget)
            f.locals[slot] = item;
        else
            assign(*s.target, item, f);
        const Flow flow = execBlock(s.body, f);
        if (flow == Flow::Break) {
            broke = true;
            return false;
        }
        if (flow == Flow::Return) {
            result = flow;
            return false;
        }
        f.line = s.line;
        return true;
    };
    if (iterable.isKind(ObjKind::Range)) {
        const auto *r = iterable.as<RangeObject>();
        const std::int64_t n = r->length();
        for (std::int64_t i = 0; i < n; ++i)
            if (!body(Value::integer(r->at(i))))
                break;
    } else {
        iterate(iterable, body);
    }
    if (result == Flow::Return)
        return result;
    if (!broke)
        return execBlock(s.orelse, f);
    return Flow::Normal;
}

bool Interpreter::exceptionMatches(const ExceptionObject &e, const Value &spec)
{
    if (spec.isKind(ObjKind::Type)) {
        const auto *t = spec.as<TypeObject>();
        if (!t->isSubtypeOf(types().BaseException))
            raise(types().TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return e.type->isSubtypeOf(t);
    }
    if (spec.isKind(ObjKind::Tuple)) {
        for (const Value &item : spec.as<TupleObject>()->items)
            if (exceptionMatches(e, item))
                return true;
        return false;
    }
    raise(types().TypeError, "catching classes that do not inherit from BaseException is not allowed");
}

Interpreter::Flow Interpreter::execTry(const TryStmt &s, Frame &f)
{
    ThreadState &ts = currentThread();
    Flow result = Flow::Normal;
    std::optional<PyException> pending;
    std::optional<PyException> caught;
    // The line each exception left from: its traceback shows that line, not the last
    // line of the handler or finally that ran before it went on.
    int caughtLine = 0, pendingLine = 0;
    try {
        result = execBlock(s.body, f);
    } catch (PyException &e) {
        caught = std::move(e);
        caughtLine = f.line;
    }
    if (caught) {
        const ExceptHandler *handler = nullptr;
        try {
            for (const auto &h : s.handlers) {
                f.line = h.line;
                if (!h.type || exceptionMatches(*caught->exc, eval(*h.type, f))) {
                    handler = &h;
                    break;
                }
            }
        } catch (PyException &e) {
            pending = std::move(e);
            pendingLine = f.line;
        }
        if (handler) {
            ts.handling.push_back(caught->exc);
            try {
                if (handler->name)
                    storeName(*handler->name, caught->exc.value(), f);
                result = execBlock(handler->body, f);
            } catch (PyException &e) {
                if (e.exc.get() != caught->exc.get() && e.exc->context.isUndefined())
                    e.exc->context = caught->exc.value();
                pending = std::move(e);
                pendingLine = f.line;
            }
            ts.handling.pop_back();
            if (handler->name) {
                // Python unbinds `e` after the handler so the traceback cycle is broken.
                const auto &n = *handler->name;
                if (n.scope == NameScope::Fast)
                    f.locals[n.index] = Value();
                else if (n.scope == NameScope::Global)
                    f.module->values[static_cast<std::size_t>(n.index)] = Value();
            }
        } else if (!pending) {
            pending = std::move(caught);
            pendingLine = caughtLine;
        }
    } else if (result == Flow::Normal && !s.orelse.empty()) {
        try {
            result = execBlock(s.orelse, f);
        } catch (PyException &e) {
            pending = std::move(e);
            pendingLine = f.line;
        }
    }
    if (!s.finalbody.empty()) {
        if (pending)
            ts.handling.push_back(pending->exc);
        Flow fin;
        try {
            fin = execBlock(s.finalbody, f);
        } catch (PyException &e) {
            if (pending) {
                ts.handling.pop_back();
                if (e.exc.get() != pending->exc.get() && e.exc->context.isUndefined())
                    e.exc->context = pending->exc.value();
            }
            throw;
        }
        if (pending)
            ts.handling.pop_back();
        if (fin != Flow::Normal) {
            pending.reset(); // return/break/continue in finally discards the exception
            result = fin;
        }
    }
    if (pending) {
        f.line = pendingLine;
        throw std::move(*pending);
    }
    return result;
}

Interpreter::Flow Interpreter::execWith(const WithStmt &s, Frame &f)
{
    ThreadState &ts = currentThread();
    // Each item nests: with a, b: == with a: with b:
    std::vector<Value> managers;
    std::vector<Value> exits;
    auto unwind = [&](std::size_t count, const Value &exc) -> bool {
        bool suppressed = false;
        for (std::size_t i = count; i-- > 0;) {
            std::vector<Value> args;
            if (exc.isUndefined() || suppressed)
                args = { Value::none(), Value::none(), Value::none() };
            else
                args = { Value::object(exc.as<ExceptionObject>()->type), exc, Value::none() };
            Value r = call(exits[i], std::move(args));
            if (!exc.isUndefined() && !suppressed && truthy(r))
                suppressed = true;
        }
        return suppressed;
    };
    std::size_t entered = 0;
    Flow result = Flow::Normal;
    try {
        for (const auto &item : s.items) {
            Value manager = eval(*item.context, f);
            Value enter, exit;
            try {
                enter = getAttribute(manager, "__enter__");
                exit = getAttribute(manager, "__exit__");
            } catch (PyException &) {
                raise(types().TypeError, "'" + typeName(manager) + "' object does not support the context manager protocol");
            }
            Value entered_value = call(enter, std::vector<Value> {});
            exits.push_back(exit);
            ++entered;
            if (item.target)
                assign(*item.target, entered_value, f);
        }
        result = execBlock(s.body, f);
    } catch (PyException &e) {
        ts.handling.push_back(e.exc);
        bool suppressed = false;
        try {
            suppressed = unwind(entered, e.exc.value());
        } catch (...) {
            ts.handling.pop_back();
            throw;
        }
        ts.handling.pop_back();
        if (!suppressed)
            throw;
        return Flow::Normal;
    }
    unwind(entered, Value());
    return result;
}

void Interpreter::execRaise(const RaiseStmt &s, Frame &f)
{
    ThreadState &ts = currentThread();
    if (!s.exception) {
        if (ts.handling.empty())
            raise(types().RuntimeError, "No active exception to reraise");
        throw PyException { ts.handling.back() };
    }
    Value v = eval(*s.exception, f);
    Value cause;
    if (s.cause) {
        cause = eval(*s.cause, f);
        if (cause.isKind(ObjKind::Type) && cause.as<TypeObject>()->isSubtypeOf(types().BaseException))
            cause = call(cause, std::vector<Value> {});
        else if (!cause.isNone() && !cause.isKind(ObjKind::Exception))
            raise(types().TypeError, "exception causes must derive from BaseException");
    }
    Ref<ExceptionObject> exc;
    if (v.isKind(ObjKind::Type) && v.as<TypeObject>()->isSubtypeOf(types().BaseException)) {
        Value made = call(v, std::vector<Value> {});
        exc = Ref<ExceptionObject>(made.as<ExceptionObject>());
    } else if (v.isKind(ObjKind::Exception)) {
        exc = Ref<ExceptionObject>(v.as<ExceptionObject>());
    } else {
        raise(types().TypeError, "exceptions must derive from BaseException");
    }
    if (!ts.handling.empty() && ts.handling.back().get() != exc.get() && exc->context.isUndefined())
        exc->context = ts.handling.back().value();
    if (s.cause)
        exc->cause = cause; // None too: `from None` hides the context when printed
    throw PyException { exc };
}

void Interpreter::execImport(const ImportStmt &s, Frame &f)
{
    for (const auto &alias : s.names) {
        f.line = alias.line;
        Value module = importModule(alias.name);
        if (alias.asname.empty() && alias.name.find('.') != std::string::npos)
            module = importModule(alias.name.substr(0, alias.name.find('.')));
        storeName(*alias.target, module, f);
    }
}

void Interpreter::execImportFrom(const ImportFromStmt &s, Frame &f)
{
    Value module = importModule(s.module);
    for (const auto &alias : s.names) {
        const Value *v = module.as<ModuleObject>()->lookup(alias.name);
        Value found = v ? *v : importModule(s.module + "." + alias.name);
        storeName(*alias.target, found, f);
    }
}

Value Interpreter::importModule(const std::string &name)
{
    if (auto it = m_modules.find(name); it != m_modules.end())
        return it->second;
    const ModuleSpec *spec = findModule(name);
    if (!spec)
        raise(types().ModuleNotFoundError, "No module named '" + name + "'");
    Value module = spec->create(*this);
    m_modules.emplace(name, module);
    return module;
}

void Interpreter::execDelete(const Expr &target, Frame &f)
{
    switch (target.kind) {
    case ExprKind::Name: {
        const auto &n = static_cast<const NameExpr &>(target);
        evalName(n, f); // raises the right NameError when unbound
        switch (n.scope) {
        case NameScope::Fast:
            f.locals[n.index] = Value();
            break;
        case NameScope::Cell:
            f.locals[n.index].as<CellObject>()->value = Value();
            break;
        case NameScope::Free:
            f.function->closure[static_cast<std::size_t>(n.index)]->value = Value();
            break;
        case NameScope::Global:
            if (f.module->values[static_cast<std::size_t>(n.index)].isUndefined())
                nameError(n.id);
            f.module->values[static_cast<std::size_t>(n.index)] = Value();
            break;
        case NameScope::Class:
            if (!f.classNamespace->table.erase(newStr(n.id)))
                nameError(n.id);
            break;
        case NameScope::Unresolved:
            break;
        }
        return;
    }
    case ExprKind::Subscript: {
        const auto &sub = static_cast<const SubscriptExpr &>(target);
        Value obj = eval(*sub.object, f);
        delItem(obj, eval(*sub.index, f));
        return;
    }
    case ExprKind::Tuple:
    case ExprKind::List:
        for (const auto &el : static_cast<const SequenceExpr &>(target).elements)
            execDelete(*el, f);
        return;
    case ExprKind::Attribute: {
        const auto &attr = static_cast<const AttributeExpr &>(target);
        Value obj = eval(*attr.object, f);
        if (delUserAttribute(*this, obj, attr.attr))
            return;
        raise(types().AttributeError, "'" + typeName(obj) + "' object has no attribute '" + attr.attr + "'");
    }
    default:
        raise(types().TypeError, "cannot delete this expression");
    }
}

void Interpreter::execAugAssign(const AugAssignStmt &s, Frame &f)
{
    switch (s.target->kind) {
    case ExprKind::Name: {
        const auto &n = static_cast<const NameExpr &>(*s.target);
        Value *storage = n.scope == NameScope::Fast ? &f.locals[n.index]
            : n.scope == NameScope::Global          ? &f.module->values[static_cast<std::size_t>(n.index)]
                                                    : nullptr;
        if (storage && !storage->isUndefined()) {
            Value rhs = eval(*s.value, f);
            Value &slot = *storage;
            if (slot.isInt() && rhs.isInt() && s.op == BinOp::Add) {
                std::int64_t r;
                if (!__builtin_add_overflow(slot.asInt(), rhs.asInt(), &r)) {
                    slot = Value::integer(r);
                    return;
                }
            }
            // s += t on a string nobody else holds appends in place, as CPython does;
            // otherwise building a string in a loop would be quadratic.
            if (s.op == BinOp::Add && slot.isKind(ObjKind::Str) && rhs.isKind(ObjKind::Str) && slot.obj()->refcount == 1) {
                auto *target = slot.as<StrObject>();
                const auto *more = rhs.as<StrObject>();
                target->text += more->text;
                target->length += more->length;
                target->ascii = target->ascii && more->ascii;
                target->hashed = false;
                return;
            }
            slot = inplaceOp(s.op, slot, rhs);
            return;
        }
        Value current = evalName(n, f);
        Value rhs = eval(*s.value, f);
        storeName(n, inplaceOp(s.op, current, rhs), f);
        return;
    }
    case ExprKind::Subscript: {
        const auto &sub = static_cast<const SubscriptExpr &>(*s.target);
        Value obj = eval(*sub.object, f);
        Value key = eval(*sub.index, f);
        Value current = getItem(obj, key);
        Value rhs = eval(*s.value, f);
        setItem(obj, key, inplaceOp(s.op, current, rhs));
        return;
    }
    case ExprKind::Attribute: {
        const auto &attr = static_cast<const AttributeExpr &>(*s.target);
        Value obj = eval(*attr.object, f);
        if (obj.isKind(ObjKind::Instance)) {
            // self.count += 1: the instance's own attribute, read and written in its dict.
            auto *inst = obj.as<InstanceObject>();
            if (!isProperty(lookupCached(attr.classCache, inst->type, attr.attr))) {
                auto &table = inst->dict.as<DictObject>()->table;
                const std::int64_t i = table.find(attr.classCache.key);
                if (i >= 0) {
                    Value current = table.entries()[static_cast<std::size_t>(i)].value;
                    Value rhs = eval(*s.value, f);
                    Value result;
                    std::int64_t sum;
                    if (current.isInt() && rhs.isInt() && s.op == BinOp::Add && !__builtin_add_overflow(current.asInt(), rhs.asInt(), &sum))
                        result = Value::integer(sum);
                    else
                        result = inplaceOp(s.op, current, rhs);
                    table.insert(attr.classCache.key, std::move(result));
                    return;
                }
            }
        }
        Value current = getAttribute(obj, attr.attr);
        Value rhs = eval(*s.value, f);
        setAttribute(obj, attr.attr, inplaceOp(s.op, current, rhs));
        return;
    }
    default:
        break;
    }
}

// --- assignment

void Interpreter::reportBinding(std::string_view name, const OpaqueObject &object)
{
    const std::uint64_t id = object.traceObject();
    if (id != 0 && !name.empty() && m_namedObjects.insert(id).second)
        trace::emit("object.name", trace::Phase::Instant, id, { trace::arg("name", name) });
}

namespace {

/// `self.q` or `d["lock"]`: the target as the lesson spells it, when it is that simple.
std::string simpleTargetText(const Expr &target)
{
    if (target.kind == ExprKind::Attribute) {
        const auto &attr = static_cast<const AttributeExpr &>(target);
        if (attr.object->kind == ExprKind::Name)
            return static_cast<const NameExpr &>(*attr.object).id + "." + attr.attr;
    } else if (target.kind == ExprKind::Subscript) {
        const auto &sub = static_cast<const SubscriptExpr &>(target);
        if (sub.object->kind == ExprKind::Name && sub.index->kind == ExprKind::Constant) {
            const Value &key = static_cast<const ConstantExpr &>(*sub.index).value;
            if (key.isKind(ObjKind::Str) || key.isInt())
                return static_cast<const NameExpr &>(*sub.object).id + "[" + repr(key) + "]";
        }
    }
    return {};
}

} // namespace

void Interpreter::storeName(const NameExpr &n, const Value &value, Frame &f)
{
    noteBinding(n.id, value);
    switch (n.scope) {
    case NameScope::Fast:
        f.locals[n.index] = value;
        return;
    case NameScope::Cell:
        f.locals[n.index].as<CellObject>()->value = value;
        return;
    case NameScope::Free:
        f.function->closure[static_cast<std::size_t>(n.index)]->value = value;
        return;
    case NameScope::Global:
        f.module->values[static_cast<std::size_t>(n.index)] = value;
        return;
    case NameScope::Class:
        f.classNamespace->table.insert(newStr(n.id), value);
        return;
    case NameScope::Unresolved:
        return;
    }
}

void Interpreter::assign(const Expr &target, const Value &value, Frame &f)
{
    switch (target.kind) {
    case ExprKind::Name:
        storeName(static_cast<const NameExpr &>(target), value, f);
        return;
    case ExprKind::Subscript: {
        const auto &sub = static_cast<const SubscriptExpr &>(target);
        Value obj = eval(*sub.object, f);
        setItem(obj, eval(*sub.index, f), value);
        if (value.isKind(ObjKind::Opaque) && trace::enabled())
            noteBinding(simpleTargetText(target), value);
        return;
    }
    case ExprKind::Attribute: {
        const auto &attr = static_cast<const AttributeExpr &>(target);
        Value obj = eval(*attr.object, f);
        if (obj.isKind(ObjKind::Instance)) {
            auto *inst = obj.as<InstanceObject>();
            if (!isProperty(lookupCached(attr.classCache, inst->type, attr.attr)) && attr.attr != "__class__") {
                inst->dict.as<DictObject>()->table.insert(attr.classCache.key, value);
                return;
            }
        }
        setAttribute(obj, attr.attr, value);
        if (value.isKind(ObjKind::Opaque) && trace::enabled())
            noteBinding(simpleTargetText(target), value);
        return;
    }
    case ExprKind::Tuple:
    case ExprKind::List:
        unpack(static_cast<const SequenceExpr &>(target), value, f);
        return;
    default:
        raise(types().TypeError, "cannot assign to this expression");
    }
}

void Interpreter::unpack(const SequenceExpr &target, const Value &value, Frame &f)
{
    std::vector<Value> items;
    if (value.isKind(ObjKind::Tuple))
        items = value.as<TupleObject>()->items;
    else if (value.isKind(ObjKind::List))
        items = value.as<ListObject>()->items;
    else {
        try {
            items = toVector(value);
        } catch (PyException &) {
            raise(types().TypeError, "cannot unpack non-iterable " + typeName(value) + " object");
        }
    }
    const auto &targets = target.elements;
    std::size_t star = targets.size();
    for (std::size_t i = 0; i < targets.size(); ++i)
        if (targets[i]->kind == ExprKind::Starred)
            star = i;
    if (star == targets.size()) {
        if (items.size() > targets.size())
            raise(types().ValueError, "too many values to unpack (expected " + std::to_string(targets.size()) + ")");
        if (items.size() < targets.size())
            raise(
                types().ValueError, "not enough values to unpack (expected " + std::to_string(targets.size()) + ", got " + std::to_string(items.size()) + ")");
        for (std::size_t i = 0; i < targets.size(); ++i)
            assign(*targets[i], items[i], f);
        return;
    }
    const std::size_t after = targets.size() - star - 1;
    if (items.size() < targets.size() - 1)
        raise(types().ValueError,
            "not enough values to unpack (expected at least " + std::to_string(targets.size() - 1) + ", got " + std::to_string(items.size()) + ")");
    for (std::size_t i = 0; i < star; ++i)
        assign(*targets[i], items[i], f);
    std::vector<Value> middle(items.begin() + static_cast<long>(star), items.end() - static_cast<long>(after));
    assign(*static_cast<const StarredExpr &>(*targets[star]).value, newList(std::move(middle)), f);
    for (std::size_t i = 0; i < after; ++i)
        assign(*targets[star + 1 + i], items[items.size() - after + i], f);
}

// --- expressions

void Interpreter::nameError(const std::string &name)
{
    raise(types().NameError, "name '" + name + "' is not defined");
}

Value Interpreter::evalName(const NameExpr &n, Frame &f)
{
    switch (n.scope) {
    case NameScope::Fast: {
        const Value &v = f.locals[n.index];
        if (v.isUndefined())
            raise(types().UnboundLocalError, "cannot access local variable '" + n.id + "' where it is not associated with a value");
        return v;
    }
    case NameScope::Cell: {
        const Value &v = f.locals[n.index].as<CellObject>()->value;
        if (v.isUndefined())
            raise(types().UnboundLocalError, "cannot access local variable '" + n.id + "' where it is not associated with a value");
        return v;
    }
    case NameScope::Free: {
        const Value &v = f.function->closure[static_cast<std::size_t>(n.index)]->value;
        if (v.isUndefined())
            raise(types().NameError, "cannot access free variable '" + n.id + "' where it is not associated with a value in enclosing scope");
        return v;
    }
    case NameScope::Global: {
        const Value &v = f.module->values[static_cast<std::size_t>(n.index)];
        if (!v.isUndefined())
            return v;
        if (n.builtin)
            return *n.builtin;
        // __class__ in a method: the class it was defined in (what super() uses), as CPython's cell.
        if (f.function && f.function->classCell && n.id == "__class__" && !f.function->classCell->value.isUndefined())
            return f.function->classCell->value;
        nameError(n.id);
    }
    case NameScope::Class: {
        const auto &table = f.classNamespace->table;
        const std::int64_t i = table.find(newStr(n.id));
        if (i >= 0)
            return table.entries()[static_cast<std::size_t>(i)].value;
        const Value &v = f.module->values[static_cast<std::size_t>(n.index)];
        if (!v.isUndefined())
            return v;
        if (n.builtin)
            return *n.builtin;
        nameError(n.id);
    }
    case NameScope::Unresolved:
        break;
    }
    nameError(n.id);
}

Value Interpreter::eval(const Expr &e, Frame &f)
{
    switch (e.kind) {
    case ExprKind::Constant:
        return static_cast<const ConstantExpr &>(e).value;
    case ExprKind::Name:
        return evalName(static_cast<const NameExpr &>(e), f);
    case ExprKind::Attribute: {
        const auto &a = static_cast<const AttributeExpr &>(e);
        Value obj = eval(*a.object, f);
        if (obj.isKind(ObjKind::Instance)) {
            // self.x: the class's MRO through this expression's cache, then the instance dict.
            auto *inst = obj.as<InstanceObject>();
            const Value *attr = lookupCached(a.classCache, inst->type, a.attr);
            if (!isProperty(attr)) {
                const auto &table = inst->dict.as<DictObject>()->table;
                const std::int64_t i = table.find(a.classCache.key);
                if (i >= 0)
                    return table.entries()[static_cast<std::size_t>(i)].value;
                if (attr)
                    return bindClassAttribute(*attr, obj, inst->type);
            } else if (const auto *p = attr->as<DescriptorObject>(); !p->function.isUndefined()) {
                Value getter = p->function; // held: the getter may rebind the property
                return call(getter, std::vector<Value> { obj });
            }
        }
        return getAttribute(obj, a.attr);
    }
    case ExprKind::Subscript: {
        const auto &s = static_cast<const SubscriptExpr &>(e);
        Value obj = eval(*s.object, f);
        Value key = eval(*s.index, f);
        if (obj.isKind(ObjKind::List) && key.isInt()) {
            const auto &items = obj.as<ListObject>()->items;
            std::int64_t i = key.asInt();
            if (i < 0)
                i += static_cast<std::int64_t>(items.size());
            if (i >= 0 && i < static_cast<std::int64_t>(items.size()))
                return items[static_cast<std::size_t>(i)];
        }
        return getItem(obj, key);
    }
    case ExprKind::Slice: {
        const auto &s = static_cast<const SliceExpr &>(e);
        return Value::object(new SliceObject(
            s.lower ? eval(*s.lower, f) : Value::none(), s.upper ? eval(*s.upper, f) : Value::none(), s.step ? eval(*s.step, f) : Value::none()));
    }
    case ExprKind::BinOp: {
        const auto &b = static_cast<const BinOpExpr &>(e);
        Value l = eval(*b.left, f);
        Value r = eval(*b.right, f);
        if (l.isInt() && r.isInt()) {
            std::int64_t out;
            switch (b.op) {
            case BinOp::Add:
                if (!__builtin_add_overflow(l.asInt(), r.asInt(), &out))
                    return Value::integer(out);
                break;
            case BinOp::Sub:
                if (!__builtin_sub_overflow(l.asInt(), r.asInt(), &out))
                    return Value::integer(out);
                break;
            case BinOp::Mul:
                if (!__builtin_mul_overflow(l.asInt(), r.asInt(), &out))
                    return Value::integer(out);
                break;
            default:
                break;
            }
        }
        return binaryOp(b.op, l, r);
    }
    case ExprKind::UnaryOp: {
        const auto &u = static_cast<const UnaryOpExpr &>(e);
        return unaryOp(u.op, eval(*u.operand, f));
    }
    case ExprKind::BoolOp: {
        const auto &b = static_cast<const BoolOpExpr &>(e);
        Value v;
        for (const auto &operand : b.values) {
            v = eval(*operand, f);
            if (truthy(v) != b.isAnd)
                return v;
        }
        return v;
    }
    case ExprKind::Compare: {
        const auto &c = static_cast<const CompareExpr &>(e);
        Value left = eval(*c.left, f);
        for (std::size_t i = 0; i < c.ops.size(); ++i) {
            Value right = eval(*c.comparators[i], f);
            bool ok;
            if (left.isInt() && right.isInt()) {
                const auto x = left.asInt(), y = right.asInt();
                switch (c.ops[i]) {
                case CmpOp::Lt:
                    ok = x < y;
                    break;
                case CmpOp::LtE:
                    ok = x <= y;
                    break;
                case CmpOp::Gt:
                    ok = x > y;
                    break;
                case CmpOp::GtE:
                    ok = x >= y;
                    break;
                case CmpOp::Eq:
                    ok = x == y;
                    break;
                case CmpOp::NotEq:
                    ok = x != y;
                    break;
                default:
                    ok = compare(c.ops[i], left, right);
                }
            } else if ((left.isKind(ObjKind::Instance) || right.isKind(ObjKind::Instance)) && c.ops[i] != CmpOp::Is && c.ops[i] != CmpOp::IsNot
                && c.ops[i] != CmpOp::In && c.ops[i] != CmpOp::NotIn) {
                // A class's comparison returns what its dunder returns, not always a bool.
                Value r = dunder::compareValue(c.ops[i], left, right);
                if (i + 1 == c.ops.size() || !truthy(r))
                    return r;
                ok = true;
            } else {
                ok = compare(c.ops[i], left, right);
            }
            if (!ok)
                return Value::boolean(false);
            left = std::move(right);
        }
        return Value::boolean(true);
    }
    case ExprKind::Call:
        return evalCall(static_cast<const CallExpr &>(e), f);
    case ExprKind::IfExp: {
        const auto &i = static_cast<const IfExpExpr &>(e);
        return truthy(eval(*i.test, f)) ? eval(*i.body, f) : eval(*i.orelse, f);
    }
    case ExprKind::List: {
        std::vector<Value> items;
        evalSequenceInto(static_cast<const SequenceExpr &>(e).elements, f, items);
        return newList(std::move(items));
    }
    case ExprKind::Tuple: {
        std::vector<Value> items;
        evalSequenceInto(static_cast<const SequenceExpr &>(e).elements, f, items);
        return newTuple(std::move(items));
    }
    case ExprKind::Set: {
        std::vector<Value> items;
        evalSequenceInto(static_cast<const SequenceExpr &>(e).elements, f, items);
        Value set = newSet();
        for (const Value &v : items)
            set.as<SetObject>()->table.insert(v, Value());
        return set;
    }
    case ExprKind::Dict: {
        const auto &d = static_cast<const DictExpr &>(e);
        Value dict = newDict();
        auto &table = dict.as<DictObject>()->table;
        for (std::size_t i = 0; i < d.keys.size(); ++i) {
            if (!d.keys[i]) {
                Value other = eval(*d.values[i], f);
                if (!other.isKind(ObjKind::Dict))
                    raise(types().TypeError, "'" + typeName(other) + "' object is not a mapping");
                for (const auto &entry : other.as<DictObject>()->table.entries())
                    if (!entry.key.isUndefined())
                        table.insert(entry.key, entry.value);
                continue;
            }
            Value k = eval(*d.keys[i], f);
            table.insert(k, eval(*d.values[i], f));
        }
        return dict;
    }
    case ExprKind::Comprehension:
        return evalComprehension(static_cast<const ComprehensionExpr &>(e), f);
    case ExprKind::Lambda:
        return makeFunction(*static_cast<const LambdaExpr &>(e).function, f);
    case ExprKind::FString:
        return evalFString(static_cast<const FStringExpr &>(e), f);
    case ExprKind::FormattedValue: {
        FStringExpr single;
        (void)single;
        break;
    }
    case ExprKind::Starred:
        raise(types().TypeError, "can't use starred expression here");
    case ExprKind::Yield: {
        const auto &y = static_cast<const YieldExpr &>(e);
        if (y.from)
            return yieldFrom(eval(*y.value, f));
        return yieldValue(y.value ? eval(*y.value, f) : Value::none());
    }
    }
    raise(types().RuntimeError, "internal error: unexpected expression");
}

void Interpreter::evalSequenceInto(const std::vector<ExprPtr> &elements, Frame &f, std::vector<Value> &out)
{
    out.reserve(elements.size());
    for (const auto &el : elements) {
        if (el->kind == ExprKind::Starred) {
            Value v = eval(*static_cast<const StarredExpr &>(*el).value, f);
            for (Value &item : toVector(v))
                out.push_back(std::move(item));
        } else {
            out.push_back(eval(*el, f));
        }
    }
}

Value Interpreter::evalFString(const FStringExpr &e, Frame &f)
{
    std::string out;
    for (const auto &part : e.parts) {
        if (part->kind == ExprKind::Constant) {
            out += static_cast<const ConstantExpr &>(*part).value.as<StrObject>()->text;
            continue;
        }
        const auto &fv = static_cast<const FormattedValueExpr &>(*part);
        Value v = eval(*fv.value, f);
        if (fv.conversion == 'r' || fv.conversion == 'a')
            v = newStr(repr(v));
        else if (fv.conversion == 's')
            v = newStr(str(v));
        std::string spec;
        if (fv.spec) {
            Value s = evalFString(static_cast<const FStringExpr &>(*fv.spec), f);
            spec = s.as<StrObject>()->text;
        }
        if (spec.empty() && v.isKind(ObjKind::Str))
            out += v.as<StrObject>()->text;
        else
            out += formatWithSpec(v, spec);
    }
    return newStr(std::move(out));
}

Value Interpreter::evalComprehension(const ComprehensionExpr &c, Frame &f)
{
    std::vector<Value> items;
    Value dict;
    if (c.result == ComprehensionExpr::Result::Dict)
        dict = newDict();
    auto produce = [&]() {
        if (c.result == ComprehensionExpr::Result::Dict) {
            Value k = eval(*c.element, f);
            dict.as<DictObject>()->table.insert(k, eval(*c.value, f));
        } else {
            items.push_back(eval(*c.element, f));
        }
    };
    std::function<void(std::size_t)> level = [&](std::size_t i) {
        const auto &clause = c.clauses[i];
        Value iterable = eval(*clause.iter, f);
        iterate(iterable, [&](const Value &item) {
            assign(*clause.target, item, f);
            for (const auto &cond : clause.ifs)
                if (!truthy(eval(*cond, f)))
                    return true;
            if (i + 1 < c.clauses.size())
                level(i + 1);
            else
                produce();
            return true;
        });
    };
    level(0);
    switch (c.result) {
    case ComprehensionExpr::Result::List:
        return newList(std::move(items));
    case ComprehensionExpr::Result::Dict:
        return dict;
    case ComprehensionExpr::Result::Set: {
        Value set = newSet();
        for (const Value &v : items)
            set.as<SetObject>()->table.insert(v, Value());
        return set;
    }
    case ComprehensionExpr::Result::Generator:
        return Value::object(new IteratorObject("generator", std::move(items)));
    }
    return Value();
}

Value Interpreter::makeFunction(const FunctionInfo &info, Frame &f)
{
    auto *fn = new FunctionObject();
    Value result = Value::object(fn);
    fn->info = &info;
    fn->name = info.name;
    fn->qualname = info.qualname;
    if (f.classCell)
        fn->classCell = Ref<CellObject>(f.classCell);
    fn->module = f.module;
    fn->keepAlive = m_program;
    fn->defaults.resize(info.params.size());
    for (std::size_t i = 0; i < info.params.size(); ++i)
        if (info.params[i].defaultValue)
            fn->defaults[i] = eval(*info.params[i].defaultValue, f);
    for (const auto &fv : info.freeVars) {
        if (fv.fromEnclosingCell)
            fn->closure.emplace_back(f.locals[fv.index].as<CellObject>());
        else
            fn->closure.push_back(f.function->closure[static_cast<std::size_t>(fv.index)]);
    }
    return result;
}

Value Interpreter::evalCall(const CallExpr &c, Frame &f)
{
    ThreadState &ts = currentThread();
    StackMark mark(ts.stack, ts.stackTop);
    // Method calls on built-in values skip creating a bound-method object.
    Value self;
    NativeFn method = nullptr;
    Value callee;
    Value selfArgument; // obj.method(...) on an instance: the function, called with obj first
    if (c.func->kind == ExprKind::Attribute) {
        const auto &a = static_cast<const AttributeExpr &>(*c.func);
        Value obj = eval(*a.object, f);
        if (obj.isKind(ObjKind::Instance)) {
            const auto *inst = obj.as<InstanceObject>();
            const Value *attr = lookupCached(a.classCache, inst->type, a.attr);
            if (attr && attr->isKind(ObjKind::Function) && inst->dict.as<DictObject>()->table.find(a.classCache.key) < 0) {
                callee = *attr;
                selfArgument = std::move(obj);
            } else {
                callee = getAttribute(obj, a.attr);
            }
        } else if (obj.isObj()
            && (obj.obj()->kind == ObjKind::Module || obj.obj()->kind == ObjKind::Opaque || obj.obj()->kind == ObjKind::Exception
                || obj.obj()->kind == ObjKind::Type || obj.obj()->kind == ObjKind::Descriptor || obj.obj()->kind == ObjKind::Method)) {
            callee = getAttribute(obj, a.attr);
        } else {
            const TypeObject *t = typeOf(obj);
            if (a.cachedType == t) {
                method = a.cachedMethod;
            } else {
                method = t->findMethod(a.attr);
                if (method) {
                    a.cachedType = t;
                    a.cachedMethod = method;
                }
            }
            if (method)
                self = std::move(obj);
            else
                callee = getAttribute(obj, a.attr);
        }
    } else {
        callee = eval(*c.func, f);
    }
    if (ts.stackTop + c.args.size() + 8 > ts.stack.size())
        raise(types().RecursionError, "maximum recursion depth exceeded");
    Value *base = &ts.stack[ts.stackTop];
    std::size_t count = 0;
    if (!selfArgument.isUndefined()) {
        ts.stack[ts.stackTop++] = std::move(selfArgument);
        ++count;
    }
    std::vector<std::pair<std::string, Value>> keywords;
    if (c.simple) {
        for (const auto &arg : c.args) {
            ts.stack[ts.stackTop++] = eval(*arg, f);
            ++count;
        }
    } else {
        std::vector<Value> positional;
        for (const auto &arg : c.args) {
            if (arg->kind == ExprKind::Starred) {
                for (Value &v : toVector(eval(*static_cast<const StarredExpr &>(*arg).value, f)))
                    positional.push_back(std::move(v));
            } else {
                positional.push_back(eval(*arg, f));
            }
        }
        for (const auto &kw : c.keywords) {
            Value v = eval(*kw.value, f);
            if (kw.name.empty()) {
                if (!v.isKind(ObjKind::Dict))
                    raise(types().TypeError, "argument after ** must be a mapping, not " + typeName(v));
                for (const auto &entry : v.as<DictObject>()->table.entries()) {
                    if (entry.key.isUndefined())
                        continue;
                    if (!entry.key.isKind(ObjKind::Str))
                        raise(types().TypeError, "keywords must be strings");
                    const std::string &name = entry.key.as<StrObject>()->text;
                    for (const auto &existing : keywords)
                        if (existing.first == name)
                            raise(types().TypeError, "got multiple values for keyword argument '" + name + "'");
                    keywords.emplace_back(name, entry.value);
                }
            } else {
                keywords.emplace_back(kw.name, std::move(v));
            }
        }
        if (ts.stackTop + positional.size() + 8 > ts.stack.size())
            raise(types().RecursionError, "maximum recursion depth exceeded");
        for (Value &v : positional) {
            ts.stack[ts.stackTop++] = std::move(v);
            ++count;
        }
    }
    CallArgs args;
    args.pos = base;
    args.count = count;
    args.keywords = keywords.empty() ? nullptr : &keywords;
    Value result;
    if (method)
        result = method(*this, self, args);
    else
        result = call(callee, args);
    return result;
}

Value Interpreter::call(const Value &callee, std::vector<Value> positional)
{
    CallArgs args;
    args.pos = positional.data();
    args.count = positional.size();
    return call(callee, args);
}

Value Interpreter::call(const Value &callee, CallArgs &args)
{
    if (callee.isObj()) {
        switch (callee.obj()->kind) {
        case ObjKind::Function:
            return callFunction(callee.as<FunctionObject>(), args);
        case ObjKind::Native: {
            auto *n = callee.as<NativeObject>();
            Value keep = callee;
            if (n->unbound) {
                if (args.count == 0)
                    raise(types().TypeError, "unbound method " + n->name + "() needs an argument");
                Value self = args.pos[0];
                CallArgs rest = args;
                ++rest.pos;
                --rest.count;
                return n->fn(*this, self, rest);
            }
            return n->fn(*this, n->self, args);
        }
        case ObjKind::Type: {
            auto *t = callee.as<TypeObject>();
            if (!t->construct)
                raise(types().TypeError, "cannot create '" + t->name + "' instances");
            return t->construct(*this, callee, args);
        }
        case ObjKind::Method:
        case ObjKind::Instance:
        case ObjKind::Descriptor:
            return callInstance(callee, args);
        default:
            break;
        }
    }
    raise(types().TypeError, "'" + typeName(callee) + "' object is not callable");
}

void Interpreter::bindArguments(FunctionObject *fn, CallArgs &args, Value *locals)
{
    const FunctionInfo &info = *fn->info;
    const std::size_t positional = info.positionalCount;
    const std::size_t given = args.count;
    const std::size_t direct = std::min(given, positional);
    for (std::size_t i = 0; i < direct; ++i)
        locals[i] = args.pos[i];
    if (given > positional) {
        if (info.varargsSlot < 0) {
            std::size_t withDefault = 0;
            for (std::size_t i = 0; i < positional; ++i)
                withDefault += info.params[i].defaultValue ? 1 : 0;
            std::string takes
                = withDefault == 0 ? std::to_string(positional) : "from " + std::to_string(positional - withDefault) + " to " + std::to_string(positional);
            raise(types().TypeError,
                info.qualname + "() takes " + takes + " positional" + pluralArgs(withDefault == 0 ? positional : 2) + " but " + std::to_string(given)
                    + (given == 1 ? " was" : " were") + " given");
        }
        locals[info.varargsSlot] = newTuple(std::vector<Value>(args.pos + positional, args.pos + given));
    } else if (info.varargsSlot >= 0) {
        locals[info.varargsSlot] = newTuple();
    }
    Value kwargsDict;
    if (info.kwargsSlot >= 0) {
        kwargsDict = newDict();
        locals[info.kwargsSlot] = kwargsDict;
    }
    if (args.keywords) {
        for (const auto &[name, value] : *args.keywords) {
            std::size_t i = 0;
            while (i < info.params.size() && info.params[i].name != name)
                ++i;
            if (i < info.params.size()) {
                if (!locals[i].isUndefined())
                    raise(types().TypeError, info.qualname + "() got multiple values for argument '" + name + "'");
                locals[i] = value;
            } else if (!kwargsDict.isUndefined()) {
                kwargsDict.as<DictObject>()->table.insert(newStr(name), value);
            } else {
                raise(types().TypeError, info.qualname + "() got an unexpected keyword argument '" + name + "'");
            }
        }
    }
    std::vector<std::string> missingPositional, missingKeyword;
    for (std::size_t i = direct; i < info.params.size(); ++i) {
        if (!locals[i].isUndefined())
            continue;
        if (!fn->defaults[i].isUndefined())
            locals[i] = fn->defaults[i];
        else
            (i < positional ? missingPositional : missingKeyword).push_back(info.params[i].name);
    }
    if (!missingPositional.empty())
        raise(types().TypeError,
            info.qualname + "() missing " + std::to_string(missingPositional.size()) + " required positional" + pluralArgs(missingPositional.size()) + ": "
                + quotedList(missingPositional));
    if (!missingKeyword.empty())
        raise(types().TypeError,
            info.qualname + "() missing " + std::to_string(missingKeyword.size()) + " required keyword-only" + pluralArgs(missingKeyword.size()) + ": "
                + quotedList(missingKeyword));
}

Value Interpreter::callFunction(FunctionObject *fn, CallArgs &args)
{
    const FunctionInfo &info = *fn->info;
    if (info.isGenerator)
        return makeGenerator(fn, args);
    ThreadState &ts = currentThread();
    if (ts.depth >= recursionLimit || ts.stackTop + static_cast<std::size_t>(info.slotCount) + 64 > ts.stack.size() || generatorStackLow())
        raise(types().RecursionError, "maximum recursion depth exceeded");
    Value keepFunction = Value::object(fn);
    StackMark mark(ts.stack, ts.stackTop);
    Value *locals = &ts.stack[ts.stackTop];
    ts.stackTop += static_cast<std::size_t>(info.slotCount);
    Frame frame;
    frame.locals = locals;
    frame.info = &info;
    frame.function = fn;
    frame.module = fn->module;
    frame.line = info.line;
    frame.back = ts.frame;
    frame.serial = ++m_frameSerial;
    struct DepthGuard {
        ThreadState &state;
        Frame *saved;
        ~DepthGuard()
        {
            --state.depth;
            state.frame = saved;
        }
    } guard { ts, ts.frame };
    ++ts.depth;
    ts.frame = &frame;
    try {
        if (!args.hasKeywords() && args.count == info.params.size() && args.count == info.positionalCount && info.varargsSlot < 0 && info.kwargsSlot < 0) {
            for (std::size_t i = 0; i < args.count; ++i)
                locals[i] = args.pos[i];
        } else {
            bindArguments(fn, args, locals);
        }
        if (trace::enabled()) // def consumer(q): a primitive passed in unnamed is named by the parameter
            for (std::size_t i = 0; i < info.params.size(); ++i)
                noteBinding(info.params[i].name, locals[i]);
        for (int cell : info.cellSlots)
            locals[cell] = Value::object(new CellObject(std::move(locals[cell])));
        if (info.lambdaBody)
            return eval(*info.lambdaBody, frame);
        if (execBlock(info.body, frame) == Flow::Return)
            return std::move(frame.returnValue);
        return Value::none();
    } catch (PyException &e) {
        e.exc->traceback.push_back({ m_program->fileName, frame.line, info.name });
        throw;
    }
}

// --- attributes

Value Interpreter::getAttribute(const Value &object, const std::string &name)
{
    if (object.isObj()) {
        switch (object.obj()->kind) {
        case ObjKind::Instance: {
            Value v = getUserAttribute(*this, object, name);
            if (!v.isUndefined())
                return v;
            Value hook = findDunder(object, "__getattr__");
            if (!hook.isUndefined())
                return callDunder(*this, hook, object, { newStr(name) });
            raise(types().AttributeError, "'" + typeName(object) + "' object has no attribute '" + name + "'");
        }
        case ObjKind::Method: {
            const auto *m = object.as<BoundMethodObject>();
            if (name == "__self__")
                return m->self;
            if (name == "__func__")
                return m->function;
            if (name != "__class__")
                return getAttribute(m->function, name);
            break;
        }
        case ObjKind::Descriptor: {
            Value v = getDescriptorAttribute(*this, object, name);
            if (!v.isUndefined())
                return v;
            break;
        }
        case ObjKind::Module: {
            const auto *m = object.as<ModuleObject>();
            if (const Value *v = m->lookup(name))
                return *v;
            raise(types().AttributeError, "module '" + m->name + "' has no attribute '" + name + "'");
        }
        case ObjKind::Exception: {
            const auto *e = object.as<ExceptionObject>();
            if (e->type->isUser || !e->attributes.isUndefined()) {
                Value v = getUserAttribute(*this, object, name);
                if (!v.isUndefined())
                    return v;
            }
            if (name == "__cause__")
                return e->cause.isUndefined() ? Value::none() : e->cause;
            if (name == "__context__")
                return e->context.isUndefined() ? Value::none() : e->context;
            if (name == "__suppress_context__")
                return Value::boolean(!e->cause.isUndefined());
            if (name == "args")
                return newTuple(e->args);
            if (name == "value" && e->type->isSubtypeOf(types().StopIteration))
                return e->args.empty() ? Value::none() : e->args[0];
            if (name == "code" && e->type->isSubtypeOf(types().SystemExit))
                return e->args.empty() ? Value::none() : e->args[0];
            if (name == "__class__")
                return Value::object(e->type);
            if (e->type->isSubtypeOf(types().OSError) && (name == "errno" || name == "strerror")) {
                if (e->args.size() >= 2)
                    return e->args[name == "errno" ? 0 : 1];
                return Value::none();
            }
            break;
        }
        case ObjKind::Type: {
            Value v = getClassAttribute(*this, object, name);
            if (!v.isUndefined())
                return v;
            if (NativeFn fn = object.as<TypeObject>()->findMethod(name)) {
                const auto &classMethods = object.as<TypeObject>()->classMethods;
                if (std::find(classMethods.begin(), classMethods.end(), name) != classMethods.end())
                    return Value::object(new NativeObject(name, fn, object));
                auto *method = new NativeObject(object.as<TypeObject>()->name + "." + name, fn);
                method->unbound = true; // str.lower('A'): the first argument is self
                return Value::object(method);
            }
            raise(types().AttributeError, "type object '" + object.as<TypeObject>()->name + "' has no attribute '" + name + "'");
        }
        case ObjKind::Function: {
            const auto *fn = object.as<FunctionObject>();
            if (name == "__name__")
                return newStr(fn->name);
            if (name == "__qualname__")
                return newStr(fn->qualname);
            if (name == "__module__")
                return newStr(fn->module->name);
            if (DictObject *d = attributeDict(object, name == "__dict__")) {
                if (name == "__dict__")
                    return Value::object(d);
                const std::int64_t i = d->table.find(newStr(name));
                if (i >= 0)
                    return d->table.entries()[static_cast<std::size_t>(i)].value;
            }
            if (name == "__doc__")
                return docstring(fn->info->body);
            raise(types().AttributeError, "'function' object has no attribute '" + name + "'");
        }
        case ObjKind::Native:
            if (name == "__name__")
                return newStr(object.as<NativeObject>()->name);
            break;
        case ObjKind::Slice: {
            const auto *s = object.as<SliceObject>();
            if (name == "start")
                return s->start;
            if (name == "stop")
                return s->stop;
            if (name == "step")
                return s->step;
            break;
        }
        case ObjKind::Opaque: {
            if (object.as<OpaqueObject>()->type->isUser) {
                Value v = getUserAttribute(*this, object, name);
                if (!v.isUndefined())
                    return v;
            }
            Value v = object.as<OpaqueObject>()->getAttribute(*this, name);
            if (!v.isUndefined())
                return v;
            break;
        }
        default:
            break;
        }
    }
    if (name == "__class__")
        return Value::object(typeOf(object));
    const TypeObject *t = typeOf(object);
    if (NativeFn fn = t->findMethod(name))
        return Value::object(new NativeObject(name, fn, object));
    raise(types().AttributeError, "'" + t->name + "' object has no attribute '" + name + "'");
}

void Interpreter::setAttribute(const Value &object, const std::string &name, const Value &value)
{
    if (object.isKind(ObjKind::Opaque) && object.as<OpaqueObject>()->setAttribute(*this, name, value))
        return;
    if (setUserAttribute(*this, object, name, value))
        return;
    const TypeObject *t = typeOf(object);
    if (t->findMethod(name))
        raise(types().AttributeError, "'" + t->name + "' object attribute '" + name + "' is read-only");
    raise(types().AttributeError, "'" + t->name + "' object has no attribute '" + name + "'");
}

} // namespace ipclab::lang
