def make_multiplier(n):
    def mul(x):
        return x * n
    return mul
double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5), double(triple(2)))
def make_counter():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2(), c1())
def outer():
    x = "outer-x"
    def middle():
        def inner():
            return x + "!"
        return inner()
    return middle()
print(outer())
def make_funcs():
    fs = []
    for i in range(3):
        def f(i=i):
            return i * 10
        fs.append(f)
    return fs
print([f() for f in make_funcs()])
def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late_binding())
def accumulate(start):
    total = start
    def add(v):
        return total + v
    total = total * 2
    return add
print(accumulate(5)(1))
def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run
print(compose(str, lambda v: v + 1, lambda v: v * 2)(20))
def adder(a):
    return lambda b: lambda c: a + b + c
print(adder(1)(2)(3))
