# yield from delegates to a sub-generator and gives its return value.
def inner(tag):
    got = yield tag + ":1"
    got2 = yield tag + ":2"
    return (got, got2)
def outer():
    r1 = yield from inner("a")
    print("inner a returned", r1)
    r2 = yield from inner("b")
    print("inner b returned", r2)
    yield from range(3)
    yield from "xy"
o = outer()
print(next(o), o.send("s1"), o.send("s2"), o.send("s3"), o.send("s4"))
print(list(o))
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
