// Shared memory a scenario can use: multiprocessing.Value and Array (ctypes
// values in an anonymous shared mapping, with an RLock), SharedMemory (POSIX
// shm_open segments with a memoryview .buf) and the mmap module (anonymous
// shared, or file-backed). A forked child shares the same pages, so a write
// in one process is seen by every other at once; the trace records each read
// and write with its bytes, so the window can show what both processes see.

#include "fd.h"
#include "run_registry.h"
#include "ipc_modules.h"
#include "os_module.h"
#include "sync.h"
#include "trace_values.h"

#include "errors.h"
#include "interpreter.h"
#include "modules.h"
#include "native.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <random>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ipclab::ipc {

using namespace lang;

namespace {

// One mapping, unmapped when the last object using it (a view, a slice of it) lets go.
struct Mapping {
    Mapping(void *a, std::size_t n, trace::ObjectId id)
        : addr(static_cast<unsigned char *>(a))
        , length(n)
        , traceId(id)
    {
    }
    ~Mapping()
    {
        if (addr && length)
            ::munmap(addr, length);
    }
    Mapping(const Mapping &) = delete;
    Mapping &operator=(const Mapping &) = delete;
    unsigned char *addr;
    std::size_t length;
    trace::ObjectId traceId;
};

// A request for shared memory, counted against the run's total before it is made: past the
// limit the scenario gets the error a full /dev/shm gives, not a SIGBUS on its first write.
void reserveSharedMemory(std::uint64_t bytes)
{
    if (!sandbox::reserveSharedBytes(bytes))
        raise(types().OSError, "[Errno 28] No space left on device: this run may create at most " + std::to_string(sandbox::maxSharedBytes() >> 20)
                + " MiB of shared memory (ipclab run --max-shared-memory)");
}

std::shared_ptr<Mapping> mapShared(int fd, std::size_t length, trace::ObjectId id, int prot = PROT_READ | PROT_WRITE, int flags = MAP_SHARED)
{
    // mmap refuses a zero length; an empty segment still needs a mapping object.
    void *a = ::mmap(nullptr, std::max<std::size_t>(length, 1), prot, fd < 0 ? flags | MAP_ANONYMOUS : flags, fd, 0);
    if (a == MAP_FAILED)
        raiseOSError(errno);
    return std::make_shared<Mapping>(a, std::max<std::size_t>(length, 1), id);
}

std::string hexOf(const unsigned char *data, std::size_t n)
{
    static const char digits[] = "0123456789abcdef";
    n = std::min<std::size_t>(n, 128); // the first bytes are what a lesson shows
    std::string out;
    out.reserve(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 15];
    }
    return out;
}

void traceWrite(const Mapping &m, std::size_t offset, std::size_t n, const Value &value)
{
    if (trace::enabled())
        trace::emit("shared.write", trace::Phase::Instant, m.traceId,
            { trace::arg("offset", offset), trace::arg("size", n), trace::arg("hex", hexOf(m.addr + offset, n)), trace::arg("value", traceRepr(value)) });
}

void traceRead(const Mapping &m, std::size_t offset, std::size_t n, const Value &value)
{
    if (trace::enabled())
        trace::emit(
            "shared.read", trace::Phase::Instant, m.traceId, { trace::arg("offset", offset), trace::arg("size", n), trace::arg("value", traceRepr(value)) });
}

// ---------------------------------------------------------------- ctypes values

struct CType {
    char code;
    std::size_t size;
    bool isFloat;
    bool isSigned;
    const char *name; // as ctypes names it: c_int
};

const CType *ctypeFor(const Value &typecode)
{
    static const CType all[] = { { 'b', 1, false, true, "c_byte" }, { 'B', 1, false, false, "c_ubyte" }, { 'h', 2, false, true, "c_short" },
        { 'H', 2, false, false, "c_ushort" }, { 'i', 4, false, true, "c_int" }, { 'I', 4, false, false, "c_uint" }, { 'l', 8, false, true, "c_long" },
        { 'L', 8, false, false, "c_ulong" }, { 'q', 8, false, true, "c_longlong" }, { 'Q', 8, false, false, "c_ulonglong" }, { 'f', 4, true, true, "c_float" },
        { 'd', 8, true, true, "c_double" } };
    if (!typecode.isKind(ObjKind::Str) || typecode.as<StrObject>()->text.size() != 1)
        raise(types().TypeError, "IPC Lab's Value and Array take a typecode: 'i', 'd', 'l', 'b', 'h', 'q', 'f' (or unsigned 'B', 'H', 'I', 'L', 'Q')");
    for (const CType &t : all)
        if (t.code == typecode.as<StrObject>()->text[0])
            return &t;
    raise(types().TypeError, "this type has no size"); // what ctypes says of an unknown typecode
}

Value loadC(const CType &t, const unsigned char *p)
{
    if (t.code == 'f') {
        float f;
        std::memcpy(&f, p, 4);
        return Value::real(f);
    }
    if (t.code == 'd') {
        double d;
        std::memcpy(&d, p, 8);
        return Value::real(d);
    }
    std::uint64_t raw = 0;
    std::memcpy(&raw, p, t.size); // little-endian, as every machine IPC Lab runs on
    if (t.isSigned && t.size < 8 && (raw >> (8 * t.size - 1)) & 1)
        raw |= ~std::uint64_t(0) << (8 * t.size);
    return Value::integer(static_cast<std::int64_t>(raw));
}

