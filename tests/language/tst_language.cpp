// The checker's diagnostics (what a scenario author sees before anything
// runs) and the Python-exact text formatting and random numbers.

#include "objects.h"
#include "operations.h"
#include "pyrandom.h"
#include "scenario.h"
#include "textformat.h"

#include <QTest>

using namespace ipclab::lang;

class TestLanguage : public QObject {
    Q_OBJECT

private slots:
    void rejectsOutsideSubset_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("metaclass") << "x = 1\nclass A(metaclass=M):\n    pass\n" << 2 << 9 << "metaclasses are not supported";
        QTest::newRow("__slots__") << "class A:\n    __slots__ = ('x',)\n" << 2 << 5 << "'__slots__' is not supported in IPC Lab classes";
        QTest::newRow("__new__") << "class A:\n    def __new__(cls):\n        pass\n" << 2 << 5 << "'__new__' is not supported in IPC Lab classes";
        QTest::newRow("built-in base") << "class Stack(list):\n    pass\n" << 1 << 13 << "can't derive from the built-in type 'list'";
        QTest::newRow("class keyword") << "class A(B, flag=1):\n    pass\n" << 1 << 12 << "class keyword arguments";
        QTest::newRow("return in class body") << "class A:\n    return 1\n" << 2 << 5 << "'return' outside function";
        QTest::newRow("yield in an expression") << "def g():\n    print((yield 1))\n" << 2 << 12 << "'yield' inside an expression is not supported";
        QTest::newRow("yield outside function") << "yield 1\n" << 1 << 1 << "'yield' outside function";
        QTest::newRow("yield in a class body") << "def f():\n    class A:\n        yield 1\n" << 3 << 9 << "'yield' outside function";
        QTest::newRow("async def") << "async def f():\n    pass\n" << 1 << 1 << "'async' is not supported";
        QTest::newRow("await") << "def f():\n    await x\n" << 2 << 5 << "'await' is not supported";
        QTest::newRow("decorator on a statement") << "@d\nx = 1\n" << 2 << 1 << "a decorator must be followed by 'def' or 'class'";
        QTest::newRow("walrus") << "if (n := 3) > 2:\n    pass\n" << 1 << 7 << "walrus";
        QTest::newRow("unknown module") << "import os\nimport numpy\n" << 2 << 8 << "unknown module 'numpy'";
        QTest::newRow("unknown module in function") << "def f():\n    import socketserver\n" << 2 << 12 << "unknown module 'socketserver'";
        QTest::newRow("unknown name") << "from time import warp\n" << 1 << 18 << "cannot import name 'warp' from 'time'";
        QTest::newRow("star import") << "from time import *\n" << 1 << 18 << "import *' is not supported";
        QTest::newRow("break outside loop") << "if True:\n    break\n" << 2 << 5 << "'break' outside loop";
        QTest::newRow("return outside function") << "return 5\n" << 1 << 1 << "'return' outside function";
        QTest::newRow("unterminated string") << "x = 'abc\n" << 1 << 5 << "unterminated string literal";
        QTest::newRow("unterminated triple") << "x = '''abc\n\n" << 1 << 5 << "unterminated triple-quoted string literal";
        QTest::newRow("bad dedent") << "if x:\n        a = 1\n    b = 2\n" << 3 << 5 << "unindent does not match";
        QTest::newRow("unexpected indent") << "a = 1\n    b = 2\n" << 2 << 5 << "unexpected indent";
        QTest::newRow("missing block") << "if x:\nprint(1)\n" << 2 << 1 << "expected an indented block";
        QTest::newRow("never closed") << "print((1, 2)\n" << 1 << 6 << "'(' was never closed";
        QTest::newRow("unmatched") << "x = 1)\n" << 1 << 6 << "unmatched ')'";
        QTest::newRow("assign to call") << "f() = 1\n" << 1 << 1 << "cannot assign to function call";
        QTest::newRow("assign to literal") << "1 = x\n" << 1 << 1 << "cannot assign to literal";
        QTest::newRow("huge int") << "x = 99999999999999999999\n" << 1 << 5 << "64-bit";
        QTest::newRow("complex") << "x = 3j\n" << 1 << 5 << "complex numbers";
        QTest::newRow("nonlocal unbound") << "def f():\n    nonlocal q\n" << 2 << 5 << "no binding for nonlocal 'q'";
        QTest::newRow("global after assign") << "def f():\n    x = 1\n    global x\n" << 3 << 5 << "assigned to before global";
        QTest::newRow("default order") << "def f(a=1, b):\n    pass\n" << 1 << 12 << "non-default argument follows default";
        QTest::newRow("ellipsis") << "def f():\n    ...\n" << 2 << 5 << "Ellipsis";
        QTest::newRow("f-string backslash") << "x = f'{\"\\n\".join(y)}'\n" << 1 << 5 << "backslash";
        QTest::newRow("relative import") << "from . import x\n" << 1 << 6 << "relative imports";
    }

    void rejectsOutsideSubset()
    {
        QFETCH(QString, source);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const auto loaded = loadScenarioText("s.py", source.toStdString());
        QVERIFY(!loaded.program);
        QCOMPARE(loaded.problems.size(), std::size_t(1));
        const Diagnostic &d = loaded.problems.front();
        QVERIFY2(QString::fromStdString(d.message).contains(message), d.format().c_str());
        QCOMPARE(d.line, line);
        QCOMPARE(d.column, column);
        QCOMPARE(QString::fromStdString(d.format()), QStringLiteral("s.py:%1:%2: %3").arg(line).arg(column).arg(QString::fromStdString(d.message)));
    }

    void rejectsBadBytes()
    {
        auto bad = loadScenarioText("b.py", std::string("x = 1\ny = '\xff'\n"));
        QVERIFY(!bad.program);
        QCOMPARE(bad.problems.front().line, 2);
        QCOMPARE(bad.problems.front().column, 6);
        QVERIFY(QString::fromStdString(bad.problems.front().message).contains(QStringLiteral("utf-8")));
        auto nul = loadScenarioText("n.py", std::string("x = 1\0", 6));
        QVERIFY(!nul.program);
        QCOMPARE(nul.problems.front().column, 6);
        QVERIFY(QString::fromStdString(nul.problems.front().message).contains(QStringLiteral("null bytes")));
    }

    // Inputs that would overflow a recursive parser's stack get a diagnostic instead.
    void rejectsPathologicalNesting_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("message");
        QTest::newRow("parentheses") << QStringLiteral("x = ") + QString(300, QLatin1Char('(')) << "too many nested parentheses";
        QTest::newRow("unary minus") << QStringLiteral("x = ") + QString(100000, QLatin1Char('-')) + QStringLiteral("1\n") << "too many nested expressions";
        QTest::newRow("not chain") << QStringLiteral("x = ") + QStringLiteral("not ").repeated(50000) + QStringLiteral("1\n") << "too many nested expressions";
        QTest::newRow("plus chain") << QStringLiteral("x = ") + QStringLiteral("1 + ").repeated(100000) + QStringLiteral("1\n") << "more than 1000 operators";
        QTest::newRow("attribute chain") << QStringLiteral("x = y") + QStringLiteral(".a").repeated(5000) + QStringLiteral("\n") << "more than 1000 operators";
        QTest::newRow("lambda chain") << QStringLiteral("x = ") + QStringLiteral("lambda: ").repeated(5000) + QStringLiteral("1\n")
                                      << "too many nested expressions";
        QString indent;
        for (int i = 0; i < 150; ++i)
            indent += QString(i, QLatin1Char(' ')) + QStringLiteral("if x:\n");
        QTest::newRow("indentation") << indent + QString(150, QLatin1Char(' ')) + QStringLiteral("pass\n") << "too many levels of indentation";
    }

    void rejectsPathologicalNesting()
    {
        QFETCH(QString, source);
        QFETCH(QString, message);
        const auto loaded = loadScenarioText("deep.py", source.toStdString());
        QVERIFY(!loaded.program);
        QVERIFY2(QString::fromStdString(loaded.problems.front().message).contains(message), loaded.problems.front().format().c_str());
    }

    void acceptsTheSubset()
    {
        const char *source = "import time, random as r\nfrom os import getpid\n"
                             "def f(a, b=2, *args, c, **kw):\n    global g\n    g = [x * y for x in range(3) for y in (1, 2) if x]\n"
                             "    return lambda z: a + z\n"
                             "x: int = 5\nwith_ = {k: v for k, v in {}.items()}\n"
                             "try:\n    pass\nexcept (ValueError, KeyError) as e:\n    raise\nelse:\n    pass\nfinally:\n    pass\n"
                             "match = 3\nprint(f'{x!r:>{match}}', sep='')\n";
        const auto loaded = loadScenarioText("ok.py", source);
        QVERIFY2(loaded.program, loaded.problems.empty() ? "" : loaded.problems[0].format().c_str());
    }

    void floatRepr_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("0.1") << 0.1 << "0.1";
        QTest::newRow("0.1+0.2") << (0.1 + 0.2) << "0.30000000000000004";
        QTest::newRow("1/3") << (1.0 / 3) << "0.3333333333333333";
        QTest::newRow("1e16") << 1e16 << "1e+16";
        QTest::newRow("1e15") << 1e15 << "1000000000000000.0";
        QTest::newRow("1e-5") << 1e-5 << "1e-05";
        QTest::newRow("0.0001") << 0.0001 << "0.0001";
        QTest::newRow("-0.0") << -0.0 << "-0.0";
        QTest::newRow("2.5") << 2.5 << "2.5";
        QTest::newRow("5e-324") << 5e-324 << "5e-324";
    }

    void floatRepr()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(ipclab::lang::floatRepr(value)), expected);
    }

    // A long value's head is the start of its repr, without the whole repr being built.
    void reprHeadIsTheStartOfRepr()
    {
        using namespace ipclab::lang;
        std::vector<Value> items;
        for (int i = 0; i < 1000; ++i)
            items.push_back(Value::integer(i));
        const Value values[] = { newStr(std::string(100000, 'x')), newStr("变量" + std::string(1000, 'y') + std::string(300, 'z')),
            newBytes(std::string(5000, '\n')), newList(items), newStr("short") };
        for (const Value &v : values) {
            const std::string whole = repr(v), head = reprHead(v, 80);
            QVERIFY(head.size() >= 80 || head == whole);
            QCOMPARE(head.substr(0, 80), whole.substr(0, 80));
            QVERIFY(head.size() < 2000);
        }
    }

    void formatSpec_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow(".2f") << "float"
                             << ".2f" << 3.14159 << "3.14";
        QTest::newRow("08.3f") << "float"
                               << "08.3f" << 3.14159 << "0003.142";
        QTest::newRow(".1%") << "float"
                             << ".1%" << 0.4567 << "45.7%";
        QTest::newRow("e") << "float"
                           << "e" << 1234567.0 << "1.234567e+06";
        QTest::newRow("g small") << "float"
                                 << "g" << 0.00001234 << "1.234e-05";
        QTest::newRow("+d") << "int"
                            << "+d" << 42.0 << "+42";
        QTest::newRow(",") << "int"
                           << "," << 1234567.0 << "1,234,567";
        QTest::newRow("#x") << "int"
                            << "#x" << 255.0 << "0xff";
        QTest::newRow("=+8d") << "int"
                              << "=+8d" << 42.0 << "+     42";
        QTest::newRow("b") << "int"
                           << "b" << 10.0 << "1010";
    }

    void formatSpec()
    {
        QFETCH(QString, kind);
        QFETCH(QString, spec);
        QFETCH(double, value);
        QFETCH(QString, expected);
        std::string error;
        const auto parsed = parseFormatSpec(spec.toStdString(), error);
        QVERIFY2(parsed, error.c_str());
        const auto text = kind == QLatin1String("int") ? formatInt(static_cast<std::int64_t>(value), *parsed, error) : formatFloat(value, *parsed, error);
        QVERIFY2(text, error.c_str());
        QCOMPARE(QString::fromStdString(*text), expected);
    }

    void formatSpecErrors()
    {
        std::string error;
        auto spec = parseFormatSpec("d", error);
        QVERIFY(spec);
        QVERIFY(!formatFloat(1.5, *spec, error));
        QCOMPARE(QString::fromStdString(error), QStringLiteral("Unknown format code 'd' for object of type 'float'"));
    }

    void cjkPadding()
    {
        std::string error;
        auto spec = parseFormatSpec("<6", error);
        QVERIFY(spec);
        QCOMPARE(QString::fromStdString(*formatStr("你好", *spec, error)), QStringLiteral("你好    "));
    }

    // Values printed by CPython 3.11 for the same seeds.
    void randomMatchesCPython()
    {
        PyRandom r;
        r.seed(42);
        QCOMPARE(QString::fromStdString(ipclab::lang::floatRepr(r.random())), QStringLiteral("0.6394267984578837"));
        QCOMPARE(QString::fromStdString(ipclab::lang::floatRepr(r.random())), QStringLiteral("0.025010755222666936"));
        r.seed(12345);
        QList<qint64> dice;
        for (int i = 0; i < 10; ++i)
            dice.append(r.randint(1, 6));
        QCOMPARE(dice, (QList<qint64> { 4, 6, 1, 3, 3, 2, 3, 5, 4, 2 }));
    }
};

QTEST_GUILESS_MAIN(TestLanguage)
#include "tst_language.moc"
