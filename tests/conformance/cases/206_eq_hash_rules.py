# __eq__ alone makes a class unhashable; __hash__ brings it back.
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)

d = {Key(1): "one", Key(2): "two"}
print(d[Key(1)], Key(2) in d, Key(3) in d, len({Key(1), Key(1), Key(2)}))
class Plain:
    pass
p = Plain()
print({p: 1}[p], p == p, p == Plain(), p != Plain())
class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly() == 5, EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(e)
{EqOnly(): 1}
