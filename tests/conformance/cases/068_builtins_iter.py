names = ["ann", "bob", "cy"]
ages = [31, 25, 40, 99]
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, start=1):
    print(i, n)
print(list(enumerate("ab", 10)))
for n, a in zip(names, ages):
    print(n, a)
print(list(zip(names, ages, "xyz")), list(zip()), list(zip([1, 2], [])))
print(list(reversed(names)), list(reversed(range(5))), list(reversed("abc")), list(reversed((1, 2))))
print(sorted(ages, reverse=True), sorted(names, key=lambda s: s[-1]))
print(list(map(len, names)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda x: x > 30, ages)))
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -2)), list(range(0)), list(range(5, 2)))
r = range(3, 20, 4)
print(len(r), list(r), 11 in r, 12 in r, len(range(0)), len(range(10, 0, -3)))
total = 0
for x in map(int, "12345"):
    total += x
print(total)
for k, v in zip("abc", range(3)):
    print(k * (v + 1), end=" ")
print()
print(dict(enumerate("xy")), dict(zip("ab", [1, 2])))
for i, (a, b) in enumerate(zip([1, 2], [3, 4])):
    print(i, a, b)
for x in reversed(sorted([3, 1, 2])):
    print(x, end="")
print()
