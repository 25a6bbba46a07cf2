#include "operations.h"
#include "classes.h"
#include "generators.h"

#include "strformat.h"
#include "textformat.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <unordered_set>

namespace ipclab::lang {

namespace {

// Nesting deeper than this raises RecursionError instead of overflowing the C stack.
constexpr int kMaxNesting = 2000;
thread_local int t_nesting = 0;

struct NestingGuard {
    explicit NestingGuard(const char *what)
    {
        if (++t_nesting > kMaxNesting) {
            --t_nesting;
            raise(types().RecursionError, std::string("maximum recursion depth exceeded ") + what);
        }
    }
    ~NestingGuard() { --t_nesting; }
};

[[noreturn]] void overflow()
{
    raise(types().OverflowError, "integer overflow: IPC Lab integers are 64-bit");
}

bool isNumber(const Value &v)
{
    return v.isIntLike() || v.isFloat();
}
double numberAsDouble(const Value &v)
{
    return v.isFloat() ? v.asFloat() : static_cast<double>(v.asInt());
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    if (a == std::numeric_limits<std::int64_t>::min() && b == -1)
        overflow();
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

std::int64_t floorMod(std::int64_t a, std::int64_t b)
{
    if (b == -1)
        return 0;
    std::int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    return r;
}

double floatMod(double a, double b)
{
    double r = std::fmod(a, b);
    if (r != 0.0) {
        if ((b < 0) != (r < 0))
            r += b;
    } else {
        r = std::copysign(0.0, b);
    }
    return r;
}

std::int64_t intPow(std::int64_t base, std::int64_t exp)
{
    std::int64_t result = 1;
    while (exp > 0) {
        if (exp & 1)
            if (__builtin_mul_overflow(result, base, &result))
                overflow();
        exp >>= 1;
        if (exp > 0 && __builtin_mul_overflow(base, base, &base))
            overflow();
    }
    return result;
}

[[noreturn]] void unsupported(BinOp op, const Value &a, const Value &b)
{
    raise(types().TypeError, std::string("unsupported operand type(s) for ") + binOpSymbol(op) + ": '" + typeName(a) + "' and '" + typeName(b) + "'");
}

// Containers beyond this many items are a runaway scenario, not a lesson.
constexpr std::uint64_t kMaxItems = 1u << 28;

[[noreturn]] void memoryError()
{
    throw PyException { make<ExceptionObject>(types().MemoryError, std::vector<Value> {}) };
}

std::vector<Value> repeat(const std::vector<Value> &items, std::int64_t n)
{
    std::vector<Value> out;
    if (n <= 0)
        return out;
    if (!items.empty() && static_cast<std::uint64_t>(n) > kMaxItems / items.size())
        memoryError();
    out.reserve(items.size() * static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
        out.insert(out.end(), items.begin(), items.end());
    return out;
}

std::string repeatText(const std::string &s, std::int64_t n)
{
    std::string out;
    if (n <= 0)
        return out;
    if (!s.empty() && static_cast<std::uint64_t>(n) > (std::uint64_t(1) << 32) / s.size())
        memoryError();
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
        out += s;
    return out;
}

Value sequenceRepeat(const Value &seq, const Value &count)
{
    if (!count.isIntLike())
        raise(types().TypeError, "can't multiply sequence by non-int of type '" + typeName(count) + "'");
    const std::int64_t n = count.asInt();
    switch (seq.obj()->kind) {
    case ObjKind::Str:
        return newStr(repeatText(seq.as<StrObject>()->text, n));
    case ObjKind::Bytes:
        return newBytes(repeatText(seq.as<BytesObject>()->data, n));
    case ObjKind::List:
        return newList(repeat(seq.as<ListObject>()->items, n));
    case ObjKind::Tuple:
        return newTuple(repeat(seq.as<TupleObject>()->items, n));
    default:
        return Value();
    }
}

bool isSequence(const Value &v)
{
    return v.isKind(ObjKind::Str) || v.isKind(ObjKind::Bytes) || v.isKind(ObjKind::List) || v.isKind(ObjKind::Tuple);
}

Value setOp(BinOp op, const HashTable &a, const HashTable &b)
{
    Value out = newSet();
    auto &t = out.as<SetObject>()->table;
    auto each = [](const HashTable &h, auto &&f) {
        for (const auto &e : h.entries())
            if (!e.key.isUndefined())
                f(e.key);
    };
    switch (op) {
    case BinOp::BitOr:
        each(a, [&](const Value &k) { t.insert(k, Value()); });
        each(b, [&](const Value &k) { t.insert(k, Value()); });
        break;
    case BinOp::BitAnd:
        each(a, [&](const Value &k) {
            if (b.find(k) >= 0)
                t.insert(k, Value());
        });
        break;
    case BinOp::Sub:
        each(a, [&](const Value &k) {
            if (b.find(k) < 0)
                t.insert(k, Value());
        });
        break;
    case BinOp::BitXor:
        each(a, [&](const Value &k) {
            if (b.find(k) < 0)
                t.insert(k, Value());
        });
        each(b, [&](const Value &k) {
            if (a.find(k) < 0)
                t.insert(k, Value());
        });
        break;
    default:
        return Value();
    }
    return out;
}

bool sequenceLess(const std::vector<Value> &a, const std::vector<Value> &b)
{
    NestingGuard nesting("in comparison");
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (equals(a[i], b[i]))
            continue;
        return lessThan(a[i], b[i]);
    }
    return a.size() < b.size();
}

bool subsetOf(const HashTable &a, const HashTable &b)
{
    if (a.size() > b.size())
        return false;
    for (const auto &e : a.entries())
        if (!e.key.isUndefined() && b.find(e.key) < 0)
            return false;
    return true;
}

// repr of containers that may contain themselves prints [...] as CPython does.
thread_local std::unordered_set<const Object *> t_reprInProgress;

struct ReprGuard {
    explicit ReprGuard(const Object *o)
        : nesting("while getting the repr of an object")
        , obj(o)
        , entered(t_reprInProgress.insert(o).second)
    {
    }
    ~ReprGuard()
    {
        if (entered)
            t_reprInProgress.erase(obj);
    }
    NestingGuard nesting;
    const Object *obj;
    bool entered;
};

std::string hexAddress(const void *p)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%012llx", static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(p)));
    return buf;
}

std::string joinRepr(const std::vector<Value> &items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ", ";
        out += repr(items[i]);
    }
    return out;
}

std::int64_t normaliseIndex(std::int64_t i, std::int64_t length, TypeObject *err, const char *message)
{
    if (i < 0)
        i += length;
    if (i < 0 || i >= length)
        raise(err, message);
    return i;
}

std::int64_t sequenceIndex(const Value &key, const char *typeLabel)
{
    if (key.isIntLike())
        return key.asInt();
    raise(types().TypeError, std::string(typeLabel) + " indices must be integers or slices, not " + typeName(key));
}

template <typename Seq> Seq sliceOf(const Seq &items, const SliceObject &s)
{
    std::int64_t start, stop, step;
    const std::int64_t n = sliceIndices(s, static_cast<std::int64_t>(items.size()), start, stop, step);
    Seq out;
    out.reserve(static_cast<std::size_t>(n));
    for (std::int64_t i = 0, j = start; i < n; ++i, j += step)
        out.push_back(items[static_cast<std::size_t>(j)]);
    return out;
}

} // namespace