// Stores as ctypes does: integers wrap to the type's width, a float for an integer type is a TypeError.
void storeC(const CType &t, unsigned char *p, const Value &v)
{
    if (t.isFloat) {
        if (!v.isIntLike() && !v.isFloat())
            raise(types().TypeError, "must be real number, not " + typeName(v));
        const double d = v.isFloat() ? v.asFloat() : static_cast<double>(v.asInt());
        if (t.code == 'f') {
            const float f = static_cast<float>(d);
            std::memcpy(p, &f, 4);
        } else {
            std::memcpy(p, &d, 8);
        }
        return;
    }
    if (!v.isIntLike())
        raise(types().TypeError, "'" + typeName(v) + "' object cannot be interpreted as an integer");
    const auto raw = static_cast<std::uint64_t>(v.asInt());
    std::memcpy(p, &raw, t.size);
}

TypeObject *syncValueType();
TypeObject *syncArrayType();

struct SharedValueObject final : OpaqueObject {
    SharedValueObject(TypeObject *type, const CType &c, std::size_t n, std::shared_ptr<Mapping> m, Value l)
        : OpaqueObject(type)
        , ctype(c)
        , count(n)
        , mapping(std::move(m))
        , lock(std::move(l))
    {
    }
    const CType &ctype;
    std::size_t count;
    std::shared_ptr<Mapping> mapping;
    Value lock; // None with lock=False
    std::uint64_t traceObject() const override { return mapping ? mapping->traceId : 0; }
    UniqueFd memory; // the memfd behind the mapping, handed to a spawned child

    unsigned char *at(std::size_t i) const { return mapping->addr + i * ctype.size; }
    Value load(std::size_t i) const
    {
        Value v = loadC(ctype, at(i));
        traceRead(*mapping, i * ctype.size, ctype.size, v);
        return v;
    }
    void store(std::size_t i, const Value &v)
    {
        storeC(ctype, at(i), v);
        traceWrite(*mapping, i * ctype.size, ctype.size, v);
    }
    std::size_t index(const Value &key) const
    {
        if (!key.isIntLike())
            raise(types().TypeError, "indices must be integers");
        std::int64_t i = key.asInt();
        if (i < 0)
            i += static_cast<std::int64_t>(count);
        if (i < 0 || i >= static_cast<std::int64_t>(count))
            raise(types().IndexError, "invalid index");
        return static_cast<std::size_t>(i);
    }

    Value getAttribute(Interpreter &, const std::string &name) override
    {
        if (name == "value" && count == 1 && type == syncValueType())
            return load(0);
        return Value();
    }
    bool setAttribute(Interpreter &, const std::string &name, const Value &value) override
    {
        if (name != "value" || type != syncValueType())
            return false;
        store(0, value);
        return true;
    }
    bool getItem(const Value &key, Value &out) override
    {
        if (type != syncArrayType())
            return false;
        if (key.isKind(ObjKind::Slice)) {
            std::int64_t start, stop, step;
            const std::int64_t n = sliceIndices(*key.as<SliceObject>(), static_cast<std::int64_t>(count), start, stop, step);
            std::vector<Value> items;
            for (std::int64_t k = 0, i = start; k < n; ++k, i += step)
                items.push_back(loadC(ctype, at(static_cast<std::size_t>(i))));
            out = newList(std::move(items));
            if (n > 0)
                traceRead(*mapping, static_cast<std::size_t>(start) * ctype.size, static_cast<std::size_t>(n) * ctype.size, out);
            return true;
        }
        out = load(index(key));
        return true;
    }
    bool setItem(const Value &key, const Value &value) override
    {
        if (type != syncArrayType())
            return false;
        if (key.isKind(ObjKind::Slice)) {
            std::int64_t start, stop, step;
            const std::int64_t n = sliceIndices(*key.as<SliceObject>(), static_cast<std::int64_t>(count), start, stop, step);
            const std::vector<Value> items = toVector(value);
            if (static_cast<std::int64_t>(items.size()) != n)
                raise(types().ValueError, "Can only assign sequence of same size");
            for (std::int64_t k = 0, i = start; k < n; ++k, i += step)
                store(static_cast<std::size_t>(i), items[static_cast<std::size_t>(k)]);
            return true;
        }
        store(index(key), value);
        return true;
    }
    bool length(std::int64_t &n) override
    {
        if (type != syncArrayType())
            return false;
        n = static_cast<std::int64_t>(count);
        return true;
    }
    bool items(std::vector<Value> &out) override
    {
        if (type != syncArrayType())
            return false;
        for (std::size_t i = 0; i < count; ++i)
            out.push_back(loadC(ctype, at(i)));
        traceRead(*mapping, 0, count * ctype.size, newList(out));
        return true;
    }
    bool text(std::string &out) override
    {
        if (type == syncValueType()) {
            const std::string raw = std::string(ctype.name) + "(" + repr(loadC(ctype, at(0))) + ")";
            out = lock.isNone() ? raw : "<Synchronized wrapper for " + raw + ">"; // lock=False: the bare ctypes value
            return true;
        }
        out = "<SynchronizedArray wrapper for <multiprocessing.sharedctypes." + std::string(ctype.name) + "_Array_" + std::to_string(count) + " object>>";
        return true;
    }
};

