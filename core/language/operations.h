#pragma once
// The semantics of values that need no interpreter: truth, identity,
// equality, ordering, hashing, arithmetic, indexing, repr/str and iteration.
// Every error is raised as CPython words it.

#include "errors.h"
#include "objects.h"
#include "types.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ipclab::lang {

enum class BinOp : std::uint8_t { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, LShift, RShift, BitAnd, BitOr, BitXor, MatMul };
enum class UnaryOp : std::uint8_t { Neg, Pos, Invert, Not };
enum class CmpOp : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

const char *binOpSymbol(BinOp op);
const char *cmpOpSymbol(CmpOp op);

bool truthy(const Value &v);
bool equals(const Value &a, const Value &b);
/// a < b, raising TypeError for unorderable types.
bool lessThan(const Value &a, const Value &b);
bool compare(CmpOp op, const Value &a, const Value &b);
bool contains(const Value &container, const Value &item);
std::size_t hashOf(const Value &v);

Value binaryOp(BinOp op, const Value &a, const Value &b);
/// Augmented assignment: lists extend in place for +=, everything else as binaryOp.
Value inplaceOp(BinOp op, const Value &a, const Value &b);
Value unaryOp(UnaryOp op, const Value &a);

std::string repr(const Value &v);
/// The start of repr(v), at least `chars` long when repr(v) is, without building the
/// whole of it for a long str, bytes, list or tuple (a 100 MB message's trace value).
std::string reprHead(const Value &v, std::size_t chars);
std::string str(const Value &v);
std::string reprStr(std::string_view utf8);
std::string reprBytes(std::string_view bytes);

/// Container access: obj[key], obj[key] = v, del obj[key]; key may be a SliceObject.
Value getItem(const Value &obj, const Value &key);
void setItem(const Value &obj, const Value &key, const Value &value);
void delItem(const Value &obj, const Value &key);

/// An integer for indexing or counting; raises TypeError naming `what` otherwise.
std::int64_t toInt(const Value &v, const char *what);
double toFloat(const Value &v, const char *what);
/// Resolves a[start:stop:step] bounds for a sequence of `length`; returns the slice length.
std::int64_t sliceIndices(const SliceObject &s, std::int64_t length, std::int64_t &start, std::int64_t &stop, std::int64_t &step);

/// The i-th code point of a str as a new str (i already bounds-checked and non-negative).
std::string strCodePointAt(const StrObject &s, std::int64_t i);
std::u32string toUtf32(std::string_view utf8);
std::string fromUtf32(std::u32string_view text);

/// Materialises any iterable into a vector (raises TypeError for non-iterables).
std::vector<Value> toVector(const Value &iterable);
std::int64_t lengthOf(const Value &v); ///< len(v), raising TypeError when it has none

/// Iterates an instance of a class the scenario defines, lazily (classes.cpp).
void iterateUserObject(const Value &iterable, const std::function<bool(const Value &)> &f);
/// Runs a generator to its end, one item at a time (generators.cpp).
void iterateGenerator(const Value &generator, const std::function<bool(const Value &)> &f);

/// Calls f(item) for each item; f returns false to stop early. Lists are walked
/// by index so appends during iteration are seen, as in CPython.
template <typename F> void iterate(const Value &iterable, F &&f)
{
    if (iterable.isObj()) {
        switch (iterable.obj()->kind) {
        case ObjKind::Range: {
            const auto *r = iterable.as<RangeObject>();
            const std::int64_t n = r->length();
            for (std::int64_t i = 0; i < n; ++i)
                if (!f(Value::integer(r->at(i))))
                    return;
            return;
        }
        case ObjKind::List: {
            auto *l = iterable.as<ListObject>();
            for (std::size_t i = 0; i < l->items.size(); ++i) {
                Value item = l->items[i];
                if (!f(item))
                    return;
            }
            return;
        }
        case ObjKind::Tuple: {
            Value keep = iterable;
            for (const Value &item : iterable.as<TupleObject>()->items)
                if (!f(item))
                    return;
            return;
        }
        case ObjKind::Dict:
        case ObjKind::Set: {
            auto &table = iterable.isKind(ObjKind::Dict) ? iterable.as<DictObject>()->table : iterable.as<SetObject>()->table;
            const auto version = table.version();
            for (std::size_t i = 0; i < table.entries().size(); ++i) {
                if (table.entries()[i].key.isUndefined())
                    continue;
                Value key = table.entries()[i].key;
                if (!f(key))
                    return;
                if (table.version() != version)
                    raise(types().RuntimeError,
                        iterable.isKind(ObjKind::Dict) ? "dictionary changed size during iteration" : "Set changed size during iteration");
            }
            return;
        }
        case ObjKind::Iterator: {
            auto *it = iterable.as<IteratorObject>();
            Value keep = iterable;
            Value item;
            while (it->advance(item))
                if (!f(item))
                    return;
            return;
        }
        case ObjKind::Instance:
            iterateUserObject(iterable, [&](const Value &item) { return static_cast<bool>(f(item)); });
            return;
        case ObjKind::Generator:
            iterateGenerator(iterable, [&](const Value &item) { return static_cast<bool>(f(item)); });
            return;
        default:
            break;
        }
    }
    for (const Value &item : toVector(iterable))
        if (!f(item))
            return;
}

} // namespace ipclab::lang
