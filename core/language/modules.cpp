#include "modules.h"
#include "interrupt.h"
#include "trace.h"

#include "gil.h"
#include "interpreter.h"
#include "native.h"
#include "textformat.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <ctime>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace ipclab::lang {

namespace {

// --- time

Value timeTime(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "time", 0, 0);
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return Value::real(std::chrono::duration<double>(now).count());
}

Value timeMonotonic(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "monotonic", 0, 0);
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    return Value::real(std::chrono::duration<double>(now).count());
}

Value timeMonotonicNs(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "monotonic_ns", 0, 0);
    return Value::integer(std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count());
}

Value timeTimeNs(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "time_ns", 0, 0);
    return Value::integer(std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

Value timeSleep(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "sleep", 1, 1);
    const double seconds = toFloat(args[0], "'float' object cannot be interpreted as an integer");
    if (seconds < 0)
        raise(types().ValueError, "sleep length must be non-negative");
    // nanosleep restarted on EINTR with the remaining time, as CPython does.
    timespec request { static_cast<time_t>(seconds), static_cast<long>((seconds - std::floor(seconds)) * 1e9) };
    timespec remaining {};
    trace::emit("time.sleep", trace::Phase::Begin, 0, { trace::arg("seconds", seconds) });
    {
        WithoutInterpreterLock unlocked;
        while (nanosleep(&request, &remaining) != 0 && errno == EINTR && !interrupt::pendingHere())
            request = remaining;
    }
    trace::emit("time.sleep", trace::Phase::End);
    interrupt::raiseIfPending();
    return Value::none();
}

Value createTime(Interpreter &)
{
    return makeModule("time",
        { { "time", nativeFunction("time", timeTime) }, { "time_ns", nativeFunction("time_ns", timeTimeNs) },
            { "monotonic", nativeFunction("monotonic", timeMonotonic) }, { "monotonic_ns", nativeFunction("monotonic_ns", timeMonotonicNs) },
            { "perf_counter", nativeFunction("perf_counter", timeMonotonic) }, { "perf_counter_ns", nativeFunction("perf_counter_ns", timeMonotonicNs) },
            { "sleep", nativeFunction("sleep", timeSleep) } });
}

// --- random: CPython's generator and algorithms (pyrandom.h), so seeded runs print the same.

Value randomSeed(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "seed", 0, 1);
    const Value a = argOrKeyword(args, 0, "a", Value::none());
    if (a.isNone())
        in.random().seedFromOs();
    else if (a.isIntLike())
        in.random().seed(a.asInt());
    else if (a.isFloat() && a.asFloat() == std::floor(a.asFloat()))
        in.random().seed(static_cast<std::int64_t>(a.asFloat()));
    else
        raise(types().TypeError, "IPC Lab's random.seed() takes an int or None, not " + typeName(a));
    return Value::none();
}

Value randomRandom(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "random", 0, 0);
    return Value::real(in.random().random());
}

std::int64_t randrangeChecked(Interpreter &in, std::int64_t start, std::int64_t stop, std::int64_t step)
{
    if (step == 0)
        raise(types().ValueError, "zero step for randrange()");
    const std::int64_t width = stop - start;
    if (step == 1 && width <= 0)
        raise(types().ValueError, "empty range for randrange() (" + std::to_string(start) + ", " + std::to_string(stop) + ", " + std::to_string(width) + ")");
    const std::int64_t n = step > 0 ? (width + step - 1) / step : (width + step + 1) / step;
    if (n <= 0)
        raise(types().ValueError, "empty range for randrange()");
    return in.random().randrange(start, stop, step);
}

Value randomRandrange(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "randrange", 1, 3);
    std::int64_t start = 0, stop, step = 1;
    if (args.count == 1) {
        stop = toInt(args[0], "randrange");
        if (stop <= 0)
            raise(types().ValueError, "empty range for randrange()");
    } else {
        start = toInt(args[0], "randrange");
        stop = toInt(args[1], "randrange");
        if (args.count == 3)
            step = toInt(args[2], "randrange");
    }
    return Value::integer(randrangeChecked(in, start, stop, step));
}

Value randomRandint(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "randint", 2, 2);
    const std::int64_t a = toInt(args[0], "randint"), b = toInt(args[1], "randint");
    if (b + 1 - a <= 0)
        raise(types().ValueError, "empty range for randrange() (" + std::to_string(a) + ", " + std::to_string(b + 1) + ", " + std::to_string(b + 1 - a) + ")");
    return Value::integer(in.random().randint(a, b));
}

Value randomChoice(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "choice", 1, 1);
    const std::int64_t n = lengthOf(args[0]);
    if (n == 0)
        raise(types().IndexError, "Cannot choose from an empty sequence");
    return getItem(args[0], Value::integer(static_cast<std::int64_t>(in.random().randbelow(static_cast<std::uint64_t>(n)))));
}

Value randomShuffle(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "shuffle", 1, 1);
    if (!args[0].isKind(ObjKind::List))
        raise(types().TypeError, "IPC Lab's random.shuffle() takes a list, not " + typeName(args[0]));
    auto &items = args[0].as<ListObject>()->items;
    const auto swaps = in.random().shufflePermutationSwaps(items.size());
    std::size_t i = items.size();
    for (std::size_t j : swaps) {
        --i;
        std::swap(items[i], items[j]);
    }
    return Value::none();
}

Value randomUniform(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "uniform", 2, 2);
    return Value::real(in.random().uniform(toFloat(args[0], "uniform"), toFloat(args[1], "uniform")));
}

