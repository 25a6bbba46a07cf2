# Integer arithmetic in tight loops: Collatz lengths, digit sums, gcd.
def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

best_n = 1
best_len = 0
for n in range(1, 60000):
    c = collatz_len(n)
    if c > best_len:
        best_len = c
        best_n = n

digit_total = 0
for n in range(200000):
    m = n
    while m:
        digit_total += m % 10
        m //= 10

g_total = 0
for a in range(1, 400):
    for b in range(1, 100):
        x, y = a, b
        while y:
            x, y = y, x % y
        g_total += x

acc = 0
for i in range(400000):
    acc = (acc * 31 + i ^ (i >> 3)) & 0xFFFFFFFF

print("collatz", best_n, best_len, "digits", digit_total, "gcd", g_total, "acc", acc)
