#include "builtins.h"
#include "bytearray.h"
#include "classes.h"
#include "generators.h"

#include "interpreter.h"
#include "native.h"
#include "textformat.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

namespace ipclab::lang {

namespace {

Value builtinPrint(Interpreter &in, const Value &, CallArgs &args)
{
    allowKeywords(args, "print", { "sep", "end", "flush", "file" });
    std::string sep = " ", end = "\n";
    bool flush = false;
    bool toStderr = false;
    if (args.keywords) {
        for (const auto &[k, v] : *args.keywords) {
            if (k == "sep" || k == "end") {
                if (v.isNone())
                    continue;
                if (!v.isKind(ObjKind::Str))
                    raise(types().TypeError, k + " must be None or a string, not " + typeName(v));
                (k == "sep" ? sep : end) = v.as<StrObject>()->text;
            } else if (k == "flush") {
                flush = truthy(v);
            } else if (k == "file" && !v.isNone()) {
                Value stderrStream = in.getAttribute(in.importModule("sys"), "stderr");
                toStderr = v.identical(stderrStream);
            }
        }
    }
    std::string line;
    for (std::size_t i = 0; i < args.count; ++i) {
        if (i)
            line += sep;
        line += str(args[i]);
    }
    line += end;
    if (toStderr) {
        in.output().flush();
        std::fwrite(line.data(), 1, line.size(), stderr);
        return Value::none();
    }
    in.output().write(line);
    if (flush)
        in.output().flush();
    return Value::none();
}

Value builtinLen(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "len", 1, 1);
    return Value::integer(lengthOf(args[0]));
}

Value builtinRepr(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "repr", 1, 1);
    return newStr(repr(args[0]));
}

Value builtinAbs(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "abs", 1, 1);
    const Value &v = args[0];
    if (v.isIntLike()) {
        if (v.asInt() == INT64_MIN)
            raise(types().OverflowError, "integer overflow: IPC Lab integers are 64-bit");
        return Value::integer(v.asInt() < 0 ? -v.asInt() : v.asInt());
    }
    if (v.isFloat())
        return Value::real(std::fabs(v.asFloat()));
    raise(types().TypeError, "bad operand type for abs(): '" + typeName(v) + "'");
}

Value builtinRound(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "round", 1, 2);
    const Value &v = args[0];
    const Value digits = argOrKeyword(args, 1, "ndigits", Value::none());
    if (v.isIntLike()) {
        if (digits.isNone())
            return Value::integer(v.asInt());
        const std::int64_t n = toInt(digits, "round");
        if (n >= 0)
            return Value::integer(v.asInt());
        std::int64_t p = 1;
        for (std::int64_t i = 0; i < -n && p < INT64_MAX / 10; ++i)
            p *= 10;
        const std::int64_t x = v.asInt();
        std::int64_t q = x / p, r = x % p;
        if (r < 0) {
            r += p;
            --q;
        }
        if (r * 2 > p || (r * 2 == p && (q & 1)))
            ++q;
        return Value::integer(q * p);
    }
    if (!v.isFloat())
        raise(types().TypeError, "type " + typeName(v) + " doesn't define __round__ method");
    const double x = v.asFloat();
    if (digits.isNone()) {
        if (std::isnan(x))
            raise(types().ValueError, "cannot convert float NaN to integer");
        if (std::isinf(x))
            raise(types().OverflowError, "cannot convert float infinity to integer");
        return Value::integer(static_cast<std::int64_t>(std::nearbyint(x)));
    }
    const std::int64_t n = toInt(digits, "round");
    if (!std::isfinite(x) || n > 300)
        return v;
    if (n < -308)
        return Value::real(0.0 * x);
    // Correctly rounded like CPython: round the exact binary value in decimal, then read it back.
    if (n >= 0) {
        char buf[512];
        std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(n), x);
        return Value::real(std::strtod(buf, nullptr));
    }
    const double p = std::pow(10.0, static_cast<double>(-n));
    double y = std::nearbyint(x / p) * p;
    return Value::real(y);
}

Value builtinDivmod(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "divmod", 2, 2);
    return newTuple({ binaryOp(BinOp::FloorDiv, args[0], args[1]), binaryOp(BinOp::Mod, args[0], args[1]) });
}

Value builtinPow(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "pow", 2, 3);
    if (args.count == 3 && !args[2].isNone()) {
        if (!args[0].isIntLike() || !args[1].isIntLike() || !args[2].isIntLike())
            raise(types().TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        std::int64_t base = args[0].asInt(), exp = args[1].asInt(), mod = args[2].asInt();
        if (mod == 0)
            raise(types().ValueError, "pow() 3rd argument cannot be 0");
        if (exp < 0)
            raise(types().ValueError, "IPC Lab's pow() does not compute modular inverses");
        __extension__ typedef __int128 Wide; // base*base may exceed 64 bits before the modulo
        Wide result = 1, b = ((base % mod) + mod) % mod;
        while (exp > 0) {
            if (exp & 1)
                result = (result * b) % mod;
            b = (b * b) % mod;
            exp >>= 1;
        }
        std::int64_t r = static_cast<std::int64_t>(result);
        if (r != 0 && ((r < 0) != (mod < 0)))
            r += mod;
        return Value::integer(r);
    }
    return binaryOp(BinOp::Pow, args[0], args[1]);
}