SharedValueObject &sharedValue(const Value &v)
{
    return *static_cast<SharedValueObject *>(v.obj());
}

Value lockFor(const Value &lockArg)
{
    // lock=True (the default): a new RLock, as CPython's synchronized() wrapper makes.
    if (lockArg.isUndefined() || (lockArg.isBool() && lockArg.asBool()))
        return makeSync(SyncKind::RLock, true, 1);
    if (lockArg.isBool() || lockArg.isNone())
        return Value::none();
    return lockArg;
}

Value makeShared(TypeObject *type, const CType &c, std::size_t count, const std::vector<Value> &initial, const Value &lockArg, const char *kind)
{
    Value lock = lockFor(lockArg);
    // In a memfd rather than anonymous memory: a forked child shares it all the same, and a
    // spawned one can be handed the fd (as CPython hands over its arena's file).
    reserveSharedMemory(count * c.size);
    UniqueFd memory(::memfd_create("ipclab-sharedctypes", MFD_CLOEXEC));
    if (!memory.valid() || ::ftruncate(memory.get(), static_cast<off_t>(std::max<std::size_t>(count * c.size, 1))) != 0)
        raiseOSError(errno);
    auto mapping = mapShared(memory.get(), count * c.size, trace::newObjectId());
    auto *obj = new SharedValueObject(type, c, count, mapping, lock);
    obj->memory = std::move(memory);
    Value v = Value::object(obj);
    for (std::size_t i = 0; i < initial.size(); ++i)
        storeC(c, obj->at(i), initial[i]);
    // Its lock, so the window draws the two together.
    const bool ownLock = lock.isKind(ObjKind::Opaque) && dynamic_cast<SyncObject *>(lock.as<OpaqueObject>());
    const auto lockId = ownLock ? static_cast<std::int64_t>(static_cast<SyncObject *>(lock.obj())->traceId) : std::int64_t(0);
    trace::emit("shared.create", trace::Phase::Instant, mapping->traceId,
        { trace::arg("kind", kind), trace::arg("typecode", std::string(1, c.code)), trace::arg("size", count * c.size), trace::arg("count", count),
            trace::arg("lock", lockId), trace::arg("hex", hexOf(mapping->addr, count * c.size)),
            trace::arg("value", traceRepr(kind[0] == 'V' ? loadC(c, obj->at(0)) : newList(initial))) });
    return v;
}

Value mpValue(Interpreter &, const Value &, CallArgs &args)
{
    allowKeywords(args, "Value", { "lock" });
    checkArgCount(args, "Value", 1, 2);
    const CType &c = *ctypeFor(args[0]);
    std::vector<Value> initial;
    if (args.count == 2)
        initial.push_back(args[1]);
    return makeShared(syncValueType(), c, 1, initial, argOrKeyword(args, 99, "lock"), "Value");
}

Value mpArray(Interpreter &, const Value &, CallArgs &args)
{
    allowKeywords(args, "Array", { "lock" });
    checkArgCount(args, "Array", 2, 2);
    const CType &c = *ctypeFor(args[0]);
    std::vector<Value> initial;
    std::size_t count;
    if (args[1].isIntLike()) {
        if (args[1].asInt() < 0)
            raise(types().ValueError, "Array length must be >= 0, not " + std::to_string(args[1].asInt()));
        count = static_cast<std::size_t>(args[1].asInt());
    } else {
        initial = toVector(args[1]);
        count = initial.size();
    }
    return makeShared(syncArrayType(), c, count, initial, argOrKeyword(args, 99, "lock"), "Array");
}

Value requireLock(const Value &self, const char *what)
{
    const Value &lock = sharedValue(self).lock;
    if (lock.isNone())
        raise(types().AttributeError, "'" + std::string(sharedValue(self).ctype.name) + "' object has no attribute '" + what + "'");
    return lock;
}

Value svGetLock(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "get_lock", 0, 0);
    return requireLock(self, "get_lock");
}

Value svAcquire(Interpreter &in, const Value &self, CallArgs &args)
{
    return in.call(in.getAttribute(requireLock(self, "acquire"), "acquire"), args);
}

Value svRelease(Interpreter &in, const Value &self, CallArgs &args)
{
    return in.call(in.getAttribute(requireLock(self, "release"), "release"), args);
}

Value svEnter(Interpreter &in, const Value &self, CallArgs &)
{
    return in.call(in.getAttribute(requireLock(self, "__enter__"), "__enter__"), std::vector<Value> {});
}

Value svExit(Interpreter &in, const Value &self, CallArgs &)
{
    return in.call(in.getAttribute(requireLock(self, "__exit__"), "release"), std::vector<Value> {});
}

TypeObject *makeSharedType(const char *name)
{
    auto *t = new TypeObject(name, types().object);
    incref(t);
    t->methods["get_lock"] = svGetLock;
    t->methods["acquire"] = svAcquire;
    t->methods["release"] = svRelease;
    t->methods["__enter__"] = svEnter;
    t->methods["__exit__"] = svExit;
    return t;
}

TypeObject *syncValueType()
{
    static TypeObject *type = makeSharedType("Synchronized");
    return type;
}

