# AttributeError wording for instances, classes and modules.
class A:
    x = 1
a = A()
for target, name in [(a, "y"), (A, "y"), (5, "y"), ("s", "nope")]:
    try:
        getattr(target, name)
    except AttributeError as e:
        print(e)
try:
    A.y
except AttributeError as e:
    print(e)
try:
    int.foo = 1
except TypeError as e:
    print(e)
try:
    del a.x
except AttributeError as e:
    print(e)
a.q
