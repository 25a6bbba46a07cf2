#include "classes.h"

#include "errors.h"
#include "generators.h"
#include "interpreter.h"
#include "native.h"
#include "types.h"

#include <algorithm>
#include <cstdio>

namespace ipclab::lang {

namespace {

Interpreter *g_active = nullptr;

std::string address(const void *p)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(p)));
    return buf;
}

/// NotImplemented: what a binary dunder returns to let the other operand try.
struct NotImplementedObject final : OpaqueObject {
    explicit NotImplementedObject(TypeObject *t)
        : OpaqueObject(t)
    {
    }
    bool text(std::string &out) override
    {
        out = "NotImplemented";
        return true;
    }
};

bool isNotImplemented(const Value &v)
{
    return v.isObj() && v.obj() == classTypes().notImplemented.obj();
}

Value key(const std::string &name)
{
    return internedName(name);
}

/// Calls `callable(self, args...)` with the keywords passed through.
Value callWithSelf(Interpreter &in, const Value &callable, const Value &self, const CallArgs &args)
{
    std::vector<Value> all;
    all.reserve(args.count + 1);
    all.push_back(self);
    for (std::size_t i = 0; i < args.count; ++i)
        all.push_back(args.pos[i]);
    CallArgs withSelf;
    withSelf.pos = all.data();
    withSelf.count = all.size();
    withSelf.keywords = args.keywords;
    return in.call(callable, withSelf);
}

// --- the built-in descriptors

Value constructStaticMethod(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "staticmethod", 1, 1);
    auto *d = new DescriptorObject(DescriptorObject::Which::StaticMethod);
    d->function = args[0];
    return Value::object(d);
}

Value constructClassMethod(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "classmethod", 1, 1);
    auto *d = new DescriptorObject(DescriptorObject::Which::ClassMethod);
    d->function = args[0];
    return Value::object(d);
}

Value constructProperty(Interpreter &, const Value &, CallArgs &args)
{
    allowKeywords(args, "property", { "fget", "fset", "fdel", "doc" });
    checkArgCount(args, "property", 0, 4);
    auto *d = new DescriptorObject(DescriptorObject::Which::Property);
    Value result = Value::object(d);
    auto arg = [&](std::size_t i, const char *kw) {
        Value v = argOrKeyword(args, i, kw, Value::none());
        return v.isNone() ? Value() : v;
    };
    d->function = arg(0, "fget");
    d->setter = arg(1, "fset");
    d->deleter = arg(2, "fdel");
    return result;
}

/// p.setter(f), p.getter(f), p.deleter(f): a copy of the property with one accessor replaced.
Value propertyWith(const Value &self, CallArgs &args, int which, const char *name)
{
    checkArgCount(args, name, 1, 1);
    const auto *p = self.as<DescriptorObject>();
    auto *d = new DescriptorObject(DescriptorObject::Which::Property);
    Value result = Value::object(d);
    d->function = which == 0 ? args[0] : p->function;
    d->setter = which == 1 ? args[0] : p->setter;
    d->deleter = which == 2 ? args[0] : p->deleter;
    return result;
}
Value propertyGetter(Interpreter &, const Value &self, CallArgs &args)
{
    return propertyWith(self, args, 0, "getter");
}
Value propertySetter(Interpreter &, const Value &self, CallArgs &args)
{
    return propertyWith(self, args, 1, "setter");
}
Value propertyDeleter(Interpreter &, const Value &self, CallArgs &args)
{
    return propertyWith(self, args, 2, "deleter");
}

Value constructSuper(Interpreter &, const Value &, CallArgs &args)
{
    noKeywords(args, "super");
    checkArgCount(args, "super", 0, 2);
    auto *d = new DescriptorObject(DescriptorObject::Which::Super);
    Value result = Value::object(d);
    if (args.count == 2) {
        if (!args[0].isKind(ObjKind::Type))
            raise(types().TypeError, "super() argument 1 must be a type, not " + typeName(args[0]));
        d->function = args[0];
        d->self = args[1];
    } else if (args.count == 1) {
        raise(types().TypeError, "IPC Lab's super() takes no arguments or two (super(C, self))");
    } else {
        // super(): the class of the method that is running (its __class__ cell) and its first argument.
        const Frame *frame = currentThread().frame;
        if (!frame || !frame->function || (frame->info->params.empty() && frame->info->varargsSlot < 0))
            raise(types().RuntimeError, "super(): no arguments");
        if (!frame->function->classCell)
            raise(types().RuntimeError, "super(): __class__ cell not found");
        const Value &cls = frame->function->classCell->value;
        if (!cls.isKind(ObjKind::Type))
            raise(types().RuntimeError, "super(): empty __class__ cell");
        Value first = frame->info->params.empty() ? frame->locals[frame->info->varargsSlot] : frame->locals[0];
        if (frame->info->params.empty()) {
            const auto &items = first.as<TupleObject>()->items;
            if (items.empty())
                raise(types().RuntimeError, "super(): no arguments");
            first = items[0];
        }
        if (first.isUndefined())
            raise(types().RuntimeError, "super(): arg[0] deleted");
        d->function = cls;
        d->self = first;
    }
    const auto *cls = d->function.as<TypeObject>();
    const bool ok = d->self.isKind(ObjKind::Type) ? d->self.as<TypeObject>()->isSubtypeOf(cls) : typeOf(d->self)->isSubtypeOf(cls);
    if (!ok)
        raise(types().TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return result;
}

// --- object's and BaseException's own methods, reached through super() or the class

Value objectInit(Interpreter &, const Value &self, CallArgs &args)
{
    if (args.count > 0 || args.hasKeywords()) {
        if (findDunder(self, "__init__").isUndefined())
            raise(types().TypeError, typeName(self) + "() takes no arguments");
        raise(types().TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    }
    return Value::none();
}

Value objectRepr(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "__repr__", 0, 0);
    return newStr(defaultObjectRepr(self));
}

Value objectStr(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "__str__", 0, 0);
    return newStr(repr(self));
}

