# Inheritance, overriding and zero-argument super().
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return f"{self.name} is an {self.kind}: {self.speak()}"
class Dog(Animal):
    kind = "dog"
    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks
    def speak(self):
        return super().speak() + " (woof)"
class Puppy(Dog):
    def speak(self):
        return super().speak().upper()
p = Puppy("rex", ["sit"])
print(p.describe())
print(p.tricks, isinstance(p, Animal), isinstance(p, Dog), type(p).__mro__)
print(Dog.__bases__, Puppy.__base__ if hasattr(Puppy, "__base__") else "-")
print(super(Puppy, p).speak())
print(issubclass(Puppy, (int, Animal)), issubclass(Dog, Dog), issubclass(bool, int))
class NoSuperInit(Animal):
    def __init__(self):
        pass
n = NoSuperInit()
print(n.name)
