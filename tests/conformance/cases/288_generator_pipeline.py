# A pipeline of generators, the classic producer/filter/consumer shape.
def produce(n):
    for i in range(n):
        print("produce", i)
        yield i
def square(items):
    for x in items:
        yield x * x
def only_even(items):
    for x in items:
        if x % 2 == 0:
            yield x
for value in only_even(square(produce(5))):
    print("consume", value)
class Reader:
    def __init__(self, words):
        self.words = words
    def __iter__(self):
        for w in self.words:
            yield w.upper()
print(list(Reader(["a", "b"])), ",".join(Reader("xyz")))
