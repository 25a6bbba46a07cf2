#include "pickle.h"

#include "builtins.h"
#include "classes.h"
#include "errors.h"
#include "interpreter.h"
#include "modules.h"
#include "operations.h"
#include "textformat.h"
#include "types.h"

#include <bit>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ipclab::lang {

namespace {

// The opcodes, named as in Lib/pickle.py.
namespace op {
constexpr unsigned char MARK = '(', STOP = '.', POP = '0', POP_MARK = '1', DUP = '2', FLOAT = 'F', INT = 'I', BININT = 'J', BININT1 = 'K', LONG = 'L',
                        BININT2 = 'M', NONE = 'N', PERSID = 'P', BINPERSID = 'Q', REDUCE = 'R', STRING = 'S', BINSTRING = 'T', SHORT_BINSTRING = 'U',
                        UNICODE = 'V', BINUNICODE = 'X', APPEND = 'a', BUILD = 'b', GLOBAL = 'c', DICT = 'd', EMPTY_DICT = '}', APPENDS = 'e', GET = 'g',
                        BINGET = 'h', INST = 'i', LONG_BINGET = 'j', LIST = 'l', EMPTY_LIST = ']', OBJ = 'o', PUT = 'p', BINPUT = 'q', LONG_BINPUT = 'r',
                        SETITEM = 's', TUPLE = 't', EMPTY_TUPLE = ')', SETITEMS = 'u', BINFLOAT = 'G';
// Protocol 2.
constexpr unsigned char PROTO = 0x80, NEWOBJ = 0x81, EXT1 = 0x82, EXT2 = 0x83, EXT4 = 0x84, TUPLE1 = 0x85, TUPLE2 = 0x86, TUPLE3 = 0x87, NEWTRUE = 0x88,
                        NEWFALSE = 0x89, LONG1 = 0x8a, LONG4 = 0x8b;
// Protocol 3.
constexpr unsigned char BINBYTES = 'B', SHORT_BINBYTES = 'C';
// Protocol 4.
constexpr unsigned char SHORT_BINUNICODE = 0x8c, BINUNICODE8 = 0x8d, BINBYTES8 = 0x8e, EMPTY_SET = 0x8f, ADDITEMS = 0x90, FROZENSET = 0x91, NEWOBJ_EX = 0x92,
                        STACK_GLOBAL = 0x93, MEMOIZE = 0x94, FRAME = 0x95;
// Protocol 5.
constexpr unsigned char BYTEARRAY8 = 0x96, NEXT_BUFFER = 0x97, READONLY_BUFFER = 0x98;
} // namespace op

constexpr int kHighestProtocol = 5;
constexpr std::size_t kFrameHeaderSize = 9; // FRAME + 8-byte length
constexpr std::size_t kFrameSizeMin = 4; // smaller frames are dropped, as in _pickle.c
constexpr std::size_t kFrameSizeTarget = 64 * 1024; // FRAME_SIZE_TARGET
constexpr std::size_t kBatchSize = 1000; // BATCHSIZE of APPENDS/SETITEMS/ADDITEMS
constexpr std::size_t kNoFrame = static_cast<std::size_t>(-1);
constexpr std::uint64_t kSsizeMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
// CPython's recursion budget seen from module level (limit 1000 minus the calling frame):
// dumps fails on the same nesting depth (500 lists, 999 tuples) as CPython called there.
constexpr int kRecursionBudget = 999;

// ------------------------------------------------------------------ stand-ins for globals IPC Lab lacks

[[noreturn]] void pickleOnly(const char *name)
{
    raise(types().TypeError, std::string(name) + "() exists only inside pickles in IPC Lab");
}
Value getattrStandInFn(Interpreter &, const Value &, CallArgs &)
{
    pickleOnly("getattr");
}
Value codecsEncodeStandInFn(Interpreter &, const Value &, CallArgs &)
{
    pickleOnly("_codecs.encode");
}

/// builtins.getattr (how CPython pickles bound built-in methods) and _codecs.encode (how
/// protocols 0-2 pickle bytes) have no IPC Lab counterpart; these immortal objects stand
/// for them in the memo and on the unpickling stack.
NativeObject *getattrStandIn()
{
    static NativeObject *fn = [] {
        auto *n = new NativeObject("getattr", getattrStandInFn);
        incref(n);
        return n;
    }();
    return fn;
}

NativeObject *codecsEncodeStandIn()
{
    static NativeObject *fn = [] {
        auto *n = new NativeObject("encode", codecsEncodeStandInFn);
        incref(n);
        return n;
    }();
    return fn;
}

// ------------------------------------------------------------------ helpers

void putLE(unsigned char *out, std::uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out[i] = static_cast<unsigned char>((value >> (8 * i)) & 0xFF);
}

std::uint64_t getLE(const char *in, int bytes)
{
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
    return v;
}

/// _pickle.UnpicklingError has no IPC Lab type yet; ValueError carries its text.
[[noreturn]] void unpicklingError(const std::string &message)
{
    raise(types().ValueError, message);
}

[[noreturn]] void intOverflow()
{
    raise(types().OverflowError, "integer overflow: IPC Lab integers are 64-bit");
}

// ------------------------------------------------------------------ pickler

class RecursionGuard {
public:
    explicit RecursionGuard(int &remaining)
        : m_remaining(remaining)
    {
        if (m_remaining <= 0)
            raise(types().RecursionError, "maximum recursion depth exceeded while pickling an object");
        --m_remaining;
    }
    ~RecursionGuard() { ++m_remaining; }
    RecursionGuard(const RecursionGuard &) = delete;
    RecursionGuard &operator=(const RecursionGuard &) = delete;

private:
    int &m_remaining;
};

/// Follows _pickle.c's Pickler at protocol 4: the same opcodes, the same memo
/// decisions and the same framing, so the output is byte-identical.
class Pickler {
public:
    explicit Pickler(const PickleHooks &hooks)
        : m_hooks(hooks)
    {
    }

    std::string dump(const Value &v)
    {
        // PROTO goes before framing starts, so it is never inside a frame.
        const unsigned char header[2] = { op::PROTO, 4 };
        write(header, 2);
        m_framing = true;
        save(v);
        writeOp(op::STOP);
        commitFrame();
        return std::move(m_out);
    }

private:
    // --- output and framing (_Pickler_Write, _Pickler_CommitFrame, _Pickler_OpcodeBoundary)

    void write(const void *data, std::size_t n)
    {
        if (m_framing && m_frameStart == kNoFrame) {
            m_frameStart = m_out.size();
            m_out.append(kFrameHeaderSize, '\xFE'); // patched (or removed) when the frame is committed
        }
        m_out.append(static_cast<const char *>(data), n);
    }

    void writeOp(unsigned char opcode) { write(&opcode, 1); }

    void commitFrame()
    {
        if (!m_framing || m_frameStart == kNoFrame)
            return;
        const std::size_t length = m_out.size() - m_frameStart - kFrameHeaderSize;
        if (length >= kFrameSizeMin) {
            unsigned char header[kFrameHeaderSize];
            header[0] = op::FRAME;
            putLE(header + 1, length, 8);
            m_out.replace(m_frameStart, kFrameHeaderSize, reinterpret_cast<const char *>(header), kFrameHeaderSize);
        } else {
            m_out.erase(m_frameStart, kFrameHeaderSize);
        }
        m_frameStart = kNoFrame;
    }

    /// Called before every object is saved: a frame is closed once it reaches the target
    /// size, so frames end on object boundaries exactly where CPython ends them.
    void opcodeBoundary()
    {
        if (m_framing && m_frameStart != kNoFrame && m_out.size() - m_frameStart - kFrameHeaderSize >= kFrameSizeTarget)
            commitFrame();
    }

    /// _Pickler_write_bytes: payloads of at least the frame target go outside any frame.
    void writeBytes(const unsigned char *header, std::size_t headerSize, const std::string &data)
    {
        const bool bypass = data.size() >= kFrameSizeTarget;
        const bool framing = m_framing;
        if (bypass) {
            commitFrame();
            m_framing = false;
        }
        write(header, headerSize);
        write(data.data(), data.size());
        m_framing = framing;
    }

    // --- memo

    void memoPut(const Object *o)
    {
        m_memo.emplace(o, m_memoSize++);
        writeOp(op::MEMOIZE);
    }

