# Class and instance attributes: instance first, then the class.
class Counter:
    step = 1
    def __init__(self, start=0):
        self.value = start
    def bump(self):
        self.value += self.step
        return self.value

a = Counter()
b = Counter(10)
print(a.bump(), a.bump(), b.bump())
b.step = 5
print(b.bump(), a.bump(), Counter.step)
Counter.step = 100
print(a.bump(), b.bump())
print(sorted(a.__dict__.items()), sorted(b.__dict__.items()))
print(a.missing)