const char *binOpSymbol(BinOp op)
{
    static const char *const symbols[] = { "+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@" };
    return symbols[static_cast<int>(op)];
}

const char *cmpOpSymbol(CmpOp op)
{
    static const char *const symbols[] = { "==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in" };
    return symbols[static_cast<int>(op)];
}

bool truthy(const Value &v)
{
    switch (v.tag()) {
    case Tag::Undefined:
    case Tag::None:
        return false;
    case Tag::Bool:
    case Tag::Int:
        return v.asInt() != 0;
    case Tag::Float:
        return v.asFloat() != 0.0;
    case Tag::Obj:
        break;
    }
    switch (v.obj()->kind) {
    case ObjKind::Str:
        return !v.as<StrObject>()->text.empty();
    case ObjKind::Bytes:
        return !v.as<BytesObject>()->data.empty();
    case ObjKind::List:
        return !v.as<ListObject>()->items.empty();
    case ObjKind::Tuple:
        return !v.as<TupleObject>()->items.empty();
    case ObjKind::Dict:
        return v.as<DictObject>()->table.size() != 0;
    case ObjKind::Set:
        return v.as<SetObject>()->table.size() != 0;
    case ObjKind::Range:
        return v.as<RangeObject>()->length() != 0;
    case ObjKind::DictView:
        return lengthOf(v) != 0;
    default:
        if (userTypeOf(v))
            return dunder::truthy(v);
        return true;
    }
}

bool equals(const Value &a, const Value &b)
{
    if (isNumber(a) && isNumber(b)) {
        if (a.isFloat() || b.isFloat())
            return numberAsDouble(a) == numberAsDouble(b);
        return a.asInt() == b.asInt();
    }
    if ((a.isObj() || b.isObj()) && (userTypeOf(a) || userTypeOf(b)))
        return *dunder::equals(a, b);
    if (!a.isObj() || !b.isObj())
        return a.tag() == b.tag() && (a.tag() == Tag::None || a.tag() == Tag::Undefined);
    if (a.obj() == b.obj())
        return true;
    NestingGuard nesting("in comparison");
    const ObjKind k = a.obj()->kind;
    if (k != b.obj()->kind)
        return false;
    switch (k) {
    case ObjKind::Str:
        return a.as<StrObject>()->text == b.as<StrObject>()->text;
    case ObjKind::Bytes:
        return a.as<BytesObject>()->data == b.as<BytesObject>()->data;
    case ObjKind::List:
    case ObjKind::Tuple: {
        const auto &x = k == ObjKind::List ? a.as<ListObject>()->items : a.as<TupleObject>()->items;
        const auto &y = k == ObjKind::List ? b.as<ListObject>()->items : b.as<TupleObject>()->items;
        if (x.size() != y.size())
            return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!x[i].identical(y[i]) && !equals(x[i], y[i]))
                return false;
        return true;
    }
    case ObjKind::Dict: {
        const auto &x = a.as<DictObject>()->table;
        const auto &y = b.as<DictObject>()->table;
        if (x.size() != y.size())
            return false;
        for (const auto &e : x.entries()) {
            if (e.key.isUndefined())
                continue;
            const std::int64_t i = y.find(e.key);
            if (i < 0 || !equals(e.value, y.entries()[static_cast<std::size_t>(i)].value))
                return false;
        }
        return true;
    }
    case ObjKind::Set: {
        const auto &x = a.as<SetObject>()->table;
        const auto &y = b.as<SetObject>()->table;
        return x.size() == y.size() && subsetOf(x, y);
    }
    case ObjKind::Range: {
        const auto *x = a.as<RangeObject>();
        const auto *y = b.as<RangeObject>();
        const auto n = x->length();
        if (n != y->length())
            return false;
        if (n == 0)
            return true;
        if (x->start != y->start)
            return false;
        return n == 1 || x->step == y->step;
    }
    case ObjKind::DictView:
        return equals(newList(toVector(a)), newList(toVector(b)));
    case ObjKind::Method: {
        const auto *x = a.as<BoundMethodObject>();
        const auto *y = b.as<BoundMethodObject>();
        return x->function.identical(y->function) && x->self.identical(y->self);
    }
    default:
        return false;
    }
}

bool lessThan(const Value &a, const Value &b)
{
    return compare(CmpOp::Lt, a, b);
}

