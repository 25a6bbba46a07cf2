d = {"a": 1, "b": 2}
print(d.pop("a"), d)
print(d.pop("zz", "default"))
print(d.pop("zz"))
