# Exceptions thrown into generators, finally blocks on close, delegation of throw().
def g():
    try:
        yield 1
    except KeyError:
        print("in gen handler")
        yield 2
        raise
try:
    raise ValueError("outer")
except ValueError:
    it = g()
    print(next(it))
print(it.throw(KeyError("k")))
try:
    next(it)
except KeyError as e:
    print("reraised", repr(e), repr(e.__context__))
def h():
    try:
        yield
    finally:
        raise RuntimeError("in finally")
x = h()
next(x)
try:
    x.close()
except RuntimeError as e:
    print("close raised", e)
def gen_with_return_in_finally():
    try:
        yield 1
    finally:
        return 5
y = gen_with_return_in_finally()
next(y)
y.close()
print("closed ok")
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        else:
            n += 1
c = counter()
print(next(c), next(c), c.send("reset"), next(c))
def sub():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "sub caught"
def delegator():
    yield from sub()
    yield "after"
d = delegator()
print(next(d), d.throw(ValueError), next(d))
def gx():
    yield from iter([1, 2])
    return 3
def gy():
    r = yield from gx()
    print("r", r)
print(list(gy()))
print(list(zip(range(3), (i * i for i in range(10)))))
def fails_late():
    yield 1
    1 / 0
for v in fails_late():
    print(v)
