# A decorator that is not callable fails when the def runs.
not_callable = 5
print("before")
@not_callable
def f():
    pass