TypeObject *syncArrayType()
{
    static TypeObject *type = makeSharedType("SynchronizedArray");
    return type;
}

// ---------------------------------------------------------------- memoryview over a mapping

TypeObject *memoryViewType();

struct MemoryViewObject final : OpaqueObject {
    MemoryViewObject(std::shared_ptr<Mapping> m, std::size_t off, std::size_t n)
        : OpaqueObject(memoryViewType())
        , mapping(std::move(m))
        , offset(off)
        , size(n)
    {
    }
    std::shared_ptr<Mapping> mapping;
    std::size_t offset;
    std::size_t size;
    bool released = false;

    void checkReleased() const
    {
        if (released)
            raise(types().ValueError, "operation forbidden on released memoryview object");
    }
    std::size_t index(const Value &key) const
    {
        if (!key.isIntLike())
            raise(types().TypeError, "memoryview: invalid slice key");
        std::int64_t i = key.asInt();
        if (i < 0)
            i += static_cast<std::int64_t>(size);
        if (i < 0 || i >= static_cast<std::int64_t>(size))
            raise(types().IndexError, "index out of bounds on dimension 1");
        return static_cast<std::size_t>(i);
    }
    bool getItem(const Value &key, Value &out) override
    {
        checkReleased();
        if (key.isKind(ObjKind::Slice)) {
            std::int64_t start, stop, step;
            const std::int64_t n = sliceIndices(*key.as<SliceObject>(), static_cast<std::int64_t>(size), start, stop, step);
            if (step != 1)
                raise(types().NotImplementedError, "IPC Lab's memoryview slices have no step");
            out = Value::object(new MemoryViewObject(mapping, offset + static_cast<std::size_t>(start), static_cast<std::size_t>(n)));
            return true;
        }
        const std::size_t i = index(key);
        out = Value::integer(mapping->addr[offset + i]);
        traceRead(*mapping, offset + i, 1, out);
        return true;
    }
    bool setItem(const Value &key, const Value &value) override
    {
        checkReleased();
        if (key.isKind(ObjKind::Slice)) {
            std::int64_t start, stop, step;
            const std::int64_t n = sliceIndices(*key.as<SliceObject>(), static_cast<std::int64_t>(size), start, stop, step);
            std::string data;
            if (value.isKind(ObjKind::Bytes))
                data = value.as<BytesObject>()->data;
            else if (value.isKind(ObjKind::Opaque) && value.as<OpaqueObject>()->type == memoryViewType())
                data = static_cast<MemoryViewObject *>(value.obj())->bytes();
            else
                data = bytesArg(value); // raises "a bytes-like object is required"
            if (step != 1 || static_cast<std::int64_t>(data.size()) != n)
                raise(types().ValueError, "memoryview assignment: lvalue and rvalue have different structures");
            std::memcpy(mapping->addr + offset + static_cast<std::size_t>(start), data.data(), data.size());
            traceWrite(*mapping, offset + static_cast<std::size_t>(start), data.size(), value);
            return true;
        }
        const std::size_t i = index(key);
        if (!value.isIntLike())
            raise(types().TypeError, "memoryview: invalid type for format 'B'");
        if (value.asInt() < 0 || value.asInt() > 255)
            raise(types().ValueError, "memoryview: invalid value for format 'B'");
        mapping->addr[offset + i] = static_cast<unsigned char>(value.asInt());
        traceWrite(*mapping, offset + i, 1, value);
        return true;
    }
    bool length(std::int64_t &n) override
    {
        checkReleased();
        n = static_cast<std::int64_t>(size);
        return true;
    }
    bool items(std::vector<Value> &out) override
    {
        checkReleased();
        for (std::size_t i = 0; i < size; ++i)
            out.push_back(Value::integer(mapping->addr[offset + i]));
        traceRead(*mapping, offset, size, newBytes(bytes()));
        return true;
    }
    bool text(std::string &out) override
    {
        out = released ? "<released memory>" : "<memory>";
        return true;
    }
    std::string bytes() const { return std::string(reinterpret_cast<const char *>(mapping->addr + offset), size); }
};

Value mvTobytes(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "tobytes", 0, 0);
    auto &m = *static_cast<MemoryViewObject *>(self.obj());
    m.checkReleased();
    Value b = newBytes(m.bytes());
    traceRead(*m.mapping, m.offset, m.size, b);
    return b;
}

Value mvTolist(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "tolist", 0, 0);
    std::vector<Value> out;
    static_cast<MemoryViewObject *>(self.obj())->items(out);
    return newList(std::move(out));
}

Value mvRelease(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "release", 0, 0);
    static_cast<MemoryViewObject *>(self.obj())->released = true;
    return Value::none();
}

TypeObject *memoryViewType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("memoryview", types().object);
        incref(t);
        t->methods["tobytes"] = mvTobytes;
        t->methods["tolist"] = mvTolist;
        t->methods["release"] = mvRelease;
        return t;
    }();
    return type;
}

// ---------------------------------------------------------------- SharedMemory

TypeObject *sharedMemoryType();

