# Deep recursion inside a generator, a generator resuming itself, thousands of generators, one in a thread.
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
def gen():
    yield deep(150)
    yield deep(100000)
g = gen()
print(next(g))
try:
    next(g)
except RecursionError:
    print("RecursionError")
def selfish():
    yield next(me)
me = selfish()
try:
    next(me)
except ValueError as e:
    print(e)
def nested(n):
    if n:
        yield from nested(n - 1)
    yield n
print(list(nested(50)))
def rec(n):
    yield n
    if n < 2000:
        yield from rec(n + 1)
try:
    print(sum(rec(0)))
except RecursionError:
    print("deep yield from: RecursionError")
import threading
def tgen():
    yield threading.current_thread().name
out = []
t = threading.Thread(target=lambda: out.extend(tgen()))
t.start(); t.join()
print(out)
many = [nested(3) for _ in range(3000)]
print(sum(len(list(m)) for m in many))
def fails():
    yield 1
    raise KeyError("inside")
for x in fails():
    print("got", x)