std::string intToBase(std::int64_t v, int base, const char *prefix)
{
    if (v == 0)
        return std::string(prefix) + "0";
    const bool negative = v < 0;
    unsigned long long u = negative ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    std::string digits;
    while (u) {
        digits += "0123456789abcdef"[u % static_cast<unsigned>(base)];
        u /= static_cast<unsigned>(base);
    }
    std::reverse(digits.begin(), digits.end());
    return (negative ? "-" : "") + std::string(prefix) + digits;
}

Value builtinHex(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "hex", 1, 1);
    return newStr(intToBase(toInt(args[0], "hex"), 16, "0x"));
}
Value builtinOct(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "oct", 1, 1);
    return newStr(intToBase(toInt(args[0], "oct"), 8, "0o"));
}
Value builtinBin(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "bin", 1, 1);
    return newStr(intToBase(toInt(args[0], "bin"), 2, "0b"));
}

Value builtinChr(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "chr", 1, 1);
    const std::int64_t c = toInt(args[0], "chr");
    if (c < 0 || c > 0x10FFFF)
        raise(types().ValueError, "chr() arg not in range(0x110000)");
    std::string out;
    appendUtf8(out, static_cast<char32_t>(c));
    return newStr(std::move(out));
}

Value builtinOrd(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "ord", 1, 1);
    const Value &v = args[0];
    if (v.isKind(ObjKind::Str)) {
        const auto *s = v.as<StrObject>();
        if (s->length != 1)
            raise(types().TypeError, "ord() expected a character, but string of length " + std::to_string(s->length) + " found");
        return Value::integer(static_cast<std::int64_t>(toUtf32(s->text)[0]));
    }
    if (v.isKind(ObjKind::Bytes)) {
        const auto &d = v.as<BytesObject>()->data;
        if (d.size() != 1)
            raise(types().TypeError, "ord() expected a character, but string of length " + std::to_string(d.size()) + " found");
        return Value::integer(static_cast<unsigned char>(d[0]));
    }
    raise(types().TypeError, "ord() expected string of length 1, but " + typeName(v) + " found");
}

Value builtinHash(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "hash", 1, 1);
    if (args[0].isIntLike())
        return Value::integer(args[0].asInt() == -1 ? -2 : args[0].asInt());
    return Value::integer(static_cast<std::int64_t>(hashOf(args[0]) >> 1));
}

Value builtinId(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "id", 1, 1);
    const Value &v = args[0];
    if (v.isObj())
        return Value::integer(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(v.obj())));
    return Value::integer(static_cast<std::int64_t>(hashOf(v) ^ (static_cast<std::size_t>(v.tag()) << 56)));
}

/// An iterable that may never end (a class's iterator, a generator): pulled lazily.
bool lazyIterable(const Value &v)
{
    return userTypeOf(v) || v.isKind(ObjKind::Generator);
}

bool isCallable(const Value &v)
{
    if (v.isKind(ObjKind::Method) || (v.isKind(ObjKind::Instance) && !findDunder(v, "__call__").isUndefined()))
        return true;
    if (v.isKind(ObjKind::Descriptor) && v.as<DescriptorObject>()->which == DescriptorObject::Which::StaticMethod)
        return true;
    return v.isKind(ObjKind::Function) || v.isKind(ObjKind::Native) || (v.isKind(ObjKind::Type) && v.as<TypeObject>()->construct);
}

Value builtinCallable(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "callable", 1, 1);
    return Value::boolean(isCallable(args[0]));
}