Value objectEq(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "__eq__", 1, 1);
    return self.identical(args[0]) ? Value::boolean(true) : classTypes().notImplemented;
}

Value objectNe(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "__ne__", 1, 1);
    return Value::boolean(!equals(self, args[0]));
}

Value objectHash(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "__hash__", 0, 0);
    return Value::integer(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(self.obj()) >> 4));
}

Value objectSetattr(Interpreter &in, const Value &self, CallArgs &args)
{
    checkArgCount(args, "__setattr__", 2, 2);
    const std::string &name = strArg(args[0], "__setattr__", 1);
    DictObject *d = attributeDict(self, true);
    if (!d)
        in.setAttribute(self, name, args[1]);
    else
        d->table.insert(args[0], args[1]);
    return Value::none();
}

Value exceptionInit(Interpreter &, const Value &self, CallArgs &args)
{
    if (args.hasKeywords())
        raise(types().TypeError, typeName(self) + "() takes no keyword arguments");
    if (self.isKind(ObjKind::Exception))
        self.as<ExceptionObject>()->args.assign(args.pos, args.pos + args.count);
    return Value::none();
}

Value exceptionStr(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "__str__", 0, 0);
    const auto &e = *self.as<ExceptionObject>();
    if (e.args.empty())
        return newStr("");
    if (e.args.size() == 1)
        return newStr(str(e.args[0]));
    return newStr(repr(newTuple(e.args)));
}

ClassTypes *createClassTypes()
{
    auto *c = new ClassTypes {};
    auto type = [](const char *name, NativeFn construct) {
        auto *t = new TypeObject(name, types().object);
        incref(t); // immortal, as the built-in types are
        t->construct = construct;
        return t;
    };
    c->staticMethod = type("staticmethod", constructStaticMethod);
    c->classMethod = type("classmethod", constructClassMethod);
    c->property = type("property", constructProperty);
    c->property->methods = { { "getter", propertyGetter }, { "setter", propertySetter }, { "deleter", propertyDeleter } };
    c->super = type("super", constructSuper);
    c->method = type("method", nullptr);
    c->notImplementedType = type("NotImplementedType", nullptr);
    c->notImplemented = Value::object(new NotImplementedObject(c->notImplementedType));
    incref(c->notImplemented.obj());

    auto &object = const_cast<TypeObject *>(types().object)->methods;
    object.emplace("__init__", objectInit);
    object.emplace("__repr__", objectRepr);
    object.emplace("__str__", objectStr);
    object.emplace("__eq__", objectEq);
    object.emplace("__ne__", objectNe);
    object.emplace("__hash__", objectHash);
    object.emplace("__setattr__", objectSetattr);
    auto &base = const_cast<TypeObject *>(types().BaseException)->methods;
    base.emplace("__init__", exceptionInit);
    base.emplace("__str__", exceptionStr);
    return c;
}

// --- C3 linearization

std::vector<TypeObject *> linearization(TypeObject *t)
{
    if (!t->mro.empty())
        return t->mro;
    std::vector<TypeObject *> chain;
    for (TypeObject *b = t; b; b = b->base)
        chain.push_back(b);
    return chain;
}

std::vector<TypeObject *> c3(TypeObject *self, const std::vector<TypeObject *> &bases)
{
    std::vector<std::vector<TypeObject *>> seqs;
    for (TypeObject *b : bases)
        seqs.push_back(linearization(b));
    seqs.push_back(bases);
    std::vector<TypeObject *> out { self };
    while (true) {
        seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](const auto &s) { return s.empty(); }), seqs.end());
        if (seqs.empty())
            return out;
        TypeObject *candidate = nullptr;
        for (const auto &s : seqs) {
            TypeObject *head = s.front();
            const bool inTail
                = std::any_of(seqs.begin(), seqs.end(), [&](const auto &other) { return std::find(other.begin() + 1, other.end(), head) != other.end(); });
            if (!inTail) {
                candidate = head;
                break;
            }
        }
        if (!candidate) {
            // CPython names the heads left in the merge, each once, in order.
            std::string names;
            std::vector<TypeObject *> seen;
            for (const auto &seq : seqs) {
                if (std::find(seen.begin(), seen.end(), seq.front()) != seen.end())
                    continue;
                seen.push_back(seq.front());
                names += (names.empty() ? "" : ", ") + seq.front()->name;
            }
            raise(types().TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases " + names);
        }
        out.push_back(candidate);
        for (auto &s : seqs)
            if (s.front() == candidate)
                s.erase(s.begin());
    }
}

