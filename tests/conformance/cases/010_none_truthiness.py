x = None
print(x, repr(x), str(x), type(x).__name__)
print(x is None, x is not None, x == None)
def f():
    pass
def g():
    return
print(f(), g())
values = [0, 1, -1, 0.0, 2.5, "", "0", [], [[]], (), {}, {"a": 1}, set(), None, True, False]
for v in values:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
n = 0
items = [3, 0, 5]
while items:
    n += items.pop()
print(n, items)
s = "abc"
out = []
while s:
    out.append(s)
    s = s[1:]
print(out)
d = {}
print("empty" if not d else "full")
d["k"] = None
print("empty" if not d else "full", d)
print([v for v in values if v], len([v for v in values if not v]))
