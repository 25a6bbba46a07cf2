# An exception raised by the callable ends the loop and propagates.
values = [3, 2, 1]


def take():
    v = values.pop()
    return 10 // (v - 3)


try:
    for x in iter(take, None):
        print("got", x)
except ZeroDivisionError as e:
    print("stopped:", e)
print(values)