    void memoGet(std::uint64_t index)
    {
        if (index < 256) {
            const unsigned char code[2] = { op::BINGET, static_cast<unsigned char>(index) };
            write(code, 2);
        } else {
            unsigned char code[5] = { op::LONG_BINGET };
            putLE(code + 1, index, 4);
            write(code, 5);
        }
    }

    bool memoized(const Object *o) const { return m_memo.count(o) != 0; }

    // --- save()

    void save(const Value &v)
    {
        opcodeBoundary();
        switch (v.tag()) {
        case Tag::Undefined: // never a Python value; None is the only sensible reading
        case Tag::None:
            writeOp(op::NONE);
            return;
        case Tag::Bool:
            writeOp(v.asBool() ? op::NEWTRUE : op::NEWFALSE);
            return;
        case Tag::Int:
            saveLong(v.asInt());
            return;
        case Tag::Float:
            saveFloat(v.asFloat());
            return;
        case Tag::Obj:
            break;
        }
        Object *o = v.obj();
        if (auto it = m_memo.find(o); it != m_memo.end()) {
            memoGet(it->second);
            return;
        }
        if (o->kind == ObjKind::Str) {
            saveStr(v.as<StrObject>()->text);
            memoPut(o);
            return;
        }
        if (o->kind == ObjKind::Bytes) {
            saveBytes(v.as<BytesObject>()->data);
            memoPut(o);
            return;
        }
        // save()'s own _Py_EnterRecursiveCall covers every remaining type.
        RecursionGuard guard(m_recursionRemaining);
        switch (o->kind) {
        case ObjKind::List:
            saveList(v.as<ListObject>());
            return;
        case ObjKind::Dict:
            saveDict(v.as<DictObject>());
            return;
        case ObjKind::Set:
            saveSet(v.as<SetObject>());
            return;
        case ObjKind::Tuple:
            saveTuple(v.as<TupleObject>());
            return;
        case ObjKind::Exception: {
            // BaseException.__reduce__: (type(self), self.args). self.args is one tuple
            // object in CPython, which matters when the exception is reached again from
            // inside its own arguments: the second reduction must find the same tuple.
            auto *e = v.as<ExceptionObject>();
            auto [args, added] = m_exceptionArgs.try_emplace(e);
            if (added)
                args->second = newTuple(e->args);
            saveReduce(Value::object(e->type), Value(args->second), o);
            // (type, args, __dict__) when the exception has attributes: the state, then BUILD.
            if (e->attributes.isKind(ObjKind::Dict) && e->attributes.as<DictObject>()->table.size() > 0) {
                save(e->attributes);
                writeOp(op::BUILD);
            }
            return;
        }
        case ObjKind::Instance: {
            // object.__reduce_ex__(4): copyreg.__newobj__ as NEWOBJ of the class with no
            // arguments, memoized, then the __dict__ as BUILD's state unless it is empty.
            auto *inst = v.as<InstanceObject>();
            save(inst->typeRef);
            writeOp(op::EMPTY_TUPLE);
            writeOp(op::NEWOBJ);
            memoPut(o);
            if (inst->dict.as<DictObject>()->table.size() > 0) {
                save(inst->dict);
                writeOp(op::BUILD);
            }
            return;
        }
        case ObjKind::Range: {
            const auto *r = v.as<RangeObject>();
            saveReduce(Value::object(types().range), keep(newTuple({ Value::integer(r->start), Value::integer(r->stop), Value::integer(r->step) })), o);
            return;
        }
        case ObjKind::Slice: {
            const auto *s = v.as<SliceObject>();
            saveReduce(Value::object(types().slice), keep(newTuple({ s->start, s->stop, s->step })), o);
            return;
        }
        case ObjKind::Type:
            saveType(v);
            return;
        case ObjKind::Function:
            saveFunction(v);
            return;
        case ObjKind::Native:
            saveNative(v);
            return;
        case ObjKind::Method: {
            // A bound method reduces to getattr(self, name), as CPython's method.__reduce__.
            const auto *m = v.as<BoundMethodObject>();
            const std::string name = m->function.isKind(ObjKind::Function) ? m->function.as<FunctionObject>()->name : std::string();
            if (name.empty())
                raise(types().TypeError, "cannot pickle 'method' object");
            saveReduce(Value::object(getattrStandIn()), keep(newTuple({ m->self, internedName(name) })), o);
            return;
        }
        default:
            if (m_hooks.persistentId) {
                const Value id = m_hooks.persistentId(v);
                if (!id.isUndefined()) {
                    save(id);
                    writeOp(op::BINPERSID);
                    return;
                }
            }
            // object.__reduce_ex__'s refusal for modules, cells, views, iterators and runtime objects.
            raise(types().TypeError, "cannot pickle '" + typeName(v) + "' object");
        }
    }

    /// Temporary objects (reduce argument tuples) are memoized by address like everything
    /// else, so they must outlive the dump or a later object could reuse the address.
    Value keep(Value v)
    {
        m_keepAlive.push_back(v);
        return v;
    }

    void saveLong(std::int64_t x)
    {
        if (x >= std::numeric_limits<std::int32_t>::min() && x <= std::numeric_limits<std::int32_t>::max()) {
            unsigned char code[5];
            putLE(code + 1, static_cast<std::uint32_t>(static_cast<std::int32_t>(x)), 4);
            // The smallest of BININT1/BININT2 that holds it unsigned; negatives need all four bytes.
            std::size_t length;
            if (code[4] != 0 || code[3] != 0) {
                code[0] = op::BININT;
                length = 5;
            } else if (code[2] != 0) {
                code[0] = op::BININT2;
                length = 3;
            } else {
                code[0] = op::BININT1;
                length = 2;
            }
            write(code, length);
            return;
        }
        // LONG1 with CPython's byte count: one more byte than the magnitude's bits need, minus
        // the redundant sign byte of -(2**(8*j-1))-like values.
        const auto u = static_cast<std::uint64_t>(x);
        const std::uint64_t magnitude = x < 0 ? std::uint64_t(0) - u : u;
        std::size_t nbytes = static_cast<std::size_t>((64 - std::countl_zero(magnitude)) / 8 + 1);
        unsigned char code[2 + 9];
        for (std::size_t i = 0; i < nbytes; ++i)
            code[2 + i] = i < 8 ? static_cast<unsigned char>((u >> (8 * i)) & 0xFF) : (x < 0 ? 0xFF : 0x00);
        if (x < 0 && nbytes > 1 && code[2 + nbytes - 1] == 0xFF && (code[2 + nbytes - 2] & 0x80) != 0)
            --nbytes;
        code[0] = op::LONG1;
        code[1] = static_cast<unsigned char>(nbytes);
        write(code, 2 + nbytes);
    }

    void saveFloat(double d)
    {
        unsigned char code[9];
        code[0] = op::BINFLOAT;
        const auto bits = std::bit_cast<std::uint64_t>(d);
        for (int i = 0; i < 8; ++i)
            code[1 + i] = static_cast<unsigned char>((bits >> (8 * (7 - i))) & 0xFF); // big-endian
        write(code, 9);
    }

    /// str is written as its UTF-8 bytes (IPC Lab's lone surrogates are already in the
    /// form CPython's "surrogatepass" produces).
    void saveStr(const std::string &text)
    {
        unsigned char header[9];
        std::size_t length;
        const std::uint64_t size = text.size();
        if (size <= 0xFF) {
            header[0] = op::SHORT_BINUNICODE;
            header[1] = static_cast<unsigned char>(size);
            length = 2;
        } else if (size <= 0xFFFFFFFFu) {
            header[0] = op::BINUNICODE;
            putLE(header + 1, size, 4);
            length = 5;
        } else {
            header[0] = op::BINUNICODE8;
            putLE(header + 1, size, 8);
            length = 9;
        }
        writeBytes(header, length, text);
    }

    void saveBytes(const std::string &data)
    {
        unsigned char header[9];
        std::size_t length;
        const std::uint64_t size = data.size();
        if (size <= 0xFF) {
            header[0] = op::SHORT_BINBYTES;
            header[1] = static_cast<unsigned char>(size);
            length = 2;
        } else if (size <= 0xFFFFFFFFu) {
            header[0] = op::BINBYTES;
            putLE(header + 1, size, 4);
            length = 5;
        } else {
            header[0] = op::BINBYTES8;
            putLE(header + 1, size, 8);
            length = 9;
        }
        writeBytes(header, length, data);
    }

