def withdraw(balance, amount):
    assert amount <= balance, f"cannot withdraw {amount} from {balance}"
    return balance - amount
b = 100
b = withdraw(b, 30)
print("balance", b)
b = withdraw(b, 70)
print("balance", b)
b = withdraw(b, 1)
print("unreachable")
