# __repr__ and __str__: print uses str, containers use repr.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"

m = Money(1234)
print(m)
print(repr(m), [m], {"k": m}, (m,))
print(f"{m} {m!r}", "%s %r" % (m, m), "{} {!r}".format(m, m))
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()))
class Bad:
    def __repr__(self):
        return 42
print(repr(Bad()))
