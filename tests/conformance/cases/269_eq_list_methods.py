# list.index, count, remove and `in` use __eq__.
class Name:
    def __init__(self, s):
        self.s = s.lower()
    def __eq__(self, o):
        return isinstance(o, Name) and self.s == o.s
    def __repr__(self):
        return f"Name({self.s!r})"
names = [Name("Ann"), Name("BOB"), Name("ann")]
print(names.index(Name("bob")), names.count(Name("ANN")), Name("Bob") in names)
names.remove(Name("ANN"))
print(names)
names.index(Name("zed"))
