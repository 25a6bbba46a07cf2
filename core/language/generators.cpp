#include "generators.h"

#include "classes.h"
#include "native.h"
#include "operations.h"
#include "types.h"

#include <sys/mman.h>
#include <unistd.h>

namespace ipclab::lang {

namespace {

// Reserved, not committed: pages come as they are touched. AddressSanitizer's redzones make
// each call's C frame several times larger, so its builds give a generator more room.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kStackSize = 8u << 20;
#else
constexpr std::size_t kStackSize = 1u << 20;
#endif
constexpr std::size_t kStackMargin = 64u << 10; // below this much room, a call is a RecursionError

thread_local GeneratorObject *t_running = nullptr;
thread_local GeneratorObject *t_starting = nullptr;

GeneratorObject &self(const Value &v)
{
    if (!v.isKind(ObjKind::Generator))
        raise(types().TypeError, "descriptor requires a 'generator' object but received a '" + typeName(v) + "'");
    return *v.as<GeneratorObject>();
}

Value generatorNext(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "__next__", 0, 0);
    return in.resumeGenerator(self(v), Value::none(), std::nullopt);
}

Value generatorSend(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "send", 1, 1);
    return in.resumeGenerator(self(v), args[0], std::nullopt);
}

Value generatorThrow(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "throw", 1, 3);
    Value exc = args[0];
    if (exc.isKind(ObjKind::Type) && exc.as<TypeObject>()->isSubtypeOf(types().BaseException))
        exc = in.call(exc, args.count >= 2 && !args[1].isNone() ? std::vector<Value> { args[1] } : std::vector<Value> {});
    if (!exc.isKind(ObjKind::Exception))
        raise(types().TypeError, "exceptions must be classes or instances deriving from BaseException, not " + typeName(exc));
    return in.resumeGenerator(self(v), Value::none(), PyException { Ref<ExceptionObject>(exc.as<ExceptionObject>()) });
}

Value generatorClose(Interpreter &in, const Value &v, CallArgs &args)
{
    checkArgCount(args, "close", 0, 0);
    in.closeGenerator(self(v));
    return Value::none();
}

Value generatorIter(Interpreter &, const Value &v, CallArgs &args)
{
    checkArgCount(args, "__iter__", 0, 0);
    return v;
}

/// Where every generator's coroutine starts: runs the body, then goes back for good.
void entry()
{
    GeneratorObject *g = t_starting;
    coroutineStarted(g->caller);
    activeInterpreter().runGeneratorBody(*g);
    g->yielded = false;
    finishCoroutine(g->context, g->caller); // nothing switches back to a finished generator
}

} // namespace

GeneratorObject::GeneratorObject()
    : Object(ObjKind::Generator)
{
}

GeneratorObject::~GeneratorObject()
{
    // A generator dropped while paused is closed, as CPython's finalizer does: its
    // finally blocks run and what its paused stack holds is released by unwinding it.
    if (state == State::Suspended && hasActiveInterpreter() && thread == &currentThread()) {
        try {
            activeInterpreter().closeGenerator(*this);
        } catch (...) {
            // An exception from a finalizer is not the dropping statement's (CPython prints it as unraisable).
        }
    }
    releaseStack();
}

namespace {
// Finished generators' stacks, kept for the next ones: a generator expression in a loop
// would otherwise map and unmap a stack each time round.
struct FreeStacks {
    std::vector<char *> stacks;
    ~FreeStacks()
    {
        for (char *p : stacks)
            ::munmap(p, kStackSize);
    }
};
thread_local FreeStacks t_free;
constexpr std::size_t kKeptStacks = 16;
} // namespace

void GeneratorObject::releaseStack()
{
    if (!stack)
        return;
    if (stackSize == kStackSize && t_free.stacks.size() < kKeptStacks)
        t_free.stacks.push_back(stack);
    else
        ::munmap(stack, stackSize);
    stack = nullptr;
}

TypeObject *generatorType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("generator", types().object);
        incref(t);
        t->methods = { { "__next__", generatorNext }, { "send", generatorSend }, { "throw", generatorThrow }, { "close", generatorClose },
            { "__iter__", generatorIter } };
        return t;
    }();
    return type;
}

GeneratorObject *runningGenerator()
{
    return t_running;
}

