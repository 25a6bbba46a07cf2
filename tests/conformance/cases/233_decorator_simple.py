# A decorator without arguments wraps the function; __name__ set by hand.
def logged(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper
@logged
def add(a, b=1):
    "Adds."
    return a + b
print(add(2), add(2, b=5), add.__name__, add.__doc__)
print(add.__qualname__)
