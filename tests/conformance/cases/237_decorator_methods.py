# A decorator on methods; the wrapper receives self.
def trace(fn):
    def wrapper(self, *args):
        print(f"{type(self).__name__}.{fn.__name__}{args}")
        return fn(self, *args)
    return wrapper
class Calc:
    def __init__(self):
        self.total = 0
    @trace
    def add(self, n):
        self.total += n
        return self
    @staticmethod
    @trace
    def odd(x):
        return x
c = Calc()
c.add(2).add(3)
print(c.total)
c.odd(5)
