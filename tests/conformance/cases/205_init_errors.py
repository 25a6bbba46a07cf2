# Constructor argument errors name the method as CPython does.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
for args in [(1,), (1, 2, 3)]:
    try:
        P(*args)
    except TypeError as e:
        print(e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
class ReturnsValue:
    def __init__(self):
        return 5
try:
    ReturnsValue()
except TypeError as e:
    print(e)
P(1, z=2)