bool isInstance(const Value &v, const Value &spec)
{
    if (spec.isKind(ObjKind::Type))
        return typeOf(v)->isSubtypeOf(spec.as<TypeObject>());
    if (spec.isKind(ObjKind::Tuple)) {
        for (const Value &s : spec.as<TupleObject>()->items)
            if (isInstance(v, s))
                return true;
        return false;
    }
    raise(types().TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

Value builtinIsinstance(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "isinstance", 2, 2);
    return Value::boolean(isInstance(args[0], args[1]));
}

Value builtinSum(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "sum", 1, 2);
    Value total = argOrKeyword(args, 1, "start", Value::integer(0));
    if (total.isKind(ObjKind::Str))
        raise(types().TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    iterate(args[0], [&](const Value &item) {
        if (total.isInt() && item.isInt()) {
            std::int64_t r;
            if (!__builtin_add_overflow(total.asInt(), item.asInt(), &r)) {
                total = Value::integer(r);
                return true;
            }
        }
        total = binaryOp(BinOp::Add, total, item);
        return true;
    });
    return total;
}

Value minMax(Interpreter &in, CallArgs &args, bool wantMax)
{
    const char *name = wantMax ? "max" : "min";
    allowKeywords(args, name, { "key", "default" });
    if (args.count == 0)
        raise(types().TypeError, std::string(name) + " expected at least 1 argument, got 0");
    const Value key = argOrKeyword(args, 99, "key", Value::none());
    const Value fallback = argOrKeyword(args, 99, "default");
    std::vector<Value> items;
    if (args.count == 1) {
        items = toVector(args[0]);
    } else {
        if (!fallback.isUndefined())
            raise(types().TypeError, std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
        items.assign(args.pos, args.pos + args.count);
    }
    if (items.empty()) {
        if (!fallback.isUndefined())
            return fallback;
        raise(types().ValueError, std::string(name) + "() arg is an empty sequence");
    }
    Value best = items[0];
    Value bestKey = key.isNone() ? best : in.call(key, std::vector<Value> { best });
    for (std::size_t i = 1; i < items.size(); ++i) {
        Value k = key.isNone() ? items[i] : in.call(key, std::vector<Value> { items[i] });
        if (wantMax ? compare(CmpOp::Gt, k, bestKey) : compare(CmpOp::Lt, k, bestKey)) {
            best = items[i];
            bestKey = std::move(k);
        }
    }
    return best;
}

Value builtinMin(Interpreter &in, const Value &, CallArgs &args)
{
    return minMax(in, args, false);
}
Value builtinMax(Interpreter &in, const Value &, CallArgs &args)
{
    return minMax(in, args, true);
}

} // namespace

/// Sorts in place as list.sort does: stable, key called once per item, reverse keeps stability.
void sortValues(Interpreter &in, std::vector<Value> &items, const Value &key, bool reverse)
{
    if (key.isNone() || key.isUndefined()) {
        std::stable_sort(items.begin(), items.end(), [&](const Value &a, const Value &b) {
            if (a.isInt() && b.isInt())
                return reverse ? b.asInt() < a.asInt() : a.asInt() < b.asInt();
            return reverse ? lessThan(b, a) : lessThan(a, b);
        });
        return;
    }
    std::vector<std::pair<Value, Value>> keyed;
    keyed.reserve(items.size());
    for (auto &item : items)
        keyed.emplace_back(in.call(key, std::vector<Value> { item }), item);
    std::stable_sort(
        keyed.begin(), keyed.end(), [&](const auto &a, const auto &b) { return reverse ? lessThan(b.first, a.first) : lessThan(a.first, b.first); });
    for (std::size_t i = 0; i < items.size(); ++i)
        items[i] = std::move(keyed[i].second);
}

namespace {

Value builtinSorted(Interpreter &in, const Value &, CallArgs &args)
{
    if (args.count != 1)
        raise(types().TypeError, args.count == 0 ? "sorted expected 1 argument, got 0" : "sorted expected 1 argument, got " + std::to_string(args.count));
    allowKeywords(args, "sort", { "key", "reverse" });
    std::vector<Value> items = toVector(args[0]);
    sortValues(in, items, argOrKeyword(args, 99, "key", Value::none()), truthy(argOrKeyword(args, 99, "reverse", Value::boolean(false))));
    return newList(std::move(items));
}

Value builtinReversed(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "reversed", 1, 1);
    const Value &v = args[0];
    if (!(v.isKind(ObjKind::List) || v.isKind(ObjKind::Tuple) || v.isKind(ObjKind::Str) || v.isKind(ObjKind::Range) || v.isKind(ObjKind::Bytes)
            || v.isKind(ObjKind::Dict)))
        raise(types().TypeError, "'" + typeName(v) + "' object is not reversible");
    std::vector<Value> items = toVector(v);
    std::reverse(items.begin(), items.end());
    return Value::object(new IteratorObject(v.isKind(ObjKind::List) ? "list_reverseiterator" : "reversed", std::move(items)));
}

Value builtinEnumerate(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "enumerate", 1, 2);
    std::int64_t start = toInt(argOrKeyword(args, 1, "start", Value::integer(0)), "enumerate");
    if (lazyIterable(argOrKeyword(args, 0, "iterable"))) {
        // A class's iterator may never end: pull from it one item at a time.
        auto *it = new IteratorObject("enumerate", {});
        Value result = Value::object(it);
        it->pull = [src = pullFrom(argOrKeyword(args, 0, "iterable")), start](Value &out) mutable {
            Value item;
            if (!src(item))
                return false;
            out = newTuple({ Value::integer(start++), item });
            return true;
        };
        return result;
    }
    std::vector<Value> out;
    iterate(argOrKeyword(args, 0, "iterable"), [&](const Value &item) {
        out.push_back(newTuple({ Value::integer(start++), item }));
        return true;
    });
    return Value::object(new IteratorObject("enumerate", std::move(out)));
}

