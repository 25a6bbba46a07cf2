a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(sorted(a.union([9, 10], (11,))), sorted(a.intersection([1, 2, 99])))
print({1, 2} <= a, {1, 5} <= a, a >= {2, 3}, a >= b, a <= a)
print({1, 2}.issubset(a), a.issuperset({4}), set().issubset(b), a.issubset([1, 2, 3, 4, 5]))
c = set(a)
c |= {7}
print(sorted(c))
c &= {1, 2, 7, 8}
print(sorted(c))
c -= {1}
print(sorted(c))
c ^= {2, 3}
print(sorted(c))
print(len(a), len(b))
x = set(range(10))
evens = {n for n in x if n % 2 == 0}
print(sorted(x - evens), sorted(evens & {0, 1, 2}))
print(len(a | b | {100}), len(a & b & {3}))