    /// save_list + batch_list_exact: a lone item gets APPEND; otherwise MARK ... APPENDS
    /// per 1000 items.
    void saveList(ListObject *l)
    {
        writeOp(op::EMPTY_LIST);
        memoPut(l);
        if (l->items.empty())
            return;
        RecursionGuard guard(m_recursionRemaining);
        if (l->items.size() == 1) {
            save(Value(l->items[0]));
            writeOp(op::APPEND);
            return;
        }
        std::size_t total = 0;
        do {
            writeOp(op::MARK);
            std::size_t batch = 0;
            while (total < l->items.size()) {
                save(Value(l->items[total]));
                ++total;
                if (++batch == kBatchSize)
                    break;
            }
            writeOp(op::APPENDS);
        } while (total < l->items.size());
    }

    /// save_dict + batch_dict_exact. Unlike lists, a full last batch is followed by an
    /// empty MARK SETITEMS, because the loop runs again whenever a batch was full.
    void saveDict(DictObject *d)
    {
        writeOp(op::EMPTY_DICT);
        memoPut(d);
        if (d->table.size() == 0)
            return;
        RecursionGuard guard(m_recursionRemaining);
        const auto &entries = d->table.entries();
        if (d->table.size() == 1) {
            for (const auto &e : entries) {
                if (e.key.isUndefined())
                    continue;
                const Value key = e.key, value = e.value;
                save(key);
                save(value);
                break;
            }
            writeOp(op::SETITEM);
            return;
        }
        std::size_t position = 0, batch;
        do {
            batch = 0;
            writeOp(op::MARK);
            while (position < entries.size()) {
                const auto &e = entries[position++];
                if (e.key.isUndefined())
                    continue;
                const Value key = e.key, value = e.value;
                save(key);
                save(value);
                if (++batch == kBatchSize)
                    break;
            }
            writeOp(op::SETITEMS);
        } while (batch == kBatchSize);
    }

    /// save_set: ADDITEMS batches with the same trailing-empty-batch quirk as dicts, and no
    /// single-item special case.
    void saveSet(SetObject *s)
    {
        writeOp(op::EMPTY_SET);
        memoPut(s);
        if (s->table.size() == 0)
            return;
        const auto &entries = s->table.entries();
        std::size_t position = 0, batch;
        do {
            batch = 0;
            writeOp(op::MARK);
            while (position < entries.size()) {
                const auto &e = entries[position++];
                if (e.key.isUndefined())
                    continue;
                save(Value(e.key));
                if (++batch == kBatchSize)
                    break;
            }
            writeOp(op::ADDITEMS);
        } while (batch == kBatchSize);
    }

    /// save_tuple. The tuple is memoized after its items; if an item led back to the
    /// tuple (only possible through a mutable container), the items are dropped and the
    /// memoized tuple fetched instead.
    void saveTuple(TupleObject *t)
    {
        const std::size_t n = t->items.size();
        if (n == 0) {
            writeOp(op::EMPTY_TUPLE); // not memoized
            return;
        }
        if (n <= 3) {
            for (std::size_t i = 0; i < n; ++i)
                save(Value(t->items[i]));
            if (memoized(t)) {
                for (std::size_t i = 0; i < n; ++i)
                    writeOp(op::POP);
                memoGet(m_memo.at(t));
                return;
            }
            writeOp(static_cast<unsigned char>(op::TUPLE1 + (n - 1)));
        } else {
            writeOp(op::MARK);
            for (std::size_t i = 0; i < n; ++i)
                save(Value(t->items[i]));
            if (memoized(t)) {
                writeOp(op::POP_MARK);
                memoGet(m_memo.at(t));
                return;
            }
            writeOp(op::TUPLE);
        }
        memoPut(t);
    }

    /// save_reduce without state: callable, argument tuple, REDUCE, then the object is memoized.
    void saveReduce(const Value &callable, const Value &args, const Object *obj)
    {
        save(callable);
        save(args);
        writeOp(op::REDUCE);
        if (memoized(obj)) {
            writeOp(op::POP);
            memoGet(m_memo.at(obj));
            return;
        }
        memoPut(obj);
    }

    /// Where a global's module name comes from, which decides when CPython shares it.
    enum class ModuleOf {
        BuiltinType, // a static type's __module__: the interned "builtins"
        Module, // a module's __name__, as functions (and classes defined in it) carry it
    };

    /// save_global at protocol 4: module and name strings, STACK_GLOBAL, then the object is memoized.
    void saveGlobal(const Object *obj, const std::string &module, const std::string &name, ModuleOf origin = ModuleOf::Module)
    {
        // The module string is one shared object per origin, so a second global from the
        // same module fetches it from the memo (the interned "builtins" of ValueError is not
        // the "builtins" of print); qualified names are fresh strings.
        opcodeBoundary();
        const std::string key = (origin == ModuleOf::BuiltinType ? 'T' : 'M') + module;
        if (auto it = m_moduleNames.find(key); it != m_moduleNames.end()) {
            memoGet(it->second);
        } else {
            saveStr(module);
            m_moduleNames.emplace(key, m_memoSize++);
            writeOp(op::MEMOIZE);
        }
        opcodeBoundary();
        saveStr(name);
        ++m_memoSize;
        writeOp(op::MEMOIZE);
        writeOp(op::STACK_GLOBAL);
        memoPut(obj);
    }

    std::pair<std::string, std::string> hookName(const Value &v) const
    {
        if (m_hooks.nameOfGlobal)
            return m_hooks.nameOfGlobal(v);
        return {};
    }

    void saveType(const Value &v)
    {
        auto *t = v.as<TypeObject>();
        if (t == types().none) {
            // save_type's special case: type(None) is pickled as type(None).
            saveReduce(Value::object(types().type), keep(newTuple({ Value::none() })), t);
            return;
        }
        if (t == types().slice) { // a builtin IPC Lab doesn't expose by name
            saveGlobal(t, "builtins", "slice", ModuleOf::BuiltinType);
            return;
        }
        if (const Value *b = builtinValue(t->name); b && b->identical(v)) {
            saveGlobal(t, "builtins", t->name, ModuleOf::BuiltinType);
            return;
        }
        const auto [module, name] = hookName(v);
        if (!module.empty()) {
            saveGlobal(t, module, name.empty() ? t->name : name);
            return;
        }
        if (t->isUser) {
            if (name.find("<locals>") != std::string::npos)
                raise(types().AttributeError, "Can't pickle local object " + reprStr(name));
            raise(types().TypeError, "Can't pickle " + repr(v) + ": it's not the same object as " + t->moduleName + "." + t->qualname);
        }
        // _pickle.PicklingError has no IPC Lab type yet; TypeError carries its text.
        raise(types().TypeError, "Can't pickle " + repr(v) + ": attribute lookup " + t->name + " on builtins failed");
    }

    void saveFunction(const Value &v)
    {
        auto *f = v.as<FunctionObject>();
        const auto [module, name] = hookName(v);
        const std::string qualname = name.empty() ? f->name : name;
        if (!module.empty()) {
            saveGlobal(f, module, qualname);
            return;
        }
        // What save_global says for functions that can't be found again by name.
        if (qualname.find("<locals>") != std::string::npos)
            raise(types().AttributeError, "Can't pickle local object " + reprStr(qualname));
        const std::string home = f->module ? f->module->name : "__main__";
        // _pickle.PicklingError has no IPC Lab type yet; TypeError carries its text.
        raise(types().TypeError, "Can't pickle " + repr(v) + ": attribute lookup " + qualname + " on " + home + " failed");
    }

    void saveNative(const Value &v)
    {
        auto *n = v.as<NativeObject>();
        if (n == getattrStandIn()) {
            saveGlobal(n, "builtins", "getattr");
            return;
        }
        if (n == codecsEncodeStandIn()) {
            saveGlobal(n, "_codecs", "encode");
            return;
        }
        if (n->self.isUndefined()) {
            // A builtin function reduces to its name.
            if (const Value *b = builtinValue(n->name); b && b->identical(v)) {
                saveGlobal(n, "builtins", n->name);
                return;
            }
            const auto [module, name] = hookName(v);
            if (!module.empty()) {
                saveGlobal(n, module, name.empty() ? n->name : name);
                return;
            }
            raise(types().TypeError, "cannot pickle '" + typeName(v) + "' object");
        }
        // A bound built-in method reduces to getattr(self, name).
        saveReduce(Value::object(getattrStandIn()), keep(newTuple({ n->self, newStr(n->name) })), n);
    }