Value builtinZip(Interpreter &, const Value &, CallArgs &args)
{
    allowKeywords(args, "zip", { "strict" });
    bool lazy = false;
    for (std::size_t i = 0; i < args.count; ++i)
        lazy = lazy || lazyIterable(args[i]);
    if (lazy) {
        std::vector<std::function<bool(Value &)>> sources;
        for (std::size_t i = 0; i < args.count; ++i)
            sources.push_back(pullFrom(args[i]));
        auto *it = new IteratorObject("zip", {});
        Value result = Value::object(it);
        it->pull = [sources](Value &out) mutable {
            std::vector<Value> row;
            for (auto &src : sources) {
                Value item;
                if (!src(item))
                    return false;
                row.push_back(std::move(item));
            }
            out = newTuple(std::move(row));
            return true;
        };
        return result;
    }
    std::vector<std::vector<Value>> columns;
    std::size_t n = SIZE_MAX;
    for (std::size_t i = 0; i < args.count; ++i) {
        try {
            columns.push_back(toVector(args[i]));
        } catch (PyException &) {
            raise(types().TypeError, "'" + typeName(args[i]) + "' object is not iterable");
        }
        n = std::min(n, columns.back().size());
    }
    if (columns.empty())
        n = 0;
    std::vector<Value> out;
    out.reserve(n);
    for (std::size_t r = 0; r < n; ++r) {
        std::vector<Value> row;
        row.reserve(columns.size());
        for (auto &c : columns)
            row.push_back(c[r]);
        out.push_back(newTuple(std::move(row)));
    }
    return Value::object(new IteratorObject("zip", std::move(out)));
}

Value builtinMap(Interpreter &in, const Value &, CallArgs &args)
{
    if (args.count < 2)
        raise(types().TypeError, "map() must have at least two arguments.");
    bool lazy = false;
    for (std::size_t i = 1; i < args.count; ++i)
        lazy = lazy || lazyIterable(args[i]);
    if (lazy) {
        std::vector<std::function<bool(Value &)>> sources;
        for (std::size_t i = 1; i < args.count; ++i)
            sources.push_back(pullFrom(args[i]));
        auto *it = new IteratorObject("map", {});
        Value result = Value::object(it);
        it->pull = [&in, fn = args[0], sources](Value &out) mutable {
            std::vector<Value> row;
            for (auto &src : sources) {
                Value item;
                if (!src(item))
                    return false;
                row.push_back(std::move(item));
            }
            out = in.call(fn, std::move(row));
            return true;
        };
        return result;
    }
    std::vector<std::vector<Value>> columns;
    std::size_t n = SIZE_MAX;
    for (std::size_t i = 1; i < args.count; ++i) {
        columns.push_back(toVector(args[i]));
        n = std::min(n, columns.back().size());
    }
    std::vector<Value> out;
    out.reserve(n);
    for (std::size_t r = 0; r < n; ++r) {
        std::vector<Value> row;
        for (auto &c : columns)
            row.push_back(c[r]);
        out.push_back(in.call(args[0], std::move(row)));
    }
    return Value::object(new IteratorObject("map", std::move(out)));
}

Value builtinFilter(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "filter", 2, 2);
    std::vector<Value> out;
    const Value fn = args[0];
    if (lazyIterable(args[1])) {
        auto *it = new IteratorObject("filter", {});
        Value result = Value::object(it);
        it->pull = [&in, fn, src = pullFrom(args[1])](Value &item) mutable {
            while (src(item))
                if (fn.isNone() ? truthy(item) : truthy(in.call(fn, std::vector<Value> { item })))
                    return true;
            return false;
        };
        return result;
    }
    iterate(args[1], [&](const Value &item) {
        if (fn.isNone() ? truthy(item) : truthy(in.call(fn, std::vector<Value> { item })))
            out.push_back(item);
        return true;
    });
    return Value::object(new IteratorObject("filter", std::move(out)));
}

Value builtinAny(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "any", 1, 1);
    bool found = false;
    iterate(args[0], [&](const Value &v) {
        found = truthy(v);
        return !found;
    });
    return Value::boolean(found);
}

Value builtinAll(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "all", 1, 1);
    bool ok = true;
    iterate(args[0], [&](const Value &v) {
        ok = truthy(v);
        return ok;
    });
    return Value::boolean(ok);
}

Value builtinGetattr(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "getattr", 2, 3);
    const std::string &name = strArg(args[1], "getattr", 2);
    if (args.count == 2)
        return in.getAttribute(args[0], name);
    try {
        return in.getAttribute(args[0], name);
    } catch (PyException &e) {
        if (!e.exc->type->isSubtypeOf(types().AttributeError))
            throw;
        return args[2];
    }
}

Value builtinHasattr(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "hasattr", 2, 2);
    const std::string &name = strArg(args[1], "hasattr", 2);
    try {
        in.getAttribute(args[0], name);
        return Value::boolean(true);
    } catch (PyException &e) {
        if (!e.exc->type->isSubtypeOf(types().AttributeError))
            throw;
        return Value::boolean(false);
    }
}

