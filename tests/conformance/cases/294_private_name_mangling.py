# __private names are mangled to _Class__name inside a class, as in CPython.
class Account:
    __count = 0
    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1
    def __secret(self):
        return "secret of " + self.__owner
    def reveal(self):
        return self.__secret()
    @classmethod
    def count(cls):
        return cls.__count
class Savings(Account):
    def __init__(self, owner):
        super().__init__(owner)
        self.__owner = "savings:" + owner
a = Savings("ann")
print(a.reveal(), Account.count(), sorted(a.__dict__), a._Account__owner)
print(hasattr(a, "__owner"), hasattr(Account, "_Account__secret"), "_Account__count" in Account.__dict__)
class __Hidden:
    __v = 1
print(sorted(k for k in __Hidden.__dict__ if "v" in k))
a.__owner
