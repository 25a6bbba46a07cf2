# Bound methods remember their instance: stored and called later.
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, greeting="hello"):
        return f"{greeting}, {self.name}"

g = Greeter("ann")
h = Greeter("bob")
calls = [g.greet, h.greet]
print([c() for c in calls], calls[0]("hi"))
m = g.greet
print(m.__self__ is g, m.__func__ is Greeter.greet, m.__name__)
print(Greeter.greet(h, "hey"))
print(repr(m).startswith("<bound method Greeter.greet of <__main__.Greeter object at"))
print(list(map(Greeter.greet, [g, h])))
print(g.greet == g.greet, g.greet is g.greet)
g.greet(1, 2)
