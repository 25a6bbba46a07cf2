# An exception from a method: the traceback's frames and last line.
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
        return self.balance
a = Account(10)
print(a.withdraw(3))
a.withdraw(100)
