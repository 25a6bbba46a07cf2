t = (1, 2, 3)
e = ()
one = (1,)
also = 4, 5
print(t, e, one, also, (1), ((1,),), (None,))
print(len(t), len(e), len(one), type(one).__name__, type((1)).__name__)
print(t[0], t[-1], t[1:], t + (4,), t * 2, one * 3)
print(2 in t, 9 in t, t.count(2), t.index(3))
print(tuple([1, 2]), tuple("ab"), tuple(), tuple(range(3)))
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,))
nested = ((1, 2), [3, 4], "five")
nested[1].append(5)
print(nested)
a, b = 1, 2
a, b = b, a
print(a, b)
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, -2, 7])
print(lo, hi, minmax("hello"))
r = minmax([1])
print(r, type(r).__name__)
print(("a", 1), ("it's",), (1.5, "x", [None]))
d = {(0, 0): "origin", (1, 2): "pt"}
print(d[(1, 2)], d[0, 0])
print(sum(t), max(t), sorted(t, reverse=True))
