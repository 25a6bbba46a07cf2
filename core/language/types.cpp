#include "types.h"

#include "classes.h"
#include "errors.h"
#include "generators.h"

namespace ipclab::lang {

namespace {

Value constructException(Interpreter &, const Value &self, CallArgs &args)
{
    if (args.hasKeywords())
        raise(types().TypeError, self.as<TypeObject>()->name + "() takes no keyword arguments");
    std::vector<Value> a(args.pos, args.pos + args.count);
    return Value::object(new ExceptionObject(self.as<TypeObject>(), std::move(a)));
}

BuiltinTypes *createTypes()
{
    auto *t = new BuiltinTypes {};
    auto type = [](const char *name, TypeObject *base) {
        auto *ty = new TypeObject(name, base);
        incref(ty); // immortal
        return ty;
    };
    t->object = type("object", nullptr);
    t->type = type("type", t->object);
    t->none = type("NoneType", t->object);
    t->integer = type("int", t->object);
    t->boolean = type("bool", t->integer);
    t->real = type("float", t->object);
    t->str = type("str", t->object);
    t->bytes = type("bytes", t->object);
    t->list = type("list", t->object);
    t->tuple = type("tuple", t->object);
    t->dict = type("dict", t->object);
    t->set = type("set", t->object);
    t->range = type("range", t->object);
    t->slice = type("slice", t->object);
    t->function = type("function", t->object);
    t->builtinFunction = type("builtin_function_or_method", t->object);
    t->module = type("module", t->object);
    t->cell = type("cell", t->object);
    t->dictKeys = type("dict_keys", t->object);
    t->dictValues = type("dict_values", t->object);
    t->dictItems = type("dict_items", t->object);
    t->iterator = type("iterator", t->object);

    auto exc = [&](const char *name, TypeObject *base) {
        auto *ty = type(name, base);
        ty->construct = constructException;
        t->exceptionTypes.push_back(ty);
        return ty;
    };
    t->BaseException = exc("BaseException", t->object);
    t->SystemExit = exc("SystemExit", t->BaseException);
    t->KeyboardInterrupt = exc("KeyboardInterrupt", t->BaseException);
    t->GeneratorExit = exc("GeneratorExit", t->BaseException);
    t->Exception = exc("Exception", t->BaseException);
    t->ArithmeticError = exc("ArithmeticError", t->Exception);
    t->ZeroDivisionError = exc("ZeroDivisionError", t->ArithmeticError);
    t->OverflowError = exc("OverflowError", t->ArithmeticError);
    t->LookupError = exc("LookupError", t->Exception);
    t->IndexError = exc("IndexError", t->LookupError);
    t->KeyError = exc("KeyError", t->LookupError);
    t->ValueError = exc("ValueError", t->Exception);
    t->UnicodeError = exc("UnicodeError", t->ValueError);
    t->UnicodeDecodeError = exc("UnicodeDecodeError", t->UnicodeError);
    t->UnicodeEncodeError = exc("UnicodeEncodeError", t->UnicodeError);
    t->TypeError = exc("TypeError", t->Exception);
    t->MemoryError = exc("MemoryError", t->Exception);
    t->NameError = exc("NameError", t->Exception);
    t->UnboundLocalError = exc("UnboundLocalError", t->NameError);
    t->AttributeError = exc("AttributeError", t->Exception);
    t->RuntimeError = exc("RuntimeError", t->Exception);
    t->NotImplementedError = exc("NotImplementedError", t->RuntimeError);
    t->RecursionError = exc("RecursionError", t->RuntimeError);
    t->AssertionError = exc("AssertionError", t->Exception);
    t->StopIteration = exc("StopIteration", t->Exception);
    t->EOFError = exc("EOFError", t->Exception);
    t->ImportError = exc("ImportError", t->Exception);
    t->ModuleNotFoundError = exc("ModuleNotFoundError", t->ImportError);
    t->OSError = exc("OSError", t->Exception);
    t->TimeoutError = exc("TimeoutError", t->OSError);
    t->FileNotFoundError = exc("FileNotFoundError", t->OSError);
    t->FileExistsError = exc("FileExistsError", t->OSError);
    t->PermissionError = exc("PermissionError", t->OSError);
    t->InterruptedError = exc("InterruptedError", t->OSError);
    t->BlockingIOError = exc("BlockingIOError", t->OSError);
    t->ConnectionError = exc("ConnectionError", t->OSError);
    t->BrokenPipeError = exc("BrokenPipeError", t->ConnectionError);
    t->ConnectionRefusedError = exc("ConnectionRefusedError", t->ConnectionError);
    t->ConnectionResetError = exc("ConnectionResetError", t->ConnectionError);

    registerTypeConstructors(*t);
    registerStrMethods(*t);
    registerBytesMethods(*t);
    registerContainerMethods(*t);
    return t;
}

} // namespace

const BuiltinTypes &types()
{
    static const BuiltinTypes *instance = createTypes();
    return *instance;
}

TypeObject *typeOf(const Value &v)
{
    const BuiltinTypes &t = types();
    switch (v.tag()) {
    case Tag::Undefined:
    case Tag::None:
        return t.none;
    case Tag::Bool:
        return t.boolean;
    case Tag::Int:
        return t.integer;
    case Tag::Float:
        return t.real;
    case Tag::Obj:
        break;
    }
    switch (v.obj()->kind) {
    case ObjKind::Str:
        return t.str;
    case ObjKind::Bytes:
        return t.bytes;
    case ObjKind::List:
        return t.list;
    case ObjKind::Tuple:
        return t.tuple;
    case ObjKind::Dict:
        return t.dict;
    case ObjKind::Set:
        return t.set;
    case ObjKind::Range:
        return t.range;
    case ObjKind::Slice:
        return t.slice;
    case ObjKind::Function:
        return t.function;
    case ObjKind::Native:
        return t.builtinFunction;
    case ObjKind::Module:
        return t.module;
    case ObjKind::Type:
        return t.type;
    case ObjKind::Exception:
        return v.as<ExceptionObject>()->type;
    case ObjKind::Cell:
        return t.cell;
    case ObjKind::DictView: {
        switch (v.as<DictViewObject>()->which) {
        case DictViewObject::Which::Keys:
            return t.dictKeys;
        case DictViewObject::Which::Values:
            return t.dictValues;
        case DictViewObject::Which::Items:
            return t.dictItems;
        }
        return t.dictKeys;
    }
    case ObjKind::Iterator:
        return t.iterator;
    case ObjKind::Opaque:
        return v.as<OpaqueObject>()->type;
    case ObjKind::Instance:
        return v.as<InstanceObject>()->type;
    case ObjKind::Generator:
        return generatorType();
    case ObjKind::Method:
        return classTypes().method;
    case ObjKind::Descriptor: {
        const ClassTypes &c = classTypes();
        switch (v.as<DescriptorObject>()->which) {
        case DescriptorObject::Which::StaticMethod:
            return c.staticMethod;
        case DescriptorObject::Which::ClassMethod:
            return c.classMethod;
        case DescriptorObject::Which::Property:
            return c.property;
        case DescriptorObject::Which::Super:
            return c.super;
        }
        return c.property;
    }
    }
    return t.object;
}

} // namespace ipclab::lang