bool generatorStackLow()
{
    const GeneratorObject *g = t_running;
    if (!g || !g->stack)
        return false;
    const char here = 0;
    return static_cast<std::size_t>(&here - g->stack) < kStackMargin;
}

Value Interpreter::makeGenerator(FunctionObject *fn, CallArgs &args)
{
    const FunctionInfo &info = *fn->info;
    auto *g = new GeneratorObject();
    Value result = Value::object(g);
    g->function = Value::object(fn);
    g->locals.resize(static_cast<std::size_t>(info.slotCount));
    bindArguments(fn, args, g->locals.data());
    for (int cell : info.cellSlots)
        g->locals[static_cast<std::size_t>(cell)] = Value::object(new CellObject(std::move(g->locals[static_cast<std::size_t>(cell)])));
    g->frame.locals = g->locals.data();
    g->frame.info = &info;
    g->frame.function = fn;
    g->frame.module = fn->module;
    g->frame.line = info.line;
    g->frame.serial = ++m_frameSerial;
    return result;
}

void Interpreter::runGeneratorBody(GeneratorObject &g)
{
    const FunctionInfo &info = *g.frame.info;
    try {
        try {
            if (execBlock(info.body, g.frame) == Flow::Return)
                g.returnValue = std::move(g.frame.returnValue);
        } catch (const std::bad_alloc &) {
            raise(make<ExceptionObject>(types().MemoryError, std::vector<Value> {}));
        }
    } catch (PyException &e) {
        e.exc->traceback.push_back({ m_program->fileName, g.frame.line, info.name });
        g.failed = std::move(e);
    } catch (...) {
        g.foreign = std::current_exception();
    }
}