bool compare(CmpOp op, const Value &a, const Value &b)
{
    switch (op) {
    case CmpOp::Eq:
        return equals(a, b);
    case CmpOp::NotEq:
        return !equals(a, b);
    case CmpOp::Is:
        return a.identical(b);
    case CmpOp::IsNot:
        return !a.identical(b);
    case CmpOp::In:
        return contains(b, a);
    case CmpOp::NotIn:
        return !contains(b, a);
    default:
        break;
    }
    if ((a.isObj() || b.isObj()) && (userTypeOf(a) || userTypeOf(b)))
        return dunder::compare(op, a, b);
    // Ordering: reduce to "less than" with swapped operands where needed.
    auto ordered = [&](const Value &x, const Value &y, bool orEqual) -> bool {
        if (isNumber(x) && isNumber(y)) {
            if (x.isFloat() || y.isFloat())
                return orEqual ? numberAsDouble(x) <= numberAsDouble(y) : numberAsDouble(x) < numberAsDouble(y);
            return orEqual ? x.asInt() <= y.asInt() : x.asInt() < y.asInt();
        }
        if (x.isObj() && y.isObj() && x.obj()->kind == y.obj()->kind) {
            switch (x.obj()->kind) {
            case ObjKind::Str: {
                const int c = x.as<StrObject>()->text.compare(y.as<StrObject>()->text);
                return orEqual ? c <= 0 : c < 0;
            }
            case ObjKind::Bytes: {
                const int c = x.as<BytesObject>()->data.compare(y.as<BytesObject>()->data);
                return orEqual ? c <= 0 : c < 0;
            }
            case ObjKind::List:
            case ObjKind::Tuple: {
                const auto &xs = x.isKind(ObjKind::List) ? x.as<ListObject>()->items : x.as<TupleObject>()->items;
                const auto &ys = y.isKind(ObjKind::List) ? y.as<ListObject>()->items : y.as<TupleObject>()->items;
                return orEqual ? !sequenceLess(ys, xs) : sequenceLess(xs, ys);
            }
            case ObjKind::Set: {
                const auto &xs = x.as<SetObject>()->table;
                const auto &ys = y.as<SetObject>()->table;
                return subsetOf(xs, ys) && (orEqual || xs.size() < ys.size());
            }
            default:
                break;
            }
        }
        raise(types().TypeError, std::string("'") + cmpOpSymbol(op) + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    };
    switch (op) {
    case CmpOp::Lt:
        return ordered(a, b, false);
    case CmpOp::LtE:
        return ordered(a, b, true);
    case CmpOp::Gt:
        return ordered(b, a, false);
    case CmpOp::GtE:
        return ordered(b, a, true);
    default:
        return false;
    }
}

bool contains(const Value &container, const Value &item)
{
    if (userTypeOf(container))
        return dunder::contains(container, item);
    if (container.isObj()) {
        switch (container.obj()->kind) {
        case ObjKind::Str:
            if (!item.isKind(ObjKind::Str))
                raise(types().TypeError, "'in <string>' requires string as left operand, not " + typeName(item));
            return container.as<StrObject>()->text.find(item.as<StrObject>()->text) != std::string::npos;
        case ObjKind::Bytes:
            if (item.isIntLike()) {
                if (item.asInt() < 0 || item.asInt() > 255)
                    raise(types().ValueError, "byte must be in range(0, 256)");
                return container.as<BytesObject>()->data.find(static_cast<char>(item.asInt())) != std::string::npos;
            }
            if (!item.isKind(ObjKind::Bytes))
                raise(types().TypeError, "a bytes-like object is required, not '" + typeName(item) + "'");
            return container.as<BytesObject>()->data.find(item.as<BytesObject>()->data) != std::string::npos;
        case ObjKind::Dict:
            return container.as<DictObject>()->table.find(item) >= 0;
        case ObjKind::Set:
            return container.as<SetObject>()->table.find(item) >= 0;
        case ObjKind::Range: {
            const auto *r = container.as<RangeObject>();
            if (!item.isIntLike())
                return false;
            const std::int64_t v = item.asInt();
            if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop))
                return false;
            return (v - r->start) % r->step == 0;
        }
        case ObjKind::DictView:
            if (container.as<DictViewObject>()->which == DictViewObject::Which::Keys)
                return contains(container.as<DictViewObject>()->dict, item);
            break;
        case ObjKind::List:
        case ObjKind::Tuple:
        case ObjKind::Iterator:
        case ObjKind::Generator:
            break;
        case ObjKind::Opaque: {
            bool found = false;
            if (container.as<OpaqueObject>()->contains(item, found))
                return found;
            [[fallthrough]];
        }
        default:
            raise(types().TypeError, "argument of type '" + typeName(container) + "' is not iterable");
        }
    } else {
        raise(types().TypeError, "argument of type '" + typeName(container) + "' is not iterable");
    }
    bool found = false;
    iterate(container, [&](const Value &v) {
        found = v.identical(item) || equals(v, item);
        return !found;
    });
    return found;
}

std::size_t hashOf(const Value &v)
{
    switch (v.tag()) {
    case Tag::Undefined:
    case Tag::None:
        return 0x345678;
    case Tag::Bool:
    case Tag::Int:
        return static_cast<std::size_t>(v.asInt());
    case Tag::Float: {
        const double d = v.asFloat();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.2e18)
            return static_cast<std::size_t>(static_cast<std::int64_t>(d));
        std::uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        return static_cast<std::size_t>(bits * 0x9E3779B97F4A7C15ULL);
    }
    case Tag::Obj:
        break;
    }
    switch (v.obj()->kind) {
    case ObjKind::Str: {
        const auto *s = v.as<StrObject>();
        if (!s->hashed) {
            s->hash = std::hash<std::string_view> {}(s->text);
            s->hashed = true;
        }
        return s->hash;
    }
    case ObjKind::Bytes:
        return std::hash<std::string_view> {}(v.as<BytesObject>()->data) ^ 0x5bd1e995;
    case ObjKind::Tuple: {
        NestingGuard nesting("while hashing");
        std::size_t h = 0x27D4EB2F165667C5ULL;
        for (const Value &item : v.as<TupleObject>()->items)
            h = (h ^ hashOf(item)) * 0x100000001B3ULL;
        return h;
    }
    case ObjKind::List:
    case ObjKind::Dict:
    case ObjKind::Set:
    case ObjKind::DictView:
        raise(types().TypeError, "unhashable type: '" + typeName(v) + "'");
    default:
        if (userTypeOf(v))
            return dunder::hash(v);
        return std::hash<const void *> {}(v.obj());
    }
}

