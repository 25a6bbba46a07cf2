# Nested functions that name themselves hold the cell that holds them; a run still frees them.
def outer(n):
    def walk(k):
        return 0 if k == 0 else 1 + walk(k - 1)
    return walk(n)
print(outer(10))
def counter():
    def step():
        step.calls = getattr(step, "calls", 0) + 1
        return step.calls
    return step
c = counter()
c()
print(c(), c.__dict__)
def make_gen():
    def gen():
        yield g  # the generator reaches itself through its closure
    g = gen()
    return g
it = make_gen()
print(next(it) is it)
class Node:
    def __init__(self):
        self.me = lambda: self
n = Node()
print(n.me() is n)
