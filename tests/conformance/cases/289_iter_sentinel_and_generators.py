# iter(callable, sentinel) beside generators; next() with a default.
data = [3, 1, 4, 0, 5]
it = iter(data)
print(list(iter(lambda: next(it), 0)))
def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]
print(list(chunks("abcdefg", 3)), next(chunks("", 2), "none"))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c), sum(c))