/// A class attribute as an instance (or class) reading it sees it: functions bound.
Value bindToInstance(const Value &attr, const Value &self, TypeObject *cls)
{
    if (attr.isKind(ObjKind::Function))
        return Value::object(new BoundMethodObject(attr, self));
    if (attr.isKind(ObjKind::Descriptor)) {
        const auto *d = attr.as<DescriptorObject>();
        if (d->which == DescriptorObject::Which::StaticMethod)
            return d->function;
        if (d->which == DescriptorObject::Which::ClassMethod)
            return Value::object(new BoundMethodObject(d->function, Value::object(cls)));
    }
    return attr;
}

std::string ownerName(const Value &object)
{
    return typeName(object);
}

Value readProperty(Interpreter &in, const DescriptorObject &p, const Value &object, const std::string &name)
{
    if (p.function.isUndefined())
        raise(types().AttributeError, "property '" + name + "' of '" + ownerName(object) + "' object has no getter");
    return in.call(p.function, std::vector<Value> { object });
}

const char *binaryName(BinOp op, int form) // 0: __add__, 1: __radd__, 2: __iadd__
{
    static const char *const names[][3] = {
        { "__add__", "__radd__", "__iadd__" },
        { "__sub__", "__rsub__", "__isub__" },
        { "__mul__", "__rmul__", "__imul__" },
        { "__truediv__", "__rtruediv__", "__itruediv__" },
        { "__floordiv__", "__rfloordiv__", "__ifloordiv__" },
        { "__mod__", "__rmod__", "__imod__" },
        { "__pow__", "__rpow__", "__ipow__" },
        { "__lshift__", "__rlshift__", "__ilshift__" },
        { "__rshift__", "__rrshift__", "__irshift__" },
        { "__and__", "__rand__", "__iand__" },
        { "__or__", "__ror__", "__ior__" },
        { "__xor__", "__rxor__", "__ixor__" },
        { "__matmul__", "__rmatmul__", "__imatmul__" },
    };
    return names[static_cast<int>(op)][form];
}

/// Calls the dunder when the class defines it; Undefined when it doesn't or says NotImplemented.
Value tryDunder(const Value &self, const char *name, std::vector<Value> args)
{
    Value m = findDunder(self, name);
    if (m.isUndefined() || m.isNone())
        return Value();
    Value r = callDunder(activeInterpreter(), m, self, std::move(args));
    return isNotImplemented(r) ? Value() : r;
}

} // namespace

Value internedName(const std::string &name)
{
    // Immortal, like CPython's interned strings; guarded by the interpreter lock.
    static auto *table = new std::unordered_map<std::string, Value>();
    auto it = table->find(name);
    if (it == table->end())
        it = table->emplace(name, newStr(name)).first;
    return it->second;
}

InstanceObject::InstanceObject(TypeObject *t)
    : Object(ObjKind::Instance)
    , type(t)
    , typeRef(Value::object(t))
    , dict(newDict())
{
}

const ClassTypes &classTypes()
{
    static const ClassTypes *instance = createClassTypes();
    return *instance;
}

Interpreter &activeInterpreter()
{
    return *g_active;
}

bool hasActiveInterpreter()
{
    return g_active != nullptr;
}

void setActiveInterpreter(Interpreter *in)
{
    g_active = in;
}

std::uint64_t g_classVersion = 1;

const Value *TypeObject::lookup(const std::string &n) const
{
    if (!isUser)
        return nullptr;
    return lookup(key(n));
}

const Value *lookupCached(ClassLookupCache &cache, const TypeObject *cls, const std::string &name)
{
    if (cache.type == cls && cache.version == g_classVersion)
        return cache.found;
    if (cache.key.isUndefined())
        cache.key = internedName(name);
    cache.type = cls;
    cache.version = g_classVersion;
    cache.found = cls->lookup(cache.key);
    return cache.found;
}

Value bindClassAttribute(const Value &attr, const Value &self, TypeObject *cls)
{
    return bindToInstance(attr, self, cls);
}

const Value *TypeObject::lookup(const Value &k) const
{
    if (!isUser)
        return nullptr;
    for (const TypeObject *t : mro) {
        if (!t->isUser)
            continue;
        const auto &table = t->dict.as<DictObject>()->table;
        const std::int64_t i = table.find(k);
        if (i >= 0)
            return &table.entries()[static_cast<std::size_t>(i)].value;
    }
    return nullptr;
}

std::string defaultObjectRepr(const Value &v)
{
    const TypeObject *t = typeOf(v);
    const std::string module = t->isUser ? t->moduleName + "." : std::string();
    return "<" + module + (t->isUser ? t->qualname : t->name) + " object at " + address(v.obj()) + ">";
}

std::string exceptionTypeLabel(const TypeObject *t)
{
    if (!t->isUser)
        return t->name;
    if (t->moduleName == "__main__" || t->moduleName == "builtins")
        return t->qualname;
    return t->moduleName + "." + t->qualname;
}

