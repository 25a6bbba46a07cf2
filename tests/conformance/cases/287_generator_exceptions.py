# Exceptions inside a generator reach the consumer; StopIteration inside becomes RuntimeError.
def parse(lines):
    for n, line in enumerate(lines, 1):
        if not line.isdigit():
            raise ValueError(f"line {n}: {line!r} is not a number")
        yield int(line)
try:
    print(list(parse(["1", "2", "x"])))
except ValueError as e:
    print(e)
def leaky():
    yield 1
    next(iter([]))
try:
    list(leaky())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def me():
    yield next(gen)
gen = me()
try:
    next(gen)
except ValueError as e:
    print(e)
print(list(parse(["4", "five"])))
