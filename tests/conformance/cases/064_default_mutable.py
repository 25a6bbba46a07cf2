def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
calls = []
def default_value():
    calls.append("evaluated")
    return 42
def uses_default(x=default_value()):
    return x
print(uses_default(), uses_default(), uses_default(7), calls)
n = 5
def capture(v=n):
    return v
n = 99
print(capture())
def memo_fib(k, cache={}):
    if k in cache:
        return cache[k]
    r = k if k < 2 else memo_fib(k - 1) + memo_fib(k - 2)
    cache[k] = r
    return r
print(memo_fib(50), memo_fib(80))
def counted(d={"n": 0}):
    d["n"] += 1
    return d["n"]
print(counted(), counted(), counted({"n": 100}), counted())
