s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), type(s).__name__)
e = set()
print(e, len(e), repr(set()))
s.add(5)
s.add(1)
print(sorted(s))
s.remove(3)
s.discard(42)
s.discard(2)
print(sorted(s))
print(1 in s, 3 in s, 3 not in s)
print(sorted(set("mississippi")), sorted(set([1, 1, 2])), sorted(set((4, 4, 4))))
words = ["a", "b", "a", "c", "b", "a"]
print(len(set(words)), sorted(set(words)))
t = {10}
x = t.pop()
print(x, t, len(t))
c = {1, 2, 3}
d = c.copy()
d.add(4)
print(sorted(c), sorted(d))
c.clear()
print(len(c), c == set())
u = {1, 2}
u.update([3, 4], {5})
print(sorted(u))
seen = set()
dups = []
for n in [4, 7, 4, 1, 7, 7, 9]:
    if n in seen:
        dups.append(n)
    seen.add(n)
print(dups, sorted(seen))
print({1, 2} == {2, 1}, {1} != {1, 2}, {(1, 2), (1, 2)} == {(1, 2)})
print(sorted({"x", "y"}), sorted({1.5, 2, -1}))
print({5}, {"only"})
