def total(xs):
    s = 0
    for x in xs:
        s += x
    return s
print(total([1, 2, 3]), total((4, 5)), total(range(4)))
print(total(10))