struct SharedMemoryObject final : OpaqueObject {
    SharedMemoryObject()
        : OpaqueObject(sharedMemoryType())
    {
    }
    std::string name; // without the leading '/'
    std::size_t size = 0;
    std::shared_ptr<Mapping> mapping;
    Value buf; // None once closed
    std::uint64_t traceObject() const override { return mapping ? mapping->traceId : 0; }

    Value getAttribute(Interpreter &, const std::string &attr) override
    {
        if (attr == "name")
            return newStr(name);
        if (attr == "size")
            return Value::integer(static_cast<std::int64_t>(size));
        if (attr == "buf")
            return buf;
        return Value();
    }
    bool text(std::string &out) override
    {
        out = "SharedMemory(" + repr(newStr(name)) + ", size=" + std::to_string(size) + ")";
        return true;
    }
};

SharedMemoryObject &sharedMemory(const Value &v)
{
    return *static_cast<SharedMemoryObject *>(v.obj());
}

// The segment's name as the kernel sees it: shm_open skips leading slashes, as CPython's
// SharedMemory("/x") names the segment "x" (and reports "/x").
std::string segmentFileName(const std::string &name)
{
    const std::size_t first = name.find_first_not_of('/');
    return first == std::string::npos ? std::string() : name.substr(first);
}

std::string randomSegmentName()
{
    // CPython: "psm_" and 8 hex digits (secrets.token_hex(4)).
    static std::random_device random;
    char text[16];
    std::snprintf(text, sizeof text, "psm_%08x", static_cast<unsigned>(random()));
    return text;
}

Value constructSharedMemory(Interpreter &, const Value &, CallArgs &args)
{
    allowKeywords(args, "SharedMemory", { "name", "create", "size" });
    checkArgCount(args, "SharedMemory", 0, 3);
    const Value nameArg = argOrKeyword(args, 0, "name", Value::none());
    const bool create = truthy(argOrKeyword(args, 1, "create", Value::boolean(false)));
    const std::int64_t size = toInt(argOrKeyword(args, 2, "size", Value::integer(0)), "SharedMemory");
    if (size < 0)
        raise(types().ValueError, "'size' must be a positive integer");
    if (create && size == 0)
        raise(types().ValueError, "'size' must be a positive number different from zero");
    if (nameArg.isNone() && !create)
        raise(types().ValueError, "'name' can only be None if create=True");
    Ref<SharedMemoryObject> shm = make<SharedMemoryObject>();
    const bool named = !nameArg.isNone();
    shm->name = named ? strArg(nameArg, "SharedMemory", 1) : randomSegmentName();
    int fd;
    if (create) {
        reserveSharedMemory(static_cast<std::uint64_t>(size));
        while (true) {
            // Announced in the run's registry before it exists: if the process dies right after,
            // the orchestrator still unlinks it. A failed attempt says so, and is not unlinked.
            const auto slot = sandbox::beginSegment(segmentFileName(shm->name));
            if (!slot)
                raise(types().OSError, "[Errno 24] Too many open files: this run has created as many shared memory segments as it may");
            const trace::ObjectId attempt = namedObjectId("shm", shm->name);
            trace::emit("shm.create", trace::Phase::Begin, attempt, { trace::arg("name", shm->name), trace::arg("size", size) });
            trace::flushThread();
            fd = ::shm_open(("/" + shm->name).c_str(), O_CREAT | O_EXCL | O_RDWR, 0600);
            if (fd >= 0) {
                sandbox::segmentCreated(*slot, static_cast<std::uint64_t>(size));
                break;
            }
            const int err = errno;
            sandbox::segmentNotOurs(*slot);
            trace::emit(
                "shm.create", trace::Phase::Fail, attempt, { trace::arg("name", shm->name), trace::arg("exc", err == EEXIST ? "FileExistsError" : "OSError") });
            if (err != EEXIST || named)
                raiseOSError(err, "/" + shm->name);
            shm->name = randomSegmentName(); // CPython retries a random name that is taken
        }
        UniqueFd owned(fd);
        if (::ftruncate(fd, size) != 0)
            raiseOSError(errno);
        shm->size = static_cast<std::size_t>(size);
        shm->mapping = mapShared(fd, shm->size, namedObjectId("shm", shm->name));
        trace::emit("shm.create", trace::Phase::End, shm->mapping->traceId,
            { trace::arg("name", shm->name), trace::arg("size", size), trace::arg("hex", hexOf(shm->mapping->addr, shm->size)) });
    } else {
        const std::string path = "/" + shm->name;
        // Only this run's segments are visible: another program's look missing, as if not there.
        if (!sandbox::isSegmentOfRun(segmentFileName(shm->name)))
            raiseOSError(ENOENT, path);
        fd = ::shm_open(path.c_str(), O_RDWR, 0600);
        if (fd < 0)
            raiseOSError(errno, path);
        UniqueFd owned(fd);
        struct stat st { };
        if (::fstat(fd, &st) != 0)
            raiseOSError(errno);
        shm->size = static_cast<std::size_t>(st.st_size);
        const trace::ObjectId id = namedObjectId("shm", shm->name);
        shm->mapping = mapShared(fd, shm->size, id);
        trace::emit("shm.attach", trace::Phase::Instant, id,
            { trace::arg("name", shm->name), trace::arg("size", shm->size), trace::arg("hex", hexOf(shm->mapping->addr, shm->size)) });
    }
    shm->buf = Value::object(new MemoryViewObject(shm->mapping, 0, shm->size));
    return shm.value();
}

