# Decorators on classes: registration and adding attributes.
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
def with_greeting(greeting):
    def deco(cls):
        cls.greeting = greeting
        return cls
    return deco
@register
@with_greeting("hello")
class Plugin:
    def run(self):
        return self.greeting + " from " + type(self).__name__
print(registry, Plugin().run())
print(registry["Plugin"] is Plugin)
