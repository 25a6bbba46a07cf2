# Infinite generators work with the lazy built-ins and break.
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
print(take(5, naturals()))
print(take(3, map(lambda x: x * x, naturals())), take(3, filter(lambda x: x % 2, naturals())))
print(list(zip("abc", naturals())), take(2, enumerate(naturals(), 10)))
evens = (x for x in range(10) if x % 2 == 0)
print(next(evens), list(evens))
