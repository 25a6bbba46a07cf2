# A memoizing decorator that keeps state in its closure and on the function.
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        wrapper.hits = len(cache)
        return cache[n]
    wrapper.hits = 0
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.hits)
print(fib.__dict__)
