# type(name, bases, dict) makes a class, as a class statement does.
def speak(self):
    return f"{self.name} says {self.sound}"
Animal = type("Animal", (), {"sound": "...", "speak": speak, "__init__": lambda self, name: setattr(self, "name", name)})
Dog = type("Dog", (Animal,), {"sound": "woof"})
d = Dog("rex")
print(d.speak(), type(d).__name__, Dog.__mro__, isinstance(d, Animal), Dog.__module__)
Err = type("Err", (ValueError,), {})
try:
    raise Err("bad")
except ValueError as e:
    print(repr(e), type(e).__qualname__)
print(type(5), type("x") is str)
type("Bad", [], {})