Value randomGetrandbits(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "getrandbits", 1, 1);
    const std::int64_t k = toInt(args[0], "getrandbits");
    if (k < 0)
        raise(types().ValueError, "number of bits must be non-negative");
    if (k > 63)
        raise(types().OverflowError, "IPC Lab integers are 64-bit: getrandbits() takes at most 63 bits");
    if (k == 0)
        return Value::integer(0);
    return Value::integer(static_cast<std::int64_t>(in.random().getrandbits(static_cast<int>(k))));
}

Value createRandom(Interpreter &)
{
    return makeModule("random",
        { { "seed", nativeFunction("seed", randomSeed) }, { "random", nativeFunction("random", randomRandom) },
            { "randint", nativeFunction("randint", randomRandint) }, { "randrange", nativeFunction("randrange", randomRandrange) },
            { "choice", nativeFunction("choice", randomChoice) }, { "shuffle", nativeFunction("shuffle", randomShuffle) },
            { "uniform", nativeFunction("uniform", randomUniform) }, { "getrandbits", nativeFunction("getrandbits", randomGetrandbits) } });
}

// --- os

Value osGetpid(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "getpid", 0, 0);
    return Value::integer(::getpid());
}

Value osGetppid(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "getppid", 0, 0);
    return Value::integer(::getppid());
}

Value createOs(Interpreter &)
{
    return makeModule("os",
        { { "getpid", nativeFunction("getpid", osGetpid) }, { "getppid", nativeFunction("getppid", osGetppid) }, { "sep", newStr("/") },
            { "linesep", newStr("\n") }, { "name", newStr("posix") } });
}

// --- sys

Value sysExit(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "exit", 0, 1);
    std::vector<Value> a;
    if (args.count == 1 && !args[0].isNone()) // sys.exit(None) carries no args, as in CPython
        a.push_back(args[0]);
    throw PyException { make<ExceptionObject>(types().SystemExit, std::move(a)) };
}

struct StreamObject final : OpaqueObject {
    StreamObject(TypeObject *t, bool err)
        : OpaqueObject(t)
        , isStderr(err)
    {
    }
    bool isStderr;
};

TypeObject *streamType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("TextIOWrapper", types().object);
        incref(t);
        t->methods["write"] = [](Interpreter &in, const Value &self, CallArgs &args) -> Value {
            checkArgCount(args, "write", 1, 1);
            const std::string &text = strArg(args[0], "write", 1);
            if (self.as<StreamObject>()->isStderr) {
                in.output().flush();
                std::fwrite(text.data(), 1, text.size(), stderr);
            } else {
                in.output().write(text);
            }
            return Value::integer(static_cast<std::int64_t>(utf8Length(text)));
        };
        t->methods["flush"] = [](Interpreter &in, const Value &self, CallArgs &args) -> Value {
            checkArgCount(args, "flush", 0, 0);
            if (self.as<StreamObject>()->isStderr)
                std::fflush(stderr);
            else
                in.output().flush();
            return Value::none();
        };
        return t;
    }();
    return type;
}

Value createSys(Interpreter &in)
{
    std::vector<Value> argv;
    for (const auto &a : in.argv())
        argv.push_back(newStr(a));
    return makeModule("sys",
        { { "exit", nativeFunction("exit", sysExit) }, { "argv", newList(std::move(argv)) }, { "platform", newStr("linux") },
            { "maxsize", Value::integer(INT64_MAX) }, { "byteorder", newStr("little") }, { "stdout", Value::object(new StreamObject(streamType(), false)) },
            { "stderr", Value::object(new StreamObject(streamType(), true)) } });
}

std::mutex &registryMutex()
{
    static std::mutex m;
    return m;
}

std::vector<ModuleSpec> &registry()
{
    static std::vector<ModuleSpec> modules = {
        { "time", { "time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns", "sleep" }, createTime },
        { "random", { "seed", "random", "randint", "randrange", "choice", "shuffle", "uniform", "getrandbits" }, createRandom },
        { "os", { "getpid", "getppid", "sep", "linesep", "name" }, createOs },
        { "sys", { "exit", "argv", "platform", "maxsize", "byteorder", "stdout", "stderr" }, createSys },
    };
    return modules;
}

} // namespace

void registerModule(ModuleSpec spec)
{
    std::lock_guard lock(registryMutex());
    auto &r = registry();
    for (auto &existing : r)
        if (existing.name == spec.name) {
            existing = std::move(spec);
            return;
        }
    r.push_back(std::move(spec));
}

const ModuleSpec *findModule(const std::string &name)
{
    std::lock_guard lock(registryMutex());
    for (const auto &spec : registry())
        if (spec.name == name)
            return &spec;
    return nullptr;
}

ImportCatalog importCatalog()
{
    ImportCatalog c;
    c.hasModule = [](const std::string &name) { return findModule(name) != nullptr; };
    c.hasName = [](const std::string &module, const std::string &name) {
        const ModuleSpec *spec = findModule(module);
        return spec && std::find(spec->names.begin(), spec->names.end(), name) != spec->names.end();
    };
    std::lock_guard lock(registryMutex());
    for (const auto &spec : registry()) {
        if (!c.availableModules.empty())
            c.availableModules += ", ";
        c.availableModules += spec.name;
    }
    return c;
}

Value makeModule(const std::string &name, std::vector<std::pair<std::string, Value>> members)
{
    Ref<ModuleObject> m = make<ModuleObject>(name);
    m->set("__name__", newStr(name));
    for (auto &[k, v] : members)
        m->set(k, std::move(v));
    return m.value();
}

Value nativeFunction(const std::string &name, NativeFn fn)
{
    return Value::object(new NativeObject(name, fn));
}

} // namespace ipclab::lang
