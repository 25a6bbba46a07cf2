# A subclass's reflected method runs first when it overrides the base's.
class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
    def __lt__(self, o):
        return "Base.__lt__"
    def __gt__(self, o):
        return "Base.__gt__"
class Derived(Base):
    def __radd__(self, o):
        return "Derived.__radd__"
    def __gt__(self, o):
        return "Derived.__gt__"
print(Base() + Derived(), Derived() + Base(), Base() + Base(), 1 + Base())
print(Base() < Derived(), Derived() < Base())
class Other:
    def __radd__(self, o):
        return "Other.__radd__"
print(Base() + Other(), 5 + Other())
Other() + 5
