#pragma once
// The heap objects behind Value: the built-in types of the Python subset.

#include "value.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ipclab::lang {

class Interpreter;
struct FunctionInfo;
struct TypeObject;

struct StrObject final : Object {
    explicit StrObject(std::string s);
    std::string text; // UTF-8
    bool ascii; // every byte < 0x80, so indexing is by byte
    std::size_t length; // code points
    mutable std::size_t hash = 0;
    mutable bool hashed = false;
};

struct BytesObject final : Object {
    explicit BytesObject(std::string b)
        : Object(ObjKind::Bytes)
        , data(std::move(b))
    {
    }
    std::string data;
};

/// Lists, dicts, sets and cells are linked into one list, so that the end of a run can
/// break the reference cycles that counting alone never frees: z = []; z.append(z), or a
/// nested function that names itself (a recursive helper, a decorator's wrapper setting
/// wrapper.hits), which holds the cell that holds it.
struct Tracked {
    explicit Tracked(Object *owner);
    ~Tracked();
    Object *trackedOwner;
    Tracked(const Tracked &) = delete;
    Tracked &operator=(const Tracked &) = delete;
    Tracked *trackedPrev = nullptr;
    Tracked *trackedNext = nullptr;
};

/// Empties every live list, dict and set and every cell, freeing whatever cycles hold
/// (as CPython's collector clears cells and containers). Called when a run ends.
void breakReferenceCycles();

struct ListObject final : Object, Tracked {
    ListObject()
        : Object(ObjKind::List)
        , Tracked(this)
    {
    }
    explicit ListObject(std::vector<Value> v)
        : Object(ObjKind::List)
        , Tracked(this)
        , items(std::move(v))
    {
    }
    std::vector<Value> items;
};

struct TupleObject final : Object {
    TupleObject()
        : Object(ObjKind::Tuple)
    {
    }
    explicit TupleObject(std::vector<Value> v)
        : Object(ObjKind::Tuple)
        , items(std::move(v))
    {
    }
    std::vector<Value> items;
};

/// Insertion-ordered hash table shared by dict and set (a set leaves values unset).
class HashTable {
public:
    struct Entry {
        Value key; // Undefined once deleted
        Value value;
        std::size_t hash = 0;
    };
    /// Index of the live entry holding `key`, or -1. Raises TypeError for unhashable keys.
    std::int64_t find(const Value &key) const;
    /// Inserts or overwrites; returns true when the key was new.
    bool insert(const Value &key, Value value);
    bool erase(const Value &key);
    void clear();
    std::size_t size() const { return m_live; }
    /// Entries in insertion order, including deleted holes (check key.isUndefined()).
    const std::vector<Entry> &entries() const { return m_entries; }
    std::vector<Entry> &entries() { return m_entries; }
    /// Removes and returns the last live entry (for popitem / set.pop).
    Entry popLast();
    /// Bumped on every insertion or deletion, so iteration can detect changes.
    std::uint64_t version() const { return m_version; }

private:
    std::int64_t findSlot(const Value &key, std::size_t hash) const;
    void rebuild(std::size_t capacity);
    std::vector<Entry> m_entries;
    std::vector<std::int32_t> m_index; // -1 empty, -2 deleted, else entry index
    std::size_t m_live = 0;
    std::size_t m_used = 0; // values not empty (live + deleted)
    std::uint64_t m_version = 0;
};

struct DictObject final : Object, Tracked {
    DictObject()
        : Object(ObjKind::Dict)
        , Tracked(this)
    {
    }
    HashTable table;
};

struct SetObject final : Object, Tracked {
    SetObject()
        : Object(ObjKind::Set)
        , Tracked(this)
    {
    }
    HashTable table;
};

struct RangeObject final : Object {
    RangeObject(std::int64_t a, std::int64_t b, std::int64_t s)
        : Object(ObjKind::Range)
        , start(a)
        , stop(b)
        , step(s)
    {
    }
    std::int64_t start, stop, step;
    std::int64_t length() const;
    std::int64_t at(std::int64_t i) const { return start + i * step; }
};

