def f(a, b):
    return a * b
print(f(2, 3))
print(f(b=4, a=5))
print(f(1, 2, 3))
