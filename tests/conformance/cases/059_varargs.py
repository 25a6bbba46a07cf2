def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1), total(1, 2, 3), total(*range(10)))
def info(*args):
    return len(args), type(args).__name__, args
print(info(), info("a"), info(1, [2], (3,)))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3))
def fmt(sep, *parts):
    return sep.join(str(p) for p in parts)
print(fmt("-", 1, 2, 3), fmt(", "), fmt("/", "a", "b"))
def wrapper(*args, **kwargs):
    return inner(*args, **kwargs)
def inner(x, y=0, z=0):
    return x * 100 + y * 10 + z
print(wrapper(1), wrapper(1, 2), wrapper(1, z=3), wrapper(x=4, y=5, z=6))
def count_args(*a, **k):
    return len(a) + len(k)
print(count_args(1, 2, x=3), count_args(**{"p": 1, "q": 2}))
lst = [5, 1, 4]
print(max(*lst), min(*lst, 0))