struct SliceObject final : Object {
    SliceObject(Value a, Value b, Value c)
        : Object(ObjKind::Slice)
        , start(std::move(a))
        , stop(std::move(b))
        , step(std::move(c))
    {
    }
    Value start, stop, step;
};

struct CellObject final : Object, Tracked {
    CellObject()
        : Object(ObjKind::Cell)
        , Tracked(this)
    {
    }
    explicit CellObject(Value v)
        : Object(ObjKind::Cell)
        , Tracked(this)
        , value(std::move(v))
    {
    }
    Value value;
};

struct ModuleObject;

struct FunctionObject final : Object {
    FunctionObject()
        : Object(ObjKind::Function)
    {
    }
    const FunctionInfo *info = nullptr;
    std::string name;
    ModuleObject *module = nullptr; // globals; modules outlive their functions
    std::vector<Value> defaults; // one per parameter that has a default
    std::vector<Ref<CellObject>> closure;
    std::shared_ptr<const void> keepAlive; // the parsed program this code belongs to
    std::string qualname; // C.method, f.<locals>.g: what __qualname__ says (assignable)
    Ref<CellObject> classCell; // a method's class, for super() with no arguments
    Value attributes; // a DictObject once something sets f.attr (decorators do)
};

/// Positional and keyword arguments of a call, as the callee sees them.
struct CallArgs {
    Value *pos = nullptr;
    std::size_t count = 0;
    const std::vector<std::pair<std::string, Value>> *keywords = nullptr;
    bool hasKeywords() const { return keywords && !keywords->empty(); }
    const Value &operator[](std::size_t i) const { return pos[i]; }
};

using NativeFn = Value (*)(Interpreter &, const Value &self, CallArgs &args);

/// A built-in function, or a built-in method bound to `self`.
struct NativeObject final : Object {
    NativeObject(std::string n, NativeFn f, Value s = Value())
        : Object(ObjKind::Native)
        , name(std::move(n))
        , fn(f)
        , self(std::move(s))
    {
    }
    std::string name;
    NativeFn fn;
    Value self;
    bool unbound = false; // reached through the type (str.lower): self comes first in the call
};

/// A module's namespace: named values, so compiled code reaches globals by index.
struct ModuleObject final : Object {
    explicit ModuleObject(std::string n)
        : Object(ObjKind::Module)
        , name(std::move(n))
    {
    }
    std::string name;
    std::vector<Value> values;
    std::vector<std::string> slotNames;
    std::unordered_map<std::string, int> index;
    int slotFor(const std::string &n); ///< creates the slot when missing
    const Value *lookup(const std::string &n) const;
    void set(const std::string &n, Value v) { values[slotFor(n)] = std::move(v); }
};

struct TypeObject final : Object {
    TypeObject(std::string n, TypeObject *b)
        : Object(ObjKind::Type)
        , name(std::move(n))
        , base(b)
    {
    }
    std::string name;
    TypeObject *base;
    NativeFn construct = nullptr; ///< what calling the type does
    std::unordered_map<std::string, NativeFn> methods;
    std::vector<std::string> classMethods; ///< called with the type as self (dict.fromkeys)
    bool isSubtypeOf(const TypeObject *other) const;
    NativeFn findMethod(const std::string &n) const;

    // A class the scenario defines (classes.cpp); built-in types leave these empty.
    bool isUser = false;
    bool subclassable = false; ///< a runtime class a scenario may derive from (Process, Thread)
    std::string qualname; ///< Outer.Inner, f.<locals>.C
    std::string moduleName; ///< __main__, or __mp_main__ in a spawned child
    std::vector<Value> bases; ///< the TypeObjects in the class statement (kept alive here)
    std::vector<TypeObject *> mro; ///< C3 order, this class first; alive through bases
    Value dict; ///< the class namespace, a DictObject
    TypeObject *nativeBase = nullptr; ///< the built-in class its instances are made as (object, an exception...)
    /// The value `name` has in the first class of the MRO that defines it, or null.
    const Value *lookup(const std::string &name) const;
    const Value *lookup(const Value &internedKey) const;
};