Value binaryOp(BinOp op, const Value &a, const Value &b)
{
    if (a.isIntLike() && b.isIntLike()) {
        const std::int64_t x = a.asInt(), y = b.asInt();
        std::int64_t r;
        switch (op) {
        case BinOp::Add:
            if (__builtin_add_overflow(x, y, &r))
                overflow();
            return Value::integer(r);
        case BinOp::Sub:
            if (__builtin_sub_overflow(x, y, &r))
                overflow();
            return Value::integer(r);
        case BinOp::Mul:
            if (__builtin_mul_overflow(x, y, &r))
                overflow();
            return Value::integer(r);
        case BinOp::Div:
            if (y == 0)
                raise(types().ZeroDivisionError, "division by zero");
            return Value::real(static_cast<double>(x) / static_cast<double>(y));
        case BinOp::FloorDiv:
            if (y == 0)
                raise(types().ZeroDivisionError, "integer division or modulo by zero");
            return Value::integer(floorDiv(x, y));
        case BinOp::Mod:
            if (y == 0)
                raise(types().ZeroDivisionError, "integer modulo by zero");
            return Value::integer(floorMod(x, y));
        case BinOp::Pow:
            if (y < 0) {
                if (x == 0)
                    raise(types().ZeroDivisionError, "0.0 cannot be raised to a negative power");
                return Value::real(std::pow(static_cast<double>(x), static_cast<double>(y)));
            }
            return Value::integer(intPow(x, y));
        case BinOp::LShift:
            if (y < 0)
                raise(types().ValueError, "negative shift count");
            if (x == 0)
                return Value::integer(0);
            if (y >= 63 || (x > 0 ? x > (std::numeric_limits<std::int64_t>::max() >> y) : x < (std::numeric_limits<std::int64_t>::min() >> y)))
                overflow();
            return Value::integer(static_cast<std::int64_t>(static_cast<std::uint64_t>(x) << y));
        case BinOp::RShift:
            if (y < 0)
                raise(types().ValueError, "negative shift count");
            return Value::integer(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
        case BinOp::BitAnd:
            r = x & y;
            return a.isBool() && b.isBool() ? Value::boolean(r) : Value::integer(r);
        case BinOp::BitOr:
            r = x | y;
            return a.isBool() && b.isBool() ? Value::boolean(r) : Value::integer(r);
        case BinOp::BitXor:
            r = x ^ y;
            return a.isBool() && b.isBool() ? Value::boolean(r) : Value::integer(r);
        case BinOp::MatMul:
            unsupported(op, a, b);
        }
    }
    if (isNumber(a) && isNumber(b)) {
        const double x = numberAsDouble(a), y = numberAsDouble(b);
        switch (op) {
        case BinOp::Add:
            return Value::real(x + y);
        case BinOp::Sub:
            return Value::real(x - y);
        case BinOp::Mul:
            return Value::real(x * y);
        case BinOp::Div:
            if (y == 0.0)
                raise(types().ZeroDivisionError, "float division by zero");
            return Value::real(x / y);
        case BinOp::FloorDiv:
            if (y == 0.0)
                raise(types().ZeroDivisionError, "float floor division by zero");
            return Value::real(std::floor((x - floatMod(x, y)) / y + 0.0));
        case BinOp::Mod:
            if (y == 0.0)
                raise(types().ZeroDivisionError, "float modulo");
            return Value::real(floatMod(x, y));
        case BinOp::Pow:
            if (x == 0.0 && y < 0)
                raise(types().ZeroDivisionError, "0.0 cannot be raised to a negative power");
            if (x < 0 && y != std::floor(y))
                raise(types().ValueError, "math domain error: a negative number to a fractional power is complex");
            {
                const double r = std::pow(x, y);
                if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
                    raise(types().OverflowError, "(34, 'Numerical result out of range')");
                return Value::real(r);
            }
        default:
            unsupported(op, a, b);
        }
    }
    if ((a.isObj() || b.isObj()) && (userTypeOf(a) || userTypeOf(b)))
        if (auto r = dunder::binary(op, a, b))
            return *r;
    if (a.isObj()) {
        const ObjKind ka = a.obj()->kind;
        if (op == BinOp::Add) {
            if (ka == ObjKind::Str) {
                if (!b.isKind(ObjKind::Str))
                    raise(types().TypeError, "can only concatenate str (not \"" + typeName(b) + "\") to str");
                return newStr(a.as<StrObject>()->text + b.as<StrObject>()->text);
            }
            if (ka == ObjKind::List) {
                if (!b.isKind(ObjKind::List))
                    raise(types().TypeError, "can only concatenate list (not \"" + typeName(b) + "\") to list");
                std::vector<Value> out = a.as<ListObject>()->items;
                const auto &more = b.as<ListObject>()->items;
                out.insert(out.end(), more.begin(), more.end());
                return newList(std::move(out));
            }
            if (ka == ObjKind::Tuple) {
                if (!b.isKind(ObjKind::Tuple))
                    raise(types().TypeError, "can only concatenate tuple (not \"" + typeName(b) + "\") to tuple");
                std::vector<Value> out = a.as<TupleObject>()->items;
                const auto &more = b.as<TupleObject>()->items;
                out.insert(out.end(), more.begin(), more.end());
                return newTuple(std::move(out));
            }
            if (ka == ObjKind::Bytes) {
                if (!b.isKind(ObjKind::Bytes))
                    raise(types().TypeError, "can't concat " + typeName(b) + " to bytes");
                return newBytes(a.as<BytesObject>()->data + b.as<BytesObject>()->data);
            }
        }
        if (op == BinOp::Mul && isSequence(a) && (b.isIntLike() || !isNumber(b)))
            return sequenceRepeat(a, b);
        if (op == BinOp::Mod && ka == ObjKind::Str)
            return newStr(percentFormat(a.as<StrObject>()->text, b));
        if (ka == ObjKind::Set && b.isKind(ObjKind::Set)) {
            Value r = setOp(op, a.as<SetObject>()->table, b.as<SetObject>()->table);
            if (!r.isUndefined())
                return r;
        }
        if (ka == ObjKind::Dict && b.isKind(ObjKind::Dict) && op == BinOp::BitOr) {
            Value out = newDict();
            for (const auto *src : { a.as<DictObject>(), b.as<DictObject>() })
                for (const auto &e : src->table.entries())
                    if (!e.key.isUndefined())
                        out.as<DictObject>()->table.insert(e.key, e.value);
            return out;
        }
    }
    if (op == BinOp::Mul && b.isObj() && isSequence(b))
        return sequenceRepeat(b, a);
    unsupported(op, a, b);
}

Value inplaceOp(BinOp op, const Value &a, const Value &b)
{
    if (userTypeOf(a))
        if (auto r = dunder::inplace(op, a, b))
            return *r;
    if (a.isKind(ObjKind::List) && op == BinOp::Add) {
        std::vector<Value> more = toVector(b);
        auto &items = a.as<ListObject>()->items;
        items.insert(items.end(), more.begin(), more.end());
        return a;
    }
    if (a.isKind(ObjKind::Set) && b.isKind(ObjKind::Set) && (op == BinOp::BitOr)) {
        for (const auto &e : b.as<SetObject>()->table.entries())
            if (!e.key.isUndefined())
                a.as<SetObject>()->table.insert(e.key, Value());
        return a;
    }
    try {
        return binaryOp(op, a, b);
    } catch (PyException &e) {
        // CPython names the augmented operator: "unsupported operand type(s) for -=".
        const std::string plain = std::string("unsupported operand type(s) for ") + binOpSymbol(op) + ": '" + typeName(a) + "' and '" + typeName(b) + "'";
        if (e.exc->type == types().TypeError && e.exc->args.size() == 1 && e.exc->args[0].isKind(ObjKind::Str) && e.exc->args[0].as<StrObject>()->text == plain)
            raise(types().TypeError, std::string("unsupported operand type(s) for ") + binOpSymbol(op) + "=: '" + typeName(a) + "' and '" + typeName(b) + "'");
        throw;
    }
}

Value unaryOp(UnaryOp op, const Value &a)
{
    switch (op) {
    case UnaryOp::Not:
        return Value::boolean(!truthy(a));
    case UnaryOp::Neg:
        if (a.isIntLike()) {
            if (a.asInt() == std::numeric_limits<std::int64_t>::min())
                overflow();
            return Value::integer(-a.asInt());
        }
        if (a.isFloat())
            return Value::real(-a.asFloat());
        if (userTypeOf(a))
            return dunder::unary(op, a);
        raise(types().TypeError, "bad operand type for unary -: '" + typeName(a) + "'");
    case UnaryOp::Pos:
        if (a.isIntLike())
            return Value::integer(a.asInt());
        if (a.isFloat())
            return a;
        if (userTypeOf(a))
            return dunder::unary(op, a);
        raise(types().TypeError, "bad operand type for unary +: '" + typeName(a) + "'");
    case UnaryOp::Invert:
        if (a.isIntLike())
            return Value::integer(~a.asInt());
        if (userTypeOf(a))
            return dunder::unary(op, a);
        raise(types().TypeError, "bad operand type for unary ~: '" + typeName(a) + "'");
    }
    return Value();
}

namespace {

// Python's str.isprintable() for the code points a scenario meets: controls, format
// characters, separators other than ' ', surrogates and private use are escaped.
bool isPrintable(char32_t c)
{
    if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0xad)
        return false;
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x2064) || c == 0x3000 || c == 0xfeff)
        return false;
    if ((c >= 0xd800 && c <= 0xf8ff) || c == 0xfffe || c == 0xffff || c >= 0xf0000)
        return false;
    return true;
}

} // namespace

