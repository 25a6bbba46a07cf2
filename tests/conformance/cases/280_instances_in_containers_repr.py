# Containers show their items' __repr__; str() of a container uses repr of items.
class P:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"P{self.n}"
    def __str__(self):
        return f"point {self.n}"
items = [P(1), P(2)]
print(items, str(items), {"a": P(3)}, (P(4),), {P(5)} if False else "skip")
print(f"{items}", "%s" % items, "{}".format(items), str(P(6)), "{!s}".format(P(7)))
print(sorted(items, key=lambda p: -p.n), max(items, key=lambda p: p.n))