    const PickleHooks &m_hooks;
    std::string m_out;
    bool m_framing = false;
    std::size_t m_frameStart = kNoFrame;
    std::unordered_map<const Object *, std::uint64_t> m_memo;
    std::unordered_map<std::string, std::uint64_t> m_moduleNames;
    std::uint64_t m_memoSize = 0;
    std::vector<Value> m_keepAlive;
    std::unordered_map<const ExceptionObject *, Value> m_exceptionArgs;
    int m_recursionRemaining = kRecursionBudget;
};

// ------------------------------------------------------------------ text decoding for the unpickler

std::string hexByte(unsigned char b)
{
    static const char *digits = "0123456789abcdef";
    return std::string("0x") + digits[b >> 4] + digits[b & 0xF];
}

[[noreturn]] void decodeError(const char *codec, std::string_view data, std::size_t start, std::size_t end, const std::string &reason)
{
    std::string message = std::string("'") + codec + "' codec can't decode ";
    if (end == start + 1)
        message += "byte " + hexByte(static_cast<unsigned char>(data[start])) + " in position " + std::to_string(start);
    else
        message += "bytes in position " + std::to_string(start) + "-" + std::to_string(end - 1);
    raise(types().UnicodeDecodeError, message + ": " + reason);
}

/// Validates UTF-8 as CPython's decoder with "surrogatepass" does (lone surrogates are
/// accepted in their three-byte form, which is also how IPC Lab stores them).
void checkUtf8(std::string_view s)
{
    const std::size_t n = s.size();
    auto at = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = at(i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t need;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED && i + 1 < n && at(i + 1) >= 0xA0 && at(i + 1) <= 0xBF) {
                // A surrogate: strict UTF-8 rejects the second byte; surrogatepass then
                // accepts the sequence only when it is complete.
                if (i + 2 >= n || at(i + 2) < 0x80 || at(i + 2) > 0xBF)
                    decodeError("utf-8", s, i, i + 1, "invalid continuation byte");
                i += 3;
                continue;
            }
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else {
            decodeError("utf-8", s, i, i + 1, "invalid start byte");
        }
        for (std::size_t k = 1; k <= need; ++k) {
            if (i + k >= n)
                decodeError("utf-8", s, i, n, "unexpected end of data");
            const unsigned char cc = at(i + k);
            if (cc < (k == 1 ? lo : 0x80) || cc > (k == 1 ? hi : 0xBF))
                decodeError("utf-8", s, i, i + k, "invalid continuation byte");
        }
        i += need + 1;
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// The raw-unicode-escape codec protocol 0 uses for str: bytes are Latin-1 except \uXXXX
/// and \UXXXXXXXX after an odd number of backslashes.
std::string decodeRawUnicodeEscape(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c != '\\') {
            appendUtf8(out, c);
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < s.size() && s[i] == '\\') {
            out += '\\';
            ++i;
        }
        if (((i - start) & 1) == 0 || i >= s.size() || (s[i] != 'u' && s[i] != 'U'))
            continue;
        out.pop_back();
        const std::size_t escape = i - 1;
        const bool wide = s[i] == 'U';
        const int count = wide ? 8 : 4;
        ++i;
        char32_t ch = 0;
        for (int k = 0; k < count; ++k, ++i) {
            const int d = i < s.size() ? hexValue(s[i]) : -1;
            if (d < 0)
                decodeError("rawunicodeescape", s, escape, i, wide ? "truncated \\UXXXXXXXX escape" : "truncated \\uXXXX escape");
            ch = ch * 16 + static_cast<char32_t>(d);
        }
        if (ch > 0x10FFFF)
            decodeError("rawunicodeescape", s, escape, i, "\\Uxxxxxxxx out of range");
        appendUtf8(out, ch);
    }
    return out;
}

enum class IntParse { Ok, Invalid, Overflow };

/// int(text, base) for base 0 or 10, as PyLong_FromString reads it: surrounding
/// whitespace, a sign, base prefixes for base 0, and single underscores between digits.
IntParse parsePyInt(std::string_view s, int base, std::int64_t &result)
{
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    bool negative = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    bool prefixed = false;
    if (base == 0) {
        base = 10;
        if (s.size() >= 2 && s[0] == '0') {
            const char p = static_cast<char>(s[1] | 0x20);
            if (p == 'x' || p == 'o' || p == 'b') {
                base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                s.remove_prefix(2);
                prefixed = true;
            }
        }
        // Base 0 refuses leading zeros on a non-zero decimal ("010").
        if (!prefixed && s.size() > 1 && s[0] == '0' && s.find_first_not_of("0_") != std::string_view::npos)
            return IntParse::Invalid;
    }
    if (prefixed && !s.empty() && s.front() == '_')
        s.remove_prefix(1);
    if (s.empty())
        return IntParse::Invalid;
    const std::uint64_t limit = negative ? std::uint64_t(1) << 63 : (std::uint64_t(1) << 63) - 1;
    std::uint64_t value = 0;
    bool overflow = false, lastUnderscore = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_') {
            if (i == 0 || lastUnderscore)
                return IntParse::Invalid;
            lastUnderscore = true;
            continue;
        }
        lastUnderscore = false;
        const int d = hexValue(s[i]);
        if (d < 0 || d >= base)
            return IntParse::Invalid;
        if (value > (limit - static_cast<std::uint64_t>(d)) / static_cast<std::uint64_t>(base))
            overflow = true; // keep scanning: bad syntax wins over overflow, as in CPython
        else
            value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
    }
    if (lastUnderscore)
        return IntParse::Invalid;
    if (overflow)
        return IntParse::Overflow;
    result = negative ? static_cast<std::int64_t>(std::uint64_t(0) - value) : static_cast<std::int64_t>(value);
    return IntParse::Ok;
}

// ------------------------------------------------------------------ unpickler

/// Follows _pickle.c's Unpickler: an object stack, a separate mark stack (whose top is
/// the "fence" no opcode may pop below) and a memo, with the same error texts.
class Unpickler {
public:
    Unpickler(std::string_view data, const PickleHooks &hooks)
        : m_data(data)
        , m_hooks(hooks)
    {
    }

    Value load()
    {
        for (;;) {
            if (m_pos >= m_data.size())
                raise(types().EOFError, "Ran out of input");
            const auto code = static_cast<unsigned char>(m_data[m_pos++]);
            if (code == op::STOP) {
                Value result = pop();
                releaseUnreachable(&result);
                return result;
            }
            dispatch(code);
        }
    }

    /// Reference counting never frees a cycle, and a memo GET or DUP can close one (a list
    /// holding itself, left behind by a POP or a failed load). Containers built here that
    /// neither the result nor a global from the hooks reaches are garbage: emptying them
    /// breaks every such cycle. `result` is null after a failed load.
    void releaseUnreachable(const Value *result)
    {
        if (!m_mayHaveCycles)
            return;
        std::unordered_set<const Object *> reachable;
        std::vector<Value> pending = m_externals;
        if (result)
            pending.push_back(*result);
        while (!pending.empty()) {
            const Value v = std::move(pending.back());
            pending.pop_back();
            if (!v.isObj() || !reachable.insert(v.obj()).second)
                continue;
            switch (v.obj()->kind) {
            case ObjKind::List:
                pending.insert(pending.end(), v.as<ListObject>()->items.begin(), v.as<ListObject>()->items.end());
                break;
            case ObjKind::Tuple:
                pending.insert(pending.end(), v.as<TupleObject>()->items.begin(), v.as<TupleObject>()->items.end());
                break;
            case ObjKind::Exception:
                pending.insert(pending.end(), v.as<ExceptionObject>()->args.begin(), v.as<ExceptionObject>()->args.end());
                break;
            case ObjKind::Slice:
                pending.insert(pending.end(), { v.as<SliceObject>()->start, v.as<SliceObject>()->stop, v.as<SliceObject>()->step });
                break;
            case ObjKind::Native:
                pending.push_back(v.as<NativeObject>()->self);
                break;
            case ObjKind::Dict:
            case ObjKind::Set: {
                const auto &table = v.isKind(ObjKind::Dict) ? v.as<DictObject>()->table : v.as<SetObject>()->table;
                for (const auto &e : table.entries()) {
                    pending.push_back(e.key);
                    pending.push_back(e.value);
                }
                break;
            }
            default:
                break;
            }
        }
        for (const Value &c : m_containers) {
            if (reachable.count(c.obj()))
                continue;
            if (c.isKind(ObjKind::List))
                std::vector<Value>().swap(c.as<ListObject>()->items);
            else if (c.isKind(ObjKind::Dict))
                c.as<DictObject>()->table.clear();
            else
                c.as<SetObject>()->table.clear();
        }
    }

private:
    // --- input

