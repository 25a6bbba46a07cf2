a, *b = [1, 2, 3, 4]
print(a, b)
*c, d = [1, 2, 3, 4]
print(c, d)
e, *f, g = range(6)
print(e, f, g)
h, *i = "x"
print(h, i)
j, *k, l = (1, 2)
print(j, k, l)
first, *rest = "hello"
print(first, rest)
for head, *tail in [(1, 2, 3), (4,), (5, 6)]:
    print(head, tail)
(m, *n), o = [1, 2, 3], 4
print(m, n, o)
*init, last = [[1], [2], [3]]
print(init, last)
def f(*args):
    return args
print(f(*[1, 2, 3]), f(*"ab"), f(), f(*[]))
def g(a, b, c=0):
    return a + b + c
args = [1, 2]
print(g(*args), g(*args, 3), g(*[1, 2, 3]))
print(sum(f(*range(5))))
