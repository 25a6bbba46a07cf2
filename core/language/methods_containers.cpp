// Methods of list, tuple, dict and set, with CPython's argument checks and messages.

#include "interpreter.h"
#include "native.h"

#include <algorithm>

namespace ipclab::lang {

void sortValues(Interpreter &in, std::vector<Value> &items, const Value &key, bool reverse);
void updateDict(DictObject &d, CallArgs &args, const char *name);

namespace {

std::vector<Value> &listItems(const Value &self)
{
    return self.as<ListObject>()->items;
}
HashTable &dictTable(const Value &self)
{
    return self.as<DictObject>()->table;
}
HashTable &setTable(const Value &self)
{
    return self.as<SetObject>()->table;
}

// Clamps optional start/end arguments the way list.index and tuple.index do.
void sliceBounds(const CallArgs &args, std::size_t first, std::int64_t length, std::int64_t &start, std::int64_t &end)
{
    start = 0;
    end = length;
    auto clamp = [&](std::int64_t v) {
        if (v < 0)
            v = std::max<std::int64_t>(0, v + length);
        return std::min(v, length);
    };
    if (args.count > first && !args[first].isNone())
        start = clamp(toInt(args[first], "index"));
    if (args.count > first + 1 && !args[first + 1].isNone())
        end = clamp(toInt(args[first + 1], "index"));
}

// --- list

Value listAppend(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "list.append", 1, 1);
    listItems(self).push_back(args[0]);
    return Value::none();
}

Value listExtend(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "list.extend", 1, 1);
    std::vector<Value> more = toVector(args[0]);
    auto &items = listItems(self);
    items.insert(items.end(), more.begin(), more.end());
    return Value::none();
}

Value listInsert(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "insert", 2, 2);
    auto &items = listItems(self);
    const auto n = static_cast<std::int64_t>(items.size());
    std::int64_t i = toInt(args[0], "insert");
    if (i < 0)
        i = std::max<std::int64_t>(0, i + n);
    i = std::min(i, n);
    items.insert(items.begin() + i, args[1]);
    return Value::none();
}

Value listPop(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "pop", 0, 1);
    auto &items = listItems(self);
    if (items.empty())
        raise(types().IndexError, "pop from empty list");
    std::int64_t i = args.count ? toInt(args[0], "pop") : -1;
    const auto n = static_cast<std::int64_t>(items.size());
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        raise(types().IndexError, "pop index out of range");
    Value v = std::move(items[static_cast<std::size_t>(i)]);
    items.erase(items.begin() + i);
    return v;
}

Value listRemove(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "list.remove", 1, 1);
    auto &items = listItems(self);
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].identical(args[0]) || equals(items[i], args[0])) {
            items.erase(items.begin() + static_cast<long>(i));
            return Value::none();
        }
    raise(types().ValueError, "list.remove(x): x not in list");
}

Value sequenceIndex(const std::vector<Value> &items, CallArgs &args, const char *typeLabel)
{
    checkArgCount(args, "index", 1, 3);
    std::int64_t start, end;
    sliceBounds(args, 1, static_cast<std::int64_t>(items.size()), start, end);
    for (std::int64_t i = start; i < end; ++i)
        if (items[static_cast<std::size_t>(i)].identical(args[0]) || equals(items[static_cast<std::size_t>(i)], args[0]))
            return Value::integer(i);
    if (std::string(typeLabel) == "tuple")
        raise(types().ValueError, "tuple.index(x): x not in tuple");
    raise(types().ValueError, repr(args[0]) + " is not in list");
}

Value sequenceCount(const std::vector<Value> &items, CallArgs &args)
{
    checkArgCount(args, "count", 1, 1);
    std::int64_t n = 0;
    for (const auto &v : items)
        n += (v.identical(args[0]) || equals(v, args[0])) ? 1 : 0;
    return Value::integer(n);
}

Value listIndex(Interpreter &, const Value &self, CallArgs &args)
{
    return sequenceIndex(listItems(self), args, "list");
}
Value listCount(Interpreter &, const Value &self, CallArgs &args)
{
    return sequenceCount(listItems(self), args);
}
Value tupleIndex(Interpreter &, const Value &self, CallArgs &args)
{
    return sequenceIndex(self.as<TupleObject>()->items, args, "tuple");
}
Value tupleCount(Interpreter &, const Value &self, CallArgs &args)
{
    return sequenceCount(self.as<TupleObject>()->items, args);
}

