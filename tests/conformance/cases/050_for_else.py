for i in range(3):
    print("iter", i)
else:
    print("done, last", i)
def find(seq, target):
    for idx, item in enumerate(seq):
        if item == target:
            print("found", target, "at", idx)
            break
    else:
        print(target, "not found")
find([5, 3, 9], 9)
find([5, 3, 9], 4)
find([], 1)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for x in []:
    print("never")
else:
    print("else after empty for")
for ch in "ab":
    for k in (1, 2):
        print(ch, k, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=",")
print()
for i in range(5):
    pass
print("i after loop", i)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c)
