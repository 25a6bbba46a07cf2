# Comparisons fall back to reflected methods; == falls back to identity.
class Money:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return self.v > (other.v if isinstance(other, Money) else other)
m = Money(5)
print(m > 3, 3 < m, m > Money(1), Money(1) < m)
print(m == Money(5), m == m, m != Money(5))
try:
    print(m < 3)
except TypeError as e:
    print(e)
print(m >= 3)
