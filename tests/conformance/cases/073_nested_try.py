def level3(x):
    if x == 0:
        raise ValueError("zero at level3")
    return 10 // x
def level2(x):
    try:
        return level3(x)
    except TypeError:
        return "level2 caught TypeError"
def level1(x):
    try:
        return level2(x)
    except ValueError as e:
        return "level1 caught: " + str(e)
print(level1(5), level1(0), level1("s"))
try:
    try:
        raise KeyError("first")
    except KeyError:
        print("inner handler")
        raise IndexError("second")
except IndexError as e:
    print("outer got", repr(e))
try:
    try:
        1 / 0
    finally:
        print("inner finally")
except ZeroDivisionError as e:
    print("outer caught", e)
result = []
for x in [1, 0, "a", None, 4]:
    try:
        try:
            result.append(12 / x)
        except ZeroDivisionError:
            result.append("inf")
            raise
    except ZeroDivisionError:
        result.append("re-raised")
    except TypeError:
        result.append("type")
print(result)
def cleanup_chain():
    events = []
    try:
        try:
            try:
                events.append("a")
                raise RuntimeError("deep")
            finally:
                events.append("f1")
        finally:
            events.append("f2")
    except RuntimeError as e:
        events.append("caught " + str(e))
    return events
print(cleanup_chain())
try:
    try:
        raise ValueError("orig")
    except ValueError:
        x = undefined_name
except NameError as e:
    print("exception inside handler:", e)
