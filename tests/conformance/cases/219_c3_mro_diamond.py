# Multiple inheritance: C3 order, the diamond, and super() along the MRO.
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
print([k.__name__ for k in Z.__mro__], [k.__name__ for k in W.__mro__])
class Mixin:
    def hello(self):
        return "mixin " + self.name
class Named:
    def __init__(self):
        self.name = "n"
class Both(Mixin, Named):
    pass
print(Both().hello())
class Bad(Z, W):
    pass