Value listSort(Interpreter &in, const Value &self, CallArgs &args)
{
    if (args.count)
        raise(types().TypeError, "sort() takes no positional arguments");
    allowKeywords(args, "sort", { "key", "reverse" });
    // Sort a copy, as CPython empties the list while sorting so mutation can't corrupt it.
    std::vector<Value> items = std::move(listItems(self));
    listItems(self).clear();
    try {
        sortValues(in, items, argOrKeyword(args, 99, "key", Value::none()), truthy(argOrKeyword(args, 99, "reverse", Value::boolean(false))));
    } catch (...) {
        listItems(self) = std::move(items);
        throw;
    }
    listItems(self) = std::move(items);
    return Value::none();
}

Value listReverse(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "reverse", 0, 0);
    std::reverse(listItems(self).begin(), listItems(self).end());
    return Value::none();
}

Value listCopy(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "copy", 0, 0);
    return newList(listItems(self));
}

Value listClear(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "clear", 0, 0);
    listItems(self).clear();
    return Value::none();
}

// --- dict

[[noreturn]] void keyError(const Value &key)
{
    throw PyException { make<ExceptionObject>(types().KeyError, std::vector<Value> { key }) };
}

Value dictGet(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "get", 1, 2);
    const std::int64_t i = dictTable(self).find(args[0]);
    if (i >= 0)
        return dictTable(self).entries()[static_cast<std::size_t>(i)].value;
    return args.count == 2 ? args[1] : Value::none();
}

Value dictKeys(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "keys", 0, 0);
    return Value::object(new DictViewObject(self, DictViewObject::Which::Keys));
}
Value dictValues(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "values", 0, 0);
    return Value::object(new DictViewObject(self, DictViewObject::Which::Values));
}
Value dictItems(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "items", 0, 0);
    return Value::object(new DictViewObject(self, DictViewObject::Which::Items));
}

Value dictPop(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "pop", 1, 2);
    auto &t = dictTable(self);
    const std::int64_t i = t.find(args[0]);
    if (i < 0) {
        if (args.count == 2)
            return args[1];
        keyError(args[0]);
    }
    Value v = t.entries()[static_cast<std::size_t>(i)].value;
    t.erase(args[0]);
    return v;
}

Value dictPopitem(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "popitem", 0, 0);
    auto &t = dictTable(self);
    if (t.size() == 0)
        keyError(newStr("popitem(): dictionary is empty"));
    auto e = t.popLast();
    return newTuple({ e.key, e.value });
}

Value dictSetdefault(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "setdefault", 1, 2);
    auto &t = dictTable(self);
    const std::int64_t i = t.find(args[0]);
    if (i >= 0)
        return t.entries()[static_cast<std::size_t>(i)].value;
    Value v = args.count == 2 ? args[1] : Value::none();
    t.insert(args[0], v);
    return v;
}

Value dictUpdate(Interpreter &, const Value &self, CallArgs &args)
{
    updateDict(*self.as<DictObject>(), args, "update");
    return Value::none();
}

Value dictCopy(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "copy", 0, 0);
    Value d = newDict();
    for (const auto &e : dictTable(self).entries())
        if (!e.key.isUndefined())
            d.as<DictObject>()->table.insert(e.key, e.value);
    return d;
}

Value dictClear(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "clear", 0, 0);
    dictTable(self).clear();
    return Value::none();
}

Value dictFromkeys(Interpreter &, const Value &, CallArgs &args)
{
    checkArgCount(args, "fromkeys", 1, 2);
    Value d = newDict();
    const Value v = args.count == 2 ? args[1] : Value::none();
    iterate(args[0], [&](const Value &k) {
        d.as<DictObject>()->table.insert(k, v);
        return true;
    });
    return d;
}

// --- set

Value setAdd(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "set.add", 1, 1);
    setTable(self).insert(args[0], Value());
    return Value::none();
}

Value setRemove(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "set.remove", 1, 1);
    if (!setTable(self).erase(args[0]))
        keyError(args[0]);
    return Value::none();
}

Value setDiscard(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "set.discard", 1, 1);
    setTable(self).erase(args[0]);
    return Value::none();
}

Value setPop(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "pop", 0, 0);
    auto &t = setTable(self);
    if (t.size() == 0)
        keyError(newStr("pop from an empty set"));
    for (const auto &e : t.entries())
        if (!e.key.isUndefined()) {
            Value k = e.key;
            t.erase(k);
            return k;
        }
    return Value::none();
}

