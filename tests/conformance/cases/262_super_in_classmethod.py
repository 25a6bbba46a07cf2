# super() in classmethods and in __init__ chains with keywords.
class Base:
    @classmethod
    def create(cls, **kw):
        obj = cls()
        for k, v in kw.items():
            setattr(obj, k, v)
        return obj
    def describe(self):
        return "base"
class Child(Base):
    @classmethod
    def create(cls, **kw):
        obj = super().create(**kw)
        obj.child = True
        return obj
    def describe(self):
        return "child of " + super().describe()
c = Child.create(a=1, b=2)
print(type(c).__name__, c.a, c.b, c.child, c.describe())
class A:
    def __init__(self, x, **rest):
        self.x = x
        super().__init__(**rest)
class B:
    def __init__(self, y):
        self.y = y
class AB(A, B):
    pass
ab = AB(x=1, y=2)
print(ab.x, ab.y)
AB(x=1)
