# __enter__/__exit__: the value bound by as, and suppression by a true return.
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Resource("a") as r:
    print("inside", r.name)
with Resource("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
with Resource("outer"), Resource("inner"):
    print("both")
try:
    with Resource("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", e)
class NoEnter:
    pass
with NoEnter():
    pass
