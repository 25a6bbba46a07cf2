def f(a, *args, sep='-'):
    return sep.join(args) + a
print(f('!', 'x', 'y'))
def g(a, *, b=2):
    return a, b
try:
    g(1, 2)
except TypeError as e:
    print(e)
print(str.lower('A'), sorted(['b', 'A', 'c'], key=str.lower), list(map(str.upper, ['x'])))
def outer():
    def inner(a):
        return a
    return inner
try:
    outer()()
except TypeError as e:
    print(e)
try:
    x = [0, 1] * (2**61)
except MemoryError:
    print('MemoryError')
try:
    print(len(range(-2**62, 2**62)))
except OverflowError as e:
    print("OverflowError", e)