Value Interpreter::resumeGenerator(GeneratorObject &g, Value send, std::optional<PyException> throwIn)
{
    ThreadState &ts = currentThread();
    if (g.state == GeneratorObject::State::Running)
        raise(types().ValueError, "generator already executing");
    if (g.state == GeneratorObject::State::Done) {
        if (throwIn)
            throw std::move(*throwIn);
        throw PyException { make<ExceptionObject>(types().StopIteration, std::vector<Value> {}) };
    }
    if (g.thread && g.thread != &ts)
        raise(types().RuntimeError, "IPC Lab resumes a generator only in the thread that started it");
    if (g.state == GeneratorObject::State::Created) {
        if (throwIn) {
            // Thrown into before it started: it never runs, and the exception comes straight out.
            g.state = GeneratorObject::State::Done;
            throw std::move(*throwIn);
        }
        if (!send.isNone())
            raise(types().TypeError, "can't send non-None value to a just-started generator");
        if (!t_free.stacks.empty()) {
            g.stack = t_free.stacks.back();
            t_free.stacks.pop_back();
        } else {
            void *p = ::mmap(nullptr, kStackSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
            if (p == MAP_FAILED)
                raise(make<ExceptionObject>(types().MemoryError, std::vector<Value> {}));
            g.stack = static_cast<char *>(p);
            ::mprotect(g.stack, static_cast<std::size_t>(::getpagesize()), PROT_NONE); // overflow faults instead of corrupting
        }
        g.stackSize = kStackSize;
        prepareCoroutine(g.context, g.stack, g.stackSize, entry);
        g.thread = &ts;
    }
    if (ts.depth >= recursionLimit || generatorStackLow())
        raise(types().RecursionError, "maximum recursion depth exceeded");
    g.transfer = std::move(send);
    g.throwIn = std::move(throwIn);
    g.yielded = false;
    Frame *savedFrame = ts.frame;
    const int savedDepth = ts.depth;
    g.frame.back = ts.frame;
    ts.frame = &g.frame;
    ++ts.depth;
    g.outer = t_running;
    t_running = &g;
    t_starting = &g;
    g.state = GeneratorObject::State::Running;
    // The exceptions its except blocks were handling when it paused are its own again.
    const std::size_t handlingBase = ts.handling.size();
    for (auto &e : g.handling)
        ts.handling.push_back(std::move(e));
    g.handling.clear();
    switchCoroutine(g.caller, g.context);
    t_running = g.outer;
    ts.frame = savedFrame;
    ts.depth = savedDepth;
    if (ts.handling.size() > handlingBase) {
        g.handling.assign(std::make_move_iterator(ts.handling.begin() + static_cast<long>(handlingBase)), std::make_move_iterator(ts.handling.end()));
        ts.handling.resize(handlingBase);
    }
    if (g.yielded) {
        g.state = GeneratorObject::State::Suspended;
        return std::move(g.transfer);
    }
    g.state = GeneratorObject::State::Done;
    g.releaseStack(); // this thread is back on its own stack
    g.frame.back = nullptr;
    for (Value &v : g.locals)
        v = Value();
    if (g.foreign)
        std::rethrow_exception(std::exchange(g.foreign, nullptr));
    if (g.failed) {
        PyException e = std::move(*g.failed);
        g.failed.reset();
        if (e.exc->type->isSubtypeOf(types().StopIteration)) {
            // PEP 479: a StopIteration leaking out of a generator's body is a bug, said so.
            auto wrapped = makeException(types().RuntimeError, "generator raised StopIteration");
            wrapped->context = e.exc.value();
            wrapped->cause = e.exc.value();
            throw PyException { wrapped };
        }
        throw e;
    }
    Value value = std::move(g.returnValue);
    std::vector<Value> stopArgs;
    if (!value.isNone() && !value.isUndefined())
        stopArgs.push_back(std::move(value));
    throw PyException { make<ExceptionObject>(types().StopIteration, std::move(stopArgs)) };
}

Value Interpreter::yieldValue(Value v)
{
    GeneratorObject *g = t_running;
    if (!g)
        raise(types().RuntimeError, "'yield' outside a running generator");
    g->transfer = std::move(v);
    g->yielded = true;
    switchCoroutine(g->context, g->caller);
    // Resumed: by next() or send() with a value, or by throw() or close() with an exception.
    if (g->throwIn) {
        PyException e = std::move(*g->throwIn);
        g->throwIn.reset();
        throw e;
    }
    return std::move(g->transfer);
}

Value Interpreter::yieldFrom(const Value &iterable)
{
    if (iterable.isKind(ObjKind::Generator)) {
        // Delegation: what is sent or thrown in goes to the inner generator, its return
        // value is the value of `yield from`.
        GeneratorObject &inner = *iterable.as<GeneratorObject>();
        Value keep = iterable;
        Value toSend = Value::none();
        std::optional<PyException> toThrow;
        while (true) {
            Value item;
            try {
                item = resumeGenerator(inner, std::move(toSend), std::move(toThrow));
            } catch (PyException &e) {
                if (e.exc->type->isSubtypeOf(types().StopIteration))
                    return e.exc->args.empty() ? Value::none() : e.exc->args[0];
                throw;
            }
            toSend = Value::none();
            toThrow.reset();
            try {
                toSend = yieldValue(std::move(item));
            } catch (PyException &e) {
                if (e.exc->type->isSubtypeOf(types().GeneratorExit)) {
                    closeGenerator(inner);
                    throw;
                }
                toThrow = std::move(e);
            }
        }
    }
    Value it = iterable;
    if (!it.isKind(ObjKind::Iterator) && !userTypeOf(it))
        it = Value::object(new IteratorObject("iterator", toVector(iterable)));
    auto pull = pullFrom(it);
    Value item;
    while (pull(item))
        yieldValue(std::move(item));
    return Value::none();
}

void Interpreter::closeGenerator(GeneratorObject &g)
{
    if (g.state == GeneratorObject::State::Created) {
        g.state = GeneratorObject::State::Done;
        return;
    }
    if (g.state != GeneratorObject::State::Suspended)
        return;
    try {
        resumeGenerator(g, Value::none(), PyException { make<ExceptionObject>(types().GeneratorExit, std::vector<Value> {}) });
    } catch (PyException &e) {
        if (e.exc->type->isSubtypeOf(types().GeneratorExit) || e.exc->type->isSubtypeOf(types().StopIteration))
            return;
        throw;
    }
    // It yielded again instead of finishing.
    raise(types().RuntimeError, "generator ignored GeneratorExit");
}

void iterateGenerator(const Value &generator, const std::function<bool(const Value &)> &f)
{
    Value keep = generator;
    auto &g = *generator.as<GeneratorObject>();
    Interpreter &in = activeInterpreter();
    while (true) {
        Value item;
        try {
            item = in.resumeGenerator(g, Value::none(), std::nullopt);
        } catch (PyException &e) {
            if (e.exc->type->isSubtypeOf(types().StopIteration))
                return;
            throw;
        }
        if (!f(item))
            return;
    }
}

} // namespace ipclab::lang
