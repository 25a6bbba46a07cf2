#pragma once
// The interpreter's value: a tagged word. Small scalars (None, bool, int,
// float) live inline so arithmetic never allocates; everything else is a
// reference-counted heap Object. Reference counts are not atomic: like
// CPython, every thread that touches values holds the interpreter lock.

#include <cstdint>
#include <string>
#include <utility>

namespace ipclab::lang {

enum class ObjKind : std::uint8_t {
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    Range,
    Slice,
    Function,
    Native, // a built-in function or a bound built-in method
    Module,
    Type,
    Exception,
    Cell,
    DictView,
    Iterator,
    Opaque, // native objects of the runtime (processes, pipes, ...)
    Instance, // an instance of a class the scenario defines (classes.h)
    Method, // a function bound to an instance or a class
    Descriptor, // staticmethod, classmethod, property, super
    Generator, // a paused function with yield (generators.h)
};

struct Object {
    std::uint32_t refcount = 0;
    ObjKind kind;
    explicit Object(ObjKind k)
        : kind(k)
    {
    }
    Object(const Object &) = delete;
    Object &operator=(const Object &) = delete;
    virtual ~Object() = default;
};

/// Frees an object whose count reached zero. Deeply nested containers are freed
/// iteratively (CPython's "trashcan"), so dropping a list nested 10^6 deep can't
/// overflow the C stack.
void destroyObject(Object *o);

inline void incref(Object *o)
{
    ++o->refcount;
}
inline void decref(Object *o)
{
    if (--o->refcount == 0)
        destroyObject(o);
}

enum class Tag : std::uint8_t { Undefined, None, Bool, Int, Float, Obj };

class Value {
public:
    Value()
        : m_tag(Tag::Undefined)
        , m_int(0)
    {
    }
    static Value none()
    {
        Value v;
        v.m_tag = Tag::None;
        return v;
    }
    static Value boolean(bool b)
    {
        Value v;
        v.m_tag = Tag::Bool;
        v.m_int = b ? 1 : 0;
        return v;
    }
    static Value integer(std::int64_t i)
    {
        Value v;
        v.m_tag = Tag::Int;
        v.m_int = i;
        return v;
    }
    static Value real(double d)
    {
        Value v;
        v.m_tag = Tag::Float;
        v.m_float = d;
        return v;
    }
    /// Takes a new reference to `o` (which may be freshly allocated with refcount 0).
    static Value object(Object *o)
    {
        Value v;
        v.m_tag = Tag::Obj;
        v.m_obj = o;
        incref(o);
        return v;
    }

    Value(const Value &other)
        : m_tag(other.m_tag)
        , m_int(other.m_int)
    {
        if (m_tag == Tag::Obj)
            incref(m_obj);
    }
    Value(Value &&other) noexcept
        : m_tag(other.m_tag)
        , m_int(other.m_int)
    {
        other.m_tag = Tag::Undefined;
    }
    // The old value is released after the new one is in place: freeing it can run scenario
    // code (a generator's finally blocks), which must find the slot already rebound, as in CPython.
    Value &operator=(const Value &other)
    {
        if (other.m_tag == Tag::Obj)
            incref(other.m_obj);
        const Tag oldTag = m_tag;
        Object *const old = m_obj;
        m_tag = other.m_tag;
        m_int = other.m_int;
        if (oldTag == Tag::Obj)
            decref(old);
        return *this;
    }
    Value &operator=(Value &&other) noexcept
    {
        if (this != &other) {
            const Tag oldTag = m_tag;
            Object *const old = m_obj;
            m_tag = other.m_tag;
            m_int = other.m_int;
            other.m_tag = Tag::Undefined;
            if (oldTag == Tag::Obj)
                decref(old);
        }
        return *this;
    }
    ~Value() { release(); }

    Tag tag() const { return m_tag; }
    bool isUndefined() const { return m_tag == Tag::Undefined; }
    bool isNone() const { return m_tag == Tag::None; }
    bool isBool() const { return m_tag == Tag::Bool; }
    bool isInt() const { return m_tag == Tag::Int; }
    bool isFloat() const { return m_tag == Tag::Float; }
    bool isObj() const { return m_tag == Tag::Obj; }
    bool isKind(ObjKind k) const { return m_tag == Tag::Obj && m_obj->kind == k; }
    /// int or bool (bool is a subclass of int, as in Python)
    bool isIntLike() const { return m_tag == Tag::Int || m_tag == Tag::Bool; }

    bool asBool() const { return m_int != 0; }
    std::int64_t asInt() const { return m_int; }
    double asFloat() const { return m_float; }
    Object *obj() const { return m_obj; }
    template <typename T> T *as() const { return static_cast<T *>(m_obj); }

    /// Identity as Python's `is` sees it.
    bool identical(const Value &o) const
    {
        if (m_tag != o.m_tag)
            return false;
        return m_int == o.m_int; // floats by bits, so `nan is nan` holds as in CPython
    }

private:
    void release()
    {
        if (m_tag == Tag::Obj)
            decref(m_obj);
    }
    Tag m_tag;
    union {
        std::int64_t m_int;
        double m_float;
        Object *m_obj;
    };
};

/// A strong reference to a concrete object type.
template <typename T> class Ref {
public:
    Ref() = default;
    explicit Ref(T *p)
        : m_p(p)
    {
        if (m_p)
            incref(m_p);
    }
    Ref(const Ref &o)
        : m_p(o.m_p)
    {
        if (m_p)
            incref(m_p);
    }
    Ref(Ref &&o) noexcept
        : m_p(std::exchange(o.m_p, nullptr))
    {
    }
    Ref &operator=(Ref o) noexcept
    {
        std::swap(m_p, o.m_p);
        return *this;
    }
    ~Ref()
    {
        if (m_p)
            decref(m_p);
    }
    T *get() const { return m_p; }
    T *operator->() const { return m_p; }
    T &operator*() const { return *m_p; }
    explicit operator bool() const { return m_p != nullptr; }
    Value value() const { return Value::object(m_p); }

private:
    T *m_p = nullptr;
};

template <typename T, typename... A> Ref<T> make(A &&...args)
{
    return Ref<T>(new T(std::forward<A>(args)...));
}

} // namespace ipclab::lang