bool isSubclass(const TypeObject *cls, const Value &spec)
{
    if (spec.isKind(ObjKind::Type))
        return cls->isSubtypeOf(spec.as<TypeObject>());
    if (spec.isKind(ObjKind::Tuple)) {
        for (const Value &s : spec.as<TupleObject>()->items)
            if (isSubclass(cls, s))
                return true;
        return false;
    }
    raise(types().TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

Value builtinIssubclass(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "issubclass", 2, 2);
    if (!args[0].isKind(ObjKind::Type))
        raise(types().TypeError, "issubclass() arg 1 must be a class");
    return Value::boolean(isSubclass(args[0].as<TypeObject>(), args[1]));
}

Value builtinSetattr(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "setattr", 3, 3);
    in.setAttribute(args[0], strArg(args[1], "setattr", 2), args[2]);
    return Value::none();
}

Value builtinDelattr(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "delattr", 2, 2);
    const std::string &name = strArg(args[1], "delattr", 2);
    if (!delUserAttribute(in, args[0], name))
        raise(types().AttributeError, "'" + typeName(args[0]) + "' object has no attribute '" + name + "'");
    return Value::none();
}

Value builtinIter(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "iter", 1, 2);
    if (args.count == 2) {
        // iter(callable, sentinel): calls lazily, one call per item, so that
        // `for task in iter(q.get, 'STOP')` blocks on each get as CPython does.
        if (!isCallable(args[0]))
            raise(types().TypeError, "iter(v, w): v must be callable");
        auto *it = new IteratorObject("callable_iterator", {});
        Value result = Value::object(it);
        it->pull = [&in, callable = args[0], sentinel = args[1]](Value &out) {
            out = in.call(callable, std::vector<Value> {});
            return !(out.identical(sentinel) || equals(out, sentinel));
        };
        return result;
    }
    if (args[0].isKind(ObjKind::Iterator) || args[0].isKind(ObjKind::Generator))
        return args[0];
    if (userTypeOf(args[0]))
        return dunder::iter(args[0]);
    return Value::object(new IteratorObject("iterator", toVector(args[0])));
}

Value builtinNext(Interpreter &in, const Value &, CallArgs &args)
{
    checkArgCount(args, "next", 1, 2);
    if (userTypeOf(args[0])) {
        Value m = findDunder(args[0], "__next__");
        if (m.isUndefined())
            raise(types().TypeError, "'" + typeName(args[0]) + "' object is not an iterator");
        if (args.count == 1)
            return callDunder(in, m, args[0], {});
        Value item;
        return dunder::next(args[0], item) ? item : args[1];
    }
    if (args[0].isKind(ObjKind::Generator)) {
        if (args.count == 1)
            return in.resumeGenerator(*args[0].as<GeneratorObject>(), Value::none(), std::nullopt);
        try {
            return in.resumeGenerator(*args[0].as<GeneratorObject>(), Value::none(), std::nullopt);
        } catch (PyException &e) {
            if (!e.exc->type->isSubtypeOf(types().StopIteration))
                throw;
            return args[1];
        }
    }
    if (!args[0].isKind(ObjKind::Iterator))
        raise(types().TypeError, "'" + typeName(args[0]) + "' object is not an iterator");
    Value keep = args[0];
    Value item;
    if (args[0].as<IteratorObject>()->advance(item))
        return item;
    if (args.count == 2)
        return args[1];
    throw PyException { make<ExceptionObject>(types().StopIteration, std::vector<Value> {}) };
}

// --- type constructors: calling int, str, list...

std::string stripSpaces(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\n\r\f\v");
    if (b == std::string_view::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\n\r\f\v");
    return std::string(s.substr(b, e - b + 1));
}

bool parseIntText(std::string_view original, int base, std::int64_t &out)
{
    std::string s = stripSpaces(original);
    bool negative = false;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        negative = s[i++] == '-';
    auto hasPrefix = [&](char lower) { return i + 1 < s.size() && s[i] == '0' && std::tolower(static_cast<unsigned char>(s[i + 1])) == lower; };
    if (base == 0) {
        if (hasPrefix('x'))
            base = 16, i += 2;
        else if (hasPrefix('o'))
            base = 8, i += 2;
        else if (hasPrefix('b'))
            base = 2, i += 2;
        else {
            base = 10;
            if (i + 1 < s.size() && s[i] == '0' && s.find_first_not_of("0_", i) != std::string::npos)
                return false;
        }
        if (i < s.size() && s[i] == '_')
            ++i;
    } else if ((base == 16 && hasPrefix('x')) || (base == 8 && hasPrefix('o')) || (base == 2 && hasPrefix('b'))) {
        i += 2;
        if (i < s.size() && s[i] == '_')
            ++i;
    }
    if (i >= s.size())
        return false;
    unsigned long long value = 0;
    bool lastUnderscore = true;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '_') {
            if (lastUnderscore)
                return false;
            lastUnderscore = true;
            continue;
        }
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'z')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z')
            d = c - 'A' + 10;
        else
            return false;
        if (d >= base)
            return false;
        lastUnderscore = false;
        if (value > (static_cast<unsigned long long>(INT64_MAX) + 1 - static_cast<unsigned>(d)) / static_cast<unsigned>(base))
            raise(types().OverflowError, "integer overflow: IPC Lab integers are 64-bit");
        value = value * static_cast<unsigned>(base) + static_cast<unsigned>(d);
    }
    if (lastUnderscore)
        return false;
    if (!negative && value > static_cast<unsigned long long>(INT64_MAX))
        raise(types().OverflowError, "integer overflow: IPC Lab integers are 64-bit");
    out = negative ? static_cast<std::int64_t>(0ULL - value) : static_cast<std::int64_t>(value);
    return true;
}

