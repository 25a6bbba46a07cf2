# type(obj), obj.__class__, and classes as values.
class A:
    def __init__(self, v):
        self.v = v
    def clone(self):
        return type(self)(self.v + 1)
class B(A):
    pass
b = B(1)
c = b.clone()
print(type(c).__name__, c.v, c.__class__ is B, type(b) == type(c), type(b) is A)
kinds = [A, B]
made = [k(0) for k in kinds]
print([type(m).__name__ for m in made], type(A), type(type(b)))
lookup = {A: "a", B: "b"}
print(lookup[type(b)], A in lookup, str(A), f"{B}")
print(b.__class__.__name__, b.__class__.__mro__[1].__name__)
