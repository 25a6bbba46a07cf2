# Functions added to a class later become methods; on an instance they stay plain.
class Dog:
    def __init__(self, name):
        self.name = name
def bark(self, times=1):
    return self.name + " woof" * times
Dog.bark = bark
d = Dog("rex")
print(d.bark(), d.bark(2))
d.wag = lambda: "wagging"
print(d.wag(), "wag" in d.__dict__, hasattr(Dog, "wag"))
Dog.species = "canis"
print(d.species, Dog("x").species)
d.wag(1)