std::string reprStr(std::string_view s)
{
    const bool hasSingle = s.find('\'') != std::string_view::npos;
    const bool hasDouble = s.find('"') != std::string_view::npos;
    const char quote = hasSingle && !hasDouble ? '"' : '\'';
    std::string out;
    out.reserve(s.size() + 2);
    out += quote;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c == static_cast<unsigned char>(quote)) {
                    out += '\\';
                    out += static_cast<char>(c);
                } else if (c < 0x20 || c == 0x7f) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
            }
            continue;
        }
        std::size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        len = std::min(len, s.size() - i);
        const std::u32string cp = toUtf32(s.substr(i, len));
        const char32_t code = cp.empty() ? 0xfffd : cp[0];
        if (isPrintable(code)) {
            out.append(s.substr(i, len));
        } else {
            char buf[16];
            if (code < 0x100)
                std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(code));
            else if (code < 0x10000)
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(code));
            else
                std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(code));
            out += buf;
        }
        i += len;
    }
    out += quote;
    return out;
}

std::string reprBytes(std::string_view s)
{
    const bool hasSingle = s.find('\'') != std::string_view::npos;
    const bool hasDouble = s.find('"') != std::string_view::npos;
    const char quote = hasSingle && !hasDouble ? '"' : '\'';
    std::string out = "b";
    out += quote;
    for (unsigned char c : s) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c == static_cast<unsigned char>(quote)) {
                out += '\\';
                out += static_cast<char>(c);
            } else if (c < 0x20 || c >= 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += quote;
    return out;
}

namespace {

void appendReprHead(std::string &out, const Value &v, std::size_t limit);

/// A dict's `{k: v, ...}` or a set's `{k, ...}` head, from its hash table's live entries.
template <typename Entries> void appendEntriesHead(std::string &out, const Entries &entries, std::size_t limit, bool withValues)
{
    out += '{';
    bool first = true;
    for (const auto &e : entries) {
        if (out.size() > limit)
            break;
        if (e.key.isUndefined())
            continue;
        if (!first)
            out += ", ";
        first = false;
        appendReprHead(out, e.key, limit);
        if (withValues) {
            out += ": ";
            appendReprHead(out, e.value, limit);
        }
    }
    out += '}';
}

/// Appends the head of `v`'s repr to `out` and stops once `out` holds more than `limit`
/// bytes: a variable holding 100,000 records costs a few dozen items, not the whole text.
void appendReprHead(std::string &out, const Value &v, std::size_t limit)
{
    if (out.size() > limit)
        return;
    const std::size_t room = limit - out.size() + 1;
    if (!v.isObj()) {
        out += repr(v);
        return;
    }
    const Object *o = v.obj();
    switch (o->kind) {
    case ObjKind::Str: {
        // Every byte of text gives at least one byte of repr: `room` bytes of it are enough.
        const std::string &text = v.as<StrObject>()->text;
        if (text.size() <= room + 1) {
            out += repr(v);
            return;
        }
        std::size_t cut = room + 1; // UTF-8: never inside a character
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
        out += reprStr(std::string_view(text).substr(0, cut));
        return;
    }
    case ObjKind::Bytes: {
        const std::string &data = v.as<BytesObject>()->data;
        out += data.size() <= room + 1 ? repr(v) : reprBytes(std::string_view(data).substr(0, room + 1));
        return;
    }
    case ObjKind::List:
    case ObjKind::Tuple: {
        ReprGuard guard(o);
        if (!guard.entered) {
            out += o->kind == ObjKind::List ? "[...]" : "(...)";
            return;
        }
        const auto &items = o->kind == ObjKind::List ? v.as<ListObject>()->items : v.as<TupleObject>()->items;
        out += o->kind == ObjKind::List ? '[' : '(';
        for (std::size_t i = 0; i < items.size() && out.size() <= limit; ++i) {
            if (i)
                out += ", ";
            appendReprHead(out, items[i], limit);
        }
        if (o->kind == ObjKind::Tuple && items.size() == 1)
            out += ',';
        out += o->kind == ObjKind::List ? ']' : ')';
        return;
    }
    case ObjKind::Dict: {
        ReprGuard guard(o);
        if (!guard.entered) {
            out += "{...}";
            return;
        }
        appendEntriesHead(out, v.as<DictObject>()->table.entries(), limit, true);
        return;
    }
    case ObjKind::Set: {
        const auto &t = v.as<SetObject>()->table;
        if (t.size() == 0) {
            out += "set()";
            return;
        }
        appendEntriesHead(out, t.entries(), limit, false);
        return;
    }
    default:
        // A class's own __repr__ is scenario code: a trace never runs it (it could print,
        // block or recurse into the trace), it shows the object as object.__repr__ would.
        if (v.isKind(ObjKind::Instance)) {
            // An instance as its class and attributes, <Task a=0 b=1>: what a lesson wants to
            // see of a message, never an address (and never the class's own __repr__, above).
            const auto *inst = v.as<InstanceObject>();
            ReprGuard guard(o);
            out += "<" + inst->type->name;
            if (!guard.entered) {
                out += " ...>";
                return;
            }
            for (const auto &e : inst->dict.as<DictObject>()->table.entries()) {
                if (out.size() > limit)
                    break;
                if (e.key.isUndefined() || !e.key.isKind(ObjKind::Str))
                    continue;
                out += " " + e.key.as<StrObject>()->text + "=";
                appendReprHead(out, e.value, limit);
            }
            out += ">";
            return;
        }
        if (userTypeOf(v) && !v.isKind(ObjKind::Exception)) {
            std::string text;
            out += v.isKind(ObjKind::Opaque) && v.as<OpaqueObject>()->text(text) ? text : defaultObjectRepr(v);
            return;
        }
        if (v.isKind(ObjKind::Exception) && v.as<ExceptionObject>()->type->isUser) {
            const auto *e = v.as<ExceptionObject>();
            out += e->type->name + "(" + (e->args.size() == 1 ? repr(e->args[0]) : joinRepr(e->args)) + ")";
            return;
        }
        out += repr(v);
        return;
    }
}

} // namespace

