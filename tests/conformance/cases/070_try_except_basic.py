def safe_div(a, b):
    try:
        r = a / b
    except ZeroDivisionError:
        return "div by zero"
    else:
        return "ok " + str(r)
    finally:
        print("  finally for", a, b)
print(safe_div(10, 2))
print(safe_div(1, 0))
try:
    int("xyz")
except ValueError as e:
    print("caught ValueError:", e)
try:
    [1, 2][5]
except (KeyError, IndexError) as e:
    print("caught tuple:", type(e).__name__, e)
try:
    {"a": 1}["b"]
except IndexError:
    print("wrong handler")
except KeyError as e:
    print("KeyError handler:", e, repr(e))
try:
    undefined_name
except NameError as e:
    print("NameError:", e)
try:
    None.foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    1 + "a"
except:
    print("bare except caught")
try:
    pass
except Exception:
    print("not reached")
else:
    print("else runs when no exception")
try:
    x = 1
finally:
    print("finally without except, x =", x)
for v in ["1", "x", "2", "", "3.5", "4"]:
    try:
        print("parsed", int(v))
    except ValueError:
        print("skip", repr(v))
