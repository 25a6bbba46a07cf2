# Generator expressions are lazy now.
def noisy(n):
    for i in range(n):
        print("making", i)
        yield i
g = (x * 10 for x in noisy(3))
print("created")
print(next(g))
print(list(g))
print(any(x > 0 for x in noisy(100)))
def f(items):
    k = 3
    return (i * k for i in items if i % 2)
print(list(f(range(6))))
class C:
    vals = [1, 2]
    doubled = list(v * 2 for v in vals)
print(C.doubled)
try:
    (x for x in 5)
except TypeError as e:
    print(e)
nested = ((i, j) for i in range(2) for j in range(i, 3) if j)
print(list(nested), type(nested).__name__)
print(sum(i for i in range(10)), sorted((c for c in "bca"), reverse=True), " ".join(str(i) for i in range(3)))
gg = (1 / x for x in [1, 0])
print(next(gg))
next(gg)
