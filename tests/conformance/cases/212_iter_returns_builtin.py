# __iter__ may hand back a built-in iterator; __getitem__ alone also iterates.
class Deck:
    def __init__(self):
        self.cards = ["A", "K", "Q"]
    def __iter__(self):
        return iter(self.cards)
print(list(Deck()), "K" in Deck(), ",".join(Deck()))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq())
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print(e)
class BadIter:
    def __iter__(self):
        return [1, 2]
for x in BadIter():
    pass
