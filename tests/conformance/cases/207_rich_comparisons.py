# Ordering dunders, reflection and sorting.
class V:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
    def __le__(self, other):
        return self.n <= other.n
    def __repr__(self):
        return f"V({self.n})"

a, b = V(1), V(2)
print(a < b, a > b, b > a, a <= b, b >= a)
print(sorted([V(3), V(1), V(2)]), max([V(3), V(5), V(4)]), min(V(9), V(8)))
print(sorted([V(3), V(1)], reverse=True))
class NoOrder:
    pass
try:
    NoOrder() < NoOrder()
except TypeError as e:
    print(e)
try:
    V(1) < 3
except AttributeError as e:
    print("AttributeError", e)
V(1) >= NoOrder()
