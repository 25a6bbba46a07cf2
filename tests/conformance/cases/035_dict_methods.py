d = {"x": 1, "y": 2, "z": 3}
print(d.get("x"), d.get("w"), d.get("w", 0), d.get("y", 99))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("y"), d, d.pop("nope", "default"))
d["y"] = 20
print(d.popitem(), d)
print(d.setdefault("x", 100), d.setdefault("new", []), d)
d.setdefault("lst", []).append(1)
d.setdefault("lst", []).append(2)
print(d)
d.update({"x": -1, "q": 7})
print(d)
d.update([("r", 8)])
d.update(s=9)
print(d)
c = d.copy()
c["x"] = "changed"
print(d["x"], c["x"])
c.clear()
print(c, len(c))
print(dict.fromkeys(["a", "b", "c"]), dict.fromkeys("xy", 0))
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
inv = {}
for k, v in {"one": 1, "uno": 1, "two": 2}.items():
    inv.setdefault(v, []).append(k)
print(inv)
print(len(d.keys()), "x" in d.keys(), 7 in d.values())
print(sorted(d.keys()) == sorted(d))
