# A class with __iter__ and __next__ is iterated lazily, in for loops and by built-ins.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(3)), sum(Countdown(4)), sorted(Countdown(3)))
for x in Countdown(2):
    print("tick", x)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
class Forever:
    def __iter__(self):
        return self
    def __next__(self):
        return 7
for i, v in enumerate(Forever()):
    if i == 3:
        break
print(i, v, 7 in Forever())
a, b, c = Countdown(3)
print(a, b, c, [y * 2 for y in Countdown(3)], tuple(Countdown(2)), sorted(set(Countdown(2))))
next(it)
