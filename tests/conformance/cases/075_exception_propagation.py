trace = []
def a(n):
    trace.append("a" + str(n))
    return b(n) + 1
def b(n):
    trace.append("b" + str(n))
    return c(n) * 2
def c(n):
    trace.append("c" + str(n))
    if n < 0:
        raise ValueError("negative: " + str(n))
    return n
print(a(3), trace)
trace.clear()
try:
    a(-1)
except ValueError as e:
    print("caught at top:", e, trace)
def validate(items):
    errors = []
    for item in items:
        try:
            if not isinstance(item, int):
                raise TypeError("not int: " + repr(item))
            if item < 0:
                raise ValueError("negative")
            errors.append("ok " + str(item))
        except (TypeError, ValueError) as e:
            errors.append(type(e).__name__ + ": " + str(e))
    return errors
for line in validate([1, -2, "3", 4.0, 5]):
    print(line)
def risky(k):
    d = {"a": 1}
    return d[k]
def wrapper(k):
    try:
        return risky(k)
    except KeyError:
        return "default for " + k
print(wrapper("a"), wrapper("z"))
def lambdas():
    f = lambda x: 1 / x
    return [f(2), f(4)]
print(lambdas())
try:
    list(map(lambda x: 10 // x, [5, 2, 0]))
except ZeroDivisionError as e:
    print("from map:", e)
try:
    3 < "a"
except TypeError as e:
    print("from compare:", e)
