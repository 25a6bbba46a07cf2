# @staticmethod and @classmethod, through the class and an instance, inherited.
class Shape:
    registry = []
    def __init__(self, name):
        self.name = name
    @classmethod
    def create(cls, name):
        obj = cls(name)
        cls.registry.append(obj.name)
        return obj
    @staticmethod
    def area(w, h):
        return w * h
    @classmethod
    def kind(cls):
        return cls.__name__
class Square(Shape):
    pass
s = Square.create("sq")
print(type(s).__name__, Shape.registry, Square.kind(), s.kind(), Shape.kind())
print(Shape.area(2, 3), s.area(4, 5))
f = Shape.area
print(f(1, 1), callable(Shape.create))
print(repr(Shape.create).startswith("<bound method Shape.create of <class '__main__.Shape'>>"))
Shape.area(1)
