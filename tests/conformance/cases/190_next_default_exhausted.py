# next() with and without a default on an exhausted iterator.
it = iter([1])
print(next(it), next(it, None), next(it, "again"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
next(iter([]))
