tests = [
    lambda: {}["missing"],
    lambda: [][0],
    lambda: 1 // 0,
    lambda: int("bad"),
    lambda: "a" + 1,
    lambda: unknown_var,
    lambda: [].nothing,
]
for t in tests:
    try:
        t()
    except LookupError as e:
        print("LookupError caught", type(e).__name__, e)
    except ArithmeticError as e:
        print("ArithmeticError caught", type(e).__name__, e)
    except Exception as e:
        print("Exception caught", type(e).__name__, e)
checks = [
    (KeyError, LookupError), (IndexError, LookupError), (ZeroDivisionError, ArithmeticError),
    (OverflowError, ArithmeticError), (UnboundLocalError, NameError), (NotImplementedError, RuntimeError),
    (RecursionError, RuntimeError), (ModuleNotFoundError, ImportError), (TimeoutError, OSError),
    (ValueError, Exception), (Exception, BaseException), (KeyboardInterrupt, Exception),
    (SystemExit, Exception), (KeyboardInterrupt, BaseException), (StopIteration, Exception),
    (AssertionError, Exception), (EOFError, Exception), (KeyError, IndexError),
]
def name_of(cls):
    return type(cls("probe")).__name__
for sub, sup in checks:
    try:
        raise sub("x")
    except sup:
        print(name_of(sub), "is a", name_of(sup))
    except BaseException:
        print(name_of(sub), "is NOT a", name_of(sup))
try:
    raise KeyError("k")
except (ValueError, LookupError) as e:
    print("tuple with base class", type(e).__name__)
try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("wrong")
except ValueError as e:
    print("outer caught", e)
