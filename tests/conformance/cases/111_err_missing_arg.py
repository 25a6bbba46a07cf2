def f(a, b):
    return a - b
def g(x, y=10):
    return x + y
print(f(10, 3), g(1), g(1, 2))
print(f(5))