Value setFromArgs(const Value &self, CallArgs &args, BinOp op)
{
    Value result = newSet();
    for (const auto &e : setTable(self).entries())
        if (!e.key.isUndefined())
            setTable(result).insert(e.key, Value());
    for (std::size_t i = 0; i < args.count; ++i) {
        Value other = newSet();
        iterate(args[i], [&](const Value &v) {
            setTable(other).insert(v, Value());
            return true;
        });
        result = binaryOp(op, result, other);
    }
    return result;
}

Value setUnion(Interpreter &, const Value &self, CallArgs &args)
{
    return setFromArgs(self, args, BinOp::BitOr);
}
Value setIntersection(Interpreter &, const Value &self, CallArgs &args)
{
    return setFromArgs(self, args, BinOp::BitAnd);
}
Value setDifference(Interpreter &, const Value &self, CallArgs &args)
{
    return setFromArgs(self, args, BinOp::Sub);
}
Value setSymmetricDifference(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "symmetric_difference", 1, 1);
    return setFromArgs(self, args, BinOp::BitXor);
}

Value setUpdate(Interpreter &, const Value &self, CallArgs &args)
{
    for (std::size_t i = 0; i < args.count; ++i)
        iterate(args[i], [&](const Value &v) {
            setTable(self).insert(v, Value());
            return true;
        });
    return Value::none();
}

Value setIssubset(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "issubset", 1, 1);
    Value other = newSet();
    iterate(args[0], [&](const Value &v) {
        setTable(other).insert(v, Value());
        return true;
    });
    return Value::boolean(compare(CmpOp::LtE, self, other));
}

Value setIssuperset(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "issuperset", 1, 1);
    Value other = newSet();
    iterate(args[0], [&](const Value &v) {
        setTable(other).insert(v, Value());
        return true;
    });
    return Value::boolean(compare(CmpOp::GtE, self, other));
}

Value setIsdisjoint(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "isdisjoint", 1, 1);
    bool disjoint = true;
    iterate(args[0], [&](const Value &v) {
        disjoint = setTable(self).find(v) < 0;
        return disjoint;
    });
    return Value::boolean(disjoint);
}

Value setCopy(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "copy", 0, 0);
    CallArgs none;
    return setFromArgs(self, none, BinOp::BitOr);
}

Value setClear(Interpreter &, const Value &self, CallArgs &args)
{
    checkArgCount(args, "clear", 0, 0);
    setTable(self).clear();
    return Value::none();
}

// --- exceptions: e.with_traceback is not needed; str() and args are attributes.

} // namespace

void registerContainerMethods(BuiltinTypes &t)
{
    auto &l = t.list->methods;
    l["append"] = listAppend;
    l["extend"] = listExtend;
    l["insert"] = listInsert;
    l["pop"] = listPop;
    l["remove"] = listRemove;
    l["index"] = listIndex;
    l["count"] = listCount;
    l["sort"] = listSort;
    l["reverse"] = listReverse;
    l["copy"] = listCopy;
    l["clear"] = listClear;

    t.tuple->methods["index"] = tupleIndex;
    t.tuple->methods["count"] = tupleCount;

    auto &d = t.dict->methods;
    d["get"] = dictGet;
    d["keys"] = dictKeys;
    d["values"] = dictValues;
    d["items"] = dictItems;
    d["pop"] = dictPop;
    d["popitem"] = dictPopitem;
    d["setdefault"] = dictSetdefault;
    d["update"] = dictUpdate;
    d["copy"] = dictCopy;
    d["clear"] = dictClear;
    d["fromkeys"] = dictFromkeys;
    t.dict->classMethods.push_back("fromkeys");

    auto &s = t.set->methods;
    s["add"] = setAdd;
    s["remove"] = setRemove;
    s["discard"] = setDiscard;
    s["pop"] = setPop;
    s["union"] = setUnion;
    s["intersection"] = setIntersection;
    s["difference"] = setDifference;
    s["symmetric_difference"] = setSymmetricDifference;
    s["update"] = setUpdate;
    s["issubset"] = setIssubset;
    s["issuperset"] = setIssuperset;
    s["isdisjoint"] = setIsdisjoint;
    s["copy"] = setCopy;
    s["clear"] = setClear;
}

} // namespace ipclab::lang
