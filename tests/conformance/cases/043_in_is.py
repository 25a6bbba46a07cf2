lst = [1, 2, [3, 4], "five"]
print(1 in lst, [3, 4] in lst, 3 in lst, "five" in lst, "f" in lst)
print("ell" in "hello", "" in "", "x" not in "abc")
print(2 in (1, 2), 2 in {2: "x"}, "x" in {2: "x"}, 3 in {3, 4}, 3 in range(5), 5 in range(5))
print(7 in range(1, 10, 2), 8 in range(1, 10, 2), -1 in range(0, -5, -1))
print(b"b" in b"abc", 98 in b"abc")
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is True, (1 == 1) is True)
x = None
if x is None:
    print("x is None")
print(id(a) == id(b), id(a) == id(c))
e1 = ()
print(type(1) is int, type("s") is str, type([]) is list, type(1.0) is not int)
print(type(True) == bool, type({}) is dict, type(set()) is set, type(()) is tuple)
print(type(None) is type(None), type(b"") is bytes)
print(print is print, len is len)