std::string reprHead(const Value &v, std::size_t chars)
{
    std::string out;
    appendReprHead(out, v, chars);
    return out;
}

std::string repr(const Value &v)
{
    switch (v.tag()) {
    case Tag::Undefined:
    case Tag::None:
        return "None";
    case Tag::Bool:
        return v.asBool() ? "True" : "False";
    case Tag::Int:
        return std::to_string(v.asInt());
    case Tag::Float:
        return floatRepr(v.asFloat());
    case Tag::Obj:
        break;
    }
    Object *o = v.obj();
    switch (o->kind) {
    case ObjKind::Str:
        return reprStr(v.as<StrObject>()->text);
    case ObjKind::Bytes:
        return reprBytes(v.as<BytesObject>()->data);
    case ObjKind::List: {
        ReprGuard guard(o);
        if (!guard.entered)
            return "[...]";
        return "[" + joinRepr(v.as<ListObject>()->items) + "]";
    }
    case ObjKind::Tuple: {
        NestingGuard nesting("while getting the repr of an object");
        const auto &items = v.as<TupleObject>()->items;
        if (items.size() == 1)
            return "(" + repr(items[0]) + ",)";
        return "(" + joinRepr(items) + ")";
    }
    case ObjKind::Dict: {
        ReprGuard guard(o);
        if (!guard.entered)
            return "{...}";
        std::string out = "{";
        bool first = true;
        for (const auto &e : v.as<DictObject>()->table.entries()) {
            if (e.key.isUndefined())
                continue;
            if (!first)
                out += ", ";
            first = false;
            out += repr(e.key) + ": " + repr(e.value);
        }
        return out + "}";
    }
    case ObjKind::Set: {
        const auto &t = v.as<SetObject>()->table;
        if (t.size() == 0)
            return "set()";
        std::string out = "{";
        bool first = true;
        for (const auto &e : t.entries()) {
            if (e.key.isUndefined())
                continue;
            if (!first)
                out += ", ";
            first = false;
            out += repr(e.key);
        }
        return out + "}";
    }
    case ObjKind::Range: {
        const auto *r = v.as<RangeObject>();
        std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
        if (r->step != 1)
            out += ", " + std::to_string(r->step);
        return out + ")";
    }
    case ObjKind::Slice: {
        const auto *s = v.as<SliceObject>();
        return "slice(" + repr(s->start) + ", " + repr(s->stop) + ", " + repr(s->step) + ")";
    }
    case ObjKind::Function: {
        const auto *fn = static_cast<FunctionObject *>(o);
        return "<function " + (fn->qualname.empty() ? fn->name : fn->qualname) + " at " + hexAddress(o) + ">";
    }
    case ObjKind::Native: {
        const auto *n = v.as<NativeObject>();
        if (n->self.isUndefined())
            return "<built-in function " + n->name + ">";
        return "<built-in method " + n->name + " of " + typeName(n->self) + " object at " + hexAddress(n->self.isObj() ? n->self.obj() : o) + ">";
    }
    case ObjKind::Module:
        return "<module '" + v.as<ModuleObject>()->name + "' (built-in)>";
    case ObjKind::Type: {
        const auto *t = v.as<TypeObject>();
        if (t->isUser)
            return "<class '" + t->moduleName + "." + t->qualname + "'>";
        return "<class '" + t->name + "'>";
    }
    case ObjKind::Instance:
        return dunder::repr(v);
    case ObjKind::Method: {
        const auto *m = v.as<BoundMethodObject>();
        std::string name = "?";
        if (m->function.isKind(ObjKind::Function)) {
            const auto *fn = m->function.as<FunctionObject>();
            name = fn->qualname.empty() ? fn->name : fn->qualname;
        }
        return "<bound method " + name + " of " + repr(m->self) + ">";
    }
    case ObjKind::Descriptor: {
        const auto *d = v.as<DescriptorObject>();
        switch (d->which) {
        case DescriptorObject::Which::StaticMethod:
            return "<staticmethod(" + repr(d->function) + ")>";
        case DescriptorObject::Which::ClassMethod:
            return "<classmethod(" + repr(d->function) + ")>";
        case DescriptorObject::Which::Property:
            return "<property object at " + hexAddress(o) + ">";
        case DescriptorObject::Which::Super:
            return "<super: " + repr(d->function) + ", <" + typeName(d->self) + " object>>";
        }
        return "<descriptor>";
    }
    case ObjKind::Exception: {
        const auto *e = v.as<ExceptionObject>();
        if (e->type->isUser)
            return dunder::repr(v);
        if (e->args.size() == 1)
            return e->type->name + "(" + repr(e->args[0]) + ")";
        return e->type->name + "(" + joinRepr(e->args) + ")";
    }
    case ObjKind::Cell:
        return "<cell at " + hexAddress(o) + ">";
    case ObjKind::DictView:
        return typeName(v) + "(" + repr(newList(toVector(v))) + ")";
    case ObjKind::Iterator:
        return "<" + v.as<IteratorObject>()->typeName + " object at " + hexAddress(o) + ">";
    case ObjKind::Generator: {
        const auto *fn = v.as<GeneratorObject>()->function.as<FunctionObject>();
        return "<generator object " + (fn->qualname.empty() ? fn->name : fn->qualname) + " at " + hexAddress(o) + ">";
    }
    case ObjKind::Opaque: {
        if (v.as<OpaqueObject>()->type->isUser && !findDunder(v, "__repr__").isUndefined())
            return dunder::repr(v);
        std::string text;
        if (v.as<OpaqueObject>()->text(text))
            return text;
        return "<" + typeName(v) + " object at " + hexAddress(o) + ">";
    }
    }
    return "<object>";
}

std::string str(const Value &v)
{
    if (v.isKind(ObjKind::Str))
        return v.as<StrObject>()->text;
    if (userTypeOf(v))
        return dunder::str(v);
    if (v.isKind(ObjKind::Exception))
        return exceptionMessage(*v.as<ExceptionObject>());
    return repr(v);
}

