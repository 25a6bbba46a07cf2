# return in a generator: StopIteration.value; next(g, default).
def g():
    yield 1
    return "result"
it = g()
print(next(it), next(it, "default"), next(it, "again"))
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value:", e.value, e.args)
def empty():
    return
    yield
print(list(empty()), next(empty(), "nothing"))
next(g(), None)
n = g()
next(n)
next(n)
