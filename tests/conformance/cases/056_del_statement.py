x = 10
y = 20
del x
print(y)
lst = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
del lst[3]
print(lst)
del lst[-2:]
print(lst)
del lst[::3]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["c"]
print(d)
m = [[1, 2], [3, 4]]
del m[0][1]
print(m)
a = b = [1, 2]
del a
print(b)
def f():
    local = 5
    del local
    return "deleted local"
print(f())
x = 1
print(x)
del y
try:
    print(y)
except NameError as e:
    print("NameError:", e)