Value shmClose(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "close", 0, 0);
    auto &shm = sharedMemory(self);
    if (shm.buf.isKind(ObjKind::Opaque)) {
        static_cast<MemoryViewObject *>(shm.buf.obj())->released = true;
        trace::emit("shm.close", trace::Phase::Instant, shm.mapping->traceId, { trace::arg("name", shm.name) });
    }
    shm.buf = Value::none();
    shm.mapping.reset(); // unmapped once no slice of the view holds it
    return Value::none();
}

Value shmUnlink(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "unlink", 0, 0);
    auto &shm = sharedMemory(self);
    if (::shm_unlink(("/" + shm.name).c_str()) != 0)
        raiseOSError(errno, "/" + shm.name);
    sandbox::segmentUnlinked(segmentFileName(shm.name));
    trace::emit("shm.unlink", trace::Phase::Instant, namedObjectId("shm", shm.name), { trace::arg("name", shm.name) });
    return Value::none();
}

TypeObject *sharedMemoryType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("SharedMemory", types().object);
        incref(t);
        t->construct = constructSharedMemory;
        t->methods["close"] = shmClose;
        t->methods["unlink"] = shmUnlink;
        return t;
    }();
    return type;
}

// ---------------------------------------------------------------- mmap

TypeObject *mmapType();

struct MmapObject final : OpaqueObject {
    MmapObject()
        : OpaqueObject(mmapType())
    {
    }
    std::shared_ptr<Mapping> mapping;
    std::size_t size = 0;
    std::size_t position = 0;
    UniqueFd file; // a dup of the file's fd, for size(), as CPython keeps one
    bool readonly = false; // access=ACCESS_READ

    void checkWritable() const
    {
        if (readonly)
            raise(types().TypeError, "mmap can't modify a readonly memory map.");
    }

    void checkOpen() const
    {
        if (!mapping)
            raise(types().ValueError, "mmap closed or invalid");
    }
    std::size_t index(const Value &key) const
    {
        if (!key.isIntLike())
            raise(types().TypeError, "mmap indices must be integers");
        std::int64_t i = key.asInt();
        if (i < 0)
            i += static_cast<std::int64_t>(size);
        if (i < 0 || i >= static_cast<std::int64_t>(size))
            raise(types().IndexError, "mmap index out of range");
        return static_cast<std::size_t>(i);
    }
    bool getItem(const Value &key, Value &out) override
    {
        checkOpen();
        if (key.isKind(ObjKind::Slice)) {
            std::int64_t start, stop, step;
            const std::int64_t n = sliceIndices(*key.as<SliceObject>(), static_cast<std::int64_t>(size), start, stop, step);
            std::string part;
            for (std::int64_t k = 0, i = start; k < n; ++k, i += step)
                part += static_cast<char>(mapping->addr[i]);
            out = newBytes(std::move(part));
            if (n > 0)
                traceRead(*mapping, static_cast<std::size_t>(start), static_cast<std::size_t>(n), out);
            return true;
        }
        const std::size_t i = index(key);
        out = Value::integer(mapping->addr[i]);
        traceRead(*mapping, i, 1, out);
        return true;
    }
    bool setItem(const Value &key, const Value &value) override
    {
        checkOpen();
        checkWritable();
        if (key.isKind(ObjKind::Slice)) {
            std::int64_t start, stop, step;
            const std::int64_t n = sliceIndices(*key.as<SliceObject>(), static_cast<std::int64_t>(size), start, stop, step);
            const std::string &data = bytesArg(value);
            if (static_cast<std::int64_t>(data.size()) != n)
                raise(types().IndexError, "mmap slice assignment is wrong size");
            for (std::int64_t k = 0, i = start; k < n; ++k, i += step)
                mapping->addr[i] = static_cast<unsigned char>(data[static_cast<std::size_t>(k)]);
            if (n > 0)
                traceWrite(*mapping, static_cast<std::size_t>(start), static_cast<std::size_t>(n), value);
            return true;
        }
        const std::size_t i = index(key);
        if (!value.isIntLike())
            raise(types().TypeError, "mmap item value must be an int");
        if (value.asInt() < 0 || value.asInt() > 255)
            raise(types().ValueError, "mmap item value must be in range(0, 256)");
        mapping->addr[i] = static_cast<unsigned char>(value.asInt());
        traceWrite(*mapping, i, 1, value);
        return true;
    }
    bool length(std::int64_t &n) override
    {
        checkOpen();
        n = static_cast<std::int64_t>(size);
        return true;
    }
    Value getAttribute(Interpreter &, const std::string &name) override
    {
        if (name == "closed")
            return Value::boolean(!mapping);
        return Value();
    }
};

MmapObject &mmapSelf(const Value &v)
{
    auto &m = *static_cast<MmapObject *>(v.obj());
    m.checkOpen();
    return m;
}