    const char *read(std::uint64_t n)
    {
        if (n > kSsizeMax - m_pos)
            unpicklingError("read would overflow (invalid bytecode)");
        if (n > m_data.size() - m_pos)
            unpicklingError("pickle data was truncated");
        const char *p = m_data.data() + m_pos;
        m_pos += static_cast<std::size_t>(n);
        return p;
    }

    /// One line including its '\n'.
    std::string_view readLine()
    {
        const std::size_t end = m_data.find('\n', m_pos);
        if (end == std::string_view::npos)
            unpicklingError("pickle data was truncated");
        const std::string_view line = m_data.substr(m_pos, end + 1 - m_pos);
        m_pos = end + 1;
        return line;
    }

    /// calc_binsize: an unsigned little-endian size that must fit in Py_ssize_t.
    std::uint64_t readSize(int bytes, const char *what, bool overflowIsValueError = false)
    {
        const std::uint64_t size = getLE(read(static_cast<std::uint64_t>(bytes)), bytes);
        if (size > kSsizeMax) {
            const std::string message = std::string(what) + " exceeds system's maximum size of " + std::to_string(kSsizeMax) + " bytes";
            if (overflowIsValueError)
                unpicklingError(message);
            raise(types().OverflowError, message);
        }
        return size;
    }

    // --- stack

    std::size_t fence() const { return m_marks.empty() ? 0 : m_marks.back(); }

    [[noreturn]] void stackUnderflow() const { unpicklingError(m_marks.empty() ? "unpickling stack underflow" : "unexpected MARK found"); }

    void push(Value v) { m_stack.push_back(std::move(v)); }

    Value pop()
    {
        if (m_stack.size() <= fence())
            stackUnderflow();
        Value v = std::move(m_stack.back());
        m_stack.pop_back();
        return v;
    }

    const Value &top() const
    {
        if (m_stack.size() <= fence())
            stackUnderflow();
        return m_stack.back();
    }

    std::size_t marker()
    {
        if (m_marks.empty())
            unpicklingError("could not find MARK");
        const std::size_t mark = m_marks.back();
        m_marks.pop_back();
        return mark;
    }

    std::vector<Value> popItems(std::size_t start)
    {
        if (start < fence() || start > m_stack.size())
            stackUnderflow();
        std::vector<Value> items(std::make_move_iterator(m_stack.begin() + static_cast<std::ptrdiff_t>(start)), std::make_move_iterator(m_stack.end()));
        m_stack.resize(start);
        return items;
    }

    void countedTuple(std::size_t n)
    {
        if (m_stack.size() < n)
            stackUnderflow();
        push(newTuple(popItems(m_stack.size() - n)));
    }

    // --- memo

    /// Indices up to the input's length (all MEMOIZE can produce) live in a vector; the
    /// rare larger LONG_BINPUT index in a map, so a hostile index can't demand a huge vector.
    void memoPut(std::uint64_t index, const Value &v)
    {
        if (index < m_data.size() + 256) {
            if (index >= m_memoDense.size())
                m_memoDense.resize(static_cast<std::size_t>(index) + 1);
            Value &slot = m_memoDense[static_cast<std::size_t>(index)];
            if (slot.isUndefined())
                ++m_memoCount;
            slot = v;
            return;
        }
        if (m_memoSparse.insert_or_assign(index, v).second)
            ++m_memoCount;
    }

    void memoGet(std::uint64_t index, std::int64_t shown)
    {
        const Value *v = nullptr;
        if (index < m_memoDense.size() && !m_memoDense[static_cast<std::size_t>(index)].isUndefined()) {
            v = &m_memoDense[static_cast<std::size_t>(index)];
        } else if (auto it = m_memoSparse.find(index); it != m_memoSparse.end()) {
            v = &it->second;
        }
        if (!v)
            unpicklingError("Memo value not found at index " + std::to_string(shown));
        noteShared(*v);
        push(*v);
    }

    /// A second reference to something that can hold other objects is what a cycle needs.
    void noteShared(const Value &v)
    {
        if (v.isObj() && v.obj()->kind != ObjKind::Str && v.obj()->kind != ObjKind::Bytes && v.obj()->kind != ObjKind::Type)
            m_mayHaveCycles = true;
    }

    // --- the opcodes

