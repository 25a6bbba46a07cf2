x = 10
def show():
    print("global x is", x)
show()
def broken():
    print("before")
    print(x)
    x = 5
    return x
broken()
