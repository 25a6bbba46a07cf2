# A generator paused inside try/finally at the end of the program runs its finally, as at CPython's shutdown.
def g():
    try:
        yield 1
    finally:
        print("cleanup")
x = g()
print(next(x))
