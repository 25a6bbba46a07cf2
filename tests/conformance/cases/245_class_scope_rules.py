# Class bodies: their names are not visible inside methods; closures are.
x = "global"
class C:
    x = "class"
    y = x + "!"
    def show(self):
        return x
    items = [i * 2 for i in range(3)]
print(C().show(), C.x, C.y, C.items)
def make(tag):
    class Local:
        label = tag
        def get(self):
            return tag + "/" + self.label
    return Local
L = make("t1")
print(L().get(), L.__qualname__, make("t2")().get())
class Counter:
    n = 0
    def inc(self):
        Counter.n += 1
        return Counter.n
a, b = Counter(), Counter()
a.inc(); b.inc()
print(Counter.n, a.n)
class Shared:
    items = []
s1, s2 = Shared(), Shared()
s1.items.append(1)
print(s2.items)
class Uses:
    value = 1
    def get(self):
        return zqx
Uses().get()
