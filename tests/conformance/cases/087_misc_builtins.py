a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), id(a) != id(c))
print(hash(5) == hash(5), hash(0) == 0, hash(42) == hash(42))
print(callable(print), callable(None), callable([]), callable(lambda: 1), callable(int))
def f():
    return 1
print(callable(f))
print(callable(str), callable(sorted))
print(bin(10), hex(255), oct(64), bin(-3), hex(-16))
print(len(range(0, 100, 7)), sum(range(0, 100, 7)))
print([s.upper() for s in ["ab", "cd"]])
print(abs(-3) + divmod(7, 2)[1] + pow(2, 3) + round(2.6))
print(all([True, 1, "x"]), any([0, "", None]), all(()), any([[]]))
print(sorted(map(lambda x: -x, [3, 1, 2])))
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])))
print(max(zip([1, 5, 3], "xyz")), min(enumerate("qwe"), key=lambda p: p[1]))
