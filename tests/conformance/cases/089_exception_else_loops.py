results = []
for v in [4, 0, "x", 2]:
    try:
        r = 8 // v
    except ZeroDivisionError:
        results.append("zero")
        continue
    except TypeError:
        results.append("type")
        break
    else:
        results.append(r)
    finally:
        results.append("f")
print(results)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise RuntimeError("retry")
        print("success after", attempts)
        break
    except RuntimeError as e:
        print("attempt", attempts, e)
def parse_all(items):
    good, bad = [], []
    for it in items:
        try:
            good.append(float(it))
        except ValueError as e:
            bad.append(str(e))
    return good, bad
g, b = parse_all(["1.5", "abc", "2e3", "", "-0"])
print(g)
for m in b:
    print(m)
def first_error(funcs):
    for i, fn in enumerate(funcs):
        try:
            fn()
        except Exception as e:
            return i, type(e).__name__
    return None
print(first_error([lambda: 1, lambda: [][1], lambda: 1 / 0]))
print(first_error([lambda: 2]))
