for n in range(-2, 3):
    print(n, "neg" if n < 0 else "zero" if n == 0 else "pos")
x = 5
y = 10 if x > 3 else 20
print(y)
print([("even" if i % 2 == 0 else "odd") for i in range(5)])
f = lambda a: a if a > 0 else -a
print(f(-3), f(4))
print((1 if True else 2) + (3 if False else 4))
def fizz(i):
    return "FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i)
print(" ".join(fizz(i) for i in range(1, 21)))
data = [3, None, 7, None]
print([d if d is not None else 0 for d in data])
print("yes" if [] else "no", "yes" if [0] else "no")
m = max(3, 9) if x else min(3, 9)
print(m)
