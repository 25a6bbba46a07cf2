a, b, c = 1, 2, 3
print(a, b, c)
x, y = [10, 20]
print(x, y)
p, q = "hi"
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
[r, s] = (7, 8)
print(r, s)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
pairs = [(1, "one"), (2, "two")]
for num, word in pairs:
    print(num, word)
a, b = b, a
print(a, b)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
d = {}
d["a"], d["b"] = "A", "B"
print(d)
t = 1,
print(t)
(single,) = [42]
print(single)
u, v = divmod(17, 5)
print(u, v)
first, second = sorted({3: 0, 1: 0})
print(first, second)
x1, y1 = y2, x2 = 5, 6
print(x1, y1, x2, y2)
