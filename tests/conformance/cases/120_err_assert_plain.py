def check_sorted(xs):
    for i in range(len(xs) - 1):
        assert xs[i] <= xs[i + 1]
    return True
print(check_sorted([1, 2, 3]))
print(check_sorted([]))
print(check_sorted([3, 1]))
