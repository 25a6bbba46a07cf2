def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc()
inc(5)
print(get(), inc(), get())
def outer():
    x = 1
    def mid():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x *= 2
        inner()
    mid()
    return x
print(outer())
def bank(balance):
    log = []
    def deposit(amount):
        nonlocal balance
        balance += amount
        log.append("+" + str(amount))
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            log.append("denied")
            return balance
        balance -= amount
        log.append("-" + str(amount))
        return balance
    def history():
        return log, balance
    return deposit, withdraw, history
dep, wd, hist = bank(100)
print(dep(50), wd(30), wd(500), dep(5))
print(hist())
def fib_gen():
    a, b = 0, 1
    def step():
        nonlocal a, b
        r = a
        a, b = b, a + b
        return r
    return step
nxt = fib_gen()
print([nxt() for _ in range(12)])
