a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100, 101]
print(a)
a[1:3] = []
print(a)
a[::2] = [0] * len(a[::2])
print(a)
b = [1, 2, 3, 4, 5]
b[1:4] = (20, 30, 40, 50, 60)
print(b)
b[-2:] = "xy"
print(b)
c = list(range(8))
del c[0]
print(c)
del c[-1]
print(c)
del c[1:3]
print(c)
del c[::2]
print(c)
d = list(range(10))
del d[:]
print(d)
e = [1, 2, 3, 4, 5, 6, 7]
e[::-2] = ["a", "b", "c", "d"]
print(e)
f = [1, 2, 3]
f[1:2] = [[9, 9]]
print(f)
g = [0, 1, 2, 3]
g[3:1] = ["ins"]
print(g)
h = {"a": 1, "b": 2, "c": 3}
del h["b"]
print(h)