    void dispatch(unsigned char code)
    {
        switch (code) {
        case op::NONE:
            push(Value::none());
            return;
        case op::NEWTRUE:
            push(Value::boolean(true));
            return;
        case op::NEWFALSE:
            push(Value::boolean(false));
            return;
        case op::BININT:
            push(Value::integer(static_cast<std::int32_t>(static_cast<std::uint32_t>(getLE(read(4), 4)))));
            return;
        case op::BININT1:
            push(Value::integer(static_cast<std::int64_t>(getLE(read(1), 1))));
            return;
        case op::BININT2:
            push(Value::integer(static_cast<std::int64_t>(getLE(read(2), 2))));
            return;
        case op::INT:
            loadInt();
            return;
        case op::LONG:
            loadLong();
            return;
        case op::LONG1:
            loadCountedLong(1);
            return;
        case op::LONG4:
            loadCountedLong(4);
            return;
        case op::FLOAT:
            loadFloat();
            return;
        case op::BINFLOAT: {
            const char *p = read(8);
            std::uint64_t bits = 0;
            for (int i = 0; i < 8; ++i)
                bits = (bits << 8) | static_cast<unsigned char>(p[i]); // big-endian
            push(Value::real(std::bit_cast<double>(bits)));
            return;
        }
        case op::SHORT_BINBYTES:
            loadBytes(1);
            return;
        case op::BINBYTES:
            loadBytes(4);
            return;
        case op::BINBYTES8:
            loadBytes(8);
            return;
        case op::SHORT_BINSTRING:
            loadBinString(1);
            return;
        case op::BINSTRING:
            loadBinString(4);
            return;
        case op::STRING:
            unpicklingError("IPC Lab does not unpickle the STRING opcode (Python 2 str)");
        case op::UNICODE: {
            const std::string_view line = readLine();
            push(newStr(decodeRawUnicodeEscape(line.substr(0, line.size() - 1))));
            return;
        }
        case op::SHORT_BINUNICODE:
            loadUnicode(1);
            return;
        case op::BINUNICODE:
            loadUnicode(4);
            return;
        case op::BINUNICODE8:
            loadUnicode(8);
            return;
        case op::EMPTY_TUPLE:
            countedTuple(0);
            return;
        case op::TUPLE1:
            countedTuple(1);
            return;
        case op::TUPLE2:
            countedTuple(2);
            return;
        case op::TUPLE3:
            countedTuple(3);
            return;
        case op::TUPLE: {
            const std::size_t mark = marker();
            push(newTuple(popItems(mark)));
            return;
        }
        case op::EMPTY_LIST:
            push(track(newList()));
            return;
        case op::LIST: {
            const std::size_t mark = marker();
            push(track(newList(popItems(mark))));
            return;
        }
        case op::EMPTY_DICT:
            push(track(newDict()));
            return;
        case op::DICT:
            loadDict();
            return;
        case op::EMPTY_SET:
            push(track(newSet()));
            return;
        case op::ADDITEMS:
            loadAddItems();
            return;
        case op::FROZENSET: {
            // IPC Lab has no frozenset: a set stands in for it.
            const std::size_t mark = marker();
            Value set = track(newSet());
            for (const Value &item : popItems(mark))
                set.as<SetObject>()->table.insert(item, Value());
            push(std::move(set));
            return;
        }
        case op::APPEND:
            if (static_cast<std::int64_t>(m_stack.size()) - 1 <= static_cast<std::int64_t>(fence()))
                stackUnderflow();
            doAppend(static_cast<std::int64_t>(m_stack.size()) - 1);
            return;
        case op::APPENDS:
            doAppend(static_cast<std::int64_t>(marker()));
            return;
        case op::SETITEM:
            doSetItems(static_cast<std::int64_t>(m_stack.size()) - 2);
            return;
        case op::SETITEMS:
            doSetItems(static_cast<std::int64_t>(marker()));
            return;
        case op::MARK:
            m_marks.push_back(m_stack.size());
            return;
        case op::POP:
            if (!m_marks.empty() && m_marks.back() == m_stack.size())
                m_marks.pop_back(); // POP of a MARK, as the split stacks of _pickle.c allow
            else
                pop();
            return;
        case op::POP_MARK: {
            const std::size_t mark = marker();
            popItems(mark);
            return;
        }
        case op::DUP:
            noteShared(top());
            push(Value(top()));
            return;
        case op::GET: {
            const std::string_view line = readLine();
            if (line.size() < 2)
                unpicklingError("pickle data was truncated");
            const std::int64_t index = parseIndex(line);
            memoGet(static_cast<std::uint64_t>(index), index);
            return;
        }
        case op::BINGET: {
            const std::uint64_t index = getLE(read(1), 1);
            memoGet(index, static_cast<std::int64_t>(index));
            return;
        }
        case op::LONG_BINGET: {
            const std::uint64_t index = getLE(read(4), 4);
            memoGet(index, static_cast<std::int64_t>(index));
            return;
        }
        case op::PUT: {
            const std::string_view line = readLine();
            if (line.size() < 2)
                unpicklingError("pickle data was truncated");
            const Value &value = top();
            const std::int64_t index = parseIndex(line);
            if (index < 0)
                raise(types().ValueError, "negative PUT argument");
            memoPut(static_cast<std::uint64_t>(index), value);
            return;
        }
        case op::BINPUT: {
            const std::uint64_t index = getLE(read(1), 1);
            memoPut(index, top());
            return;
        }
        case op::LONG_BINPUT: {
            const std::uint64_t index = getLE(read(4), 4);
            memoPut(index, top());
            return;
        }
        case op::MEMOIZE: {
            const Value &value = top();
            memoPut(m_memoCount, value); // the next index after the entries so far, as memo_len
            return;
        }
        case op::GLOBAL: {
            std::string_view line = readLine();
            if (line.size() < 2)
                unpicklingError("pickle data was truncated");
            const std::string module(line.substr(0, line.size() - 1));
            checkUtf8(module);
            line = readLine();
            if (line.size() < 2)
                unpicklingError("pickle data was truncated");
            const std::string name(line.substr(0, line.size() - 1));
            checkUtf8(name);
            push(findClass(module, name));
            return;
        }
        case op::STACK_GLOBAL: {
            const Value name = pop();
            const Value module = pop();
            if (!module.isKind(ObjKind::Str) || !name.isKind(ObjKind::Str))
                unpicklingError("STACK_GLOBAL requires str");
            push(findClass(module.as<StrObject>()->text, name.as<StrObject>()->text));
            return;
        }
        case op::REDUCE: {
            const Value args = pop();
            const Value callable = pop();
            push(callReduce(callable, args));
            return;
        }
        case op::BUILD:
            loadBuild();
            return;
        case op::NEWOBJ:
        case op::NEWOBJ_EX: {
            const bool ex = code == op::NEWOBJ_EX;
            if (ex)
                pop();
            pop();
            const Value cls = pop();
            const char *which = ex ? "NEWOBJ_EX" : "NEWOBJ";
            if (!cls.isKind(ObjKind::Type))
                unpicklingError(std::string(which) + " class argument must be a type, not " + typeName(cls));
            // cls.__new__(cls) of a class the scenario defines: an instance whose __init__ has not run.
            if (auto *t = cls.as<TypeObject>(); t->isUser && t->nativeBase == types().object) {
                push(Value::object(new InstanceObject(t)));
                return;
            }
            unpicklingError(std::string("IPC Lab cannot unpickle ") + which + " of " + repr(cls));
        }
        case op::OBJ:
        case op::INST:
            unpicklingError("IPC Lab cannot unpickle class instances (the OBJ and INST opcodes)");
        case op::BINPERSID:
            if (m_hooks.persistentLoad) {
                push(m_hooks.persistentLoad(pop()));
                return;
            }
            unpicklingError("A load persistent id instruction was encountered,\nbut no persistent_load function was specified.");
        case op::PERSID:
            unpicklingError("A load persistent id instruction was encountered,\nbut no persistent_load function was specified.");
        case op::EXT1:
        case op::EXT2:
        case op::EXT4: {
            const int n = code == op::EXT1 ? 1 : code == op::EXT2 ? 2 : 4;
            std::int64_t value = static_cast<std::int64_t>(getLE(read(static_cast<std::uint64_t>(n)), n));
            if (n == 4)
                value = static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
            if (value <= 0)
                unpicklingError("EXT specifies code <= 0");
            // The extension registry (copyreg.add_extension) is always empty here.
            raise(types().ValueError, "unregistered extension code " + std::to_string(value));
        }
        case op::PROTO: {
            const int proto = static_cast<unsigned char>(*read(1));
            if (proto > kHighestProtocol)
                raise(types().ValueError, "unsupported pickle protocol: " + std::to_string(proto));
            m_proto = proto;
            return;
        }
        case op::FRAME: {
            const std::uint64_t length = getLE(read(8), 8);
            if (length > kSsizeMax)
                raise(types().OverflowError, "FRAME length exceeds system's maximum of " + std::to_string(kSsizeMax) + " bytes");
            // Frames only promise that their bytes are there; opcodes are read through them.
            read(length);
            m_pos -= static_cast<std::size_t>(length);
            return;
        }
        case op::BYTEARRAY8: {
            const std::uint64_t size = readSize(8, "BYTEARRAY8");
            read(size);
            unpicklingError("IPC Lab has no bytearray type to unpickle BYTEARRAY8 into");
        }
        case op::NEXT_BUFFER:
            unpicklingError("pickle stream refers to out-of-band data but no *buffers* argument was given");
        case op::READONLY_BUFFER: {
            const Value &v = top();
            if (!v.isKind(ObjKind::Bytes)) // bytes are read-only already: nothing to do
                raise(types().TypeError, "memoryview: a bytes-like object is required, not '" + typeName(v) + "'");
            return;
        }
        default: {
            // CPython quotes printable keys as they are and everything else as \xNN.
            if (code >= 0x20 && code <= 0x7E && code != '\'' && code != '\\')
                unpicklingError(std::string("invalid load key, '") + static_cast<char>(code) + "'.");
            unpicklingError("invalid load key, '\\x" + hexByte(code).substr(2) + "'.");
        }
        }
    }

    std::int64_t parseIndex(std::string_view line)
    {
        std::int64_t index = 0;
        switch (parsePyInt(line, 10, index)) {
        case IntParse::Ok:
            return index;
        case IntParse::Overflow:
            raise(types().OverflowError, "Python int too large to convert to C ssize_t");
        case IntParse::Invalid:
            break;
        }
        raise(types().ValueError, "invalid literal for int() with base 10: " + reprStr(line));
    }

    void loadInt()
    {
        const std::string_view line = readLine();
        if (line.size() < 2)
            unpicklingError("pickle data was truncated");
        // strtol(s, &end, 0) first, as _pickle.c does: "I01\n" and "I00\n" are the bools of
        // protocol 0, and C's base 0 reads "010" as octal.
        const std::string text(line);
        errno = 0;
        char *end = nullptr;
        const long long x = std::strtoll(text.c_str(), &end, 0);
        if (errno == 0 && (*end == '\n' || *end == '\0')) {
            if (line.size() == 3 && (x == 0 || x == 1))
                push(Value::boolean(x == 1));
            else
                push(Value::integer(x));
            return;
        }
        std::int64_t value = 0;
        switch (parsePyInt(line, 0, value)) {
        case IntParse::Ok:
            push(Value::integer(value));
            return;
        case IntParse::Overflow:
            intOverflow();
        case IntParse::Invalid:
            break;
        }
        raise(types().ValueError, "could not convert string to int");
    }

    void loadLong()
    {
        std::string_view line = readLine();
        if (line.size() < 2)
            unpicklingError("pickle data was truncated");
        // The trailing 'L' of Python 2 longs is optional.
        if (line[line.size() - 2] == 'L')
            line = line.substr(0, line.size() - 2);
        std::int64_t value = 0;
        switch (parsePyInt(line, 0, value)) {
        case IntParse::Ok:
            push(Value::integer(value));
            return;
        case IntParse::Overflow:
            intOverflow();
        case IntParse::Invalid:
            break;
        }
        raise(types().ValueError, "invalid literal for int() with base 0: " + reprStr(line));
    }

