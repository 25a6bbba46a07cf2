# Function-call heavy: naive recursive fib plus small helper calls.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def add(a, b):
    return a + b

def clamp(v, lo=0, hi=100):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v

r = fib(31)
total = 0
for i in range(1000000):
    total = add(total, clamp(i % 150, hi=120))
print("fib(31) =", r, "total =", total)