std::int64_t toInt(const Value &v, const char *what)
{
    (void)what;
    if (v.isIntLike())
        return v.asInt();
    raise(types().TypeError, "'" + typeName(v) + "' object cannot be interpreted as an integer");
}

double toFloat(const Value &v, const char *what)
{
    if (isNumber(v))
        return numberAsDouble(v);
    raise(types().TypeError, std::string(what) + " must be real number, not " + typeName(v));
}

std::int64_t sliceIndices(const SliceObject &s, std::int64_t length, std::int64_t &start, std::int64_t &stop, std::int64_t &step)
{
    auto bound = [](const Value &v) {
        if (!v.isIntLike())
            raise(types().TypeError, "slice indices must be integers or None or have an __index__ method");
        return v.asInt();
    };
    step = s.step.isNone() || s.step.isUndefined() ? 1 : bound(s.step);
    if (step == 0)
        raise(types().ValueError, "slice step cannot be zero");
    const std::int64_t lower = step < 0 ? -1 : 0;
    const std::int64_t upper = step < 0 ? length - 1 : length;
    auto adjust = [&](const Value &v, std::int64_t dflt) {
        if (v.isNone() || v.isUndefined())
            return dflt;
        std::int64_t i = bound(v);
        if (i < 0) {
            i += length;
            if (i < lower)
                i = lower;
        } else if (i > upper) {
            i = upper;
        }
        return i;
    };
    start = adjust(s.start, step < 0 ? upper : lower);
    stop = adjust(s.stop, step < 0 ? lower : upper);
    if (step < 0)
        return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    return start < stop ? (stop - start - 1) / step + 1 : 0;
}

std::u32string toUtf32(std::string_view s)
{
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        char32_t cp;
        int len;
        if (c < 0x80) {
            cp = c;
            len = 1;
        } else if ((c >> 5) == 6) {
            cp = c & 0x1F;
            len = 2;
        } else if ((c >> 4) == 14) {
            cp = c & 0x0F;
            len = 3;
        } else {
            cp = c & 0x07;
            len = 4;
        }
        for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
        out += cp;
        i += static_cast<std::size_t>(len);
    }
    return out;
}

std::string fromUtf32(std::u32string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text)
        appendUtf8(out, c);
    return out;
}

std::string strCodePointAt(const StrObject &s, std::int64_t i)
{
    if (s.ascii)
        return std::string(1, s.text[static_cast<std::size_t>(i)]);
    std::int64_t n = -1;
    for (std::size_t b = 0; b < s.text.size(); ++b) {
        if ((static_cast<unsigned char>(s.text[b]) & 0xC0) != 0x80 && ++n == i) {
            std::size_t e = b + 1;
            while (e < s.text.size() && (static_cast<unsigned char>(s.text[e]) & 0xC0) == 0x80)
                ++e;
            return s.text.substr(b, e - b);
        }
    }
    return {};
}

Value getItem(const Value &obj, const Value &key)
{
    if (obj.isObj()) {
        switch (obj.obj()->kind) {
        case ObjKind::List: {
            const auto &items = obj.as<ListObject>()->items;
            if (key.isKind(ObjKind::Slice))
                return newList(sliceOf(items, *key.as<SliceObject>()));
            const auto i = normaliseIndex(sequenceIndex(key, "list"), static_cast<std::int64_t>(items.size()), types().IndexError, "list index out of range");
            return items[static_cast<std::size_t>(i)];
        }
        case ObjKind::Tuple: {
            const auto &items = obj.as<TupleObject>()->items;
            if (key.isKind(ObjKind::Slice))
                return newTuple(sliceOf(items, *key.as<SliceObject>()));
            const auto i = normaliseIndex(sequenceIndex(key, "tuple"), static_cast<std::int64_t>(items.size()), types().IndexError, "tuple index out of range");
            return items[static_cast<std::size_t>(i)];
        }
        case ObjKind::Dict: {
            const auto &t = obj.as<DictObject>()->table;
            const std::int64_t i = t.find(key);
            if (i < 0)
                throw PyException { make<ExceptionObject>(types().KeyError, std::vector<Value> { key }) };
            return t.entries()[static_cast<std::size_t>(i)].value;
        }
        case ObjKind::Str: {
            const auto *s = obj.as<StrObject>();
            if (key.isKind(ObjKind::Slice)) {
                if (s->ascii)
                    return newStr(sliceOf(s->text, *key.as<SliceObject>()));
                return newStr(fromUtf32(sliceOf(toUtf32(s->text), *key.as<SliceObject>())));
            }
            if (!key.isIntLike())
                raise(types().TypeError, "string indices must be integers, not '" + typeName(key) + "'");
            const auto i = normaliseIndex(key.asInt(), static_cast<std::int64_t>(s->length), types().IndexError, "string index out of range");
            return newStr(strCodePointAt(*s, i));
        }
        case ObjKind::Bytes: {
            const auto &d = obj.as<BytesObject>()->data;
            if (key.isKind(ObjKind::Slice))
                return newBytes(sliceOf(d, *key.as<SliceObject>()));
            const auto i = normaliseIndex(sequenceIndex(key, "byte"), static_cast<std::int64_t>(d.size()), types().IndexError, "index out of range");
            return Value::integer(static_cast<unsigned char>(d[static_cast<std::size_t>(i)]));
        }
        case ObjKind::Range: {
            const auto *r = obj.as<RangeObject>();
            if (key.isKind(ObjKind::Slice)) {
                std::int64_t start, stop, step;
                const auto n = sliceIndices(*key.as<SliceObject>(), r->length(), start, stop, step);
                const std::int64_t first = r->at(start);
                return Value::object(new RangeObject(first, first + n * step * r->step, step * r->step));
            }
            const auto i = normaliseIndex(sequenceIndex(key, "range"), r->length(), types().IndexError, "range object index out of range");
            return Value::integer(r->at(i));
        }
        case ObjKind::Opaque: {
            Value out;
            if (obj.as<OpaqueObject>()->getItem(key, out))
                return out;
            break;
        }
        default:
            break;
        }
        if (userTypeOf(obj))
            return dunder::getItem(obj, key);
    }
    raise(types().TypeError, "'" + typeName(obj) + "' object is not subscriptable");
}