/// Bumped whenever a class's namespace changes or a class is made or freed: a lookup
/// cached under an older version is stale (pointers into a class dict stay valid until then).
extern std::uint64_t g_classVersion;

/// One attribute name's lookup in a class's MRO, cached at the expression that reads it.
struct ClassLookupCache {
    const TypeObject *type = nullptr;
    std::uint64_t version = 0;
    const Value *found = nullptr;
    Value key; // the interned name
};

struct TracebackEntry {
    std::string file;
    int line;
    std::string function;
};

struct ExceptionObject final : Object {
    ExceptionObject(TypeObject *t, std::vector<Value> a)
        : Object(ObjKind::Exception)
        , type(t)
        , args(std::move(a))
    {
    }
    TypeObject *type;
    std::vector<Value> args;
    std::vector<TracebackEntry> traceback; // innermost first
    Value context; // the exception being handled when this one was raised
    Value cause; // raise X from Y: Y, or None after `from None`
    Value userType; // keeps a class the scenario defined alive while its exception is
    Value attributes; // a DictObject once something sets e.attr (AppError's fields)
};

struct DictViewObject final : Object {
    enum class Which { Keys, Values, Items };
    DictViewObject(Value d, Which w)
        : Object(ObjKind::DictView)
        , dict(std::move(d))
        , which(w)
    {
    }
    Value dict;
    Which which;
};

/// A lazy sequence produced by map/filter/zip/enumerate/reversed: materialised at creation,
/// consumed once, as CPython's iterators are.
struct IteratorObject final : Object {
    IteratorObject(std::string n, std::vector<Value> v)
        : Object(ObjKind::Iterator)
        , typeName(std::move(n))
        , items(std::move(v))
    {
    }
    std::string typeName;
    std::vector<Value> items;
    std::size_t position = 0;
    /// For truly lazy iterators (iter(callable, sentinel)): produces the next item after
    /// `items`, or returns false once exhausted. Cleared on exhaustion, as CPython's
    /// callable_iterator stays exhausted.
    std::function<bool(Value &)> pull;
    /// The next item, or false when there is none left.
    bool advance(Value &out)
    {
        if (position < items.size()) {
            out = std::move(items[position++]);
            return true;
        }
        if (!pull)
            return false;
        if (pull(out))
            return true;
        pull = nullptr;
        return false;
    }
};

/// Base for native runtime objects exposed to scenarios (processes, pipes, locks...).
struct OpaqueObject : Object {
    explicit OpaqueObject(TypeObject *t)
        : Object(ObjKind::Opaque)
        , type(t)
    {
    }
    TypeObject *type;
    Value userType; // set when `type` is a class the scenario derived (class Worker(Process))
    Value attributes; // a DictObject: such an instance's own attributes
    /// Attributes that are values rather than methods (p.pid, conn.closed).
    virtual Value getAttribute(Interpreter &, const std::string &) { return Value(); }
    virtual bool setAttribute(Interpreter &, const std::string &, const Value &) { return false; }
    // Container protocol for proxies (a Manager's dict): each returns false when unsupported.
    virtual bool getItem(const Value &, Value &) { return false; }
    virtual bool setItem(const Value &, const Value &) { return false; }
    virtual bool delItem(const Value &) { return false; }
    virtual bool contains(const Value &, bool &) { return false; }
    virtual bool length(std::int64_t &) { return false; }
    virtual bool items(std::vector<Value> &) { return false; }
    virtual bool text(std::string &) { return false; } // str()/repr() of the referent
    /// The id its trace events carry (a queue, a pipe end, a lock), 0 when it has none:
    /// binding it to a name reports the name (object.name), so the window says `q`, not "Queue".
    virtual std::uint64_t traceObject() const { return 0; }
};

// Convenience constructors.
Value newStr(std::string s);
Value newBytes(std::string b);
Value newList(std::vector<Value> v = {});
Value newTuple(std::vector<Value> v = {});
Value newDict();
Value newSet();

} // namespace ipclab::lang