Value constructMmap(Interpreter &, const Value &, CallArgs &args)
{
    if (args.keywords)
        for (const auto &[key, value] : *args.keywords)
            if (key != "fileno" && key != "length" && key != "flags" && key != "prot" && key != "access" && key != "offset")
                raise(types().TypeError, "'" + key + "' is an invalid keyword argument for this function"); // tagname is Windows-only
    checkArgCount(args, "mmap", 2, 6);
    // access: ACCESS_DEFAULT 0 and ACCESS_WRITE 2 share the pages, ACCESS_READ 1 only reads, ACCESS_COPY 3 writes privately.
    const std::int64_t access = toInt(argOrKeyword(args, 4, "access", Value::integer(0)), "mmap");
    if (access < 0 || access > 3)
        raise(types().ValueError, "mmap invalid access parameter.");
    const std::int64_t fd = toInt(argOrKeyword(args, 0, "fileno"), "mmap");
    std::int64_t length = toInt(argOrKeyword(args, 1, "length"), "mmap");
    if (length < 0)
        raise(types().OverflowError, "memory mapped length must be positive");
    Ref<MmapObject> m = make<MmapObject>();
    std::string path;
    if (fd != -1) {
        if (!isScenarioFd(static_cast<int>(fd)))
            raiseOSError(EBADF); // only what the scenario opened: never the run's own channels
        struct stat st { };
        if (::fstat(static_cast<int>(fd), &st) != 0)
            raiseOSError(errno);
        if (length == 0) {
            if (st.st_size == 0)
                raise(types().ValueError, "cannot mmap an empty file");
            length = st.st_size;
        } else if (S_ISREG(st.st_mode) && length > st.st_size) {
            raise(types().ValueError, "mmap length is greater than file size");
        }
        const int copy = ::fcntl(static_cast<int>(fd), F_DUPFD_CLOEXEC, 0);
        if (copy < 0)
            raiseOSError(errno);
        m->file = UniqueFd(copy);
        path = openedFdPath(static_cast<int>(fd));
    } else if (length == 0) {
        raise(types().ValueError, "cannot mmap an empty file");
    } else {
        reserveSharedMemory(static_cast<std::uint64_t>(length));
    }
    m->size = static_cast<std::size_t>(length);
    // A file mapped in two processes by path is one segment; an anonymous one is its own.
    const trace::ObjectId id = path.empty() || access == 3 ? trace::newObjectId() : namedObjectId("file", path);
    m->readonly = access == 1;
    m->mapping
        = mapShared(fd == -1 ? -1 : m->file.get(), m->size, id, access == 1 ? PROT_READ : PROT_READ | PROT_WRITE, access == 3 ? MAP_PRIVATE : MAP_SHARED);
    trace::emit("shared.create", trace::Phase::Instant, id,
        { trace::arg("kind", "mmap"), trace::arg("name", path), trace::arg("size", m->size), trace::arg("hex", hexOf(m->mapping->addr, m->size)) });
    return m.value();
}

Value mmapRead(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "read", 0, 1);
    auto &m = mmapSelf(self);
    const Value nArg = argOrKeyword(args, 0, "n", Value::none());
    const std::size_t left = m.size - std::min(m.position, m.size);
    std::size_t n = left;
    if (!nArg.isNone() && toInt(nArg, "read") >= 0)
        n = std::min<std::size_t>(left, static_cast<std::size_t>(toInt(nArg, "read")));
    Value out = newBytes(std::string(reinterpret_cast<const char *>(m.mapping->addr + m.position), n));
    if (n)
        traceRead(*m.mapping, m.position, n, out);
    m.position += n;
    return out;
}

Value mmapWrite(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "write", 1, 1);
    auto &m = mmapSelf(self);
    m.checkWritable();
    const std::string &data = bytesArg(args[0]);
    if (m.position > m.size || m.size - m.position < data.size())
        raise(types().ValueError, "data out of range");
    std::memcpy(m.mapping->addr + m.position, data.data(), data.size());
    traceWrite(*m.mapping, m.position, data.size(), args[0]);
    m.position += data.size();
    return Value::integer(static_cast<std::int64_t>(data.size()));
}

Value mmapSeek(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "seek", 1, 2);
    auto &m = mmapSelf(self);
    const std::int64_t pos = toInt(args[0], "seek");
    const std::int64_t whence = args.count > 1 ? toInt(args[1], "seek") : 0;
    const std::int64_t base = whence == 0 ? 0 : whence == 1 ? static_cast<std::int64_t>(m.position) : static_cast<std::int64_t>(m.size);
    if ((whence < 0 || whence > 2) || base + pos < 0 || base + pos > static_cast<std::int64_t>(m.size))
        raise(types().ValueError, "seek out of range");
    m.position = static_cast<std::size_t>(base + pos);
    return Value::none();
}

Value mmapTell(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "tell", 0, 0);
    return Value::integer(static_cast<std::int64_t>(mmapSelf(self).position));
}

Value mmapSize(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "size", 0, 0);
    auto &m = mmapSelf(self);
    if (!m.file.valid())
        return Value::integer(static_cast<std::int64_t>(m.size));
    struct stat st { };
    if (::fstat(m.file.get(), &st) != 0)
        raiseOSError(errno);
    return Value::integer(st.st_size);
}

Value mmapFind(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "find", 1, 3);
    auto &m = mmapSelf(self);
    const std::string &needle = bytesArg(args[0]);
    const std::size_t start = args.count > 1 ? static_cast<std::size_t>(std::max<std::int64_t>(0, toInt(args[1], "find"))) : m.position;
    const std::string_view hay(reinterpret_cast<const char *>(m.mapping->addr), m.size);
    const std::size_t at = start > m.size ? std::string_view::npos : hay.find(needle, start);
    return Value::integer(at == std::string_view::npos ? -1 : static_cast<std::int64_t>(at));
}

