// The pickle codec against CPython 3.11: pickleDumps must write exactly the bytes of
// pickle.dumps(v, 4) (each row is named by the Python expression whose bytes it holds),
// pickleLoads must read what CPython writes at protocols 0-5, and malformed input must
// raise a Python exception, never crash or read out of bounds.

#include "builtins.h"
#include "classes.h"
#include "errors.h"
#include "modules.h"
#include "objects.h"
#include "pickle.h"
#include "types.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTest>

#include <functional>
#include <limits>
#include <random>
#include <unordered_set>

using namespace ipclab::lang;

Q_DECLARE_METATYPE(ipclab::lang::Value)

// Byte strings with embedded NULs: the literal's size, not strlen.
#define BYTES(literal) QByteArray(literal, sizeof(literal) - 1)

namespace {

Value I(std::int64_t i)
{
    return Value::integer(i);
}
Value F(double d)
{
    return Value::real(d);
}
Value S(std::string s)
{
    return newStr(std::move(s));
}
Value B(std::string s)
{
    return newBytes(std::move(s));
}
Value L(std::vector<Value> items)
{
    return newList(std::move(items));
}
Value T(std::vector<Value> items)
{
    return newTuple(std::move(items));
}

Value D(std::vector<std::pair<Value, Value>> items)
{
    Value d = newDict();
    for (auto &[k, v] : items)
        d.as<DictObject>()->table.insert(k, v);
    return d;
}

Value SetOf(std::vector<Value> items)
{
    Value s = newSet();
    for (auto &item : items)
        s.as<SetObject>()->table.insert(item, Value());
    return s;
}

Value Exc(TypeObject *type, std::vector<Value> args)
{
    return Value::object(new ExceptionObject(type, std::move(args)));
}

Value ints(int n)
{
    std::vector<Value> items;
    for (int i = 0; i < n; ++i)
        items.push_back(I(i));
    return L(std::move(items));
}

/// {i: str(i)} or dict.fromkeys(range(n)).
Value dictOf(int n, bool withStrings)
{
    Value d = newDict();
    for (int i = 0; i < n; ++i)
        d.as<DictObject>()->table.insert(I(i), withStrings ? S(std::to_string(i)) : Value::none());
    return d;
}

/// set(range(n)): CPython iterates small ints in ascending order, as IPC Lab iterates
/// insertion order, so the bytes agree.
Value setOf(int n)
{
    Value s = newSet();
    for (int i = 0; i < n; ++i)
        s.as<SetObject>()->table.insert(I(i), Value());
    return s;
}

std::string cycleBytes(int n)
{
    std::string out;
    for (int i = 0; i < n; ++i)
        out += static_cast<char>(i % 251);
    return out;
}

std::string toStd(const QByteArray &b)
{
    return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}
QByteArray toQ(const std::string &s)
{
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

/// Readable bytes for failure messages.
QByteArray shown(const std::string &s)
{
    return toQ(s).toPercentEncoding(" ()[]{}.,:'");
}

/// Empties every container reachable from `root`: results holding themselves would
/// otherwise never be freed (IPC Lab counts references and has no cycle collector).
void breakCycles(const Value &root)
{
    std::vector<Value> pending { root };
    std::vector<Value> containers;
    std::unordered_set<const Object *> seen;
    while (!pending.empty()) {
        Value v = std::move(pending.back());
        pending.pop_back();
        if (!v.isObj() || !seen.insert(v.obj()).second)
            continue;
        switch (v.obj()->kind) {
        case ObjKind::List:
            pending.insert(pending.end(), v.as<ListObject>()->items.begin(), v.as<ListObject>()->items.end());
            containers.push_back(v);
            break;
        case ObjKind::Tuple:
            pending.insert(pending.end(), v.as<TupleObject>()->items.begin(), v.as<TupleObject>()->items.end());
            break;
        case ObjKind::Exception:
            pending.insert(pending.end(), v.as<ExceptionObject>()->args.begin(), v.as<ExceptionObject>()->args.end());
            break;
        case ObjKind::Slice:
            pending.push_back(v.as<SliceObject>()->start);
            pending.push_back(v.as<SliceObject>()->stop);
            pending.push_back(v.as<SliceObject>()->step);
            break;
        case ObjKind::Native:
            pending.push_back(v.as<NativeObject>()->self);
            break;
        case ObjKind::Dict:
        case ObjKind::Set: {
            auto &table = v.isKind(ObjKind::Dict) ? v.as<DictObject>()->table : v.as<SetObject>()->table;
            for (const auto &e : table.entries()) {
                pending.push_back(e.key);
                pending.push_back(e.value);
            }
            containers.push_back(v);
            break;
        }
        default:
            break;
        }
    }
    for (const Value &c : containers) {
        if (c.isKind(ObjKind::List))
            c.as<ListObject>()->items.clear();
        else if (c.isKind(ObjKind::Dict))
            c.as<DictObject>()->table.clear();
        else
            c.as<SetObject>()->table.clear();
    }
}

/// The Python exception `f` raised, as (type name, message); empty when it returned.
std::pair<QString, QString> raised(const std::function<void()> &f)
{
    try {
        f();
    } catch (const PyException &e) {
        return { QString::fromStdString(e.exc->type->name), QString::fromStdString(exceptionMessage(*e.exc)) };
    }
    return {};
}

struct RuntimeThing final : OpaqueObject {
    using OpaqueObject::OpaqueObject;
};

// pickle.dumps(v, p) for
// v = [ValueError('x'), {1, 2}, b'ab', b'', 'h\u00e9\n\\', 1.5, True, 2**40, -5, (1, 2, 3, 4),
//      {'a': 1}, None, KeyError('k'), range(2), 'x' * 300, b'z' * 300, -2**63, 2**63 - 1,
//      [], (), -0.0, False]
const QByteArray kCompositeProtocol4 = BYTES(
    "\x80\x04\x95\x1d\x03\x00\x00\x00\x00\x00\x00]\x94(\x8c\x08"
    "builtins\x94\x8c\x0aValueError\x94\x93\x94\x8c\x01x\x94\x85\x94R\x94\x8f\x94(K\x01K\x02\x90"
    "C\x02"
    "ab\x94"
    "C\x00\x94\x8c\x05h\xc3\xa9\x0a\x5c\x94G\x3f\xf8\x00\x00\x00\x00\x00\x00\x88\x8a\x06\x00\x00\x00\x00\x00\x01J\xfb\xff\xff\xff(K\x01K\x02K\x03K\x04t\x94}"
    "\x94\x8c\x01"
    "a\x94K\x01sNh\x01\x8c\x08KeyError\x94\x93\x94\x8c\x01k\x94\x85\x94R\x94h\x01\x8c\x05range\x94\x93\x94K\x00K\x02K\x01\x87\x94R\x94X,"
    "\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    "xxxx\x94"
    "B,"
    "\x01\x00\x00zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
    "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
    "zzzz\x94\x8a\x08\x00\x00\x00\x00\x00\x00\x00\x80\x8a\x08\xff\xff\xff\xff\xff\xff\xff\x7f]\x94)G\x80\x00\x00\x00\x00\x00\x00\x00\x89"
    "e.");
const std::pair<int, QByteArray> kCompositeOtherProtocols[] = {
    { 0,
        BYTES("(lp0\x0a"
              "cexceptions\x0aValueError\x0ap1\x0a(Vx\x0ap2\x0atp3\x0aRp4\x0a"
              "ac__builtin__\x0aset\x0ap5\x0a((lp6\x0aI1\x0a"
              "aI2\x0a"
              "atp7\x0aRp8\x0a"
              "ac_codecs\x0a"
              "encode\x0ap9\x0a(Vab\x0ap10\x0aVlatin1\x0ap11\x0atp12\x0aRp13\x0a"
              "ac__builtin__\x0a"
              "bytes\x0ap14\x0a(tRp15\x0a"
              "aVh\xe9\x5cu000a\x5cu005c\x0ap16\x0a"
              "aF1.5\x0a"
              "aI01\x0a"
              "aL1099511627776L\x0a"
              "aI-5\x0a"
              "a(I1\x0aI2\x0aI3\x0aI4\x0atp17\x0a"
              "a(dp18\x0aVa\x0ap19\x0aI1\x0asaNacexceptions\x0aKeyError\x0ap20\x0a(Vk\x0ap21\x0atp22\x0aRp23\x0a"
              "ac__builtin__\x0axrange\x0ap24\x0a(I0\x0aI2\x0aI1\x0atp25\x0aRp26\x0a"
              "aVxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxx\x0ap27\x0a"
              "ag9\x0a("
              "Vzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
              "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
              "zzzzzzzzzzzzz\x0ap28\x0ag11\x0atp29\x0aRp30\x0a"
              "aL-9223372036854775808L\x0a"
              "aL9223372036854775807L\x0a"
              "a(lp31\x0a"
              "a(taF-0.0\x0a"
              "aI00\x0a"
              "a.") },
    { 1,
        BYTES("]q\x00(cexceptions\x0aValueError\x0aq\x01(X\x01\x00\x00\x00xq\x02tq\x03Rq\x04"
              "c__builtin__\x0aset\x0aq\x05(]q\x06(K\x01K\x02"
              "etq\x07Rq\x08"
              "c_codecs\x0a"
              "encode\x0aq\x09(X\x02\x00\x00\x00"
              "abq\x0aX\x06\x00\x00\x00latin1q\x0btq\x0cRq\x0d"
              "c__builtin__\x0a"
              "bytes\x0aq\x0e)Rq\x0fX\x05\x00\x00\x00h\xc3\xa9\x0a\x5cq\x10G\x3f\xf8\x00\x00\x00\x00\x00\x00I01\x0aL1099511627776L\x0aJ\xfb\xff\xff\xff("
              "K\x01K\x02K\x03K\x04tq\x11}q\x12X\x01\x00\x00\x00"
              "aq\x13K\x01sNcexceptions\x0aKeyError\x0aq\x14(X\x01\x00\x00\x00kq\x15tq\x16Rq\x17"
              "c__builtin__\x0axrange\x0aq\x18(K\x00K\x02K\x01tq\x19Rq\x1aX,"
              "\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxq\x1bh\x09(X,"
              "\x01\x00\x00zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
              "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
              "zzzzzzzzzzzzzzzzzzzzzzzzq\x1ch\x0btq\x1dRq\x1eL-9223372036854775808L\x0aL9223372036854775807L\x0a]q\x1f)G\x80\x00\x00\x00\x00\x00\x00\x00I00\x0a"
              "e.") },
    { 2,
        BYTES("\x80\x02]q\x00(cexceptions\x0aValueError\x0aq\x01X\x01\x00\x00\x00xq\x02\x85q\x03Rq\x04"
              "c__builtin__\x0aset\x0aq\x05]q\x06(K\x01K\x02"
              "e\x85q\x07Rq\x08"
              "c_codecs\x0a"
              "encode\x0aq\x09X\x02\x00\x00\x00"
              "abq\x0aX\x06\x00\x00\x00latin1q\x0b\x86q\x0cRq\x0d"
              "c__builtin__\x0a"
              "bytes\x0aq\x0e)"
              "Rq\x0fX\x05\x00\x00\x00h\xc3\xa9\x0a\x5cq\x10G\x3f\xf8\x00\x00\x00\x00\x00\x00\x88\x8a\x06\x00\x00\x00\x00\x00\x01J\xfb\xff\xff\xff("
              "K\x01K\x02K\x03K\x04tq\x11}q\x12X\x01\x00\x00\x00"
              "aq\x13K\x01sNcexceptions\x0aKeyError\x0aq\x14X\x01\x00\x00\x00kq\x15\x85q\x16Rq\x17"
              "c__builtin__\x0axrange\x0aq\x18K\x00K\x02K\x01\x87q\x19Rq\x1aX,"
              "\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxq\x1bh\x09X,"
              "\x01\x00\x00zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
              "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
              "zzzzzzzzzzzzzzzzzzzzzzzzq\x1ch\x0b\x86q\x1dRq\x1e\x8a\x08\x00\x00\x00\x00\x00\x00\x00\x80\x8a\x08\xff\xff\xff\xff\xff\xff\xff\x7f]q\x1f)"
              "G\x80\x00\x00\x00\x00\x00\x00\x00\x89"
              "e.") },
    { 3,
        BYTES("\x80\x03]q\x00(cbuiltins\x0aValueError\x0aq\x01X\x01\x00\x00\x00xq\x02\x85q\x03Rq\x04"
              "cbuiltins\x0aset\x0aq\x05]q\x06(K\x01K\x02"
              "e\x85q\x07Rq\x08"
              "C\x02"
              "abq\x09"
              "C\x00q\x0aX\x05\x00\x00\x00h\xc3\xa9\x0a\x5cq\x0bG\x3f\xf8\x00\x00\x00\x00\x00\x00\x88\x8a\x06\x00\x00\x00\x00\x00\x01J\xfb\xff\xff\xff("
              "K\x01K\x02K\x03K\x04tq\x0c}q\x0dX\x01\x00\x00\x00"
              "aq\x0eK\x01sNcbuiltins\x0aKeyError\x0aq\x0fX\x01\x00\x00\x00kq\x10\x85q\x11Rq\x12"
              "cbuiltins\x0arange\x0aq\x13K\x00K\x02K\x01\x87q\x14Rq\x15X,"
              "\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxq\x16"
              "B,"
              "\x01\x00\x00zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
              "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
              "zzzzzzzzzzzzzzzzzzzzzzzzq\x17\x8a\x08\x00\x00\x00\x00\x00\x00\x00\x80\x8a\x08\xff\xff\xff\xff\xff\xff\xff\x7f]q\x18)"
              "G\x80\x00\x00\x00\x00\x00\x00\x00\x89"
              "e.") },
    { 5,
        BYTES("\x80\x05\x95\x1d\x03\x00\x00\x00\x00\x00\x00]\x94(\x8c\x08"
              "builtins\x94\x8c\x0aValueError\x94\x93\x94\x8c\x01x\x94\x85\x94R\x94\x8f\x94(K\x01K\x02\x90"
              "C\x02"
              "ab\x94"
              "C\x00\x94\x8c\x05h\xc3\xa9\x0a\x5c\x94G\x3f\xf8\x00\x00\x00\x00\x00\x00\x88\x8a\x06\x00\x00\x00\x00\x00\x01J\xfb\xff\xff\xff("
              "K\x01K\x02K\x03K\x04t\x94}\x94\x8c\x01"
              "a\x94K\x01sNh\x01\x8c\x08KeyError\x94\x93\x94\x8c\x01k\x94\x85\x94R\x94h\x01\x8c\x05range\x94\x93\x94K\x00K\x02K\x01\x87\x94R\x94X,"
              "\x01\x00\x00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxx\x94"
              "B,"
              "\x01\x00\x00zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
              "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
              "zzzzzzzzzzzzzzzzzzzzzzzz\x94\x8a\x08\x00\x00\x00\x00\x00\x00\x00\x80\x8a\x08\xff\xff\xff\xff\xff\xff\xff\x7f]\x94)"
              "G\x80\x00\x00\x00\x00\x00\x00\x00\x89"
              "e.") },
};

} // namespace

class TestPickle : public QObject {
    Q_OBJECT

public:
    TestPickle()
    {
        auto function = [](const char *name) {
            auto *f = new FunctionObject();
            f->name = name;
            return Value::object(f);
        };
        // Module-level functions of a scenario (named by the hooks, as the runtime would)
        // and two that CPython can't pickle: a lambda and a nested function.
        m_worker = function("worker");
        m_helper = function("helper");
        m_lambda = function("<lambda>");
        m_inner = function("inner");
        m_hooks.nameOfGlobal = [this](const Value &fn) -> std::pair<std::string, std::string> {
            if (fn.identical(m_worker))
                return { "__main__", "worker" };
            if (fn.identical(m_helper))
                return { "__main__", "helper" };
            if (fn.identical(m_inner))
                return { "", "outer.<locals>.inner" };
            return {};
        };
        m_hooks.findGlobal = [this](const std::string &module, const std::string &name) -> Value {
            if (module == "__main__" && name == "worker")
                return m_worker;
            if (module == "__main__" && name == "helper")
                return m_helper;
            return Value();
        };
    }

private slots:
    void dumpsMatchesCPython_data()
    {
        QTest::addColumn<Value>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("None") << Value::none() << BYTES("\x80\x04N.");
        QTest::newRow("True") << Value::boolean(true) << BYTES("\x80\x04\x88.");
        QTest::newRow("False") << Value::boolean(false) << BYTES("\x80\x04\x89.");
        QTest::newRow("0") << I(0LL) << BYTES("\x80\x04K\x00.");
        QTest::newRow("1") << I(1LL) << BYTES("\x80\x04K\x01.");
        QTest::newRow("127") << I(127LL) << BYTES("\x80\x04K\x7f.");
        QTest::newRow("128") << I(128LL) << BYTES("\x80\x04K\x80.");
        QTest::newRow("255") << I(255LL) << BYTES("\x80\x04K\xff.");
        QTest::newRow("256") << I(256LL) << BYTES("\x80\x04\x95\x04\x00\x00\x00\x00\x00\x00\x00M\x00\x01.");
        QTest::newRow("65535") << I(65535LL) << BYTES("\x80\x04\x95\x04\x00\x00\x00\x00\x00\x00\x00M\xff\xff.");
        QTest::newRow("65536") << I(65536LL) << BYTES("\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x00\x00\x01\x00.");
        QTest::newRow("16777216") << I(16777216LL) << BYTES("\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x00\x00\x00\x01.");
        QTest::newRow("-1") << I(-1LL) << BYTES("\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\xff\xff\xff\xff.");
        QTest::newRow("-128") << I(-128LL) << BYTES("\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x80\xff\xff\xff.");
        QTest::newRow("-129") << I(-129LL) << BYTES("\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x7f\xff\xff\xff.");
        QTest::newRow("-256") << I(-256LL) << BYTES("\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x00\xff\xff\xff.");
        QTest::newRow("-65536") << I(-65536LL) << BYTES("\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x00\x00\xff\xff.");
        QTest::newRow("2147483647") << I(2147483647LL) << BYTES("\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\xff\xff\xff\x7f.");
        QTest::newRow("-2147483648") << I(-2147483648LL) << BYTES("\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00J\x00\x00\x00\x80.");
        QTest::newRow("2147483648") << I(2147483648LL) << BYTES("\x80\x04\x95\x08\x00\x00\x00\x00\x00\x00\x00\x8a\x05\x00\x00\x00\x80\x00.");
        QTest::newRow("-2147483649") << I(-2147483649LL) << BYTES("\x80\x04\x95\x08\x00\x00\x00\x00\x00\x00\x00\x8a\x05\xff\xff\xff\x7f\xff.");
        QTest::newRow("4294967296") << I(4294967296LL) << BYTES("\x80\x04\x95\x08\x00\x00\x00\x00\x00\x00\x00\x8a\x05\x00\x00\x00\x00\x01.");
        QTest::newRow("549755813888") << I(549755813888LL) << BYTES("\x80\x04\x95\x09\x00\x00\x00\x00\x00\x00\x00\x8a\x06\x00\x00\x00\x00\x80\x00.");
        QTest::newRow("-549755813888") << I(-549755813888LL) << BYTES("\x80\x04\x95\x08\x00\x00\x00\x00\x00\x00\x00\x8a\x05\x00\x00\x00\x00\x80.");
        QTest::newRow("1099511627776") << I(1099511627776LL) << BYTES("\x80\x04\x95\x09\x00\x00\x00\x00\x00\x00\x00\x8a\x06\x00\x00\x00\x00\x00\x01.");
        QTest::newRow("-1099511627776") << I(-1099511627776LL) << BYTES("\x80\x04\x95\x09\x00\x00\x00\x00\x00\x00\x00\x8a\x06\x00\x00\x00\x00\x00\xff.");
        QTest::newRow("36028797018963968") << I(36028797018963968LL)
                                           << BYTES("\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00\x8a\x08\x00\x00\x00\x00\x00\x00\x80\x00.");
        QTest::newRow("-36028797018963968") << I(-36028797018963968LL)
                                            << BYTES("\x80\x04\x95\x0a\x00\x00\x00\x00\x00\x00\x00\x8a\x07\x00\x00\x00\x00\x00\x00\x80.");
        QTest::newRow("72057594037927936") << I(72057594037927936LL)
                                           << BYTES("\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00\x8a\x08\x00\x00\x00\x00\x00\x00\x00\x01.");
        QTest::newRow("9223372036854775807") << I(9223372036854775807LL)
                                             << BYTES("\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00\x8a\x08\xff\xff\xff\xff\xff\xff\xff\x7f.");
        QTest::newRow("-9223372036854775808") << I(std::numeric_limits<std::int64_t>::min())
                                              << BYTES("\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00\x8a\x08\x00\x00\x00\x00\x00\x00\x00\x80.");
        QTest::newRow("-9223372036854775807") << I(-9223372036854775807LL)
                                              << BYTES("\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00\x8a\x08\x01\x00\x00\x00\x00\x00\x00\x80.");
        QTest::newRow("0.0") << F(0.0) << BYTES("\x80\x04\x95\x0a\x00\x00\x00\x00\x00\x00\x00G\x00\x00\x00\x00\x00\x00\x00\x00.");
        QTest::newRow("-0.0") << F(-0.0) << BYTES("\x80\x04\x95\x0a\x00\x00\x00\x00\x00\x00\x00G\x80\x00\x00\x00\x00\x00\x00\x00.");
        QTest::newRow("1.5") << F(1.5) << BYTES("\x80\x04\x95\x0a\x00\x00\x00\x00\x00\x00\x00G\x3f\xf8\x00\x00\x00\x00\x00\x00.");
        QTest::newRow("3.141592653589793") << F(3.141592653589793) << BYTES("\x80\x04\x95\x0a\x00\x00\x00\x00\x00\x00\x00G@\x09!\xfbTD-\x18.");
        QTest::newRow("1e300") << F(1e300) << BYTES("\x80\x04\x95\x0a\x00\x00\x00\x00\x00\x00\x00G~7\xe4<\x88\x00u\x9c.");
        QTest::newRow("-2.5e-310") << F(-2.5e-310) << BYTES("\x80\x04\x95\x0a\x00\x00\x00\x00\x00\x00\x00G\x80\x00.\x05\x5c\x9a\x3fl.");
        QTest::newRow("float('inf')") << F(std::numeric_limits<double>::infinity())
                                      << BYTES("\x80\x04\x95\x0a\x00\x00\x00\x00\x00\x00\x00G\x7f\xf0\x00\x00\x00\x00\x00\x00.");
        QTest::newRow("float('-inf')") << F(-std::numeric_limits<double>::infinity())
                                       << BYTES("\x80\x04\x95\x0a\x00\x00\x00\x00\x00\x00\x00G\xff\xf0\x00\x00\x00\x00\x00\x00.");
        QTest::newRow("float('nan')") << F(std::numeric_limits<double>::quiet_NaN())
                                      << BYTES("\x80\x04\x95\x0a\x00\x00\x00\x00\x00\x00\x00G\x7f\xf8\x00\x00\x00\x00\x00\x00.");
        QTest::newRow("''") << S("") << BYTES("\x80\x04\x95\x04\x00\x00\x00\x00\x00\x00\x00\x8c\x00\x94.");
        QTest::newRow("'hello'") << S("hello") << BYTES("\x80\x04\x95\x09\x00\x00\x00\x00\x00\x00\x00\x8c\x05hello\x94.");
        QTest::newRow("'\xe4\xb8\xad\xe6\x96\x87'") << S("\xe4\xb8\xad\xe6\x96\x87")
                                                    << BYTES("\x80\x04\x95\x0a\x00\x00\x00\x00\x00\x00\x00\x8c\x06\xe4\xb8\xad\xe6\x96\x87\x94.");
        QTest::newRow("'\xc3\xa9\x5cn\x5c\x5c'") << S("\xc3\xa9\n\\") << BYTES("\x80\x04\x95\x08\x00\x00\x00\x00\x00\x00\x00\x8c\x04\xc3\xa9\x0a\x5c\x94.");
        QTest::newRow("'\x5cU0001f600'") << S("\xf0\x9f\x98\x80") << BYTES("\x80\x04\x95\x08\x00\x00\x00\x00\x00\x00\x00\x8c\x04\xf0\x9f\x98\x80\x94.");
        QTest::newRow("'\x5cud800'") << S("\xed\xa0\x80") << BYTES("\x80\x04\x95\x07\x00\x00\x00\x00\x00\x00\x00\x8c\x03\xed\xa0\x80\x94.");
        QTest::newRow("'b' * 255")
            << S(std::string(255, 'b'))
            << BYTES("\x80\x04\x95\x03\x01\x00\x00\x00\x00\x00\x00\x8c\xff"
                     "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
                     "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\x94.");
        QTest::newRow("'b' * 256")
            << S(std::string(256, 'b'))
            << BYTES("\x80\x04\x95\x07\x01\x00\x00\x00\x00\x00\x00X\x00\x01\x00\x00"
                     "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
                     "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\x94.");
        QTest::newRow("'a' * 300") << S(std::string(300, 'a'))
                                   << BYTES("\x80\x04\x95"
                                            "3\x01\x00\x00\x00\x00\x00\x00X,\x01\x00\x00"
                                            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                                            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                                            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\x94.");
        QTest::newRow("b''") << B("")
                             << BYTES("\x80\x04\x95\x04\x00\x00\x00\x00\x00\x00\x00"
                                      "C\x00\x94.");
        QTest::newRow("b'\x5cx00\x5cxff'") << B(std::string("\x00\xff", 2))
                                           << BYTES("\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00"
                                                    "C\x02\x00\xff\x94.");
        QTest::newRow("b'q' * 255")
            << B(std::string(255, 'q'))
            << BYTES("\x80\x04\x95\x03\x01\x00\x00\x00\x00\x00\x00"
                     "C\xffqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"
                     "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\x94.");
        QTest::newRow("b'q' * 300") << B(std::string(300, 'q'))
                                    << BYTES("\x80\x04\x95"
                                             "3\x01\x00\x00\x00\x00\x00\x00"
                                             "B,"
                                             "\x01\x00\x00qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"
                                             "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"
                                             "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\x94.");
        QTest::newRow("()") << T({}) << BYTES("\x80\x04).");
        QTest::newRow("(1,)") << T({ I(1) }) << BYTES("\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01\x85\x94.");
        QTest::newRow("(1, 2)") << T({ I(1), I(2) }) << BYTES("\x80\x04\x95\x07\x00\x00\x00\x00\x00\x00\x00K\x01K\x02\x86\x94.");
        QTest::newRow("(1, 2, 3)") << T({ I(1), I(2), I(3) }) << BYTES("\x80\x04\x95\x09\x00\x00\x00\x00\x00\x00\x00K\x01K\x02K\x03\x87\x94.");
        QTest::newRow("(1, 2, 3, 4)") << T({ I(1), I(2), I(3), I(4) }) << BYTES("\x80\x04\x95\x0c\x00\x00\x00\x00\x00\x00\x00(K\x01K\x02K\x03K\x04t\x94.");
        QTest::newRow("(1, 2, 3, 4, 5)") << T({ I(1), I(2), I(3), I(4), I(5) })
                                         << BYTES("\x80\x04\x95\x0e\x00\x00\x00\x00\x00\x00\x00(K\x01K\x02K\x03K\x04K\x05t\x94.");
        QTest::newRow("x = 'x'; (x, x)") << [] {
            Value x = S("x");
            return T({ x, x });
        }() << BYTES("\x80\x04\x95\x09\x00\x00\x00\x00\x00\x00\x00\x8c\x01x\x94h\x00\x86\x94.");
        QTest::newRow("((1,), ((2, 3),), ())") << T({ T({ I(1) }), T({ T({ I(2), I(3) }) }), T({}) })
                                               << BYTES("\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00K\x01\x85\x94K\x02K\x03\x86\x94\x85\x94)\x87\x94.");
        QTest::newRow("t = (1, 2); [t, t, (t,)]") <<
            [] {
                Value t = T({ I(1), I(2) });
                return L({ t, t, T({ t }) });
            }()
                                                  << BYTES("\x80\x04\x95\x11\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01K\x02\x86\x94h\x01h\x01\x85\x94"
                                                           "e.");
        QTest::newRow("[]") << L({}) << BYTES("\x80\x04]\x94.");
        QTest::newRow("[1]") << L({ I(1) })
                             << BYTES("\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00]\x94K\x01"
                                      "a.");
        QTest::newRow("[1, 2]") << L({ I(1), I(2) })
                                << BYTES("\x80\x04\x95\x09\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01K\x02"
                                         "e.");
        QTest::newRow("x = [1]; [x, x]") <<
            [] {
                Value x = L({ I(1) });
                return L({ x, x });
            }()
                                         << BYTES("\x80\x04\x95\x0c\x00\x00\x00\x00\x00\x00\x00]\x94(]\x94K\x01"
                                                  "ah\x01"
                                                  "e.");
        QTest::newRow("[[1, [2, [3, None]]], 'end']") << L({ L({ I(1), L({ I(2), L({ I(3), Value::none() }) }) }), S("end") })
                                                      << BYTES("\x80\x04\x95\x1e\x00\x00\x00\x00\x00\x00\x00]\x94(]\x94(K\x01]\x94(K\x02]\x94(K\x03Neee\x8c\x03"
                                                               "end\x94"
                                                               "e.");
        QTest::newRow("{}") << D({}) << BYTES("\x80\x04}\x94.");
        QTest::newRow("{'a': 1}") << D({ { S("a"), I(1) } })
                                  << BYTES("\x80\x04\x95\x0a\x00\x00\x00\x00\x00\x00\x00}\x94\x8c\x01"
                                           "a\x94K\x01s.");
        QTest::newRow("{'a': 1, 'b': [1, 2], 3: (None, True)}")
            << D({ { S("a"), I(1) }, { S("b"), L({ I(1), I(2) }) }, { I(3), T({ Value::none(), Value::boolean(true) }) } })
            << BYTES("\x80\x04\x95\x1d\x00\x00\x00\x00\x00\x00\x00}\x94(\x8c\x01"
                     "a\x94K\x01\x8c\x01"
                     "b\x94]\x94(K\x01K\x02"
                     "eK\x03N\x88\x86\x94u.");
        QTest::newRow("d = {}; {1: d, 2: d}") << [] {
            Value d = D({});
            return D({ { I(1), d }, { I(2), d } });
        }() << BYTES("\x80\x04\x95\x0d\x00\x00\x00\x00\x00\x00\x00}\x94(K\x01}\x94K\x02h\x01u.");
        QTest::newRow("set()") << SetOf({}) << BYTES("\x80\x04\x8f\x94.");
        QTest::newRow("{1}") << SetOf({ I(1) }) << BYTES("\x80\x04\x95\x07\x00\x00\x00\x00\x00\x00\x00\x8f\x94(K\x01\x90.");
        QTest::newRow("{1, 2, 3}") << SetOf({ I(1), I(2), I(3) }) << BYTES("\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00\x8f\x94(K\x01K\x02K\x03\x90.");
        QTest::newRow("ValueError('x')") << Exc(types().ValueError, { S("x") })
                                         << BYTES("\x80\x04\x95#\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                                  "builtins\x94\x8c\x0aValueError\x94\x93\x94\x8c\x01x\x94\x85\x94R\x94.");
        QTest::newRow("KeyError('k')") << Exc(types().KeyError, { S("k") })
                                       << BYTES("\x80\x04\x95!\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                                "builtins\x94\x8c\x08KeyError\x94\x93\x94\x8c\x01k\x94\x85\x94R\x94.");
        QTest::newRow("ValueError()") << Exc(types().ValueError, {})
                                      << BYTES("\x80\x04\x95\x1e\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                               "builtins\x94\x8c\x0aValueError\x94\x93\x94)R\x94.");
        QTest::newRow("ValueError(1, 2)") << Exc(types().ValueError, { I(1), I(2) })
                                          << BYTES("\x80\x04\x95#\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                                   "builtins\x94\x8c\x0aValueError\x94\x93\x94K\x01K\x02\x86\x94R\x94.");
        QTest::newRow("[ValueError('x'), KeyError('k')]")
            << L({ Exc(types().ValueError, { S("x") }), Exc(types().KeyError, { S("k") }) })
            << BYTES("\x80\x04\x95>\x00\x00\x00\x00\x00\x00\x00]\x94(\x8c\x08"
                     "builtins\x94\x8c\x0aValueError\x94\x93\x94\x8c\x01x\x94\x85\x94R\x94h\x01\x8c\x08KeyError\x94\x93\x94\x8c\x01k\x94\x85\x94R\x94"
                     "e.");
        QTest::newRow("e = RuntimeError('boom'); [e, e, RuntimeError('again')]") <<
            [] {
                Value e = Exc(types().RuntimeError, { S("boom") });
                return L({ e, e, Exc(types().RuntimeError, { S("again") }) });
            }()
                                                                                 << BYTES("\x80\x04\x95<\x00\x00\x00\x00\x00\x00\x00]\x94(\x8c\x08"
                                                                                          "builtins\x94\x8c\x0cRuntimeError\x94\x93\x94\x8c\x04"
                                                                                          "boom\x94\x85\x94R\x94h\x06h\x03\x8c\x05"
                                                                                          "again\x94\x85\x94R\x94"
                                                                                          "e.");
        QTest::newRow("TimeoutError('t')") << Exc(types().TimeoutError, { S("t") })
                                           << BYTES("\x80\x04\x95%\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                                    "builtins\x94\x8c\x0cTimeoutError\x94\x93\x94\x8c\x01t\x94\x85\x94R\x94.");
        QTest::newRow("range(3)") << Value::object(new RangeObject(0, 3, 1))
                                  << BYTES("\x80\x04\x95 \x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                           "builtins\x94\x8c\x05range\x94\x93\x94K\x00K\x03K\x01\x87\x94R\x94.");
        QTest::newRow("range(1, 10, -2)") << Value::object(new RangeObject(1, 10, -2))
                                          << BYTES("\x80\x04\x95#\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                                   "builtins\x94\x8c\x05range\x94\x93\x94K\x01K\x0aJ\xfe\xff\xff\xff\x87\x94R\x94.");
        QTest::newRow("slice(1, 2, None)") << Value::object(new SliceObject(I(1), I(2), Value::none()))
                                           << BYTES("\x80\x04\x95\x1f\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                                    "builtins\x94\x8c\x05slice\x94\x93\x94K\x01K\x02N\x87\x94R\x94.");
        QTest::newRow("int") << Value::object(types().integer)
                             << BYTES("\x80\x04\x95\x14\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                      "builtins\x94\x8c\x03int\x94\x93\x94.");
        QTest::newRow("[ValueError, ValueError]") << L({ Value::object(types().ValueError), Value::object(types().ValueError) })
                                                  << BYTES("\x80\x04\x95!\x00\x00\x00\x00\x00\x00\x00]\x94(\x8c\x08"
                                                           "builtins\x94\x8c\x0aValueError\x94\x93\x94h\x03"
                                                           "e.");
        QTest::newRow("type(None)") << Value::object(types().none)
                                    << BYTES("\x80\x04\x95\x1a\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                             "builtins\x94\x8c\x04type\x94\x93\x94N\x85\x94R\x94.");
        QTest::newRow("print") << *builtinValue("print")
                               << BYTES("\x80\x04\x95\x16\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                        "builtins\x94\x8c\x05print\x94\x93\x94.");
        QTest::newRow("[].append") << Value::object(new NativeObject("append", types().list->findMethod("append"), L({})))
                                   << BYTES("\x80\x04\x95'\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                            "builtins\x94\x8c\x07getattr\x94\x93\x94]\x94\x8c\x06"
                                            "append\x94\x86\x94R\x94.");
        QTest::newRow("[ValueError, print, len, KeyError, [].append, {}.get, range(1), int]")
            << L({ Value::object(types().ValueError), *builtinValue("print"), *builtinValue("len"), Value::object(types().KeyError),
                   Value::object(new NativeObject("append", types().list->findMethod("append"), L({}))),
                   Value::object(new NativeObject("get", types().dict->findMethod("get"), D({}))), Value::object(new RangeObject(0, 1, 1)),
                   Value::object(types().integer) })
            << BYTES("\x80\x04\x95\x98\x00\x00\x00\x00\x00\x00\x00]\x94(\x8c\x08"
                     "builtins\x94\x8c\x0aValueError\x94\x93\x94\x8c\x08"
                     "builtins\x94\x8c\x05print\x94\x93\x94h\x04\x8c\x03len\x94\x93\x94h\x01\x8c\x08KeyError\x94\x93\x94h\x04\x8c\x07getattr\x94\x93\x94]"
                     "\x94\x8c\x06"
                     "append\x94\x86\x94R\x94h\x0c}"
                     "\x94\x8c\x03get\x94\x86\x94R\x94h\x01\x8c\x05range\x94\x93\x94K\x00K\x01K\x01\x87\x94R\x94h\x01\x8c\x03int\x94\x93\x94"
                     "e.");
        QTest::newRow("[worker, helper, worker]")
            <<
            [this] {
                return L({ m_worker, m_helper, m_worker });
            }()
            << BYTES("\x80\x04\x95*\x00\x00\x00\x00\x00\x00\x00]\x94(\x8c\x08__main__\x94\x8c\x06worker\x94\x93\x94h\x01\x8c\x06helper\x94\x93\x94h\x03"
                     "e.");
        QTest::newRow("worker") << [this] { return m_worker; }()
                                << BYTES("\x80\x04\x95\x17\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x06worker\x94\x93\x94.");
    }

    void dumpsMatchesCPython()
    {
        QFETCH(Value, value);
        QFETCH(QByteArray, expected);
        const std::string bytes = pickleDumps(value, m_hooks);
        QCOMPARE(shown(bytes), shown(toStd(expected)));
        // Reading CPython's bytes back gives a value that pickles to the same bytes:
        // same values, same sharing.
        const Value loaded = pickleLoads(toStd(expected), m_hooks);
        QCOMPARE(shown(pickleDumps(loaded, m_hooks)), shown(toStd(expected)));
    }

    /// Instances of a scenario's classes pickle as CPython's object.__reduce_ex__(4) writes
    /// them: the class by reference, NEWOBJ, then the __dict__ as BUILD's state, its keys
    /// shared between instances as interned names are (bytes from python3, same classes).
    void userClassesMatchCPython()
    {
        Value point = makeClass("Point", "Point", "__main__", {}, newDict());
        Value empty = makeClass("Empty", "Empty", "__main__", {}, newDict());
        Value err = makeClass("Err", "Err", "__main__", { Value::object(types().Exception) }, newDict());
        Value local = makeClass("Local", "make.<locals>.Local", "__main__", {}, newDict());
        auto instance = [](const Value &cls, std::vector<std::pair<std::string, Value>> attributes) {
            Value v = Value::object(new InstanceObject(cls.as<TypeObject>()));
            for (auto &[name, value] : attributes)
                v.as<InstanceObject>()->dict.as<DictObject>()->table.insert(internedName(name), value);
            return v;
        };
        PickleHooks hooks = m_hooks;
        hooks.nameOfGlobal = [base = m_hooks.nameOfGlobal](const Value &v) -> std::pair<std::string, std::string> {
            if (v.isKind(ObjKind::Type) && v.as<TypeObject>()->isUser) {
                const std::string &q = v.as<TypeObject>()->qualname;
                return { q.find("<locals>") == std::string::npos ? "__main__" : "", q };
            }
            return base(v);
        };
        hooks.findGlobal = [&](const std::string &module, const std::string &name) -> Value {
            if (module == "__main__")
                for (const Value &cls : { point, empty, err })
                    if (cls.as<TypeObject>()->name == name)
                        return cls;
            return Value();
        };
        Value p = instance(point, { { "x", I(1) }, { "y", S("two") } });
        Value e = Value::object(new ExceptionObject(err.as<TypeObject>(), { S("m") }));
        e.as<ExceptionObject>()->userType = err;
        e.as<ExceptionObject>()->attributes = D({ { internedName("code"), I(3) } });
        const std::vector<std::pair<Value, QByteArray>> rows = {
            { p,
                BYTES("\x80\x04\x95.\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x05Point\x94\x93\x94)\x81\x94}\x94(\x8c\x01x\x94K\x01\x8c\x01y\x94\x8c"
                      "\x03two\x94ub.") },
            { L({ p, p, instance(point, { { "x", I(3) }, { "y", I(4) } }) }),
                BYTES("\x80\x04\x95"
                      "F\x00\x00\x00\x00\x00\x00\x00]\x94(\x8c\x08__main__\x94\x8c\x05Point\x94\x93\x94)\x81\x94}\x94(\x8c\x01x\x94K\x01\x8c\x01y\x94\x8c"
                      "\x03two\x94ubh\x04h\x03)\x81\x94}\x94(h\x06K\x03h\x07K\x04ube.") },
            { instance(empty, {}),
                BYTES("\x80\x04\x95\x19\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x05"
                      "Empty\x94\x93\x94)\x81\x94.") },
            { point, BYTES("\x80\x04\x95\x16\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x05Point\x94\x93\x94.") },
            { e,
                BYTES("\x80\x04\x95)\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x03"
                      "Err\x94\x93\x94\x8c\x01m\x94\x85\x94R\x94}\x94\x8c\x04"
                      "code\x94K\x03sb.") },
        };
        for (const auto &[value, expected] : rows) {
            QCOMPARE(shown(pickleDumps(value, hooks)), shown(toStd(expected)));
            const Value loaded = pickleLoads(toStd(expected), hooks);
            QCOMPARE(shown(pickleDumps(loaded, hooks)), shown(toStd(expected)));
        }
        // A bound method is getattr(instance, name), the instance saved in full inside it.
        {
            Value scaler = makeClass("Scaler", "Scaler", "__main__", {}, newDict());
            auto *fn = new FunctionObject();
            fn->name = "scale";
            Value method = Value::object(new BoundMethodObject(Value::object(fn), instance(scaler, { { "k", I(2) } })));
            auto scalerHooks = hooks;
            scalerHooks.findGlobal = [](const std::string &, const std::string &) { return Value(); };
            QCOMPARE(shown(pickleDumps(method, scalerHooks)),
                shown(toStd(BYTES("\x80\x04\x95G\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                  "builtins\x94\x8c\x07getattr\x94\x93\x94\x8c\x08__main__\x94\x8c\x06Scaler\x94\x93\x94)\x81\x94}"
                                  "\x94\x8c\x01k\x94K\x02sb\x8c\x05scale\x94\x86\x94R\x94."))));
            scaler.as<TypeObject>()->dict.as<DictObject>()->table.clear();
        }
        // Loading restores the state without running __init__: the dict as it was.
        const Value loaded = pickleLoads(toStd(rows[0].second), hooks);
        QVERIFY(loaded.isKind(ObjKind::Instance));
        QCOMPARE(QString::fromStdString(repr(loaded.as<InstanceObject>()->dict)), QStringLiteral("{'x': 1, 'y': 'two'}"));
        // A class defined inside a function is refused as CPython refuses it.
        try {
            pickleDumps(instance(local, {}), hooks);
            QFAIL("a local class was pickled");
        } catch (PyException &x) {
            QCOMPARE(QString::fromStdString(exceptionMessage(*x.exc)), QStringLiteral("Can't pickle local object 'make.<locals>.Local'"));
        }
        for (const Value &cls : { point, empty, err, local })
            cls.as<TypeObject>()->dict.as<DictObject>()->table.clear();
    }

    void dumpsMatchesCPythonLarge_data()
    {
        // Too long to spell out: the length and SHA-256 of CPython's bytes.
        QTest::addColumn<Value>("value");
        QTest::addColumn<int>("size");
        QTest::addColumn<QByteArray>("sha256");
        QTest::newRow("'a' * 70000") << S(std::string(70000, 'a')) << 70009 << QByteArray("713297fabe14e5987082534f5ea14d2f47ce5a545c215864ac905e3f15e74c2f");
        QTest::newRow("bytes(i % 251 for i in range(70000))")
            << B(cycleBytes(70000)) << 70009 << QByteArray("a57cddbd55cacaa91b5d5469c14ce13defe6abf1f5e1f066465d94b157424f62");
        QTest::newRow("'x' * 65535") << S(std::string(65535, 'x')) << 65553 << QByteArray("ec0c39bfc3fb7fd005b123aadd6fdd477f8b3943f7c7931a2bb571f757df21b3");
        QTest::newRow("['x' * 65535, 1]") << L({ S(std::string(65535, 'x')), I(1) }) << 65568
                                          << QByteArray("18aca31c1520415373463a4a247e50aafd4e5c1387fe3db011576cb6f47945d8");
        QTest::newRow("[b'y' * 65536, 'after']") << L({ B(std::string(65536, 'y')), S("after") }) << 65566
                                                 << QByteArray("548d737396dc05b15e6d8ce237f9fe125cffcebcd249d6d49d885c4f72c547e5");
        QTest::newRow("['small', 'a' * 70000, 'tail']") << L({ S("small"), S(std::string(70000, 'a')), S("tail") }) << 70046
                                                        << QByteArray("20c20ff6d249323d24c5c56b95ef1291c228d7f538fa16d4c57b9bb85be3cc1e");
        QTest::newRow("list(range(1000))") << ints(1000) << 2760 << QByteArray("22d4f97e6fbaf3cdf3af36c80e58582660148f14c95ccaf101fdf320a201a669");
        QTest::newRow("list(range(1001))") << ints(1001) << 2765 << QByteArray("161e50d7236aad5010f0600b7c2b669804f3487bdf69c03ddfd00718d290e1be");
        QTest::newRow("list(range(2500))") << ints(2500) << 7264 << QByteArray("583a1d10b8aa78593442582ce39644789842e433b683d7be79d3c8e1759f114c");
        QTest::newRow("list(range(30000))") << ints(30000) << 89827 << QByteArray("8d59bb88cf36af8287ed8ada76eb27324a1c77153f07fcc54c63696c64b2a84c");
        QTest::newRow("dict.fromkeys(range(1000))") << dictOf(1000, false) << 3762
                                                    << QByteArray("448e1be019c1fb86ba6c35aaa5a444b208a4e0e54c8636f8983a82de1e90eb01");
        QTest::newRow("{i: str(i) for i in range(1500)}")
            << dictOf(1500, true) << 13652 << QByteArray("646666f647bb4cf986a3fb2b4e155e5845f16596d70012066ad06483a70e08f1");
        QTest::newRow("set(range(1000))") << setOf(1000) << 2762 << QByteArray("2af590cb9a18a5c97c38b05911011a3d13861fb1a3a943738ce7419064fe4cf7");
        QTest::newRow("set(range(2500))") << setOf(2500) << 7264 << QByteArray("c43848295c7085f98a8f6e10bdd3af171868a6f71d6c1d56b9415b77f733de7b");
        QTest::newRow("s = [str(i) + 'k' for i in range(300)]; s + [s[280], s[5]]") << [] {
            std::vector<Value> s;
            for (int i = 0; i < 300; ++i)
                s.push_back(S(std::to_string(i) + "k"));
            s.push_back(s[280]);
            s.push_back(s[5]);
            return L(std::move(s));
        }() << 2013 << QByteArray("349563adcabc57b76bc9ce4ab2cd54e5f48fccc4efc321b24aa01dcdd651529e");
    }

    void dumpsMatchesCPythonLarge()
    {
        QFETCH(Value, value);
        QFETCH(int, size);
        QFETCH(QByteArray, sha256);
        const std::string bytes = pickleDumps(value, m_hooks);
        QCOMPARE(int(bytes.size()), size);
        QCOMPARE(QCryptographicHash::hash(toQ(bytes), QCryptographicHash::Sha256).toHex(), sha256);
        QVERIFY(pickleDumps(pickleLoads(bytes, m_hooks), m_hooks) == bytes);
    }

    void framesAroundLargePayloads()
    {
        // 'a' * 70000 is written outside any frame; the MEMOIZE and STOP after it are too
        // short (< 4 bytes) to get a frame of their own.
        const std::string big = pickleDumps(S(std::string(70000, 'a')));
        QCOMPARE(shown(big.substr(0, 8)),
            shown(std::string("\x80\x04X\x70\x11\x01\x00"
                              "a",
                8)));
        QCOMPARE(shown(big.substr(big.size() - 2)), shown("\x94."));
        // list(range(30000)) needs two frames: the first closes at the first object
        // boundary past 64 KiB.
        const std::string list = pickleDumps(ints(30000));
        QCOMPARE(static_cast<unsigned char>(list[2]), 0x95u);
        std::uint64_t first = 0;
        for (int i = 0; i < 8; ++i)
            first |= static_cast<std::uint64_t>(static_cast<unsigned char>(list[3 + i])) << (8 * i);
        QVERIFY(first >= 64 * 1024 && first < 64 * 1024 + 8);
        QCOMPARE(static_cast<unsigned char>(list[11 + first]), 0x95u);
    }

    void loadsEveryProtocol_data()
    {
        QTest::addColumn<QByteArray>("data");
        for (const auto &[protocol, data] : kCompositeOtherProtocols)
            QTest::addRow("protocol %d", protocol) << data;
    }

    void loadsEveryProtocol()
    {
        QFETCH(QByteArray, data);
        // Whatever the protocol, the value read pickles to CPython's protocol 4 bytes.
        const Value v = pickleLoads(toStd(data), m_hooks);
        QCOMPARE(shown(pickleDumps(v, m_hooks)), shown(toStd(kCompositeProtocol4)));
    }

    void loadsValues()
    {
        // Protocol 0 spells bools as I01/I00 and reads C-style octal.
        QVERIFY(pickleLoads("I01\n.").isBool());
        QVERIFY(pickleLoads("I01\n.").asBool());
        QVERIFY(pickleLoads("I00\n.").isBool());
        QCOMPARE(pickleLoads("I010\n.").asInt(), 8);
        QCOMPARE(pickleLoads("I-7\n.").asInt(), -7);
        QCOMPARE(pickleLoads("L0x10\n.").asInt(), 16);
        QCOMPARE(pickleLoads("L-12L\n.").asInt(), -12);
        QCOMPARE(pickleLoads("F-1.5\n.").asFloat(), -1.5);
        QVERIFY(std::isinf(pickleLoads("Finf\n.").asFloat()));
        QCOMPARE(pickleLoads(std::string("\x8a\x00.", 3)).asInt(), 0);
        // Non-minimal LONG1 encodings that still fit in 64 bits.
        QCOMPARE(pickleLoads(std::string("\x8a\x09\x00\x00\x00\x00\x00\x00\x00\x80\xff.", 12)).asInt(), std::numeric_limits<std::int64_t>::min());
        QCOMPARE(pickleLoads(std::string("\x8a\x0a\xff\xff\xff\xff\xff\xff\xff\x7f\x00\x00.", 13)).asInt(), std::numeric_limits<std::int64_t>::max());
        QCOMPARE(pickleLoads(std::string("\x8b\x02\x00\x00\x00\xff\xff.", 8)).asInt(), -1);
        // Raw-unicode-escape (protocol 0 str): Latin-1 bytes and \u escapes.
        QCOMPARE(pickleLoads("Vab\\u00e9\xe9\n.").as<StrObject>()->text, std::string("ab\xc3\xa9\xc3\xa9"));
        QCOMPARE(pickleLoads("V\\U0001f600\n.").as<StrObject>()->text, std::string("\xf0\x9f\x98\x80"));
        // Python 2 str (BINSTRING) decodes as ASCII.
        QCOMPARE(pickleLoads(std::string("U\x02hi.", 5)).as<StrObject>()->text, std::string("hi"));
        // A frozenset becomes a set; the FROZENSET opcode and builtins.frozenset alike.
        QVERIFY(pickleLoads(std::string("(K\x01K\x02\x91.", 7)).isKind(ObjKind::Set));
        QCOMPARE(pickleLoads("\x80\x03"
                             "cbuiltins\nfrozenset\n]K\x01"
                             "a\x85R.")
                     .as<SetObject>()
                     ->table.size(),
            std::size_t(1));
        // Exceptions come back as exception objects with their arguments.
        const Value e = pickleLoads(toStd(BYTES("\x80\x04\x95#\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                                                "builtins\x94\x8c\x0aValueError\x94\x93\x94\x8c\x01x\x94\x85\x94R\x94.")));
        QVERIFY(e.isKind(ObjKind::Exception));
        QCOMPARE(e.as<ExceptionObject>()->type, types().ValueError);
        QCOMPARE(QString::fromStdString(exceptionMessage(*e.as<ExceptionObject>())), QStringLiteral("x"));
        // Python 2 exception names map back (protocols 0-2).
        QCOMPARE(pickleLoads("cexceptions\nStandardError\n(tR.").as<ExceptionObject>()->type, types().Exception);
        QCOMPARE(pickleLoads("c__builtin__\nxrange\n(I5\ntR.").as<RangeObject>()->stop, 5);
        // Builtin functions are the builtins themselves; module functions come from the hook.
        QVERIFY(pickleLoads("\x80\x04\x8c\x08"
                            "builtins\x8c\x05print\x93.")
                    .identical(*builtinValue("print")));
        QVERIFY(pickleLoads("\x80\x04\x8c\x08__main__\x8c\x06worker\x93.", m_hooks).identical(m_worker));
        // A bound method pickled as getattr(obj, name) is bound again.
        const Value append = pickleLoads("\x80\x04\x8c\x08"
                                         "builtins\x8c\x07getattr\x93]\x8c\x06"
                                         "append\x86R.");
        QVERIFY(append.isKind(ObjKind::Native));
        QVERIFY(append.as<NativeObject>()->fn == types().list->findMethod("append"));
        QVERIFY(append.as<NativeObject>()->self.isKind(ObjKind::List));
        // Sharing survives: the memo hands out the same object.
        const Value shared = pickleLoads(toStd(BYTES("\x80\x04\x95\x0c\x00\x00\x00\x00\x00\x00\x00]\x94(]\x94K\x01"
                                                     "ah\x01"
                                                     "e.")));
        QVERIFY(shared.as<ListObject>()->items[0].identical(shared.as<ListObject>()->items[1]));
        // MEMOIZE uses the count of filled entries as its index, whatever BINPUT filled.
        QCOMPARE(pickleLoads(std::string("K\x07q\x05K\x08\x94h\x01.", 10)).asInt(), 8);
        QCOMPARE(pickleLoads(std::string("K\x07q\x01K\x08\x94K\x09\x94h\x01.", 13)).asInt(), 9);
        // Bytes after STOP are ignored, as by CPython.
        QCOMPARE(pickleLoads("K\x05.trailing").asInt(), 5);
    }

    void recursiveStructures()
    {
        // l = []; l.append(l)
        Value l = L({});
        l.as<ListObject>()->items.push_back(l);
        QCOMPARE(shown(pickleDumps(l)),
            shown(toStd(BYTES("\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00]\x94h\x00"
                              "a."))));
        breakCycles(l);
        // l = []; t = (l,); l.append(t): the tuple is found in the memo after its items,
        // so they are popped and the memoized tuple fetched.
        l = L({});
        Value t = T({ l });
        l.as<ListObject>()->items.push_back(t);
        QCOMPARE(shown(pickleDumps(t)),
            shown(toStd(BYTES("\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00]\x94h\x00\x85\x94"
                              "a0h\x01."))));
        QCOMPARE(shown(pickleDumps(L({ t, l }))),
            shown(toStd(BYTES("\x80\x04\x95\x11\x00\x00\x00\x00\x00\x00\x00]\x94(]\x94h\x01\x85\x94"
                              "a0h\x02h\x01"
                              "e."))));
        breakCycles(t);
        // The same with a tuple of four: POP_MARK.
        l = L({});
        t = T({ l, I(1), I(2), I(3) });
        l.as<ListObject>()->items.push_back(t);
        QCOMPARE(shown(pickleDumps(t)),
            shown(toStd(BYTES("\x80\x04\x95\x19\x00\x00\x00\x00\x00\x00\x00(]\x94(h\x00K\x01K\x02K\x03t\x94"
                              "aK\x01K\x02K\x03"
                              "1h\x01."))));
        breakCycles(t);
        // d = {}; e = ValueError(d); d['e'] = e: the exception's args tuple is one object.
        Value d = D({});
        Value e = Exc(types().ValueError, { d });
        d.as<DictObject>()->table.insert(S("e"), e);
        const std::string bytes = pickleDumps(e);
        QCOMPARE(shown(bytes),
            shown(toStd(BYTES("\x80\x04\x95"
                              "1\x00\x00\x00\x00\x00\x00\x00\x8c\x08"
                              "builtins\x94\x8c\x0aValueError\x94\x93\x94}\x94\x8c\x01"
                              "e\x94h\x02h\x03\x85\x94R\x94s0h\x05R0h\x06."))));
        breakCycles(e);
        // Loading rebuilds the cycle.
        const Value loaded = pickleLoads(toStd(BYTES("\x80\x04\x95\x06\x00\x00\x00\x00\x00\x00\x00]\x94h\x00"
                                                     "a.")));
        QVERIFY(loaded.as<ListObject>()->items[0].identical(loaded));
        breakCycles(loaded);
    }

    void dumpsRefusals()
    {
        // What CPython 3.11 raises (PicklingError is reported as TypeError: IPC Lab has no
        // PicklingError type).
        auto dumps = [this](const Value &v) { return raised([&] { pickleDumps(v, m_hooks); }); };
        QCOMPARE(dumps(makeModule("time", {})), qMakePair(QStringLiteral("TypeError"), QStringLiteral("cannot pickle 'module' object")));
        Ref<TypeObject> lockType = make<TypeObject>("Lock", types().object);
        QCOMPARE(dumps(Value::object(new RuntimeThing(lockType.get()))), qMakePair(QStringLiteral("TypeError"), QStringLiteral("cannot pickle 'Lock' object")));
        QCOMPARE(dumps(Value::object(new DictViewObject(D({}), DictViewObject::Which::Keys))),
            qMakePair(QStringLiteral("TypeError"), QStringLiteral("cannot pickle 'dict_keys' object")));
        QCOMPARE(dumps(L({ I(1), Value::object(new CellObject()) })), qMakePair(QStringLiteral("TypeError"), QStringLiteral("cannot pickle 'cell' object")));
        QCOMPARE(dumps(Value::object(new NativeObject("sleep", types().list->findMethod("append")))),
            qMakePair(QStringLiteral("TypeError"), QStringLiteral("cannot pickle 'builtin_function_or_method' object")));
        const auto lambda = dumps(m_lambda);
        QCOMPARE(lambda.first, QStringLiteral("TypeError"));
        QVERIFY2(QRegularExpression(QStringLiteral("^Can't pickle <function <lambda> at 0x[0-9a-f]+>: attribute lookup <lambda> on __main__ failed$"))
                     .match(lambda.second)
                     .hasMatch(),
            qPrintable(lambda.second));
        QCOMPARE(dumps(L({ m_inner })), qMakePair(QStringLiteral("AttributeError"), QStringLiteral("Can't pickle local object 'outer.<locals>.inner'")));
        // Without hooks no function has a name.
        QCOMPARE(raised([&] { pickleDumps(m_worker); }).first, QStringLiteral("TypeError"));
        QCOMPARE(dumps(Value::object(lockType.get())).second, QStringLiteral("Can't pickle <class 'Lock'>: attribute lookup Lock on builtins failed"));
    }

    void recursionLimit()
    {
        // Called from module level, CPython pickles 499 nested lists but not 500 (each list
        // costs two levels of its 1000), and 998 nested tuples but not 999.
        auto nested = [](int depth, bool tuples) {
            Value v = tuples ? T({}) : L({});
            for (int i = 0; i < depth; ++i)
                v = tuples ? T({ v }) : L({ v });
            return v;
        };
        QVERIFY(!pickleDumps(nested(499, false)).empty());
        const auto tooDeep = raised([&] { pickleDumps(nested(500, false)); });
        QCOMPARE(tooDeep, qMakePair(QStringLiteral("RecursionError"), QStringLiteral("maximum recursion depth exceeded while pickling an object")));
        QVERIFY(!pickleDumps(nested(998, true)).empty());
        QCOMPARE(raised([&] { pickleDumps(nested(999, true)); }).first, QStringLiteral("RecursionError"));
        // Loading is iterative: a million nested lists neither recurse nor overflow.
        std::string deep = "\x80\x04";
        for (int i = 0; i < 1000000; ++i)
            deep += "]";
        for (int i = 0; i < 999999; ++i)
            deep += "a";
        deep += ".";
        QVERIFY(pickleLoads(deep).isKind(ObjKind::List));
    }

    void loadsErrors_data()
    {
        // pickle.loads(data) in CPython 3.11; _pickle.UnpicklingError is reported as
        // ValueError (IPC Lab has no UnpicklingError type).
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        QTest::newRow("") << BYTES("") << QString("EOFError") << QString("Ran out of input");
        QTest::newRow("\x5cx80") << BYTES("\x80") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("\x5cx80\x5cx04") << BYTES("\x80\x04") << QString("EOFError") << QString("Ran out of input");
        QTest::newRow("\x5cx80\x5cx04\x5cx95") << BYTES("\x80\x04\x95") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("0") << BYTES("0") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow(".") << BYTES(".") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("a") << BYTES("a") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("e") << BYTES("e") << QString("ValueError") << QString("could not find MARK");
        QTest::newRow("(e") << BYTES("(e") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("\x5cx80\x5cx04\x5cx94.") << BYTES("\x80\x04\x94.") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("h\x5cx05.") << BYTES("h\x05.") << QString("ValueError") << QString("Memo value not found at index 5");
        QTest::newRow("j\x5cx00\x5cx01\x5cx00\x5cx00.") << BYTES("j\x00\x01\x00\x00.") << QString("ValueError") << QString("Memo value not found at index 256");
        QTest::newRow("K\x5cx01K\x5cx02u") << BYTES("K\x01K\x02u") << QString("ValueError") << QString("could not find MARK");
        QTest::newRow("\x5cx00") << BYTES("\x00") << QString("ValueError") << QString("invalid load key, '\x5cx00'.");
        QTest::newRow("'") << BYTES("'") << QString("ValueError") << QString("invalid load key, '\x5cx27'.");
        QTest::newRow("\x5c\x5c") << BYTES("\x5c") << QString("ValueError") << QString("invalid load key, '\x5cx5c'.");
        QTest::newRow("\x5cxff") << BYTES("\xff") << QString("ValueError") << QString("invalid load key, '\x5cxff'.");
        QTest::newRow("\x5cx99") << BYTES("\x99") << QString("ValueError") << QString("invalid load key, '\x5cx99'.");
        QTest::newRow("J\x5cx01") << BYTES("J\x01") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("\x5cx8c\x5cx05ab") << BYTES("\x8c\x05"
                                                   "ab")
                                          << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("K\x5cx01\x5cx93") << BYTES("K\x01\x93") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("\x5cx8a\x5cx01") << BYTES("\x8a\x01") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("}K\x5cx01s.") << BYTES("}K\x01s.") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("\x5cx8b\x5cxff\x5cxff\x5cxff\x5cxff")
            << BYTES("\x8b\xff\xff\xff\xff") << QString("ValueError") << QString("LONG pickle has negative byte count");
        QTest::newRow(")\x5cx85R.") << BYTES(")\x85R.") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("2.") << BYTES("2.") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("1.") << BYTES("1.") << QString("ValueError") << QString("could not find MARK");
        QTest::newRow("]K\x5cx01\x5cx90.") << BYTES("]K\x01\x90.") << QString("ValueError") << QString("could not find MARK");
        QTest::newRow("(\x5cx90.") << BYTES("(\x90.") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("(K\x5cx01\x5cx90.") << BYTES("(K\x01\x90.") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("]\x5cx8c\x5cx01a\x5cx91.") << BYTES("]\x8c\x01"
                                                           "a\x91.")
                                                  << QString("ValueError") << QString("could not find MARK");
        QTest::newRow("\x5cx95\x5cx05\x5cx00\x5cx00\x5cx00\x5cx00\x5cx00\x5cx00\x5cx00K")
            << BYTES("\x95\x05\x00\x00\x00\x00\x00\x00\x00K") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("\x5cx95\x5cxff\x5cxff\x5cxff\x5cxff\x5cxff\x5cxff\x5cxff\x5cxff.")
            << BYTES("\x95\xff\xff\xff\xff\xff\xff\xff\xff.") << QString("OverflowError")
            << QString("FRAME length exceeds system's maximum of 9223372036854775807 bytes");
        QTest::newRow("\x5cx95\x5cxff\x5cxff\x5cxff\x5cxff\x5cxff\x5cxff\x5cxff\x5cx7f.")
            << BYTES("\x95\xff\xff\xff\xff\xff\xff\xff\x7f.") << QString("ValueError") << QString("read would overflow (invalid bytecode)");
        QTest::newRow("X\x5cxff\x5cxff\x5cxff\x5cxff") << BYTES("X\xff\xff\xff\xff") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("\x5cx8d\x5cxff\x5cxff\x5cxff\x5cxff\x5cxff\x5cxff\x5cxff\x5cxff")
            << BYTES("\x8d\xff\xff\xff\xff\xff\xff\xff\xff") << QString("OverflowError")
            << QString("BINUNICODE exceeds system's maximum size of 9223372036854775807 bytes");
        QTest::newRow("\x5cx8e\x5cx00\x5cx00\x5cx00\x5cx00\x5cx00\x5cx00\x5cx00\x5cx80")
            << BYTES("\x8e\x00\x00\x00\x00\x00\x00\x00\x80") << QString("OverflowError")
            << QString("BINBYTES exceeds system's maximum size of 9223372036854775807 bytes");
        QTest::newRow("\x5cx8c\x5cx01\x5cxff.") << BYTES("\x8c\x01\xff.") << QString("UnicodeDecodeError")
                                                << QString("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
        QTest::newRow("X\x5cx02\x5cx00\x5cx00\x5cx00\x5cxed\x5cxa0.")
            << BYTES("X\x02\x00\x00\x00\xed\xa0.") << QString("UnicodeDecodeError")
            << QString("'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
        QTest::newRow("\x5cx8c\x5cx03\x5cxe4\x5cxb8x.") << BYTES("\x8c\x03\xe4\xb8x.") << QString("UnicodeDecodeError")
                                                        << QString("'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte");
        QTest::newRow("\x5cx8c\x5cx02\x5cxe4\x5cxb8.") << BYTES("\x8c\x02\xe4\xb8.") << QString("UnicodeDecodeError")
                                                       << QString("'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
        QTest::newRow("\x5cx8c\x5cx02a\x5cxc3.") << BYTES("\x8c\x02"
                                                          "a\xc3.")
                                                 << QString("UnicodeDecodeError")
                                                 << QString("'utf-8' codec can't decode byte 0xc3 in position 1: unexpected end of data");
        QTest::newRow("\x5cx8c\x5cx02\x5cxc0\x5cx80.")
            << BYTES("\x8c\x02\xc0\x80.") << QString("UnicodeDecodeError") << QString("'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte");
        QTest::newRow("\x5cx8c\x5cx04\x5cxf0\x5cx80\x5cx80\x5cx80.")
            << BYTES("\x8c\x04\xf0\x80\x80\x80.") << QString("UnicodeDecodeError")
            << QString("'utf-8' codec can't decode byte 0xf0 in position 0: invalid continuation byte");
        QTest::newRow("I1x\x5cn.") << BYTES("I1x\x0a.") << QString("ValueError") << QString("could not convert string to int");
        QTest::newRow("g1\x5cn.") << BYTES("g1\x0a.") << QString("ValueError") << QString("Memo value not found at index 1");
        QTest::newRow("p-1\x5cn.") << BYTES("p-1\x0a.") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("V\x5c\x5cu12\x5cn.") << BYTES("V\x5cu12\x0a.") << QString("UnicodeDecodeError")
                                            << QString("'rawunicodeescape' codec can't decode bytes in position 0-3: truncated \x5cuXXXX escape");
        QTest::newRow("V\x5c\x5cU00110000\x5cn.") << BYTES("V\x5cU00110000\x0a.") << QString("UnicodeDecodeError")
                                                  << QString("'rawunicodeescape' codec can't decode bytes in position 0-9: \x5cUxxxxxxxx out of range");
        QTest::newRow("(.") << BYTES("(.") << QString("ValueError") << QString("unexpected MARK found");
        QTest::newRow("K\x5cx01(.") << BYTES("K\x01(.") << QString("ValueError") << QString("unexpected MARK found");
        QTest::newRow("L010\x5cn.") << BYTES("L010\x0a.") << QString("ValueError") << QString("invalid literal for int() with base 0: '010\x5cn'");
        QTest::newRow("F 1.5\x5cn.") << BYTES("F 1.5\x0a.") << QString("ValueError") << QString("could not convert string to float: ' 1.5\x0a'");
        QTest::newRow("F1.5x\x5cn.") << BYTES("F1.5x\x0a.") << QString("ValueError") << QString("could not convert string to float");
        QTest::newRow("g-1\x5cn.") << BYTES("g-1\x0a.") << QString("ValueError") << QString("Memo value not found at index -1");
        QTest::newRow("Np-1\x5cn.") << BYTES("Np-1\x0a.") << QString("ValueError") << QString("negative PUT argument");
        QTest::newRow("Nh\x5cx00.") << BYTES("Nh\x00.") << QString("ValueError") << QString("Memo value not found at index 0");
        QTest::newRow("\x5cx8c\x5cx01a\x5cx94\x5cx8c\x5cx01b\x5cx94\x5cx93.") << BYTES("\x8c\x01"
                                                                                       "a\x94\x8c\x01"
                                                                                       "b\x94\x93.")
                                                                              << QString("ModuleNotFoundError") << QString("No module named 'a'");
        QTest::newRow("K\x5cx01K\x5cx02\x5cx93.") << BYTES("K\x01K\x02\x93.") << QString("ValueError") << QString("STACK_GLOBAL requires str");
        QTest::newRow("\x5cx8c\x5cx08builtins\x5cx8c\x5cx06nosuch\x5cx93.") << BYTES(
            "\x8c\x08"
            "builtins\x8c\x06nosuch\x93.") << QString("AttributeError") << QString("Can't get attribute 'nosuch' on <module 'builtins' (built-in)>");
        QTest::newRow("\x5cx8c\x5cx08builtins\x5cx8c\x5cx05range\x5cx93)R.") << BYTES("\x8c\x08"
                                                                                      "builtins\x8c\x05range\x93)R.")
                                                                             << QString("TypeError") << QString("range expected at least 1 argument, got 0");
        QTest::newRow("\x5cx8c\x5cx08builtins\x5cx8c\x5cx05range\x5cx93N\x5cx85R.") << BYTES(
            "\x8c\x08"
            "builtins\x8c\x05range\x93N\x85R.") << QString("TypeError") << QString("'NoneType' object cannot be interpreted as an integer");
        QTest::newRow("\x5cx8c\x5cx08builtins\x5cx8c\x5cx05range\x5cx93K\x5cx01K\x5cx02K\x5cx00\x5cx87R.") << BYTES(
            "\x8c\x08"
            "builtins\x8c\x05range\x93K\x01K\x02K\x00\x87R.") << QString("ValueError") << QString("range() arg 3 must not be zero");
        QTest::newRow("\x5cx8c\x5cx08builtins\x5cx8c\x5cnValueError\x5cx93K\x5cx01R.") << BYTES("\x8c\x08"
                                                                                                "builtins\x8c\x0aValueError\x93K\x01R.")
                                                                                       << QString("TypeError") << QString("argument list must be a tuple");
        QTest::newRow("\x5cx82\x5cx00") << BYTES("\x82\x00") << QString("ValueError") << QString("EXT specifies code <= 0");
        QTest::newRow("\x5cx82\x5cx05") << BYTES("\x82\x05") << QString("ValueError") << QString("unregistered extension code 5");
        QTest::newRow("\x5cx84\x5cx00\x5cx00\x5cx00\x5cx80") << BYTES("\x84\x00\x00\x00\x80") << QString("ValueError") << QString("EXT specifies code <= 0");
        QTest::newRow("P1\x5cn.") << BYTES("P1\x0a.") << QString("ValueError")
                                  << QString("A load persistent id instruction was encountered,\x0a"
                                             "but no persistent_load function was specified.");
        QTest::newRow("Q") << BYTES("Q") << QString("ValueError")
                           << QString("A load persistent id instruction was encountered,\x0a"
                                      "but no persistent_load function was specified.");
        QTest::newRow("\x5cx97") << BYTES("\x97") << QString("ValueError")
                                 << QString("pickle stream refers to out-of-band data but no *buffers* argument was given");
        QTest::newRow("\x5cx98") << BYTES("\x98") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("K\x5cx01\x5cx98.") << BYTES("K\x01\x98.") << QString("TypeError") << QString("memoryview: a bytes-like object is required, not 'int'");
        QTest::newRow("N}b.") << BYTES("N}b.") << QString("AttributeError") << QString("'NoneType' object has no attribute '__dict__'");
        QTest::newRow("\x5cx81") << BYTES("\x81") << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("K\x5cx01K\x5cx02K\x5cx03\x5cx81.")
            << BYTES("K\x01K\x02K\x03\x81.") << QString("ValueError") << QString("NEWOBJ class argument must be a type, not int");
        QTest::newRow("K\x5cx01K\x5cx02K\x5cx03K\x5cx04\x5cx92.")
            << BYTES("K\x01K\x02K\x03K\x04\x92.") << QString("ValueError") << QString("NEWOBJ_EX class argument must be a type, not int");
        QTest::newRow("\x5cx80\x5cx06") << BYTES("\x80\x06") << QString("ValueError") << QString("unsupported pickle protocol: 6");
        QTest::newRow("\x5cx8c\x5cx01a\x5cx8c\x5cx01b\x5cx92") << BYTES("\x8c\x01"
                                                                        "a\x8c\x01"
                                                                        "b\x92")
                                                               << QString("ValueError") << QString("unpickling stack underflow");
        QTest::newRow("K\x5cx01K\x5cx02d.") << BYTES("K\x01K\x02"
                                                     "d.")
                                            << QString("ValueError") << QString("could not find MARK");
        QTest::newRow("(K\x5cx01K\x5cx02K\x5cx03d.") << BYTES("(K\x01K\x02K\x03"
                                                              "d.")
                                                     << QString("ValueError") << QString("odd number of items for DICT");
        QTest::newRow("](K\x5cx01K\x5cx02K\x5cx03u.") << BYTES("](K\x01K\x02K\x03u.") << QString("ValueError") << QString("odd number of items for SETITEMS");
        QTest::newRow("K\x5cx01(K\x5cx02e.") << BYTES("K\x01(K\x02"
                                                      "e.")
                                             << QString("AttributeError") << QString("'int' object has no attribute 'append'");
        QTest::newRow("K\x5cx01(K\x5cx02\x5cx90.") << BYTES("K\x01(K\x02\x90.") << QString("AttributeError") << QString("'int' object has no attribute 'add'");
        QTest::newRow("}]K\x5cx01s.") << BYTES("}]K\x01s.") << QString("TypeError") << QString("unhashable type: 'list'");
        QTest::newRow("\x5cx8f(]\x5cx90.") << BYTES("\x8f(]\x90.") << QString("TypeError") << QString("unhashable type: 'list'");
        QTest::newRow("(]\x5cx91.") << BYTES("(]\x91.") << QString("TypeError") << QString("unhashable type: 'list'");
        QTest::newRow("\x5cx8c\x5cx06\x5cx8c\x5cx01x\x5cx94\x5cx93")
            << BYTES("\x8c\x06\x8c\x01x\x94\x93") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("I") << BYTES("I") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("I\x5cn") << BYTES("I\x0a") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("L\x5cn.") << BYTES("L\x0a.") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("F\x5cn.") << BYTES("F\x0a.") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("c") << BYTES("c") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("cbuiltins\x5cn") << BYTES("cbuiltins\x0a") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("cbuiltins\x5cn\x5cn.") << BYTES("cbuiltins\x0a\x0a.") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("g") << BYTES("g") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("p") << BYTES("p") << QString("ValueError") << QString("pickle data was truncated");
        QTest::newRow("N\x5cx8c\x5cx03abc") << BYTES("N\x8c\x03"
                                                     "abc")
                                            << QString("EOFError") << QString("Ran out of input");
        QTest::newRow("\x5cx8c\x5cx07_codecs\x5cx8c\x5cx06encode\x5cx93\x5cx8c\x5cx02\x5cxc4\x5cx80\x5cx8c\x5cx06latin1\x5cx86R.")
            << BYTES("\x8c\x07_codecs\x8c\x06"
                     "encode\x93\x8c\x02\xc4\x80\x8c\x06latin1\x86R.")
            << QString("UnicodeEncodeError") << QString("'latin-1' codec can't encode character '\x5cu0100' in position 0: ordinal not in range(256)");
        QTest::newRow("\x5cx8c\x5cx08builtins\x5cx8c\x5cx07getattr\x5cx93K\x5cx01\x5cx8c\x5cx03foo\x5cx86R.") << BYTES(
            "\x8c\x08"
            "builtins\x8c\x07getattr\x93K\x01\x8c\x03"
            "foo\x86R.") << QString("AttributeError") << QString("'int' object has no attribute 'foo'");
    }

    void loadsErrors()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, type);
        QFETCH(QString, message);
        QCOMPARE(raised([&] { pickleLoads(toStd(data), m_hooks); }), qMakePair(type, message));
    }

    void loadsLimits()
    {
        // Where IPC Lab's 64-bit ints end (CPython would return a long).
        const auto overflow = qMakePair(QStringLiteral("OverflowError"), QStringLiteral("integer overflow: IPC Lab integers are 64-bit"));
        QCOMPARE(raised([] { pickleLoads("I99999999999999999999\n."); }), overflow);
        QCOMPARE(raised([] { pickleLoads("L9223372036854775808L\n."); }), overflow);
        QCOMPARE(raised([] { pickleLoads(std::string("\x8a\x09\x00\x00\x00\x00\x00\x00\x00\x00\x01.", 12)); }), overflow);
        QCOMPARE(raised([] { pickleLoads(std::string("\x8a\x09\x00\x00\x00\x00\x00\x00\x00\x80\x00.", 12)); }), overflow);
        QCOMPARE(raised([] { pickleLoads(std::string("\x8a\x08\x00\x00\x00\x00\x00\x00\x00\x80.", 11)); }).first, QString());
        // A huge declared length is checked against the input before anything is allocated.
        QCOMPARE(raised([] { pickleLoads(std::string("\x8e\xff\xff\xff\xff\xff\xff\x00\x00", 9)); }).second, QStringLiteral("pickle data was truncated"));
        QCOMPARE(raised([] { pickleLoads(std::string("\x8b\xff\xff\xff\x7f", 5)); }).second, QStringLiteral("pickle data was truncated"));
        // A sparse memo index is fine.
        QCOMPARE(pickleLoads(std::string("K\x07r\xff\xff\xff\xff"
                                         "0j\xff\xff\xff\xff.",
                                 14))
                     .asInt(),
            7);
        // Globals IPC Lab can't call.
        QCOMPARE(raised([this] { pickleLoads("\x80\x04\x8c\x08__main__\x8c\x06worker\x93)R.", m_hooks); }).second,
            QStringLiteral("IPC Lab cannot call ") + QString::fromStdString(repr(m_worker)) + QStringLiteral(" while unpickling"));
        QCOMPARE(raised([this] { pickleLoads("\x80\x04\x8c\x08__main__\x8c\x07missing\x93.", m_hooks); }),
            qMakePair(QStringLiteral("AttributeError"), QStringLiteral("Can't get attribute 'missing' on <module '__main__'>")));
    }

    void truncatedInputRaises()
    {
        // Every proper prefix of a pickle runs out: at an opcode (EOFError) or inside one.
        std::vector<std::string> pickles;
        for (const QByteArray &p : allSmallPickles())
            pickles.push_back(toStd(p));
        int checked = 0;
        for (const std::string &p : pickles) {
            for (std::size_t n = 0; n < p.size(); ++n) {
                const auto error = raised([&] { breakCycles(pickleLoads(p.substr(0, n), m_hooks)); });
                const bool ranOut = error == qMakePair(QStringLiteral("EOFError"), QStringLiteral("Ran out of input"));
                const bool truncated = error == qMakePair(QStringLiteral("ValueError"), QStringLiteral("pickle data was truncated"));
                QVERIFY2(ranOut || truncated, qPrintable(shown(p.substr(0, n)) + " -> " + error.first + ": " + error.second));
                ++checked;
            }
        }
        QVERIFY(checked > 3000);
    }

    void mangledInputRaises()
    {
        // Flipped and substituted bytes, then random opcode soup: each load returns or
        // raises a Python exception (anything else fails the test; ASan builds check the
        // memory side).
        auto survive = [this](const std::string &data) {
            try {
                breakCycles(pickleLoads(data, m_hooks));
            } catch (const PyException &) {
            }
        };
        const unsigned char substitutes[] = { 0x00, 0xff, '(', '.', 0x94, 'h', 'j', 0x8a, 0x95, 'a', 'e', 's', 'u', 0x90, 'R', 0x93, '0', '1', '2' };
        for (const QByteArray &q : allSmallPickles()) {
            const std::string p = toStd(q);
            for (std::size_t i = 0; i < p.size(); ++i) {
                for (unsigned char c : substitutes) {
                    std::string m = p;
                    m[i] = static_cast<char>(c);
                    survive(m);
                }
                std::string m = p;
                m[i] = static_cast<char>(m[i] ^ 0x01);
                survive(m);
                survive(p.substr(0, i) + p.substr(i + 1));
            }
        }
        std::mt19937 random(20261123);
        const std::string alphabet = std::string("()0123FIJKLMNPQRSTUVXabcdeghijlopqrstu}]G.BC", 44)
            + "\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91\x92\x93\x94\x95\x96\x97\x98"
            + std::string("\x00\x01\x02\x04\x08\x7f\xff\n", 8);
        for (int round = 0; round < 50000; ++round) {
            const int length = 1 + static_cast<int>(random() % 48);
            std::string data;
            for (int k = 0; k < length; ++k)
                data += random() % 4 == 0 ? static_cast<char>(random() & 0xFF) : alphabet[random() % alphabet.size()];
            survive(data);
        }
    }

private:
    /// Well-formed pickles using every opcode the codec deals with: CPython's at each
    /// protocol and ours of a value with functions, methods, types and a cycle.
    QList<QByteArray> allSmallPickles()
    {
        QList<QByteArray> out;
        out << kCompositeProtocol4;
        for (const auto &entry : kCompositeOtherProtocols)
            out << entry.second;
        Value cycle = L({ I(-70000), F(2.5), S("\xc3\xa9t\xc3\xa9") });
        cycle.as<ListObject>()->items.push_back(cycle);
        const Value mix = L({ m_worker, m_helper, m_worker, *builtinValue("print"),
            Value::object(new NativeObject("append", types().list->findMethod("append"), L({ I(1) }))), Value::object(new RangeObject(1, 9, 2)),
            Value::object(new SliceObject(I(1), Value::none(), I(-1))), Value::object(types().none), Value::object(types().KeyError),
            Exc(types().OSError, { I(2), S("gone") }), D({ { S("k"), SetOf({ I(1), S("s") }) }, { I(2), T({ I(1), I(2), I(3), I(4), I(5) }) } }),
            I(std::numeric_limits<std::int64_t>::min()), B(std::string(300, 'b')), cycle });
        out << toQ(pickleDumps(mix, m_hooks));
        breakCycles(cycle);
        return out;
    }

    Value m_worker, m_helper, m_lambda, m_inner;
    PickleHooks m_hooks;
};

QTEST_GUILESS_MAIN(TestPickle)
#include "tst_pickle.moc"
