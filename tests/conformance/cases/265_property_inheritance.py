# Properties are inherited and can be overridden; a subclass may call the base's through super().
class Shape:
    def __init__(self, w, h):
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h
    @property
    def name(self):
        return "shape"
class Square(Shape):
    def __init__(self, s):
        super().__init__(s, s)
    @property
    def name(self):
        return "square, a " + super().name
sq = Square(3)
print(sq.area, sq.name, Shape(2, 5).area)
sq.area = 10
