# Instances as dict keys and set members follow __hash__ and __eq__.
class Coord:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"C{self.x}{self.y}"
seen = set()
for c in [Coord(1, 2), Coord(1, 2), Coord(2, 1)]:
    seen.add(c)
print(len(seen), Coord(2, 1) in seen, {Coord(0, 0): "origin"}[Coord(0, 0)])
counts = {}
for c in [Coord(1, 1), Coord(1, 1), Coord(0, 1)]:
    counts[c] = counts.get(c, 0) + 1
print(sorted(counts.values()))
class BadHash:
    def __hash__(self):
        return "nope"
hash(BadHash())