Value constructInt(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "int", 0, 2);
    if (args.count == 0)
        return Value::integer(0);
    const Value &v = args[0];
    const Value baseArg = argOrKeyword(args, 1, "base");
    if (!baseArg.isUndefined()) {
        const std::int64_t base = toInt(baseArg, "int");
        if (base != 0 && (base < 2 || base > 36))
            raise(types().ValueError, "int() base must be >= 2 and <= 36, or 0");
        if (!v.isKind(ObjKind::Str) && !v.isKind(ObjKind::Bytes))
            raise(types().TypeError, "int() can't convert non-string with explicit base");
        const std::string &text = v.isKind(ObjKind::Str) ? v.as<StrObject>()->text : v.as<BytesObject>()->data;
        std::int64_t out;
        if (!parseIntText(text, static_cast<int>(base), out))
            raise(types().ValueError,
                "invalid literal for int() with base " + std::to_string(base) + ": " + (v.isKind(ObjKind::Str) ? reprStr(text) : reprBytes(text)));
        return Value::integer(out);
    }
    if (v.isIntLike())
        return Value::integer(v.asInt());
    if (v.isFloat()) {
        const double d = v.asFloat();
        if (std::isnan(d))
            raise(types().ValueError, "cannot convert float NaN to integer");
        if (std::isinf(d))
            raise(types().OverflowError, "cannot convert float infinity to integer");
        if (std::fabs(d) >= 9.223372036854775807e18)
            raise(types().OverflowError, "integer overflow: IPC Lab integers are 64-bit");
        return Value::integer(static_cast<std::int64_t>(d));
    }
    if (v.isKind(ObjKind::Str) || v.isKind(ObjKind::Bytes)) {
        const std::string &text = v.isKind(ObjKind::Str) ? v.as<StrObject>()->text : v.as<BytesObject>()->data;
        std::int64_t out;
        if (!parseIntText(text, 10, out))
            raise(types().ValueError, "invalid literal for int() with base 10: " + (v.isKind(ObjKind::Str) ? reprStr(text) : reprBytes(text)));
        return Value::integer(out);
    }
    raise(types().TypeError, "int() argument must be a string, a bytes-like object or a real number, not '" + typeName(v) + "'");
}

Value constructFloat(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "float", 0, 1);
    noKeywords(args, "float");
    if (args.count == 0)
        return Value::real(0.0);
    const Value &v = args[0];
    if (v.isFloat())
        return v;
    if (v.isIntLike())
        return Value::real(static_cast<double>(v.asInt()));
    if (v.isKind(ObjKind::Str)) {
        std::string s = stripSpaces(v.as<StrObject>()->text);
        std::string lower;
        for (char c : s)
            lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string body = lower;
        double sign = 1.0;
        if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
            sign = body[0] == '-' ? -1.0 : 1.0;
            body.erase(0, 1);
        }
        if (body == "inf" || body == "infinity")
            return Value::real(sign * INFINITY);
        if (body == "nan")
            return Value::real(NAN);
        std::string cleaned;
        bool ok = !s.empty();
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '_') {
                ok = ok && i > 0 && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i - 1]))
                    && std::isdigit(static_cast<unsigned char>(s[i + 1]));
                continue;
            }
            const char c = s[i];
            ok = ok && (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-');
            cleaned += c;
        }
        char *end = nullptr;
        errno = 0;
        const double d = ok ? std::strtod(cleaned.c_str(), &end) : 0.0;
        if (!ok || end == cleaned.c_str() || *end != '\0')
            raise(types().ValueError, "could not convert string to float: " + reprStr(v.as<StrObject>()->text));
        return Value::real(d);
    }
    raise(types().TypeError, "float() argument must be a string or a real number, not '" + typeName(v) + "'");
}

