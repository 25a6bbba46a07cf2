i = 0
while i < 5:
    print("i =", i)
    i += 1
else:
    print("loop finished normally, i =", i)
n = 0
while n < 100:
    if n * n > 50:
        print("breaking at", n)
        break
    n += 1
else:
    print("never printed")
k = 10
while k > 0:
    k -= 3
else:
    print("k ended at", k)
while False:
    print("never")
else:
    print("else of empty while")
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
x = 27
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz steps", steps)
count = 0
while True:
    count += 1
    if count % 2:
        continue
    if count > 8:
        break
    print("even count", count)
