# __getattr__ runs only for attributes not found the usual way.
class Proxy:
    def __init__(self, target):
        self.target = target
    def __getattr__(self, name):
        print("forwarding", name)
        return getattr(self.target, name)
class Target:
    colour = "red"
    def shout(self, s):
        return s.upper()
p = Proxy(Target())
print(p.colour, p.shout("hey"), p.target.colour, hasattr(p, "nothing"))
p.nothing