Value constructStr(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "str", 0, 3);
    if (args.count == 0)
        return newStr("");
    const Value encoding = argOrKeyword(args, 1, "encoding");
    if (!encoding.isUndefined()) {
        if (!args[0].isKind(ObjKind::Bytes))
            raise(types().TypeError, "decoding to str: need a bytes-like object, " + typeName(args[0]) + " found");
        return newStr(args[0].as<BytesObject>()->data);
    }
    if (args[0].isKind(ObjKind::Str))
        return args[0];
    return newStr(str(args[0]));
}

Value constructBool(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "bool", 0, 1);
    return Value::boolean(args.count == 1 && truthy(args[0]));
}

Value constructList(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "list", 0, 1);
    noKeywords(args, "list");
    return newList(args.count ? toVector(args[0]) : std::vector<Value> {});
}

Value constructTuple(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "tuple", 0, 1);
    noKeywords(args, "tuple");
    if (args.count && args[0].isKind(ObjKind::Tuple))
        return args[0];
    return newTuple(args.count ? toVector(args[0]) : std::vector<Value> {});
}

Value constructSet(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "set", 0, 1);
    noKeywords(args, "set");
    Value s = newSet();
    if (args.count)
        iterate(args[0], [&](const Value &v) {
            s.as<SetObject>()->table.insert(v, Value());
            return true;
        });
    return s;
}

} // namespace

/// dict(...) and dict.update(...) share this: a mapping, an iterable of pairs, then keywords.
void updateDict(DictObject &d, CallArgs &args, const char *name)
{
    if (args.count > 1)
        raise(types().TypeError, std::string(name) + " expected at most 1 argument, got " + std::to_string(args.count));
    if (args.count == 1) {
        const Value &src = args[0];
        if (src.isKind(ObjKind::Dict)) {
            for (const auto &e : src.as<DictObject>()->table.entries())
                if (!e.key.isUndefined())
                    d.table.insert(e.key, e.value);
        } else {
            std::size_t index = 0;
            iterate(src, [&](const Value &item) {
                std::vector<Value> pair;
                try {
                    pair = toVector(item);
                } catch (PyException &) {
                    raise(types().TypeError, "cannot convert dictionary update sequence element #" + std::to_string(index) + " to a sequence");
                }
                if (pair.size() != 2)
                    raise(types().ValueError,
                        "dictionary update sequence element #" + std::to_string(index) + " has length " + std::to_string(pair.size()) + "; 2 is required");
                d.table.insert(pair[0], pair[1]);
                ++index;
                return true;
            });
        }
    }
    if (args.keywords)
        for (const auto &[k, v] : *args.keywords)
            d.table.insert(newStr(k), v);
}

namespace {

Value constructDict(Interpreter &, const Value &, CallArgs &args)
{
    Value d = newDict();
    updateDict(*d.as<DictObject>(), args, "dict");
    return d;
}

Value constructBytes(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "bytes", 0, 3);
    if (args.count == 0)
        return newBytes("");
    const Value &v = args[0];
    if (v.isKind(ObjKind::Str)) {
        const Value encoding = argOrKeyword(args, 1, "encoding");
        if (encoding.isUndefined())
            raise(types().TypeError, "string argument without an encoding");
        return newBytes(v.as<StrObject>()->text);
    }
    if (v.isKind(ObjKind::Bytes))
        return v;
    if (isByteArray(v))
        return newBytes(static_cast<ByteArrayObject *>(v.obj())->data);
    if (v.isIntLike()) {
        if (v.asInt() < 0)
            raise(types().ValueError, "negative count");
        return newBytes(std::string(static_cast<std::size_t>(v.asInt()), '\0'));
    }
    std::string out;
    iterate(v, [&](const Value &item) {
        if (!item.isIntLike())
            raise(types().TypeError, "'" + typeName(item) + "' object cannot be interpreted as an integer");
        if (item.asInt() < 0 || item.asInt() > 255)
            raise(types().ValueError, "bytes must be in range(0, 256)");
        out += static_cast<char>(item.asInt());
        return true;
    });
    return newBytes(std::move(out));
}

Value constructRange(Interpreter &, const Value &, CallArgs &args)
{
    noKeywords(args, "range");
    if (args.count == 0)
        raise(types().TypeError, "range expected at least 1 argument, got 0");
    if (args.count > 3)
        raise(types().TypeError, "range expected at most 3 arguments, got " + std::to_string(args.count));
    std::int64_t start = 0, stop, step = 1;
    if (args.count == 1) {
        stop = toInt(args[0], "range");
    } else {
        start = toInt(args[0], "range");
        stop = toInt(args[1], "range");
        if (args.count == 3)
            step = toInt(args[2], "range");
    }
    if (step == 0)
        raise(types().ValueError, "range() arg 3 must not be zero");
    return Value::object(new RangeObject(start, stop, step));
}

Value constructSlice(Interpreter &, const Value &, CallArgs &args)
{
    noKeywords(args, "slice");
    checkArgCount(args, "slice", 1, 3);
    if (args.count == 1)
        return Value::object(new SliceObject(Value::none(), args[0], Value::none()));
    return Value::object(new SliceObject(args[0], args[1], args.count == 3 ? args[2] : Value::none()));
}

