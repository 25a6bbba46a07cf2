# yield makes a generator: lazy, resumable, exhausted once.
def countdown(n):
    print("start")
    while n > 0:
        yield n
        n -= 1
    print("done")
g = countdown(3)
print(type(g).__name__, repr(g).startswith("<generator object countdown at 0x"))
print(next(g), next(g), list(g), list(g))
for x in countdown(2):
    print("got", x)
print(sum(countdown(4)), max(countdown(3)), 2 in countdown(3), sorted(countdown(3)))
a, b = countdown(2)
print(a, b, next(countdown(9)), next(iter(countdown(8))))
