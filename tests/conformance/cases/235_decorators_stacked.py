# Stacked decorators apply from the bottom up; their expressions run top down.
def tag(name):
    print("making", name)
    def deco(fn):
        print("applying", name)
        def wrapper():
            return f"<{name}>{fn()}</{name}>"
        return wrapper
    return deco
@tag("b")
@tag("i")
def text():
    return "hello"
print(text())
def twice(fn):
    return lambda *a: fn(fn(*a))
@twice
@twice
def inc(x):
    return x + 1
print(inc(0))