    void loadCountedLong(int sizeBytes)
    {
        std::int64_t n = static_cast<std::int64_t>(getLE(read(static_cast<std::uint64_t>(sizeBytes)), sizeBytes));
        if (sizeBytes == 4)
            n = static_cast<std::int32_t>(static_cast<std::uint32_t>(n));
        if (n < 0)
            unpicklingError("LONG pickle has negative byte count");
        if (n == 0) {
            push(Value::integer(0));
            return;
        }
        const char *p = read(static_cast<std::uint64_t>(n));
        auto byte = [&](std::int64_t i) { return static_cast<unsigned char>(p[i]); };
        // Little-endian two's complement: it fits when every byte past the eighth only
        // repeats the sign of the eighth.
        const bool negative = (byte(n - 1) & 0x80) != 0;
        std::uint64_t u = negative ? ~std::uint64_t(0) : 0;
        for (std::int64_t i = 0; i < n && i < 8; ++i) {
            u &= ~(std::uint64_t(0xFF) << (8 * i));
            u |= static_cast<std::uint64_t>(byte(i)) << (8 * i);
        }
        if (n > 8) {
            const unsigned char extension = negative ? 0xFF : 0x00;
            for (std::int64_t i = 8; i < n; ++i)
                if (byte(i) != extension)
                    intOverflow();
            if (((u >> 63) != 0) != negative)
                intOverflow();
        }
        push(Value::integer(static_cast<std::int64_t>(u)));
    }

