excs = [ValueError("bad value"), KeyError("k"), IndexError(), TypeError("a", 1), RuntimeError(""),
        ZeroDivisionError("division by zero"), Exception("msg", "extra", 3), KeyError(1), AssertionError()]
for e in excs:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args, "|", len(e.args))
try:
    {}["missing key"]
except KeyError as e:
    print(str(e), repr(e), e.args, e.args[0])
try:
    [1][3]
except IndexError as e:
    print(str(e), repr(e), e.args)
try:
    1 / 0
except ZeroDivisionError as e:
    print(str(e), repr(e), e.args)
try:
    int("12a")
except ValueError as e:
    print(str(e), repr(e))
try:
    raise NotImplementedError("todo")
except RuntimeError as e:
    print(type(e).__name__, e, isinstance(e, NotImplementedError))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
err = OSError("disk")
print(err, repr(err), isinstance(err, Exception))
msg = ""
try:
    raise TypeError("x is " + str(42))
except TypeError as e:
    msg = str(e)
print(msg, f"{ValueError('v')!r}", f"{KeyError('q')}")
print(str(KeyError("it's")), repr(ValueError("it's")))
