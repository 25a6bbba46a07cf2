vals = [1, 1.5, "s", b"b", [1], (1,), {"a": 1}, {1}, None, True]
for v in vals:
    print(repr(v), type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)), isinstance(v, (str, bytes)))
print(type(1), type("x"), type([]), type(None), type(1.0), type({}), type(True))
print(type(1) == int, type(1) == float, type([]) is list, type(True) is int)
print(isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance(ValueError("x"), Exception), isinstance(KeyError("k"), LookupError))
print(isinstance(ZeroDivisionError(), ArithmeticError), isinstance(TypeError(), ValueError))
def kind(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    if isinstance(x, float):
        return "float"
    if isinstance(x, str):
        return "str"
    if isinstance(x, (list, tuple)):
        return "seq[" + ",".join(kind(e) for e in x) + "]"
    if isinstance(x, dict):
        return "dict"
    return "other"
print(kind([1, 2.0, "a", (True, None), {}]))
print(callable(len), callable(kind), callable("x"), callable(lambda: 0))
print(type(print) == type(len), type(kind) == type(lambda: 0))
