print(1 and "x", 0 and "x", "" or "default", "val" or "default")
print(None or 0 or [] or "last", 1 and 2 and 3, 1 and 0 and 3)
print(not None, not "", not "x", not [0], not 0.0)
print(True and not False, not (True and False), not True or True)
print(1 or 1 / 0, 0 and 1 / 0)
x = []
y = x or [1]
print(y, x is y)
name = ""
print(name or "anonymous", (name and name.upper()) or "none")
def first_truthy(*args):
    for a in args:
        if a:
            return a
    return None
print(first_truthy(0, "", None, 5, 6), first_truthy(), first_truthy(0))
print([a or b for a, b in [(0, 1), (2, 3), ("", "s")]])
print([a and b for a, b in [(0, 1), (2, 3), ("", "s")]])
vals = [0, 1, 2]
print(all(vals), any(vals), all([]), any([]), all(x > -1 for x in vals))
print(not 1 == 2, not 1 < 2 < 3, (not 1) == 2)
print(True and 5 or 6, False and 5 or 6, None and 5 or 6)