Value mmapFlush(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "flush", 0, 2);
    auto &m = mmapSelf(self);
    if (m.file.valid() && ::msync(m.mapping->addr, m.mapping->length, MS_SYNC) != 0)
        raiseOSError(errno);
    return Value::none();
}

Value mmapClose(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "close", 0, 0);
    auto &m = *static_cast<MmapObject *>(self.obj());
    m.mapping.reset();
    m.file.reset();
    return Value::none();
}

Value mmapEnter(Interpreter &, const Value &self, CallArgs &)
{
    mmapSelf(self);
    return self;
}

Value mmapExit(Interpreter &in, const Value &self, CallArgs &)
{
    CallArgs none;
    return mmapClose(in, self, none);
}

TypeObject *mmapType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("mmap", types().object);
        incref(t);
        t->construct = constructMmap;
        auto &m = t->methods;
        m["read"] = mmapRead;
        m["write"] = mmapWrite;
        m["seek"] = mmapSeek;
        m["tell"] = mmapTell;
        m["size"] = mmapSize;
        m["find"] = mmapFind;
        m["flush"] = mmapFlush;
        m["close"] = mmapClose;
        m["__enter__"] = mmapEnter;
        m["__exit__"] = mmapExit;
        return t;
    }();
    return type;
}

Value createSharedMemoryModule(Interpreter &)
{
    return makeModule("multiprocessing.shared_memory", { { "SharedMemory", Value::object(sharedMemoryType()) } });
}

Value createMmap(Interpreter &)
{
    return makeModule("mmap",
        { { "mmap", Value::object(mmapType()) }, { "MAP_SHARED", Value::integer(MAP_SHARED) }, { "MAP_PRIVATE", Value::integer(MAP_PRIVATE) },
            { "PROT_READ", Value::integer(PROT_READ) }, { "PROT_WRITE", Value::integer(PROT_WRITE) }, { "ACCESS_DEFAULT", Value::integer(0) },
            { "ACCESS_READ", Value::integer(1) }, { "ACCESS_WRITE", Value::integer(2) }, { "ACCESS_COPY", Value::integer(3) },
            { "PAGESIZE", Value::integer(::sysconf(_SC_PAGESIZE)) } });
}

} // namespace

Value sharedValueFactory(Interpreter &in, const Value &self, CallArgs &args)
{
    return mpValue(in, self, args);
}

Value sharedArrayFactory(Interpreter &in, const Value &self, CallArgs &args)
{
    return mpArray(in, self, args);
}

Value sharedValueSpawnId(const Value &v, std::vector<int> &fds)
{
    if (!v.isKind(ObjKind::Opaque) || (v.as<OpaqueObject>()->type != syncValueType() && v.as<OpaqueObject>()->type != syncArrayType()))
        return Value();
    auto &sv = *static_cast<SharedValueObject *>(v.obj());
    fds.push_back(sv.memory.get());
    return newTuple(
        { newStr("sharedctypes"), Value::boolean(sv.type == syncArrayType()), Value::integer(sv.memory.get()), newStr(std::string(1, sv.ctype.code)),
            Value::integer(static_cast<std::int64_t>(sv.count)), Value::integer(static_cast<std::int64_t>(sv.mapping->traceId)), sv.lock });
}

Value rebuildSharedValue(const Value &id)
{
    const auto &items = id.as<TupleObject>()->items;
    const bool isArray = truthy(items.at(1));
    const int fd = static_cast<int>(items.at(2).asInt());
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    UniqueFd memory(fd);
    const CType &c = *ctypeFor(items.at(3));
    const auto count = static_cast<std::size_t>(items.at(4).asInt());
    auto mapping = mapShared(fd, count * c.size, static_cast<trace::ObjectId>(items.at(5).asInt()));
    auto *obj = new SharedValueObject(isArray ? syncArrayType() : syncValueType(), c, count, mapping, items.at(6));
    obj->memory = std::move(memory);
    return Value::object(obj);
}

Value sharedMemoryPersistentId(const Value &v)
{
    if (!v.isKind(ObjKind::Opaque) || v.as<OpaqueObject>()->type != sharedMemoryType())
        return Value();
    // As CPython reduces it: by name, attached again on the other side.
    return newTuple({ newStr("shm"), newStr(static_cast<SharedMemoryObject *>(v.obj())->name) });
}

Value attachSharedMemory(Interpreter &in, const std::string &name)
{
    std::vector<std::pair<std::string, Value>> keywords { { "name", newStr(name) } };
    CallArgs call;
    call.keywords = &keywords;
    return constructSharedMemory(in, Value::object(sharedMemoryType()), call);
}

void registerSharedMemoryModules()
{
    registerModule({ "multiprocessing.shared_memory", { "SharedMemory" }, createSharedMemoryModule });
    registerModule({ "mmap",
        { "mmap", "MAP_SHARED", "MAP_PRIVATE", "PROT_READ", "PROT_WRITE", "ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY", "PAGESIZE" },
        createMmap });
}

} // namespace ipclab::ipc