Value makeClass(const std::string &name, const std::string &qualname, const std::string &moduleName, std::vector<Value> bases, Value namespaceDict)
{
    const BuiltinTypes &bt = types();
    std::vector<TypeObject *> baseTypes;
    for (const Value &b : bases) {
        if (!b.isKind(ObjKind::Type))
            raise(bt.TypeError, "bases must be types");
        auto *t = b.as<TypeObject>();
        if (std::find(baseTypes.begin(), baseTypes.end(), t) != baseTypes.end())
            raise(bt.TypeError, "duplicate base class " + t->name);
        if (!t->isUser && t != bt.object && !t->isSubtypeOf(bt.BaseException) && !t->subclassable)
            raise(bt.TypeError,
                "IPC Lab classes can derive from object, exceptions, Process, Thread and classes the scenario defines, not from '" + t->name + "'");
        baseTypes.push_back(t);
    }
    if (baseTypes.empty()) {
        baseTypes.push_back(bt.object);
        bases.push_back(Value::object(bt.object));
    }
    auto *cls = new TypeObject(name, baseTypes.front());
    Value result = Value::object(cls);
    ++g_classVersion; // a freed class's address may come back as this one
    cls->isUser = true;
    cls->qualname = qualname;
    cls->moduleName = moduleName;
    cls->bases = std::move(bases);
    cls->dict = std::move(namespaceDict);
    cls->construct = constructUser;
    cls->mro = c3(cls, baseTypes);
    // The built-in class its instances are made as: the most derived one, and only one line of them.
    for (TypeObject *t : cls->mro) {
        if (t->isUser)
            continue;
        if (!cls->nativeBase || (t != bt.object && !cls->nativeBase->isSubtypeOf(t))) {
            if (cls->nativeBase && cls->nativeBase != bt.object && !cls->nativeBase->isSubtypeOf(t) && !t->isSubtypeOf(cls->nativeBase))
                raise(bt.TypeError, "multiple bases have instance lay-out conflict");
            if (!cls->nativeBase || cls->nativeBase == bt.object)
                cls->nativeBase = t;
        }
    }
    auto &table = cls->dict.as<DictObject>()->table;
    // Defining __eq__ without __hash__ makes instances unhashable, as in CPython.
    if (table.find(key("__eq__")) >= 0 && table.find(key("__hash__")) < 0)
        table.insert(key("__hash__"), Value::none());
    return result;
}

Value constructUser(Interpreter &in, const Value &clsValue, CallArgs &args)
{
    auto *cls = clsValue.as<TypeObject>();
    const BuiltinTypes &bt = types();
    Value self;
    static const Value initKey = internedName("__init__");
    const Value *init = cls->lookup(initKey);
    if (cls->nativeBase->isSubtypeOf(bt.BaseException)) {
        if (args.hasKeywords() && !init)
            raise(bt.TypeError, cls->name + "() takes no keyword arguments");
        auto *e = new ExceptionObject(cls, std::vector<Value>(args.pos, args.pos + args.count));
        e->userType = clsValue;
        self = Value::object(e);
    } else if (cls->nativeBase->subclassable) {
        // A runtime object (a Process) made as its own class makes it, then typed as the
        // subclass; its __init__ (the subclass's, or the runtime's own) sets it up.
        CallArgs none;
        self = cls->nativeBase->construct(in, Value::object(cls->nativeBase), none);
        auto *o = self.as<OpaqueObject>();
        o->type = cls;
        o->userType = clsValue;
        o->attributes = newDict();
        if (!init) {
            NativeFn nativeInit = cls->nativeBase->findMethod("__init__");
            if (nativeInit)
                nativeInit(in, self, args);
        }
    } else {
        self = Value::object(new InstanceObject(cls));
        if (!init && (args.count > 0 || args.hasKeywords()))
            raise(bt.TypeError, cls->name + "() takes no arguments");
    }
    if (init) {
        Value initFn = *init; // held: __init__ may rebind it on the class
        Value r = initFn.isKind(ObjKind::Function) ? callWithSelf(in, initFn, self, args) : in.call(bindToInstance(initFn, self, cls), args);
        if (!r.isNone())
            raise(bt.TypeError, "__init__() should return None, not '" + typeName(r) + "'");
    }
    return self;
}

DictObject *attributeDict(const Value &object, bool create)
{
    if (!object.isObj())
        return nullptr;
    Value *slot = nullptr;
    switch (object.obj()->kind) {
    case ObjKind::Instance:
        return object.as<InstanceObject>()->dict.as<DictObject>();
    case ObjKind::Exception:
        slot = &object.as<ExceptionObject>()->attributes;
        break;
    case ObjKind::Function:
        slot = &object.as<FunctionObject>()->attributes;
        break;
    case ObjKind::Opaque:
        if (!object.as<OpaqueObject>()->type->isUser)
            return nullptr;
        slot = &object.as<OpaqueObject>()->attributes;
        break;
    default:
        return nullptr;
    }
    if (slot->isUndefined()) {
        if (!create)
            return nullptr;
        *slot = newDict();
    }
    return slot->as<DictObject>();
}

Value getUserAttribute(Interpreter &in, const Value &object, const std::string &name)
{
    TypeObject *cls = userTypeOf(object);
    const Value *attr = cls ? cls->lookup(name) : nullptr;
    Value held = attr ? *attr : Value();
    if (held.isKind(ObjKind::Descriptor) && held.as<DescriptorObject>()->which == DescriptorObject::Which::Property)
        return readProperty(in, *held.as<DescriptorObject>(), object, name);
    if (DictObject *d = attributeDict(object, false)) {
        const std::int64_t i = d->table.find(key(name));
        if (i >= 0)
            return d->table.entries()[static_cast<std::size_t>(i)].value;
    }
    if (!held.isUndefined())
        return bindToInstance(held, object, cls);
    if (name == "__dict__") {
        if (DictObject *d = attributeDict(object, true))
            return Value::object(d);
    }
    if (name == "__class__")
        return Value::object(typeOf(object));
    return Value();
}

