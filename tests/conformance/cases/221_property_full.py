# @property with a setter and a deleter; read-only properties refuse writes.
class Celsius:
    def __init__(self, degrees):
        self._d = degrees
    @property
    def degrees(self):
        print("get")
        return self._d
    @degrees.setter
    def degrees(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        print("set", value)
        self._d = value
    @degrees.deleter
    def degrees(self):
        print("del")
        del self._d
    @property
    def fahrenheit(self):
        return self._d * 9 / 5 + 32
c = Celsius(20)
print(c.degrees, c.fahrenheit)
c.degrees = 30
print(c.fahrenheit)
try:
    c.degrees = -300
except ValueError as e:
    print("ValueError", e)
del c.degrees
print(hasattr(c, "_d"), type(Celsius.degrees).__name__)
try:
    del c.fahrenheit
except AttributeError as e:
    print(e)
c.fahrenheit = 1
