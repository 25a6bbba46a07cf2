sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), add(b=5, a=5))
print((lambda: "no args")())
print((lambda *a: len(a))(1, 2, 3))
print(list(map(lambda x: x * 3, [1, 2, 3])))
print(list(filter(lambda s: len(s) > 2, ["a", "abc", "de", "fghi"])))
print(sorted([(1, "b"), (2, "a")], key=lambda t: t[1]))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for sym in ["+", "-", "*"]:
    print(sym, ops[sym](6, 3))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in late])
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(4))
print(max(["aa", "b", "cccc"], key=lambda s: len(s)))
cond = lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg")
print([cond(v) for v in (-1, 0, 1)])
for y in map(lambda p: p[0] * p[1], zip([1, 2], [3, 4])):
    print(y)
