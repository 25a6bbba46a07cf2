# In-place dunders mutate; without them x += y rebinds to x + y.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, item):
        self.items.append(item)
        return self
    def __repr__(self):
        return f"Acc{self.items}"
a = Acc()
alias = a
a += 1
a += 2
print(a, alias is a)
class Num:
    def __init__(self, n):
        self.n = n
    def __add__(self, o):
        return Num(self.n + o)
    def __repr__(self):
        return f"Num({self.n})"
x = Num(1)
y = x
x += 5
print(x, y, x is y)
class Holder:
    def __init__(self):
        self.total = Num(0)
h = Holder()
h.total += 3
d = {"k": Num(1)}
d["k"] += 1
print(h.total, d)
class Lazy:
    def __isub__(self, o):
        return NotImplemented
z = Lazy()
z -= 1
