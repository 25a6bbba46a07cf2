#include "bytearray.h"

#include "errors.h"
#include "interpreter.h"
#include "native.h"
#include "operations.h"
#include "types.h"

namespace ipclab::lang {

namespace {

std::int64_t byteValue(const Value &v)
{
    if (!v.isIntLike())
        raise(types().TypeError, "'" + typeName(v) + "' object cannot be interpreted as an integer");
    if (v.asInt() < 0 || v.asInt() > 255)
        raise(types().ValueError, "byte must be in range(0, 256)");
    return v.asInt();
}

std::size_t indexOf(const ByteArrayObject &b, const Value &key)
{
    std::int64_t i = key.asInt();
    const auto n = static_cast<std::int64_t>(b.data.size());
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        raise(types().IndexError, "bytearray index out of range");
    return static_cast<std::size_t>(i);
}

Value constructByteArray(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "bytearray", 0, 3);
    if (args.count == 0)
        return Value::object(new ByteArrayObject(""));
    const Value &v = args[0];
    if (v.isIntLike()) {
        if (v.asInt() < 0)
            raise(types().ValueError, "negative count");
        return Value::object(new ByteArrayObject(std::string(static_cast<std::size_t>(v.asInt()), '\0')));
    }
    if (v.isKind(ObjKind::Bytes))
        return Value::object(new ByteArrayObject(v.as<BytesObject>()->data));
    if (v.isKind(ObjKind::Str)) {
        if (argOrKeyword(args, 1, "encoding").isUndefined())
            raise(types().TypeError, "string argument without an encoding");
        return Value::object(new ByteArrayObject(v.as<StrObject>()->text));
    }
    std::string out;
    iterate(v, [&](const Value &item) {
        out += static_cast<char>(byteValue(item));
        return true;
    });
    return Value::object(new ByteArrayObject(std::move(out)));
}

Value byteArrayDecode(Interpreter &in, const Value &self, CallArgs &args)
{
    // The same decoding as bytes.decode.
    Value asBytes = newBytes(static_cast<ByteArrayObject *>(self.obj())->data);
    return in.call(in.getAttribute(asBytes, "decode"), args);
}

Value byteArrayHex(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "hex", 0, 0);
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (const unsigned char c : static_cast<ByteArrayObject *>(self.obj())->data) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return newStr(std::move(out));
}

} // namespace

ByteArrayObject::ByteArrayObject(std::string bytes)
    : OpaqueObject(byteArrayType())
    , data(std::move(bytes))
{
}

bool ByteArrayObject::getItem(const Value &key, Value &out)
{
    if (key.isKind(ObjKind::Slice)) {
        std::int64_t start, stop, step;
        const std::int64_t count = sliceIndices(*key.as<SliceObject>(), static_cast<std::int64_t>(data.size()), start, stop, step);
        std::string part;
        for (std::int64_t i = 0, at = start; i < count; ++i, at += step)
            part += data[static_cast<std::size_t>(at)];
        out = Value::object(new ByteArrayObject(std::move(part)));
        return true;
    }
    if (!key.isIntLike())
        raise(types().TypeError, "bytearray indices must be integers or slices, not " + typeName(key));
    out = Value::integer(static_cast<unsigned char>(data[indexOf(*this, key)]));
    return true;
}

bool ByteArrayObject::setItem(const Value &key, const Value &value)
{
    if (!key.isIntLike())
        raise(types().TypeError, "bytearray indices must be integers or slices, not " + typeName(key));
    data[indexOf(*this, key)] = static_cast<char>(byteValue(value));
    return true;
}

bool ByteArrayObject::length(std::int64_t &n)
{
    n = static_cast<std::int64_t>(data.size());
    return true;
}

bool ByteArrayObject::items(std::vector<Value> &out)
{
    for (const unsigned char c : data)
        out.push_back(Value::integer(c));
    return true;
}

bool ByteArrayObject::contains(const Value &item, bool &found)
{
    if (item.isIntLike())
        found = data.find(static_cast<char>(byteValue(item))) != std::string::npos;
    else if (item.isKind(ObjKind::Bytes))
        found = data.find(item.as<BytesObject>()->data) != std::string::npos;
    else
        raise(types().TypeError, "a bytes-like object is required, not '" + typeName(item) + "'");
    return true;
}

bool ByteArrayObject::text(std::string &out)
{
    out = "bytearray(" + repr(newBytes(data)) + ")";
    return true;
}

TypeObject *byteArrayType()
{
    static TypeObject *type = [] {
        auto *t = new TypeObject("bytearray", types().object);
        incref(t);
        t->construct = constructByteArray;
        t->methods["decode"] = byteArrayDecode;
        t->methods["hex"] = byteArrayHex;
        return t;
    }();
    return type;
}

bool isByteArray(const Value &v)
{
    return v.isKind(ObjKind::Opaque) && v.as<OpaqueObject>()->type == byteArrayType();
}

} // namespace ipclab::lang