void setItem(const Value &obj, const Value &key, const Value &value)
{
    if (obj.isKind(ObjKind::List)) {
        auto &items = obj.as<ListObject>()->items;
        if (key.isKind(ObjKind::Slice)) {
            std::int64_t start, stop, step;
            const auto n = sliceIndices(*key.as<SliceObject>(), static_cast<std::int64_t>(items.size()), start, stop, step);
            std::vector<Value> replacement = toVector(value);
            if (step == 1) {
                if (stop < start)
                    stop = start;
                items.erase(items.begin() + start, items.begin() + stop);
                items.insert(items.begin() + start, replacement.begin(), replacement.end());
                return;
            }
            if (static_cast<std::int64_t>(replacement.size()) != n)
                raise(types().ValueError,
                    "attempt to assign sequence of size " + std::to_string(replacement.size()) + " to extended slice of size " + std::to_string(n));
            for (std::int64_t i = 0, j = start; i < n; ++i, j += step)
                items[static_cast<std::size_t>(j)] = replacement[static_cast<std::size_t>(i)];
            return;
        }
        const auto i
            = normaliseIndex(sequenceIndex(key, "list"), static_cast<std::int64_t>(items.size()), types().IndexError, "list assignment index out of range");
        items[static_cast<std::size_t>(i)] = value;
        return;
    }
    if (obj.isKind(ObjKind::Dict)) {
        obj.as<DictObject>()->table.insert(key, value);
        return;
    }
    if (obj.isKind(ObjKind::Opaque) && obj.as<OpaqueObject>()->setItem(key, value))
        return;
    if (userTypeOf(obj))
        return dunder::setItem(obj, key, value);
    raise(types().TypeError, "'" + typeName(obj) + "' object does not support item assignment");
}

void delItem(const Value &obj, const Value &key)
{
    if (obj.isKind(ObjKind::List)) {
        auto &items = obj.as<ListObject>()->items;
        if (key.isKind(ObjKind::Slice)) {
            std::int64_t start, stop, step;
            const auto n = sliceIndices(*key.as<SliceObject>(), static_cast<std::int64_t>(items.size()), start, stop, step);
            std::vector<bool> drop(items.size(), false);
            for (std::int64_t i = 0, j = start; i < n; ++i, j += step)
                drop[static_cast<std::size_t>(j)] = true;
            std::vector<Value> kept;
            for (std::size_t i = 0; i < items.size(); ++i)
                if (!drop[i])
                    kept.push_back(std::move(items[i]));
            items = std::move(kept);
            return;
        }
        const auto i
            = normaliseIndex(sequenceIndex(key, "list"), static_cast<std::int64_t>(items.size()), types().IndexError, "list assignment index out of range");
        items.erase(items.begin() + i);
        return;
    }
    if (obj.isKind(ObjKind::Dict)) {
        if (!obj.as<DictObject>()->table.erase(key))
            throw PyException { make<ExceptionObject>(types().KeyError, std::vector<Value> { key }) };
        return;
    }
    if (obj.isKind(ObjKind::Opaque) && obj.as<OpaqueObject>()->delItem(key))
        return;
    if (userTypeOf(obj))
        return dunder::delItem(obj, key);
    raise(types().TypeError, "'" + typeName(obj) + "' object doesn't support item deletion");
}

std::vector<Value> toVector(const Value &v)
{
    std::vector<Value> out;
    if (v.isObj()) {
        switch (v.obj()->kind) {
        case ObjKind::List:
            return v.as<ListObject>()->items;
        case ObjKind::Tuple:
            return v.as<TupleObject>()->items;
        case ObjKind::Str: {
            const auto *s = v.as<StrObject>();
            out.reserve(s->length);
            if (s->ascii) {
                for (char c : s->text)
                    out.push_back(newStr(std::string(1, c)));
            } else {
                for (char32_t c : toUtf32(s->text)) {
                    std::string one;
                    appendUtf8(one, c);
                    out.push_back(newStr(std::move(one)));
                }
            }
            return out;
        }
        case ObjKind::Bytes:
            for (unsigned char c : v.as<BytesObject>()->data)
                out.push_back(Value::integer(c));
            return out;
        case ObjKind::Dict:
        case ObjKind::Set: {
            const auto &t = v.isKind(ObjKind::Dict) ? v.as<DictObject>()->table : v.as<SetObject>()->table;
            out.reserve(t.size());
            for (const auto &e : t.entries())
                if (!e.key.isUndefined())
                    out.push_back(e.key);
            return out;
        }
        case ObjKind::DictView: {
            const auto *view = v.as<DictViewObject>();
            for (const auto &e : view->dict.as<DictObject>()->table.entries()) {
                if (e.key.isUndefined())
                    continue;
                switch (view->which) {
                case DictViewObject::Which::Keys:
                    out.push_back(e.key);
                    break;
                case DictViewObject::Which::Values:
                    out.push_back(e.value);
                    break;
                case DictViewObject::Which::Items:
                    out.push_back(newTuple({ e.key, e.value }));
                    break;
                }
            }
            return out;
        }
        case ObjKind::Opaque:
            if (v.as<OpaqueObject>()->items(out))
                return out;
            break;
        case ObjKind::Range:
            if (static_cast<std::uint64_t>(v.as<RangeObject>()->length()) > kMaxItems)
                memoryError();
            [[fallthrough]];
        case ObjKind::Iterator:
        case ObjKind::Generator:
            iterate(v, [&](const Value &item) {
                out.push_back(item);
                return true;
            });
            return out;
        default:
            break;
        }
        if (userTypeOf(v)) {
            dunder::iterate(v, [&](const Value &item) {
                out.push_back(item);
                return true;
            });
            return out;
        }
    }
    raise(types().TypeError, "'" + typeName(v) + "' object is not iterable");
}

std::int64_t lengthOf(const Value &v)
{
    if (v.isObj()) {
        switch (v.obj()->kind) {
        case ObjKind::Str:
            return static_cast<std::int64_t>(v.as<StrObject>()->length);
        case ObjKind::Bytes:
            return static_cast<std::int64_t>(v.as<BytesObject>()->data.size());
        case ObjKind::List:
            return static_cast<std::int64_t>(v.as<ListObject>()->items.size());
        case ObjKind::Tuple:
            return static_cast<std::int64_t>(v.as<TupleObject>()->items.size());
        case ObjKind::Dict:
            return static_cast<std::int64_t>(v.as<DictObject>()->table.size());
        case ObjKind::Set:
            return static_cast<std::int64_t>(v.as<SetObject>()->table.size());
        case ObjKind::Range: {
            const std::int64_t n = v.as<RangeObject>()->length();
            if (n < 0)
                raise(types().OverflowError, "Python int too large to convert to C ssize_t");
            return n;
        }
        case ObjKind::DictView:
            return static_cast<std::int64_t>(v.as<DictViewObject>()->dict.as<DictObject>()->table.size());
        case ObjKind::Opaque: {
            std::int64_t n = 0;
            if (v.as<OpaqueObject>()->length(n))
                return n;
            break;
        }
        default:
            break;
        }
        if (userTypeOf(v))
            return dunder::length(v);
    }
    raise(types().TypeError, "object of type '" + typeName(v) + "' has no len()");
}

} // namespace ipclab::lang
