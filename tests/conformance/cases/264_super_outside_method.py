def f():
    return super()
print("start")
f()
