# __ne__ defaults to the inverse of __eq__; NotImplemented falls back to identity.
class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        if not isinstance(other, A):
            return NotImplemented
        return self.v == other.v
    __hash__ = None
print(A(1) == A(1), A(1) != A(1), A(1) != A(2), A(1) == 1, A(1) != 1)
print(A(1) in [A(0), A(1)], [A(1)] == [A(1)], (A(2),) == (A(3),))
print(NotImplemented)
class B:
    def __eq__(self, other):
        return "yes"
print(B() == 1, 1 == B(), B() != 1)
