# A decorator factory: @repeat(3).
def repeat(times):
    def decorate(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        wrapper.__name__ = "repeated_" + fn.__name__
        return wrapper
    return decorate
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"), hello.__name__)
counts = {}
def counted(label):
    def deco(fn):
        def inner(*a):
            counts[label] = counts.get(label, 0) + 1
            return fn(*a)
        return inner
    return deco
@counted("sq")
def square(n):
    return n * n
print([square(i) for i in range(4)], counts)
