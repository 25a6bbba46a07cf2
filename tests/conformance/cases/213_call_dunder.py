# Instances with __call__ are callable, with keywords too.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, times=1):
        return (x + self.n) * times
add3 = Adder(3)
print(add3(1), add3(1, times=2), callable(add3), callable(Adder), callable(5))
print(list(map(add3, [1, 2, 3])))
class Task:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __call__(self):
        return f"{self.a} * {self.b} = {self.a * self.b}"
tasks = [Task(i, 7) for i in range(3)]
for t in tasks:
    print(t())
class NotCallable:
    pass
NotCallable()()
