# Generator-heavy: a pipeline of generators, send(), yield from, and lazy
# generator expressions consumed by built-ins.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(items):
    for x in items:
        yield x * x


def evens(items):
    for x in items:
        if x % 2 == 0:
            yield x


def chain(*parts):
    for part in parts:
        yield from part


def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return average
        total += value
        count += 1
        average = total / count


total = sum(evens(squares(numbers(100000))))
joined = sum(chain(numbers(20000), squares(numbers(20000))))
acc = averager()
next(acc)
last = None
for v in numbers(50000):
    last = acc.send(v)
lazy = sum(x for x in range(100000) if x % 3 == 0)
firsts = [next(numbers(5)) for _ in range(2000)]
print(total, joined, last, lazy, sum(firsts))
