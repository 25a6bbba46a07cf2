#pragma once
// Classes the scenario defines: their instances, bound methods, the
// descriptors (staticmethod, classmethod, property, super), and the data
// model's dispatch to dunder methods that operations.cpp asks for when a
// value's type is such a class.

#include "ast.h"
#include "objects.h"
#include "operations.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ipclab::lang {

class Interpreter;

/// An instance of a class the scenario defines, with its own attribute dict.
struct InstanceObject final : Object {
    explicit InstanceObject(TypeObject *t);
    TypeObject *type;
    Value typeRef; // keeps the class alive
    Value dict; // a DictObject: the instance's __dict__
};

/// obj.method or Class.classmethod: a function with its first argument bound.
struct BoundMethodObject final : Object {
    BoundMethodObject(Value f, Value s)
        : Object(ObjKind::Method)
        , function(std::move(f))
        , self(std::move(s))
    {
    }
    Value function;
    Value self;
};

struct DescriptorObject final : Object {
    enum class Which : std::uint8_t { StaticMethod, ClassMethod, Property, Super };
    explicit DescriptorObject(Which w)
        : Object(ObjKind::Descriptor)
        , which(w)
    {
    }
    Which which;
    Value function; // staticmethod/classmethod: the function; property: the getter; super: the class it starts after
    Value setter, deleter; // property only
    Value self; // super only: the instance (or class) it is bound to
    std::string name; // property: the attribute it was found as, for error messages
};

/// The types of staticmethod, classmethod, property, super and NotImplemented.
struct ClassTypes {
    TypeObject *staticMethod, *classMethod, *property, *super, *method, *notImplementedType;
    Value notImplemented;
};
const ClassTypes &classTypes();

/// The interpreter running scenario code in this process; dunders called from
/// operations.cpp (which has no interpreter at hand) run on it.
Interpreter &activeInterpreter();
bool hasActiveInterpreter();
void setActiveInterpreter(Interpreter *in);

/// One str object per attribute name, as CPython interns identifiers: instance dicts share
/// their keys, so a pickle of two instances memoizes the names as CPython's does.
Value internedName(const std::string &name);

/// `name` in the class's MRO through the expression's cache (see ClassLookupCache).
const Value *lookupCached(ClassLookupCache &cache, const TypeObject *cls, const std::string &name);
/// A class attribute as an instance reading it sees it: functions bound, staticmethods unwrapped.
Value bindClassAttribute(const Value &attr, const Value &self, TypeObject *cls);
/// Whether a class attribute is a property (a data descriptor: it wins over the instance dict).
inline bool isProperty(const Value *attr)
{
    return attr && attr->isKind(ObjKind::Descriptor) && attr->as<DescriptorObject>()->which == DescriptorObject::Which::Property;
}

/// The class a value's type is when the scenario defined it, else null.
inline TypeObject *userTypeOf(const Value &v)
{
    if (!v.isObj())
        return nullptr;
    switch (v.obj()->kind) {
    case ObjKind::Instance:
        return v.as<InstanceObject>()->type;
    case ObjKind::Exception: {
        TypeObject *t = v.as<ExceptionObject>()->type;
        return t->isUser ? t : nullptr;
    }
    case ObjKind::Opaque: {
        TypeObject *t = v.as<OpaqueObject>()->type;
        return t->isUser ? t : nullptr;
    }
    default:
        return nullptr;
    }
}

/// Builds a class: C3 order, the implicit __hash__ = None beside __eq__, the class cell filled.
Value makeClass(const std::string &name, const std::string &qualname, const std::string &moduleName, std::vector<Value> bases, Value namespaceDict);

/// Calling a class: its instance made as its built-in base makes it, then __init__.
Value constructUser(Interpreter &in, const Value &cls, CallArgs &args);

// Attributes on instances, classes, bound methods and super (return Undefined when absent
// so the caller can word the AttributeError or fall back to native attributes).
Value getUserAttribute(Interpreter &in, const Value &object, const std::string &name);
Value getClassAttribute(Interpreter &in, const Value &cls, const std::string &name);
Value getDescriptorAttribute(Interpreter &in, const Value &object, const std::string &name);
bool setUserAttribute(Interpreter &in, const Value &object, const std::string &name, const Value &value);
bool delUserAttribute(Interpreter &in, const Value &object, const std::string &name);
/// The attribute dict of an object that has one (instances, user exceptions, functions), created on demand.
DictObject *attributeDict(const Value &object, bool create);

/// The dunder `name` of the value's class, looked up past the instance (as CPython's
/// special method lookup does); Undefined when the class doesn't define it.
Value findDunder(const Value &self, const char *name);
/// Calls a dunder found by findDunder with self first.
Value callDunder(Interpreter &in, const Value &method, const Value &self, std::vector<Value> args);

// The data model for values whose class the scenario defined (operations.cpp calls these).
namespace dunder {
bool truthy(const Value &v);
std::optional<bool> equals(const Value &a, const Value &b); ///< nullopt: neither side defines it
bool compare(CmpOp op, const Value &a, const Value &b);
/// What the comparison's dunder returned, which need not be a bool (a == b is what __eq__ says).
Value compareValue(CmpOp op, const Value &a, const Value &b);
std::size_t hash(const Value &v);
std::optional<Value> binary(BinOp op, const Value &a, const Value &b);
std::optional<Value> inplace(BinOp op, const Value &a, const Value &b);
Value unary(UnaryOp op, const Value &a);
std::string repr(const Value &v);
std::string str(const Value &v);
std::int64_t length(const Value &v);
bool contains(const Value &container, const Value &item);
Value getItem(const Value &obj, const Value &key);
void setItem(const Value &obj, const Value &key, const Value &value);
void delItem(const Value &obj, const Value &key);
/// Iterates with __iter__/__next__ (or __getitem__ from 0 until IndexError), one item at a time.
void iterate(const Value &iterable, const std::function<bool(const Value &)> &f);
/// iter(v): the iterator __iter__ returns.
Value iter(const Value &v);
/// next(it): false at StopIteration.
bool next(const Value &it, Value &out);
bool isIterator(const Value &v);
} // namespace dunder

/// Pulls the items of any iterable one at a time (a class's lazily, through __next__), for
/// the lazy built-ins (enumerate, zip, map, filter) over iterators that may never end.
std::function<bool(Value &)> pullFrom(const Value &iterable);

/// A body's docstring (its first statement, when that is a string), else None.
Value docstring(const Block &body);

/// The default repr of an object: <__main__.C object at 0x7f...>.
std::string defaultObjectRepr(const Value &v);

/// The class's name as a traceback's last line names it (qualname; module prefix outside __main__).
std::string exceptionTypeLabel(const TypeObject *t);

/// Registers super, property, staticmethod, classmethod, NotImplemented in the builtins.
void addClassBuiltins(std::unordered_map<std::string, Value> &values);

} // namespace ipclab::lang