Value getClassAttribute(Interpreter &, const Value &clsValue, const std::string &name)
{
    auto *cls = clsValue.as<TypeObject>();
    if (name == "__name__")
        return newStr(cls->name);
    if (name == "__qualname__")
        return newStr(cls->isUser ? cls->qualname : cls->name);
    if (name == "__module__")
        return newStr(cls->isUser ? cls->moduleName : "builtins");
    if (name == "__mro__" || name == "__bases__") {
        std::vector<Value> items;
        if (name == "__bases__") {
            items = cls->bases;
            if (!cls->isUser && cls->base)
                items.push_back(Value::object(cls->base));
        } else {
            for (TypeObject *t : linearization(cls))
                items.push_back(Value::object(t));
        }
        return newTuple(std::move(items));
    }
    if (name == "__class__")
        return Value::object(types().type);
    if (name == "__base__")
        return cls->base ? Value::object(cls->base) : Value::none();
    if (!cls->isUser)
        return Value();
    if (name == "__dict__") {
        // A copy stands in for the read-only mappingproxy CPython returns.
        Value copy = newDict();
        for (const auto &e : cls->dict.as<DictObject>()->table.entries())
            if (!e.key.isUndefined())
                copy.as<DictObject>()->table.insert(e.key, e.value);
        return copy;
    }
    if (const Value *attr = cls->lookup(name)) {
        Value held = *attr;
        if (held.isKind(ObjKind::Descriptor)) {
            const auto *d = held.as<DescriptorObject>();
            if (d->which == DescriptorObject::Which::StaticMethod)
                return d->function;
            if (d->which == DescriptorObject::Which::ClassMethod)
                return Value::object(new BoundMethodObject(d->function, clsValue));
        }
        return held;
    }
    if (name == "__doc__")
        return Value::none();
    return Value();
}

Value getDescriptorAttribute(Interpreter &in, const Value &object, const std::string &name)
{
    const auto *d = object.as<DescriptorObject>();
    if (d->which == DescriptorObject::Which::Super) {
        const auto *start = d->function.as<TypeObject>();
        TypeObject *selfType = d->self.isKind(ObjKind::Type) ? d->self.as<TypeObject>() : typeOf(d->self);
        const auto order = linearization(selfType);
        auto it = std::find(order.begin(), order.end(), start);
        if (it != order.end())
            ++it;
        Value k = key(name);
        for (; it != order.end(); ++it) {
            TypeObject *t = *it;
            if (t->isUser) {
                const auto &table = t->dict.as<DictObject>()->table;
                const std::int64_t i = table.find(k);
                if (i < 0)
                    continue;
                Value attr = table.entries()[static_cast<std::size_t>(i)].value;
                if (attr.isKind(ObjKind::Descriptor) && attr.as<DescriptorObject>()->which == DescriptorObject::Which::Property)
                    return readProperty(in, *attr.as<DescriptorObject>(), d->self, name);
                if (d->self.isKind(ObjKind::Type)) {
                    if (attr.isKind(ObjKind::Descriptor) && attr.as<DescriptorObject>()->which == DescriptorObject::Which::ClassMethod)
                        return Value::object(new BoundMethodObject(attr.as<DescriptorObject>()->function, d->self));
                    if (attr.isKind(ObjKind::Descriptor) && attr.as<DescriptorObject>()->which == DescriptorObject::Which::StaticMethod)
                        return attr.as<DescriptorObject>()->function;
                    return attr;
                }
                return bindToInstance(attr, d->self, selfType);
            }
            auto m = t->methods.find(name);
            if (m != t->methods.end())
                return Value::object(new NativeObject(t->name + "." + name, m->second, d->self));
        }
        raise(types().AttributeError, "'super' object has no attribute '" + name + "'");
    }
    if (name == "__func__" && d->which != DescriptorObject::Which::Property)
        return d->function;
    if (d->which == DescriptorObject::Which::Property && name == "fget")
        return d->function.isUndefined() ? Value::none() : d->function;
    if (d->which == DescriptorObject::Which::Property && name == "fset")
        return d->setter.isUndefined() ? Value::none() : d->setter;
    if (d->which == DescriptorObject::Which::Property && name == "fdel")
        return d->deleter.isUndefined() ? Value::none() : d->deleter;
    return Value();
}

