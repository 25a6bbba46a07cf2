def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
print(greet("Ed", "Hey", "."))
def power(base, exp=2):
    return base ** exp
print(power(3), power(3, 3), power(exp=0, base=9))
def describe(a, b=None, c=[1]):
    return (a, b, c)
print(describe(1), describe(1, 2), describe(1, c=3))
def noret(x):
    x * 2
print(noret(5))
def multi():
    return 1, "two", [3]
print(multi())
def early(n):
    if n < 0:
        return "negative"
    for i in range(n):
        if i == 3:
            return "hit 3"
    return "finished"
print(early(-1), early(10), early(2))
def fact(n):
    "docstring is ignored"
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
def apply(fn, *vals):
    return fn(*vals)
print(apply(greet, "Fay"), apply(max, 3, 9, 2), apply(power, 2, 5))
print(callable(greet), callable(5))
f = greet
print(f("alias"), f is greet)
