def compute(values):
    total = 0
    for v in values:
        total += v
    return total
print("start")
print(compute([1, 2, 3]))
result = compute(range(5))
print("result", result)
print(undefined_variable)
print("never printed")
