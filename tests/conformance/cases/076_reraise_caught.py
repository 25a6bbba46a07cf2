def process(x):
    try:
        return 100 // x
    except ZeroDivisionError:
        print("  logging error for", x)
        raise
for v in [5, 0, 20]:
    try:
        print("result", process(v))
    except ZeroDivisionError as e:
        print("outer saw:", e)
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError("cannot convert " + repr(s))
for s in ["10", "ten"]:
    try:
        print(convert(s))
    except TypeError as e:
        print("TypeError:", e)
def retry(fn, times):
    last = None
    for i in range(times):
        try:
            return fn(i)
        except RuntimeError as e:
            print("  attempt", i, "failed:", e)
            last = e
    raise last
def flaky(i):
    if i < 2:
        raise RuntimeError("not yet " + str(i))
    return "succeeded at " + str(i)
print(retry(flaky, 5))
try:
    retry(flaky, 2)
except RuntimeError as e:
    print("gave up:", e)
saved = None
try:
    raise KeyError("saved")
except KeyError as e:
    saved = e
print(type(saved).__name__, saved)
try:
    raise saved
except LookupError as e:
    print("raised saved instance:", repr(e), e is saved)
