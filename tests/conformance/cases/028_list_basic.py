a = [1, 2, 3]
b = []
c = [1, "two", 3.0, None, True, [4, 5], (6,), {"k": 7}]
print(a, b, c, len(c))
print(a + [4, 5], a * 2, [0] * 5, [] * 3)
print(a[0], a[-1], c[5][1], c[7]["k"])
a[1] = 20
print(a)
a[-1] += 100
print(a)
print(3 in a, 20 in a, [4, 5] in c, "two" not in c)
nested = [[0] * 3 for _ in range(3)]
nested[1][1] = 5
print(nested)
alias = [[0] * 2] * 2
alias[0][0] = 9
print(alias)
x = [1, 2]
y = x
y.append(3)
print(x, y, x is y, x == [1, 2, 3], x is [1, 2, 3])
z = list(x)
z.append(4)
print(x, z)
print(list(), list(range(5)), list("hi"), list((1, 2)), list({"a": 1, "b": 2}))
print(len([]), len([[]]), [[]] == [[]])
m = [i * i for i in range(6)]
print(m, m[2:4], sum(m), max(m), min(m))
words = ["b", "a", "c"]
words += ["d"]
print(words)