bool setUserAttribute(Interpreter &in, const Value &object, const std::string &name, const Value &value)
{
    if (object.isKind(ObjKind::Type)) {
        auto *cls = object.as<TypeObject>();
        if (!cls->isUser)
            raise(types().TypeError, "cannot set '" + name + "' attribute of immutable type '" + cls->name + "'");
        if (name == "__name__" || name == "__qualname__") {
            if (!value.isKind(ObjKind::Str))
                raise(types().TypeError, "can only assign string to " + cls->name + "." + name + ", not '" + typeName(value) + "'");
            (name == "__name__" ? cls->name : cls->qualname) = value.as<StrObject>()->text;
            return true;
        }
        cls->dict.as<DictObject>()->table.insert(key(name), value);
        ++g_classVersion;
        return true;
    }
    if (object.isKind(ObjKind::Function)) {
        auto *fn = object.as<FunctionObject>();
        if (name == "__name__" || name == "__qualname__") {
            if (!value.isKind(ObjKind::Str))
                raise(types().TypeError, name + " must be set to a string object");
            (name == "__name__" ? fn->name : fn->qualname) = value.as<StrObject>()->text;
            return true;
        }
        attributeDict(object, true)->table.insert(key(name), value);
        return true;
    }
    TypeObject *cls = userTypeOf(object);
    if (cls) {
        if (const Value *attr = cls->lookup(name); attr && attr->isKind(ObjKind::Descriptor)) {
            Value held = *attr;
            const auto *p = held.as<DescriptorObject>();
            if (p->which == DescriptorObject::Which::Property) {
                if (p->setter.isUndefined())
                    raise(types().AttributeError, "property '" + name + "' of '" + cls->name + "' object has no setter");
                in.call(p->setter, std::vector<Value> { object, value });
                return true;
            }
        }
    }
    if (name == "__class__")
        raise(types().TypeError, "IPC Lab can't change an object's __class__");
    if (DictObject *d = attributeDict(object, cls != nullptr || object.isKind(ObjKind::Exception))) {
        d->table.insert(key(name), value);
        return true;
    }
    return false;
}

bool delUserAttribute(Interpreter &in, const Value &object, const std::string &name)
{
    if (object.isKind(ObjKind::Type)) {
        auto *cls = object.as<TypeObject>();
        if (!cls->isUser)
            raise(types().TypeError, "cannot delete '" + name + "' attribute of immutable type '" + cls->name + "'");
        if (!cls->dict.as<DictObject>()->table.erase(key(name)))
            raise(types().AttributeError, "type object '" + cls->name + "' has no attribute '" + name + "'");
        ++g_classVersion;
        return true;
    }
    TypeObject *cls = userTypeOf(object);
    if (cls) {
        if (const Value *attr = cls->lookup(name); attr && attr->isKind(ObjKind::Descriptor)) {
            Value held = *attr;
            const auto *p = held.as<DescriptorObject>();
            if (p->which == DescriptorObject::Which::Property) {
                if (p->deleter.isUndefined())
                    raise(types().AttributeError, "property '" + name + "' of '" + cls->name + "' object has no deleter");
                in.call(p->deleter, std::vector<Value> { object });
                return true;
            }
        }
    }
    DictObject *d = attributeDict(object, false);
    if (d && d->table.erase(key(name)))
        return true;
    if (cls || object.isKind(ObjKind::Function) || object.isKind(ObjKind::Exception))
        raise(types().AttributeError, "'" + typeName(object) + "' object has no attribute '" + name + "'");
    return false;
}

Value findDunder(const Value &self, const char *name)
{
    TypeObject *cls = userTypeOf(self);
    if (!cls)
        return Value();
    // Dunder names are string literals: their interned keys are found by address.
    static std::unordered_map<const char *, Value> keys;
    auto it = keys.find(name);
    if (it == keys.end())
        it = keys.emplace(name, internedName(name)).first;
    const Value *v = cls->lookup(it->second);
    return v ? *v : Value();
}

Value callDunder(Interpreter &in, const Value &method, const Value &self, std::vector<Value> args)
{
    if (method.isKind(ObjKind::Descriptor)) {
        const auto *d = method.as<DescriptorObject>();
        if (d->which == DescriptorObject::Which::StaticMethod)
            return in.call(d->function, std::move(args));
        if (d->which == DescriptorObject::Which::ClassMethod)
            args.insert(args.begin(), Value::object(typeOf(self)));
        else
            args.insert(args.begin(), self);
        return in.call(d->function, std::move(args));
    }
    if (method.isKind(ObjKind::Function))
        args.insert(args.begin(), self);
    return in.call(method, std::move(args));
}

