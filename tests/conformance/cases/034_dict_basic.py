d = {"a": 1, "b": 2}
e = {}
print(d, e, len(d), len(e), type(e).__name__)
d["c"] = 3
d["a"] = 10
print(d, d["a"], "a" in d, "z" in d, 1 in d, "b" not in d)
mixed = {1: "int", 2.5: "float", "s": [1, 2], (1, 2): {"in": "ner"}, None: True, True: "bool"}
print(mixed)
print(mixed[1], mixed[(1, 2)]["in"], mixed[None])
print({1: "a", 1.0: "b"}, {0: "x", False: "y"})
del d["b"]
print(d, list(d), len(d))
d["b"] = 2
print(d)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(dict(), dict([("x", 1), ("y", 2)]), dict(a=1, b=2), dict({"k": "v"}))
print(dict(zip(["p", "q"], [7, 8])), dict([[1, 2]]))
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2})
grid = {}
for i in range(3):
    for j in range(3):
        grid[(i, j)] = i * j
print(grid[(2, 2)], len(grid), sum(grid.values()))
nested = {"outer": {"inner": {"deep": [1, {"x": "y"}]}}}
print(nested["outer"]["inner"]["deep"][1]["x"])
nested["outer"]["new"] = 5
print(nested)
d2 = d
d2["zz"] = 0
print(d is d2, d)
d["a"] += 5
d["a"] *= 2
print(d["a"])