Value constructType(Interpreter &, const Value &, CallArgs &args)
{
    if (args.count == 3) {
        // type(name, bases, dict): the class statement without its body.
        const std::string &name = strArg(args[0], "type.__new__", 1);
        if (!args[1].isKind(ObjKind::Tuple))
            raise(types().TypeError, "type.__new__() argument 2 must be tuple, not " + typeName(args[1]));
        if (!args[2].isKind(ObjKind::Dict))
            raise(types().TypeError, "type.__new__() argument 3 must be dict, not " + typeName(args[2]));
        Value ns = newDict();
        for (const auto &e : args[2].as<DictObject>()->table.entries()) {
            if (e.key.isUndefined())
                continue;
            if (!e.key.isKind(ObjKind::Str))
                raise(types().TypeError, "IPC Lab classes take only str attribute names");
            ns.as<DictObject>()->table.insert(internedName(e.key.as<StrObject>()->text), e.value);
        }
        const Frame *frame = currentThread().frame;
        const std::string module = frame && frame->module ? frame->module->name : "__main__";
        ns.as<DictObject>()->table.insert(internedName("__module__"), newStr(module));
        return makeClass(name, name, module, args[1].as<TupleObject>()->items, ns);
    }
    if (args.count != 1)
        raise(types().TypeError, "type() takes 1 or 3 arguments");
    return Value::object(typeOf(args[0]));
}

/// What object() makes: a value with nothing but its identity, for sentinels
/// (`_STOP = object()`); equality, hashing and repr come from that identity.
struct PlainObject final : OpaqueObject {
    PlainObject()
        : OpaqueObject(types().object)
    {
    }
};

Value constructObject(Interpreter &, const Value &, CallArgs &args)
{
    if (args.count > 0 || args.hasKeywords())
        raise(types().TypeError, "object() takes no arguments");
    return Value::object(new PlainObject());
}

struct Builtins {
    std::unordered_map<std::string, Value> values;
};

const Builtins &builtins()
{
    static const Builtins *instance = [] {
        auto *b = new Builtins;
        const BuiltinTypes &t = types();
        auto fn = [&](const char *name, NativeFn f) { b->values.emplace(name, Value::object(new NativeObject(name, f))); };
        fn("print", builtinPrint);
        fn("len", builtinLen);
        fn("repr", builtinRepr);
        fn("abs", builtinAbs);
        fn("round", builtinRound);
        fn("divmod", builtinDivmod);
        fn("pow", builtinPow);
        fn("hex", builtinHex);
        fn("oct", builtinOct);
        fn("bin", builtinBin);
        fn("chr", builtinChr);
        fn("ord", builtinOrd);
        fn("hash", builtinHash);
        fn("id", builtinId);
        fn("callable", builtinCallable);
        fn("isinstance", builtinIsinstance);
        fn("issubclass", builtinIssubclass);
        fn("sum", builtinSum);
        fn("min", builtinMin);
        fn("max", builtinMax);
        fn("sorted", builtinSorted);
        fn("reversed", builtinReversed);
        fn("enumerate", builtinEnumerate);
        fn("zip", builtinZip);
        fn("map", builtinMap);
        fn("filter", builtinFilter);
        fn("any", builtinAny);
        fn("all", builtinAll);
        fn("iter", builtinIter);
        fn("getattr", builtinGetattr);
        fn("hasattr", builtinHasattr);
        fn("setattr", builtinSetattr);
        fn("delattr", builtinDelattr);
        fn("next", builtinNext);
        for (TypeObject *type : { t.integer, t.real, t.str, t.boolean, t.list, t.tuple, t.dict, t.set, t.bytes, t.range, t.type, t.object, t.slice })
            b->values.emplace(type->name, Value::object(type));
        for (TypeObject *type : t.exceptionTypes)
            b->values.emplace(type->name, Value::object(type));
        b->values.emplace("bytearray", Value::object(byteArrayType()));
        addClassBuiltins(b->values);
        return b;
    }();
    return *instance;
}

} // namespace

void registerTypeConstructors(BuiltinTypes &t)
{
    t.integer->construct = constructInt;
    t.real->construct = constructFloat;
    t.str->construct = constructStr;
    t.boolean->construct = constructBool;
    t.list->construct = constructList;
    t.tuple->construct = constructTuple;
    t.dict->construct = constructDict;
    t.set->construct = constructSet;
    t.bytes->construct = constructBytes;
    t.range->construct = constructRange;
    t.type->construct = constructType;
    t.object->construct = constructObject;
    t.slice->construct = constructSlice;
}

const Value *builtinValue(const std::string &name)
{
    const auto &values = builtins().values;
    auto it = values.find(name);
    return it == values.end() ? nullptr : &it->second;
}

} // namespace ipclab::lang
