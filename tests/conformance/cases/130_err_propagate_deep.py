def level(n):
    print("enter", n)
    if n == 0:
        return int("not a number")
    r = level(n - 1)
    print("exit", n)
    return r
try:
    level(2)
except TypeError:
    print("wrong handler")
finally:
    print("finally runs before the traceback")