    void loadFloat()
    {
        const std::string_view line = readLine();
        if (line.size() < 2)
            unpicklingError("pickle data was truncated");
        std::string_view text = line.substr(0, line.size() - 1);
        // from_chars is locale-independent (Qt applications call setlocale), unlike strtod.
        bool negative = false;
        std::string_view digits = text;
        if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) {
            negative = digits.front() == '-';
            digits.remove_prefix(1);
        }
        double d = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), d);
        // PyOS_string_to_double quotes the line (newline included) when nothing parses;
        // load_float's own check for trailing junk doesn't.
        if (ec == std::errc::invalid_argument || digits.empty() || digits.front() == '+' || digits.front() == '-')
            raise(types().ValueError, "could not convert string to float: '" + std::string(line) + "'");
        if (end != digits.data() + digits.size())
            raise(types().ValueError, "could not convert string to float");
        if (ec == std::errc::result_out_of_range) {
            // Too small rounds to zero; too large is CPython's OverflowError.
            const bool tiny = digits.find("e-") != std::string_view::npos || digits.find("E-") != std::string_view::npos;
            if (!tiny)
                raise(types().OverflowError, "value too large to convert to float: '" + std::string(line) + "'");
            d = 0.0;
        }
        push(Value::real(negative ? -d : d));
    }

    void loadBytes(int sizeBytes)
    {
        const std::uint64_t size = readSize(sizeBytes, "BINBYTES");
        push(newBytes(std::string(read(size), static_cast<std::size_t>(size))));
    }

    /// Python 2 str, decoded with the default encoding (ASCII) into str.
    void loadBinString(int sizeBytes)
    {
        const std::uint64_t size = readSize(sizeBytes, "BINSTRING", true);
        const std::string_view data(read(size), static_cast<std::size_t>(size));
        for (std::size_t i = 0; i < data.size(); ++i)
            if (static_cast<unsigned char>(data[i]) >= 0x80)
                decodeError("ascii", data, i, i + 1, "ordinal not in range(128)");
        push(newStr(std::string(data)));
    }

    void loadUnicode(int sizeBytes)
    {
        const std::uint64_t size = readSize(sizeBytes, "BINUNICODE");
        std::string text(read(size), static_cast<std::size_t>(size));
        checkUtf8(text);
        push(newStr(std::move(text)));
    }

    void loadDict()
    {
        const std::size_t mark = marker();
        const std::size_t end = m_stack.size();
        if ((end - mark) % 2 != 0)
            unpicklingError("odd number of items for DICT");
        Value dict = track(newDict());
        for (std::size_t k = mark + 1; k < end; k += 2)
            dict.as<DictObject>()->table.insert(m_stack[k - 1], m_stack[k]);
        m_stack.resize(mark);
        push(std::move(dict));
    }

    void doAppend(std::int64_t x)
    {
        const auto size = static_cast<std::int64_t>(m_stack.size());
        if (x > size || x <= static_cast<std::int64_t>(fence()))
            stackUnderflow();
        if (x == size)
            return;
        const Value target = m_stack[static_cast<std::size_t>(x - 1)];
        if (!target.isKind(ObjKind::List))
            raise(types().AttributeError, "'" + typeName(target) + "' object has no attribute 'append'");
        auto &items = target.as<ListObject>()->items;
        for (std::int64_t i = x; i < size; ++i)
            items.push_back(std::move(m_stack[static_cast<std::size_t>(i)]));
        m_stack.resize(static_cast<std::size_t>(x));
    }

    void doSetItems(std::int64_t x)
    {
        const auto size = static_cast<std::int64_t>(m_stack.size());
        if (x > size || x <= static_cast<std::int64_t>(fence()))
            stackUnderflow();
        if (x == size)
            return;
        if ((size - x) % 2 != 0)
            unpicklingError("odd number of items for SETITEMS");
        const Value target = m_stack[static_cast<std::size_t>(x - 1)];
        for (std::int64_t i = x + 1; i < size; i += 2)
            setItem(target, m_stack[static_cast<std::size_t>(i - 1)], m_stack[static_cast<std::size_t>(i)]);
        m_stack.resize(static_cast<std::size_t>(x));
    }

    void loadAddItems()
    {
        const auto mark = static_cast<std::int64_t>(marker());
        const auto size = static_cast<std::int64_t>(m_stack.size());
        if (mark > size || mark <= static_cast<std::int64_t>(fence()))
            stackUnderflow();
        if (mark == size)
            return;
        const Value target = m_stack[static_cast<std::size_t>(mark - 1)];
        if (!target.isKind(ObjKind::Set))
            raise(types().AttributeError, "'" + typeName(target) + "' object has no attribute 'add'");
        for (std::int64_t i = mark; i < size; ++i)
            target.as<SetObject>()->table.insert(m_stack[static_cast<std::size_t>(i)], Value());
        m_stack.resize(static_cast<std::size_t>(mark));
    }

    /// BUILD sets instance state; IPC Lab objects have none to set, so only empty state
    /// (what CPython writes for exceptions without attributes) is accepted.
    void loadBuild()
    {
        if (static_cast<std::int64_t>(m_stack.size()) - 2 < static_cast<std::int64_t>(fence()))
            stackUnderflow();
        Value state = pop();
        const Value &instance = top();
        auto isEmpty = [](const Value &s) { return s.isNone() || (s.isKind(ObjKind::Dict) && s.as<DictObject>()->table.size() == 0); };
        if (state.isKind(ObjKind::Tuple) && state.as<TupleObject>()->items.size() == 2) {
            const auto &parts = state.as<TupleObject>()->items;
            if (isEmpty(parts[0]) && isEmpty(parts[1]))
                return;
        } else if (state.isNone()) {
            return;
        } else if (!state.isKind(ObjKind::Dict)) {
            unpicklingError("state is not a dictionary");
        } else if (instance.isKind(ObjKind::Exception) && isEmpty(state)) {
            return;
        } else if (DictObject *d = attributeDict(instance, true)) {
            // setattr for each item, with the names interned as CPython's load_build does.
            for (const auto &e : state.as<DictObject>()->table.entries()) {
                if (e.key.isUndefined())
                    continue;
                if (!e.key.isKind(ObjKind::Str))
                    raise(types().TypeError, "attribute name must be string, not '" + typeName(e.key) + "'");
                d->table.insert(internedName(e.key.as<StrObject>()->text), e.value);
            }
            return;
        } else if (!instance.isKind(ObjKind::Exception)) {
            raise(types().AttributeError, "'" + typeName(instance) + "' object has no attribute '__dict__'");
        }
        unpicklingError("IPC Lab cannot restore attributes of " + repr(instance));
    }

    Value findClass(std::string module, std::string name)
    {
        if (m_proto < 3) {
            // fix_imports: the Python 2 names _compat_pickle maps back for the builtins.
            if (module == "__builtin__") {
                module = "builtins";
                if (name == "xrange")
                    name = "range";
                else if (name == "unicode" || name == "basestring")
                    name = "str";
                else if (name == "long")
                    name = "int";
                else if (name == "unichr")
                    name = "chr";
            } else if (module == "exceptions") {
                module = "builtins";
                if (name == "StandardError")
                    name = "Exception";
            }
        }
        if (module == "builtins") {
            if (name == "getattr")
                return Value::object(getattrStandIn());
            if (name == "slice")
                return Value::object(types().slice);
            if (name == "frozenset") // IPC Lab has no frozenset: a set stands in for it
                return Value::object(types().set);
            if (const Value *b = builtinValue(name))
                return *b;
            raise(types().AttributeError, "Can't get attribute " + reprStr(name) + " on <module 'builtins' (built-in)>");
        }
        if (module == "_codecs" && name == "encode")
            return Value::object(codecsEncodeStandIn());
        if (m_hooks.findGlobal) {
            Value v = m_hooks.findGlobal(module, name);
            if (!v.isUndefined()) {
                // The runtime's object may be mutated by what follows (an APPEND into a list
                // global), so what it reaches is not ours to release.
                m_externals.push_back(v);
                return v;
            }
        }
        if (module != "__main__" && !findModule(module))
            raise(types().ModuleNotFoundError, "No module named " + reprStr(module));
        raise(types().AttributeError, "Can't get attribute " + reprStr(name) + " on <module " + reprStr(module) + ">");
    }

    /// REDUCE without an interpreter: only the callables CPython's reductions of the
    /// supported types name (the types themselves, and the two stand-ins).
    Value callReduce(const Value &callable, const Value &argsValue)
    {
        if (!argsValue.isKind(ObjKind::Tuple))
            raise(types().TypeError, "argument list must be a tuple");
        const std::vector<Value> &args = argsValue.as<TupleObject>()->items;
        const BuiltinTypes &t = types();
        if (callable.isKind(ObjKind::Type)) {
            auto *type = callable.as<TypeObject>();
            // A class the scenario defines is called, __init__ and all, as CPython's REDUCE does.
            if (type->isUser && hasActiveInterpreter())
                return activeInterpreter().call(callable, args);
            if (type->isUser && type->isSubtypeOf(t.BaseException)) {
                auto *e = new ExceptionObject(type, args);
                e->userType = callable;
                return Value::object(e);
            }
            if (type->isSubtypeOf(t.BaseException))
                return Value::object(new ExceptionObject(type, args));
            if (type == t.range)
                return makeRange(args);
            if (type == t.slice) {
                if (args.empty() || args.size() > 3)
                    raise(t.TypeError,
                        args.empty() ? "slice expected at least 1 argument, got 0" : "slice expected at most 3 arguments, got " + std::to_string(args.size()));
                if (args.size() == 1)
                    return Value::object(new SliceObject(Value::none(), args[0], Value::none()));
                return Value::object(new SliceObject(args[0], args[1], args.size() == 3 ? args[2] : Value::none()));
            }
            if (type == t.set) {
                if (args.size() > 1)
                    raise(t.TypeError, "set expected at most 1 argument, got " + std::to_string(args.size()));
                Value set = track(newSet());
                if (!args.empty())
                    iterate(args[0], [&](const Value &item) {
                        set.as<SetObject>()->table.insert(item, Value());
                        return true;
                    });
                return set;
            }
            if (type == t.bytes && args.empty())
                return newBytes("");
            if (type == t.bytes && args.size() == 1 && args[0].isKind(ObjKind::Bytes))
                return args[0];
            if (type == t.type && args.size() == 1)
                return Value::object(typeOf(args[0]));
        }
        if (callable.isObj() && callable.obj() == codecsEncodeStandIn())
            return codecsEncode(args);
        if (callable.isObj() && callable.obj() == getattrStandIn())
            return boundMethod(args);
        unpicklingError("IPC Lab cannot call " + repr(callable) + " while unpickling");
    }

    Value track(Value container)
    {
        m_containers.push_back(container);
        return container;
    }

    static Value makeRange(const std::vector<Value> &args)
    {
        const BuiltinTypes &t = types();
        if (args.empty())
            raise(t.TypeError, "range expected at least 1 argument, got 0");
        if (args.size() > 3)
            raise(t.TypeError, "range expected at most 3 arguments, got " + std::to_string(args.size()));
        std::int64_t v[3] = { 0, 0, 1 };
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (!args[i].isIntLike())
                raise(t.TypeError, "'" + typeName(args[i]) + "' object cannot be interpreted as an integer");
            v[i] = args[i].asInt();
        }
        if (args.size() == 1)
            return Value::object(new RangeObject(0, v[0], 1));
        if (v[2] == 0)
            raise(t.ValueError, "range() arg 3 must not be zero");
        return Value::object(new RangeObject(v[0], v[1], v[2]));
    }

    /// _codecs.encode(text, "latin1"): how protocols 0-2 carry bytes.
    static Value codecsEncode(const std::vector<Value> &args)
    {
        if (args.size() != 2 || !args[0].isKind(ObjKind::Str) || !args[1].isKind(ObjKind::Str))
            unpicklingError("IPC Lab only unpickles _codecs.encode(str, 'latin1')");
        const std::string &encoding = args[1].as<StrObject>()->text;
        const std::string &text = args[0].as<StrObject>()->text;
        if (encoding == "utf-8" || encoding == "utf8")
            return newBytes(text);
        if (encoding != "latin1" && encoding != "latin-1" && encoding != "iso-8859-1")
            unpicklingError("IPC Lab only unpickles _codecs.encode(str, 'latin1')");
        const std::u32string codePoints = toUtf32(text);
        std::string out;
        out.reserve(codePoints.size());
        for (std::size_t i = 0; i < codePoints.size(); ++i) {
            if (codePoints[i] > 0xFF) {
                // UnicodeEncodeError names the character as an escape, not as itself.
                char escape[16];
                std::snprintf(escape, sizeof escape, codePoints[i] > 0xFFFF ? "\\U%08x" : "\\u%04x", static_cast<unsigned>(codePoints[i]));
                raise(types().UnicodeEncodeError,
                    std::string("'latin-1' codec can't encode character '") + escape + "' in position " + std::to_string(i) + ": ordinal not in range(256)");
            }
            out += static_cast<char>(codePoints[i]);
        }
        return newBytes(std::move(out));
    }

    /// getattr(obj, name) for the bound built-in methods CPython pickles that way.
    static Value boundMethod(const std::vector<Value> &args)
    {
        if (args.size() != 2 || !args[1].isKind(ObjKind::Str))
            unpicklingError("IPC Lab only unpickles getattr(object, name)");
        const std::string &name = args[1].as<StrObject>()->text;
        // obj.method of a scenario's class (or its class's classmethod): the attribute, as getattr finds it.
        if ((userTypeOf(args[0]) || (args[0].isKind(ObjKind::Type) && args[0].as<TypeObject>()->isUser)) && hasActiveInterpreter())
            return activeInterpreter().getAttribute(args[0], name);
        if (args[0].isKind(ObjKind::Type)) {
            auto *type = args[0].as<TypeObject>();
            if (NativeFn fn = type->findMethod(name))
                return Value::object(new NativeObject(name, fn));
            raise(types().AttributeError, "type object '" + type->name + "' has no attribute '" + name + "'");
        }
        const TypeObject *type = typeOf(args[0]);
        if (NativeFn fn = type->findMethod(name))
            return Value::object(new NativeObject(name, fn, args[0]));
        raise(types().AttributeError, "'" + type->name + "' object has no attribute '" + name + "'");
    }

    std::string_view m_data;
    std::size_t m_pos = 0;
    const PickleHooks &m_hooks;
    std::vector<Value> m_stack;
    std::vector<std::size_t> m_marks;
    std::vector<Value> m_memoDense; // Undefined where nothing was put
    std::unordered_map<std::uint64_t, Value> m_memoSparse;
    std::uint64_t m_memoCount = 0; // filled entries (_pickle.c's memo_len)
    std::vector<Value> m_containers; // lists, dicts and sets built so far
    std::vector<Value> m_externals; // globals the hooks handed out
    bool m_mayHaveCycles = false;
    int m_proto = 0;
};

} // namespace

std::string pickleDumps(const Value &v, const PickleHooks &hooks)
{
    return Pickler(hooks).dump(v);
}

Value pickleLoads(std::string_view data, const PickleHooks &hooks)
{
    Unpickler unpickler(data, hooks);
    try {
        return unpickler.load();
    } catch (...) {
        unpickler.releaseUnreachable(nullptr);
        throw;
    }
}

} // namespace ipclab::lang