namespace dunder {

bool truthy(const Value &v)
{
    Value m = findDunder(v, "__bool__");
    if (!m.isUndefined()) {
        Value r = callDunder(activeInterpreter(), m, v, {});
        if (!r.isBool())
            raise(types().TypeError, "__bool__ should return bool, returned " + typeName(r));
        return r.asBool();
    }
    if (!findDunder(v, "__len__").isUndefined())
        return length(v) != 0;
    return true;
}

namespace {
Value equalsValue(const Value &a, const Value &b)
{
    const TypeObject *ta = typeOf(a), *tb = typeOf(b);
    const bool otherFirst = ta != tb && tb->isUser && tb->isSubtypeOf(ta);
    Value r = otherFirst ? tryDunder(b, "__eq__", { a }) : tryDunder(a, "__eq__", { b });
    if (r.isUndefined())
        r = otherFirst ? tryDunder(a, "__eq__", { b }) : tryDunder(b, "__eq__", { a });
    if (r.isUndefined())
        return Value::boolean(a.identical(b));
    return r;
}
} // namespace

std::optional<bool> equals(const Value &a, const Value &b)
{
    return lang::truthy(equalsValue(a, b));
}

bool compare(CmpOp op, const Value &a, const Value &b)
{
    return lang::truthy(compareValue(op, a, b));
}

Value compareValue(CmpOp op, const Value &a, const Value &b)
{
    const char *name = nullptr, *reflected = nullptr;
    switch (op) {
    case CmpOp::Eq:
        return equalsValue(a, b);
    case CmpOp::NotEq: {
        Value r = tryDunder(a, "__ne__", { b });
        if (r.isUndefined())
            r = tryDunder(b, "__ne__", { a });
        if (!r.isUndefined())
            return r;
        return Value::boolean(!lang::truthy(equalsValue(a, b)));
    }
    case CmpOp::Lt:
        name = "__lt__", reflected = "__gt__";
        break;
    case CmpOp::LtE:
        name = "__le__", reflected = "__ge__";
        break;
    case CmpOp::Gt:
        name = "__gt__", reflected = "__lt__";
        break;
    case CmpOp::GtE:
        name = "__ge__", reflected = "__le__";
        break;
    default:
        return Value::boolean(lang::compare(op, a, b));
    }
    const TypeObject *ta = typeOf(a), *tb = typeOf(b);
    const bool otherFirst = ta != tb && tb->isUser && tb->isSubtypeOf(ta);
    Value r = otherFirst ? tryDunder(b, reflected, { a }) : tryDunder(a, name, { b });
    if (r.isUndefined())
        r = otherFirst ? tryDunder(a, name, { b }) : tryDunder(b, reflected, { a });
    if (r.isUndefined())
        raise(types().TypeError, std::string("'") + cmpOpSymbol(op) + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    return r;
}

std::size_t hash(const Value &v)
{
    Value m = findDunder(v, "__hash__");
    if (m.isNone())
        raise(types().TypeError, "unhashable type: '" + typeName(v) + "'");
    if (m.isUndefined())
        return std::hash<const void *> {}(v.obj());
    Value r = callDunder(activeInterpreter(), m, v, {});
    if (!r.isIntLike())
        raise(types().TypeError, "__hash__ method should return an integer");
    return static_cast<std::size_t>(r.asInt());
}

std::optional<Value> binary(BinOp op, const Value &a, const Value &b)
{
    const TypeObject *ta = typeOf(a), *tb = typeOf(b);
    const bool otherFirst = ta != tb && tb->isUser && tb->isSubtypeOf(ta);
    Value r;
    if (otherFirst)
        r = tryDunder(b, binaryName(op, 1), { a });
    if (r.isUndefined())
        r = tryDunder(a, binaryName(op, 0), { b });
    if (r.isUndefined() && !otherFirst && ta != tb)
        r = tryDunder(b, binaryName(op, 1), { a });
    if (r.isUndefined())
        return std::nullopt;
    return r;
}

std::optional<Value> inplace(BinOp op, const Value &a, const Value &b)
{
    Value r = tryDunder(a, binaryName(op, 2), { b });
    if (r.isUndefined())
        return std::nullopt;
    return r;
}

Value unary(UnaryOp op, const Value &a)
{
    const char *name = op == UnaryOp::Neg ? "__neg__" : op == UnaryOp::Pos ? "__pos__" : "__invert__";
    const char *symbol = op == UnaryOp::Neg ? "-" : op == UnaryOp::Pos ? "+" : "~";
    Value m = findDunder(a, name);
    if (m.isUndefined())
        raise(types().TypeError, std::string("bad operand type for unary ") + symbol + ": '" + typeName(a) + "'");
    return callDunder(activeInterpreter(), m, a, {});
}

std::string repr(const Value &v)
{
    Value m = findDunder(v, "__repr__");
    if (m.isUndefined()) {
        if (v.isKind(ObjKind::Exception)) {
            const auto *e = v.as<ExceptionObject>();
            std::string out = e->type->name + "(";
            for (std::size_t i = 0; i < e->args.size(); ++i)
                out += (i ? ", " : "") + lang::repr(e->args[i]);
            return out + ")";
        }
        std::string text;
        if (v.isKind(ObjKind::Opaque) && v.as<OpaqueObject>()->text(text))
            return text; // a Process or Thread subclass: the runtime object's own repr
        return defaultObjectRepr(v);
    }
    Value r = callDunder(activeInterpreter(), m, v, {});
    if (!r.isKind(ObjKind::Str))
        raise(types().TypeError, "__repr__ returned non-string (type " + typeName(r) + ")");
    return r.as<StrObject>()->text;
}

std::string str(const Value &v)
{
    Value m = findDunder(v, "__str__");
    if (m.isUndefined()) {
        if (v.isKind(ObjKind::Exception))
            return exceptionMessage(*v.as<ExceptionObject>());
        return dunder::repr(v);
    }
    Value r = callDunder(activeInterpreter(), m, v, {});
    if (!r.isKind(ObjKind::Str))
        raise(types().TypeError, "__str__ returned non-string (type " + typeName(r) + ")");
    return r.as<StrObject>()->text;
}

std::int64_t length(const Value &v)
{
    Value m = findDunder(v, "__len__");
    if (m.isUndefined())
        raise(types().TypeError, "object of type '" + typeName(v) + "' has no len()");
    Value r = callDunder(activeInterpreter(), m, v, {});
    if (!r.isIntLike())
        raise(types().TypeError, "'" + typeName(r) + "' object cannot be interpreted as an integer");
    if (r.asInt() < 0)
        raise(types().ValueError, "__len__() should return >= 0");
    return r.asInt();
}

bool contains(const Value &container, const Value &item)
{
    Value m = findDunder(container, "__contains__");
    if (!m.isUndefined())
        return lang::truthy(callDunder(activeInterpreter(), m, container, { item }));
    if (findDunder(container, "__iter__").isUndefined() && findDunder(container, "__getitem__").isUndefined())
        raise(types().TypeError, "argument of type '" + typeName(container) + "' is not iterable");
    bool found = false;
    iterate(container, [&](const Value &x) {
        found = x.identical(item) || lang::equals(x, item);
        return !found;
    });
    return found;
}

Value getItem(const Value &obj, const Value &key)
{
    Value m = findDunder(obj, "__getitem__");
    if (m.isUndefined())
        raise(types().TypeError, "'" + typeName(obj) + "' object is not subscriptable");
    return callDunder(activeInterpreter(), m, obj, { key });
}

void setItem(const Value &obj, const Value &key, const Value &value)
{
    Value m = findDunder(obj, "__setitem__");
    if (m.isUndefined())
        raise(types().TypeError, "'" + typeName(obj) + "' object does not support item assignment");
    callDunder(activeInterpreter(), m, obj, { key, value });
}

void delItem(const Value &obj, const Value &key)
{
    Value m = findDunder(obj, "__delitem__");
    if (m.isUndefined())
        raise(types().TypeError, "'" + typeName(obj) + "' object doesn't support item deletion");
    callDunder(activeInterpreter(), m, obj, { key });
}

bool isIterator(const Value &v)
{
    if (v.isKind(ObjKind::Iterator) || v.isKind(ObjKind::Generator))
        return true;
    return !findDunder(v, "__next__").isUndefined();
}

Value iter(const Value &v)
{
    Value m = findDunder(v, "__iter__");
    if (m.isUndefined() || m.isNone()) {
        if (!m.isNone() && !findDunder(v, "__getitem__").isUndefined()) {
            // The old sequence protocol: __getitem__(0), (1), ... until IndexError.
            auto *it = new IteratorObject("iterator", {});
            Value result = Value::object(it);
            it->pull = [seq = v, i = std::int64_t(0)](Value &out) mutable {
                try {
                    out = lang::getItem(seq, Value::integer(i++));
                    return true;
                } catch (PyException &e) {
                    if (e.exc->type->isSubtypeOf(types().IndexError) || e.exc->type->isSubtypeOf(types().StopIteration))
                        return false;
                    throw;
                }
            };
            return result;
        }
        raise(types().TypeError, "'" + typeName(v) + "' object is not iterable");
    }
    Value it = callDunder(activeInterpreter(), m, v, {});
    if (!userTypeOf(it) && !it.isKind(ObjKind::Iterator) && !it.isKind(ObjKind::Generator))
        raise(types().TypeError, "iter() returned non-iterator of type '" + typeName(it) + "'");
    if (userTypeOf(it) && !isIterator(it))
        raise(types().TypeError, "iter() returned non-iterator of type '" + typeName(it) + "'");
    return it;
}

bool next(const Value &it, Value &out)
{
    if (it.isKind(ObjKind::Iterator))
        return it.as<IteratorObject>()->advance(out);
    if (it.isKind(ObjKind::Generator))
        return pullFrom(it)(out);
    Value m = findDunder(it, "__next__");
    if (m.isUndefined())
        raise(types().TypeError, "'" + typeName(it) + "' object is not an iterator");
    try {
        out = callDunder(activeInterpreter(), m, it, {});
        return true;
    } catch (PyException &e) {
        if (e.exc->type->isSubtypeOf(types().StopIteration))
            return false;
        throw;
    }
}

void iterate(const Value &iterable, const std::function<bool(const Value &)> &f)
{
    Value it = iter(iterable);
    if (!userTypeOf(it)) {
        lang::iterate(it, f);
        return;
    }
    Value item;
    while (next(it, item))
        if (!f(item))
            return;
}

} // namespace dunder

std::function<bool(Value &)> pullFrom(const Value &iterable)
{
    if (userTypeOf(iterable)) {
        Value it = dunder::iter(iterable);
        return [it](Value &out) { return dunder::next(it, out); };
    }
    if (iterable.isKind(ObjKind::Iterator))
        return [it = iterable](Value &out) { return it.as<IteratorObject>()->advance(out); };
    if (iterable.isKind(ObjKind::Generator))
        return [g = iterable](Value &out) {
            try {
                out = activeInterpreter().resumeGenerator(*g.as<GeneratorObject>(), Value::none(), std::nullopt);
                return true;
            } catch (PyException &e) {
                if (e.exc->type->isSubtypeOf(types().StopIteration))
                    return false;
                throw;
            }
        };
    auto items = std::make_shared<std::vector<Value>>(toVector(iterable));
    return [items, i = std::size_t(0)](Value &out) mutable {
        if (i >= items->size())
            return false;
        out = (*items)[i++];
        return true;
    };
}

void iterateUserObject(const Value &iterable, const std::function<bool(const Value &)> &f)
{
    dunder::iterate(iterable, f);
}

void addClassBuiltins(std::unordered_map<std::string, Value> &values)
{
    const ClassTypes &c = classTypes();
    for (TypeObject *t : { c.staticMethod, c.classMethod, c.property, c.super })
        values.emplace(t->name, Value::object(t));
    values.emplace("NotImplemented", c.notImplemented);
}

} // namespace ipclab::lang
